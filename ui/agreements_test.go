package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestAgreementTypedValidatedAndSaved(t *testing.T) {
	w := openWindow(t, withSample)
	showArea(t, w, "Agreements")
	test.LaidOutObjects(w.win.Canvas().Content())
	a := w.ws.agreements
	menuItem(t, w, "New").Action() // Ctrl+N in Agreements
	if w.win.Canvas().Focused() != a.title {
		t.Fatal("New agreement should put the cursor in Title")
	}
	test.Type(a.title, "Agreement on the return of victims")
	a.kind.w.SetSelected("Agreement")
	a.levelSel.w.SetSelected("Bilateral")
	w.ws.save()
	if msg := a.fields.message("partner_countries"); !strings.Contains(msg, "names at least one") {
		t.Errorf("partner countries message %q", msg)
	}
	test.Tap(button(t, w, "Add a partner country…"))
	search, list := pickerParts(t, w)
	test.Type(search, "roman")
	if list.Length() != 1 {
		t.Fatalf("“roman” lists %d countries, want Romania", list.Length())
	}
	list.Select(0)
	w.ws.save()
	if len(a.agreements) != 1 || a.agreements[0].PartnerCountries[0] != "RO" {
		t.Fatalf("agreements %+v", a.agreements)
	}
	if got := agreementDetail(a.agreements[0]); !strings.Contains(got, "Bilateral · Romania") {
		t.Errorf("list detail %q", got)
	}
	f, err := w.store.AgreementFiguresForPeriod(context.Background(), "2000-01-01", "2099-12-31")
	if err != nil || f.ByLevel["bilateral"] != 0 {
		// Not signed: an agreement counts as in force only once signed.
		t.Errorf("figures %+v, %v", f, err)
	}
	menuItem(t, w, "Undo").Action()
	if len(a.agreements) != 0 {
		t.Errorf("undo left %d agreements", len(a.agreements))
	}
}
