package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestContactDialogKeepsTypingOnErrorThenSaves(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	r.list.Select(0)
	p := r.contacts
	before := len(p.rows)
	test.Tap(p.add)
	if w.env().dialogSave == nil {
		t.Fatal("Add contact should open the contact dialog")
	}
	f := lastContactForm
	test.Type(f.name, "Zoë Lefèvre")
	test.Type(f.position, "Case manager")
	test.Type(f.emails, "zoe.lefevre@ngo")
	test.Type(f.phones, "022 123 456")
	f.roles.SetSelected([]string{"Trainer"})
	test.Tap(f.save)
	if msg := f.fields.message("emails"); !strings.Contains(msg, "zoe.lefevre@ngo") {
		t.Errorf("e-mail message %q should quote the wrong address", msg)
	}
	if w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the dialog closed although the contact was not saved")
	}
	if f.name.Text != "Zoë Lefèvre" || f.phones.Text != "022 123 456" {
		t.Error("typed values were lost")
	}
	f.emails.SetText("zoe.lefevre@ngo.example.org")
	// Ctrl+S saves the dialog's record.
	w.ws.save()
	if w.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog should close after a save")
	}
	if len(p.rows) != before+1 {
		t.Fatalf("contacts %d, want %d", len(p.rows), before+1)
	}
	c, ok := p.current()
	if !ok || c.Name != "Zoë Lefèvre" {
		t.Fatalf("the new contact should be selected, got %+v", c)
	}
	if len(c.Phones) != 1 || c.Phones[0] != "+37322123456" {
		t.Errorf("phone stored as %v, want E.164 in the register's country", c.Phones)
	}
	if len(c.Roles) != 1 || c.Roles[0] != "trainer" {
		t.Errorf("roles %v", c.Roles)
	}
	// The contact is found by search, through its organisation.
	r.search.SetText("lefevre")
	r.waitLoaded()
	found := false
	for _, row := range r.rows {
		found = found || contains(row.MatchedContacts, "Zoë Lefèvre")
	}
	if !found {
		t.Error("search for lefevre did not find the new contact")
	}
}

func TestContactArchiveAndHistory(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	r.list.Select(0)
	p := r.contacts
	if len(p.rows) == 0 {
		t.Fatal("the first organisation of the sample has no contacts")
	}
	p.list.Select(0)
	c, _ := p.current()
	test.Tap(p.archive)
	test.Tap(dialogButton(t, w, "Archive"))
	for _, row := range p.rows {
		if row.ID == c.ID {
			t.Fatal("the archived contact is still listed")
		}
	}
	changes, err := w.store.History(context.Background(), c.ID)
	if err != nil || len(changes) < 2 || changes[0].Action != "archive" {
		t.Fatalf("history %+v, %v: want the archive on top of the creation", changes, err)
	}
	lines := historyLines(changes)
	if !strings.Contains(lines[0], w.store.Device()) || !strings.Contains(lines[0], "Archive contact") {
		t.Errorf("history line %q should say when, where and what", lines[0])
	}
	if lines[1] != "    Archived: No → Yes" {
		t.Errorf("history field line %q", lines[1])
	}
}
