package ui

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// TestSaveDialogsOfDocumentsAskTheirLanguage: the calendar, the sign-in
// sheets, the certificates, the member lists and every form of the
// directory ask, when saved, which language to write them in.
func TestSaveDialogsOfDocumentsAskTheirLanguage(t *testing.T) {
	w := openWindow(t, withCourse)
	asks := func(what string) {
		t.Helper()
		v := w.ws.env.shown.save
		if v == nil {
			t.Errorf("%s: no save dialog", what)
			return
		}
		if v.language == nil {
			t.Errorf("%s: the save dialog does not ask the document's language", what)
		}
		v.d.Hide()
		w.ws.env.shown.save = nil
	}
	tr := openCourse(t, w)
	test.Tap(tr.calendar)
	asks("the calendar")
	test.Tap(tr.participants.signIn)
	asks("the sign-in sheets")
	var marks []data.Mark
	for _, d := range tr.grid.days {
		marks = append(marks, data.Mark{ParticipantID: tr.grid.participants[0].ID, Day: d, Mark: "present"})
	}
	if err := w.store.SetMarks(context.Background(), tr.form.current.ID, marks); err != nil {
		t.Fatal(err)
	}
	test.Tap(tr.participants.certs)
	asks("the certificates")

	showArea(t, w, "Coordination body")
	w.ws.body.tabs.SelectIndex(1) // Members
	test.Tap(button(t, w, "Member list (PDF)…"))
	asks("the member list (PDF)")
	test.Tap(button(t, w, "Member list (xlsx)…"))
	asks("the member list (xlsx)")

	w.ws.nav.Select(areaRegister)
	for format := range directoryFormats {
		w.ws.register.saveDirectory(format)
		asks("the directory (" + format + ")")
	}
}

// TestTheDirectoryIsWrittenInTheChosenLanguage: the language chosen in
// the save dialog reaches the directory's writer, whichever way the
// workbook is read (while written, the largest).
func TestTheDirectoryIsWrittenInTheChosenLanguage(t *testing.T) {
	w := openWindow(t, withSample)
	fr, err := locale.FromFiles(fstest.MapFS{"t/en.json": {Data: []byte(`{}`)},
		"t/fr.json": {Data: []byte(`{"Directory": "Annuaire", "Organisation": "Organisme"}`)}}, "t", "fr")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := w.ws.register.directoryWriter("xlsx")(&b, fr); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Annuaire")
	if !slices.Equal(f.GetSheetList(), []string{"Annuaire"}) || len(rows) < 2 || rows[0][0] != "Organisme" {
		t.Errorf("the directory in French: sheets %q, first row %q", f.GetSheetList(), rows[:min(1, len(rows))])
	}
}
