package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/ncm-register/ncm-register/data"
)

// TestSaveDialogsOfDocumentsAskTheirLanguage: the calendar, the sign-in
// sheets and the certificates ask, when saved, which language to write
// them in.
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
}
