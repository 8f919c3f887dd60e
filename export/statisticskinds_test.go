package export

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

// TestOffencesAssetsAndCountriesReachTheReply: offences recorded, the value
// of assets confiscated with its currency, and foreign victims by country
// are drafted, and read back from the workbook and the PDF.
func TestOffencesAssetsAndCountriesReachTheReply(t *testing.T) {
	r := newReplyRegister(t)
	ctx := context.Background()
	if err := r.s.SetStatistics(ctx, 2024, []data.Statistic{
		{Measure: "investigated", Value: 40}, {Measure: "investigated", Breakdown: "sex:male", Value: 31},
		{Measure: data.CasesMeasure, Value: 27}, {Measure: data.CasesMeasure, Breakdown: "form:forced_labour", Value: 9},
		{Measure: data.AssetsMeasure, Value: 50_000, Currency: "MDL"},
	}); err != nil {
		t.Fatal(err)
	}
	if err := r.s.SetStatistics(ctx, 2025, []data.Statistic{
		{Measure: "investigated", Value: 55}, {Measure: "victims_identified", Value: 12},
		{Measure: "victims_identified", Breakdown: "citizenship:foreign", Value: 5},
		{Measure: "victims_identified", Breakdown: "country:UA", Value: 4},
		{Measure: data.AssetsMeasure, Value: 70_000, Currency: "MDL"},
	}); err != nil {
		t.Fatal(err)
	}
	c := r.load(t)
	period := r.s.Period(ctx, c.Reply.From, c.Reply.To)
	for _, name := range []string{"statistics.assets_confiscated", "statistics.cases_recorded"} { // bound by no built-in question
		f, _ := data.NamedFigureByName(name)
		v, err := f.Compute(period)
		if err != nil {
			t.Fatal(err)
		}
		c.Figures[name] = v
	}
	assets := c.Figures["statistics.assets_confiscated"]
	if assets.Total != 120_000 || assets.Unit != "MDL" {
		t.Fatalf("assets %+v, want 120000 MDL", assets)
	}
	f, _ := data.NamedFigureByName("statistics.assets_confiscated")
	draft := DraftNarrative(Question{Bindings: []string{"statistics.assets_confiscated", "statistics.cases_recorded"}}, c.Figures)
	for _, want := range []string{f.Title + ": 120,000 MDL (2025 70,000, 2024 50,000).", "Offences recorded, per year: 27 (2024 27); not available for 2025."} {
		if !strings.Contains(draft, want) {
			t.Errorf("draft %q\nlacks %q", draft, want)
		}
	}

	book, _ := workbook(t, c)
	rows := sheetRows(t, book, "Annex 6 Statistics")
	line := func(measure, breakdown string) []string {
		i := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 1 && r[0] == measure && r[1] == breakdown })
		if i < 0 {
			t.Errorf("the statistics annex has no line %q / %q", measure, breakdown)
			return nil
		}
		return rows[i]
	}
	for _, tc := range []struct {
		measure, breakdown string
		want               []string // 2024, 2025
	}{
		{"Value of assets confiscated (MDL)", "Total", []string{"50000", "70000"}},
		{"Offences recorded", "Total", []string{"27", ""}},
		{"Offences recorded", "By form of exploitation: Forced labour", []string{"9", ""}},
		{"Victims identified", "Foreign nationals by country: Ukraine", []string{"", "4"}},
	} {
		if got := line(tc.measure, tc.breakdown); got != nil {
			got = append(got, "", "")[2:4]
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s / %s: %q, want %q", tc.measure, tc.breakdown, got, tc.want)
			}
		}
	}

	var pdf bytes.Buffer
	if err := ReplyPDF(&pdf, c); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdfText(t, pdf.Bytes()), "\n")
	at := strings.Index(text, "Annex 6. Statistics by year")
	if at < 0 {
		t.Fatal("the PDF has no statistics annex")
	}
	annex := text[at:]
	for _, want := range []string{"Offences", "50,000 MDL", "70,000 MDL", "Victims identified"} {
		if !strings.Contains(annex, want) {
			t.Errorf("the PDF's statistics annex lacks %q:\n%s", want, annex[:min(len(annex), 1200)])
		}
	}
}

// TestAssetsInTwoCurrenciesHaveNoTotal: a period whose years are in two
// currencies gives each year in its own and no total, everywhere.
func TestAssetsInTwoCurrenciesHaveNoTotal(t *testing.T) {
	v := data.FigureValue{Unadded: true, Rows: []data.FigureRow{{Code: "2024", Label: "2024 (MDL)", Value: 50_000},
		{Code: "2025", Label: "2025 (EUR)", Value: 3_000}}}
	c := ReplyContent{Template: Template{ID: "t", Version: "1"}, Reply: data.Reply{From: "2024-01-01", To: "2025-12-31"},
		Figures: map[string]data.FigureValue{"statistics.assets_confiscated": v}}
	q := Question{ID: "G9", Text: "What was confiscated?", Kind: "figures", Bindings: []string{"statistics.assets_confiscated"}}
	c.Template.Sections = []TemplateSection{{ID: "G", Title: "Criminal justice", Questions: []Question{q}}}
	c.Annexes.Courses = func(func(data.AnnexCourse) error) error { return nil }
	if draft := DraftNarrative(q, c.Figures); !strings.Contains(draft, ": "+NotAddedUp+" (2024 (MDL) 50,000, 2025 (EUR) 3,000).") {
		t.Errorf("draft %q", draft)
	}
	book, _ := workbook(t, c)
	found := false
	for _, sheet := range book.GetSheetList() {
		for _, row := range sheetRows(t, book, sheet) {
			if len(row) > 3 && row[2] == "Total" && strings.Contains(strings.Join(row, " "), "confiscated") {
				found = true
				if row[3] != NotAddedUp {
					t.Errorf("workbook %s: %q, want no total", sheet, row)
				}
			}
		}
	}
	if !found {
		t.Error("the workbook has no total line for the assets")
	}
	if got := CheckCompleteness(c.Template, nil, c.Figures); len(got.ZeroFigures) != 0 {
		t.Errorf("amounts in two currencies counted as a zero figure: %v", got.ZeroFigures)
	}
}
