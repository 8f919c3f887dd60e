package ui

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
)

func TestFirstStartOffersTheSample(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "register.db")
	w := startOn(t, path)
	if w.ws == nil {
		t.Fatal("a new register should open")
	}
	test.Tap(dialogButton(t, w, "Load the sample register"))
	if w.store.Path() != sampleFile(path) {
		t.Fatalf("the window shows %s, want the sample in a file of its own", w.store.Path())
	}
	if !strings.Contains(w.ws.message.Text, path) {
		t.Errorf("the status does not say where the user's register is: %q", w.ws.message.Text)
	}
	w.ws.register.waitLoaded()
	if n := len(w.ws.register.rows); n != data.SmallSample.Organisations {
		t.Fatalf("after loading the sample the list has %d organisations, want %d", n, data.SmallSample.Organisations)
	}
	if got, want := w.ws.counts.Text, "48 organisations · 140 contacts"; got != want {
		t.Errorf("status bar counts %q, want %q", got, want)
	}
	if w.store.Country(context.Background()) != data.SampleCountry {
		t.Error("the sample should set the register's country")
	}
	showArea(t, w, "Settings")
	if w.ws.settings.country.code() != data.SampleCountry {
		t.Error("Settings should show the sample's country")
	}
	// The data file and its folder are private to the user.
	for p, want := range map[string]os.FileMode{path: 0o600, filepath.Dir(path): 0o700} {
		if info, err := os.Stat(p); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, info.Mode().Perm(), want)
		}
	}
	w.closeStore()
	// The user's own register was not written into, and its first start is
	// over: opened again, it is empty and offers nothing.
	w2 := startOn(t, path)
	if w2.win.Canvas().Overlays().Top() != nil {
		t.Error("the sample is offered again on the second start")
	}
	if n := len(w2.ws.register.rows); n != 0 {
		t.Errorf("the user's register holds %d organisations after looking at the sample", n)
	}
}

func TestStartingEmptyIsRemembered(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	w := startOn(t, path)
	test.Tap(dialogButton(t, w, "Start with an empty register"))
	if len(w.ws.register.rows) != 0 {
		t.Fatal("an empty start should leave the register empty")
	}
	w.closeStore()
	if w2 := startOn(t, path); w2.win.Canvas().Overlays().Top() != nil {
		t.Error("the choice is offered again after starting empty")
	}
}

func TestNotADatabaseIsExplainedAndUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	content := []byte("Meeting notes, not a register\n")
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	w := startOn(t, path)
	if w.ws != nil {
		t.Fatal("a text file was opened as a register")
	}
	if !hasText(w, "This file is not a register") {
		t.Errorf("the window does not explain the problem: %q", shownTexts(w))
	}
	button(t, w, "Choose another file…")
	button(t, w, "New register…")
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Open read-only" {
			t.Error("read-only is offered for a file that is no register")
		}
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, content) {
		t.Error("the file was changed")
	}
}

func TestReadOnlyFileOpensReadOnlyOnRequest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	w := openWindowAt(t, path, withSample)
	w.closeStore()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	w = startOn(t, path)
	if !hasText(w, "This register is read-only") {
		t.Fatalf("no read-only explanation: %q", shownTexts(w))
	}
	test.Tap(button(t, w, "Open read-only"))
	if w.ws == nil || !w.store.ReadOnly() {
		t.Fatal("Open read-only did not open the register")
	}
	w.ws.register.waitLoaded()
	if len(w.ws.register.rows) != data.SmallSample.Organisations {
		t.Errorf("read-only list has %d rows", len(w.ws.register.rows))
	}
	w.ws.register.list.Select(0)
	if !w.ws.register.newOrg.Disabled() || !w.ws.register.contacts.add.Disabled() {
		t.Error("adding should be disabled in a read-only register")
	}
	if !hasText(w, "Read-only: this register can be read and searched, but nothing can be changed or saved.") {
		t.Error("the read-only banner is missing")
	}
}

func TestSecondWindowOnTheSameFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	first := openWindowAt(t, path, withSample)
	second := startOn(t, path)
	if second.ws != nil {
		t.Fatal("the same register was opened twice for writing")
	}
	if !hasText(second, "This register is already open") {
		t.Errorf("no explanation: %q", shownTexts(second))
	}
	test.Tap(button(t, second, "Open read-only"))
	if second.store == nil || !second.store.ReadOnly() {
		t.Fatal("Open read-only should work beside the first window")
	}
	if first.store.ReadOnly() {
		t.Error("the first window lost write access")
	}
}

func TestSettingsCountryIsUndoable(t *testing.T) {
	w := openWindow(t, withSample)
	showArea(t, w, "Settings")
	s := w.ws.settings
	s.country.w.SetSelected("France")
	if got := w.store.Country(context.Background()); got != "FR" {
		t.Fatalf("country stored %q, want FR", got)
	}
	menuItem(t, w, "Undo").Action()
	if got := w.store.Country(context.Background()); got != data.SampleCountry {
		t.Errorf("undo left the country at %q", got)
	}
	if s.country.code() != data.SampleCountry {
		t.Errorf("Settings shows %q after undo", s.country.code())
	}
}

func TestClosingTheWindowClosesTheRegisterAndExplainsAnIncompleteOne(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	w := startOn(t, path)
	st := w.store
	w.closeWindow()
	if w.store != nil {
		t.Fatal("closing the window left the register open")
	}
	if _, err := st.Organisations(context.Background(), data.OrganisationFilter{}); err == nil {
		t.Error("the register still answers after the window closed it")
	}

	// A register whose last changes stayed in the -wal file (the data test
	// makes one on a real full disk) is explained before the window goes.
	closed := false
	shown := w.explainIncomplete(&data.IncompleteError{Path: path, Err: errors.New("database or disk is full")}, func() { closed = true })
	if !shown || !strings.Contains(strings.Join(shownTexts(w), "\n"), "They are kept in the file register.db-wal beside it") {
		t.Fatalf("the incomplete close is not explained: %q", shownTexts(w))
	}
	test.Tap(dialogButton(t, w, "OK"))
	if !closed {
		t.Error("the window did not go on closing after the explanation")
	}
	if w.explainIncomplete(errors.New("another fault"), func() {}) {
		t.Error("an error other than an incomplete close was explained as one")
	}
}
