package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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
	if s.totals[2025]["convicted"] != "12" || len(s.years) != 1 {
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

// TestStatisticsAssetsAndForeignNationalsByCountry: the value of assets is
// saved with the register's currency offered, a wrong code is refused
// beside the currency, and foreign victims are entered country by country.
func TestStatisticsAssetsAndForeignNationalsByCountry(t *testing.T) {
	w := openWindow(t, nil)
	ctx := context.Background()
	if err := w.store.SetCountry(ctx, "MD"); err != nil {
		t.Fatal(err)
	}
	showArea(t, w, "Statistics")
	s := w.ws.statistics
	s.load(2025)
	if s.currency.Text != "MDL" {
		t.Errorf("currency offered %q, want the country's MDL", s.currency.Text)
	}
	test.Type(s.entries["assets_confiscated"], "250000")
	s.currency.SetText("")
	test.Type(s.currency, "LEI")
	test.Type(s.entries["victims_identified"], "30")
	test.Type(s.entries["victims_identified/citizenship:foreign"], "7")
	test.Tap(s.foreign["victims_identified"].add)
	search, list := pickerParts(t, w)
	test.Type(search, "ukrai")
	if list.Length() != 1 {
		t.Fatalf("“ukrai” lists %d countries, want Ukraine", list.Length())
	}
	list.Select(0)
	lines := s.foreign["victims_identified"].lines
	if len(lines) != 1 || lines[0].code != "UA" {
		t.Fatalf("country lines %+v, want Ukraine", lines)
	}
	test.Type(lines[0].count, "5")
	test.Tap(s.save)
	if msg := s.fields.message("assets_confiscated/currency"); !strings.Contains(msg, "not a currency code") {
		t.Errorf("message beside the currency: %q", msg)
	}
	if got, _ := w.store.Statistics(ctx, 2025); len(got) != 0 {
		t.Fatalf("%d figures saved with a wrong currency", len(got))
	}
	s.currency.SetText("eur")
	test.Tap(s.save)
	got, err := w.store.Statistics(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"assets_confiscated/": "250000 EUR", "victims_identified/": "30 ",
		"victims_identified/citizenship:foreign": "7 ", "victims_identified/country:UA": "5 "}
	for _, st := range got {
		key := st.Measure + "/" + st.Breakdown
		if v := strconv.Itoa(st.Value) + " " + st.Currency; want[key] != v {
			t.Errorf("%s saved as %q, want %q", key, v, want[key])
		}
		delete(want, key)
	}
	if len(want) > 0 {
		t.Errorf("not saved: %v", want)
	}
	if s.totals[2025]["assets_confiscated"] != "250,000" || s.assetsUnit != "EUR" {
		t.Errorf("the year-by-year table shows %q for the assets", s.totals[2025]["assets_confiscated"])
	}
	// Read again, the country's line comes back; removing it clears it.
	s.load(2025)
	lines = s.foreign["victims_identified"].lines
	if len(lines) != 1 || lines[0].count.Text != "5" || s.currency.Text != "EUR" {
		t.Fatalf("read back: %d lines, currency %q", len(lines), s.currency.Text)
	}
	for _, o := range test.LaidOutObjects(lines[0].row) {
		if b, ok := o.(*widget.Button); ok && b.Icon == theme.DeleteIcon() {
			test.Tap(b)
		}
	}
	test.Tap(s.save)
	after, _ := w.store.Statistics(ctx, 2025)
	for _, st := range after {
		if st.Breakdown == "country:UA" {
			t.Error("the removed country is still saved")
		}
	}
	if len(after) != 3 {
		t.Errorf("%d figures after removing the country, want 3", len(after))
	}
}
