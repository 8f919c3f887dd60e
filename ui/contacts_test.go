package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
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
	f := w.ws.env.shown.contactForm
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
	lines := historyLines(changes, func(_, id string) string { return id })
	if !strings.Contains(lines[0], w.store.Device()) || !strings.Contains(lines[0], "Archive contact") {
		t.Errorf("history line %q should say when, where and what", lines[0])
	}
	if lines[1] != "    Archived: No → Yes" {
		t.Errorf("history field line %q", lines[1])
	}
}

func TestContactMovesToAnotherOrganisation(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	r.list.Select(0)
	from := r.form.current
	p := r.contacts
	p.list.Select(0)
	c, _ := p.current()
	test.Tap(p.edit)
	f := w.ws.env.shown.contactForm
	test.Tap(dialogButton(t, w, "Move…"))
	picker := w.win.Canvas().Overlays().Top()
	if picker == nil {
		t.Fatal("Move… should open the organisation picker")
	}
	var search *widget.Entry
	for _, o := range test.LaidOutObjects(picker) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "Type part of the name, acronym or region" {
			search = e
		}
	}
	if search == nil {
		t.Fatal("the picker has no search field")
	}
	test.Type(search, "мвд")
	var list *widget.List
	for _, o := range test.LaidOutObjects(picker) {
		if l, ok := o.(*widget.List); ok {
			list = l
		}
	}
	if list == nil || list.Length() != 1 {
		t.Fatalf("the picker should list the one organisation matching мвд")
	}
	list.Select(0)
	if f.current.OrganisationID == from.ID {
		t.Fatal("picking did not change the organisation")
	}
	// The day of the move, today unless changed; a day to come is refused
	// beside it, and nothing moves.
	if !f.movedOn.Visible() || f.movedOn.Value() != time.Now().Format(time.DateOnly) {
		t.Fatalf("the day of the move shows %q (visible %v), want today", f.movedOn.Value(), f.movedOn.Visible())
	}
	f.movedOn.SetText("")
	test.Type(f.movedOn, time.Now().AddDate(1, 0, 0).Format(time.DateOnly))
	test.Tap(f.save)
	if msg := f.fields.message("moved_on"); !strings.Contains(msg, "not a day of the past or today") {
		t.Fatalf("a move a year from now: %q beside the day", msg)
	}
	if still, _ := w.store.Contact(context.Background(), c.ID); still.OrganisationID != from.ID {
		t.Fatal("a refused move moved the contact")
	}
	f.movedOn.SetText("")
	test.Type(f.movedOn, "2025-03-01")
	test.Tap(f.save)
	moved, err := w.store.Contact(context.Background(), c.ID)
	if err != nil || moved.OrganisationID == from.ID {
		t.Fatalf("the contact was not moved: %+v %v", moved, err)
	}
	if left, _ := w.store.Memberships(context.Background(), c.ID); len(left) != 1 || left[0].OrganisationID != from.ID || left[0].To != "2025-02-28" {
		t.Errorf("the organisation left is kept as %+v, want %s until 2025-02-28", left, from.Name)
	}
	if got, want := earlierOrganisations(w.ws.env, c.ID), from.Name; !strings.HasPrefix(got, want) || !strings.Contains(got, "until 28 Feb 2025") && !strings.Contains(got, "until Feb 28, 2025") {
		t.Errorf("the contact form says before: %q, want %s until 28 February 2025", got, want)
	}
	for _, row := range p.rows {
		if row.ID == c.ID {
			t.Error("the moved contact is still listed under its old organisation")
		}
	}
	if !strings.Contains(w.ws.message.Text, "moved to МВД") {
		t.Errorf("status %q should say where the contact went", w.ws.message.Text)
	}
	changes, _ := w.store.History(context.Background(), c.ID)
	lines := historyLines(changes, func(_, id string) string {
		o, _ := w.store.Organisation(context.Background(), id)
		return o.Name
	})
	if !strings.Contains(lines[1], "Organisation: "+from.Name+" → МВД") {
		t.Errorf("history says %q", lines[1])
	}
}

func TestTheContactDialogListsTheCoursesThePersonTookPartIn(t *testing.T) {
	w := openWindow(t, withCourse)
	ctx := context.Background()
	rows, _ := w.store.Organisations(ctx, data.OrganisationFilter{})
	org, _ := w.store.Organisation(ctx, rows[0].ID)
	people, _ := w.store.Contacts(ctx, org.ID, false)
	if len(people) == 0 {
		t.Fatalf("%s has no focal points in the sample", org.Name)
	}
	f := editContact(w.ws.env, org, people[0], nil)
	if got := f.tookPart.Text; !strings.Contains(got, dayText("2026-03-02")+" · Victim identification · attendance not recorded") {
		t.Errorf("Took part in: %q, want the course, its attendance not recorded", got)
	}
	f.close()
	if f := editContact(w.ws.env, org, data.Contact{OrganisationID: org.ID}, nil); f.tookPart != nil {
		t.Error("a new contact's dialog lists what they took part in")
	}
}

func TestTheOrganisationFormListsItsPeoplesCourses(t *testing.T) {
	w := openWindow(t, withCourse)
	r := w.ws.register
	r.list.Select(0)
	people, _ := w.store.Contacts(context.Background(), r.rows[0].ID, false)
	got := r.form.courses.Text
	want := dayText("2026-03-02") + " · Victim identification · " + countPeople(len(people))
	if !strings.Contains(got, want) {
		t.Errorf("the form lists %q, want %q", got, want)
	}
	r.list.Select(len(r.rows) - 1)
	if got := r.form.courses.Text; got != "None yet" {
		t.Errorf("an organisation whose people took no course: %q", got)
	}
}
