package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestStatisticsTypedSavedWithWarningsAndUndo(t *testing.T) {
	w := openWindow(t, nil)
	showArea(t, w, "Statistics")
	s := w.ws.statistics
	s.load(2025)
	test.Type(s.entries["victims_identified"], "120")
	test.Type(s.entries["victims_identified/sex:female"], "80")
	test.Type(s.entries["victims_identified/sex:male"], "38")
	test.Type(s.entries["convicted"], "12.5")
	w.ws.save() // Ctrl+S
	if msg := s.fields.message("convicted"); !strings.Contains(msg, "not a whole number") {
		t.Errorf("message beside Persons convicted: %q", msg)
	}
	if s.entries["victims_identified"].Text != "120" || s.entries["convicted"].Text != "12.5" {
		t.Fatal("the typing was lost")
	}
	if got, _ := w.store.Statistics(context.Background(), 2025); len(got) != 0 {
		t.Fatalf("%d figures saved although one was wrong", len(got))
	}
	s.entries["convicted"].SetText("12")
	test.Tap(s.save)
	got, err := w.store.Statistics(context.Background(), 2025)
	if err != nil || len(got) != 4 {
		t.Fatalf("saved figures %+v, %v", got, err)
	}
	if !strings.Contains(s.warnings.Text, "Victims identified 2025: the total is 120, but by sex they add up to 118") {
		t.Errorf("warnings %q", s.warnings.Text)
	}
	if s.totals[2025]["convicted"] != 12 || len(s.years) != 1 {
		t.Errorf("year-by-year table %v %v", s.years, s.totals)
	}
	menuItem(t, w, "Undo").Action()
	if s.entries["convicted"].Text != "" {
		t.Errorf("after undo the form shows %q for convictions", s.entries["convicted"].Text)
	}
}

func TestStatisticsNegativeCountRefusedBesideTheField(t *testing.T) {
	w := openWindow(t, nil)
	showArea(t, w, "Statistics")
	s := w.ws.statistics
	s.load(2024)
	test.Type(s.entries["victims_assisted/form:begging"], "-3")
	test.Tap(s.save)
	if msg := s.fields.message("victims_assisted/form:begging"); !strings.Contains(msg, "cannot be negative") {
		t.Errorf("message %q", msg)
	}
	if got, _ := w.store.Statistics(context.Background(), 2024); len(got) != 0 {
		t.Error("a negative count was saved")
	}
}
