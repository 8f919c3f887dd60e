package export

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

// TestAFigureNobodyEnteredIsNotAvailable: a statistic no agency has entered
// for the period is "not available" in the draft, the workbook and the PDF,
// never 0, while one entered as 0 stays 0.
func TestAFigureNobodyEnteredIsNotAvailable(t *testing.T) {
	r := newReplyRegister(t)
	c := r.load(t)
	convicted, entered := c.Figures["statistics.convicted"], c.Figures["statistics.investigated"]
	if !convicted.Unknown || entered.Unknown {
		t.Fatalf("convicted (never entered) unknown %v; investigated (entered) unknown %v", convicted.Unknown, entered.Unknown)
	}
	f, _ := data.NamedFigureByName("statistics.convicted")

	draft := DraftNarrative(Question{Bindings: []string{"statistics.convicted"}}, c.Figures)
	if !strings.Contains(draft, f.Title+": not available") || strings.Contains(draft, f.Title+": 0") {
		t.Errorf("draft: %q", draft)
	}

	book, _ := workbook(t, c)
	found := false
	for _, sheet := range book.GetSheetList() {
		for _, row := range sheetRows(t, book, sheet) {
			if len(row) > 3 && row[1] == f.Title {
				found = true
				if row[3] != "not available" {
					t.Errorf("workbook %s: %q", sheet, row)
				}
			}
		}
	}
	if !found {
		t.Fatalf("the workbook has no row for %s", f.Title)
	}

	var pdf bytes.Buffer
	if err := ReplyPDF(&pdf, c); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdfText(t, pdf.Bytes()), "\n")
	at := strings.Index(text, f.Title)
	if at < 0 || !strings.Contains(text[at:min(len(text), at+400)], "not available") {
		t.Errorf("the PDF does not say the figure is not available:\n%s", text[max(0, at):min(len(text), at+400)])
	}
}

// TestAYearNobodyEnteredIsNotAvailable: over two years of which only the
// first has figures, the total is the first year's and the reply says the
// second is not available, in the draft, the workbook and the PDF.
func TestAYearNobodyEnteredIsNotAvailable(t *testing.T) {
	c := ReplyContent{Template: Template{ID: "t", Version: "1"}, Reply: data.Reply{From: "2024-01-01", To: "2025-12-31"},
		Figures: map[string]data.FigureValue{"statistics.convicted": {Total: 9,
			Rows: []data.FigureRow{{Code: "2024", Label: "2024", Value: 9}}, Missing: []string{"2025"}}}}
	c.Template.Sections = []TemplateSection{{ID: "C", Title: "Criminal justice", Questions: []Question{
		{ID: "C9", Text: "How many persons were convicted?", Kind: "narrative", Bindings: []string{"statistics.convicted"}}}}}
	c.Annexes.Courses = func(func(data.AnnexCourse) error) error { return nil }
	f, _ := data.NamedFigureByName("statistics.convicted")

	draft := DraftNarrative(c.Template.Sections[0].Questions[0], c.Figures)
	if want := f.Title + ": 9 (2024 9); not available for 2025."; draft != want {
		t.Errorf("draft %q, want %q", draft, want)
	}

	book, _ := workbook(t, c)
	found := false
	for _, sheet := range book.GetSheetList() {
		for _, row := range sheetRows(t, book, sheet) {
			if len(row) > 3 && row[2] == "2025" {
				found = row[3] == "not available"
			}
		}
	}
	if !found {
		t.Error("the workbook has no line saying 2025 is not available")
	}

	var pdf bytes.Buffer
	if err := ReplyPDF(&pdf, c); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdfText(t, pdf.Bytes()), "\n")
	if !regexp.MustCompile(`2025\s+not available`).MatchString(text) {
		t.Errorf("the PDF does not say 2025 is not available:\n%s", text)
	}
}

// TestTheAgenciesNotesGoWithTheStatistics: a note kept with a year's
// figures is in the statistics annex of the workbook and the PDF.
func TestTheAgenciesNotesGoWithTheStatistics(t *testing.T) {
	note := "Appeals pending on 31 December not included"
	c := ReplyContent{Template: Template{ID: "t", Version: "1"}, Reply: data.Reply{From: "2024-01-01", To: "2024-12-31"}}
	c.Annexes.Courses = func(func(data.AnnexCourse) error) error { return nil }
	c.Annexes.Years = []int{2024}
	c.Annexes.Statistics = []data.Statistic{{Year: 2024, Measure: "convicted", Value: 13, Note: note}}
	book, _ := workbook(t, c)
	found := false
	for _, sheet := range book.GetSheetList() {
		for _, row := range sheetRows(t, book, sheet) {
			if strings.Contains(strings.Join(row, " "), "Persons convicted 2024: "+note) {
				found = true
			}
		}
	}
	if !found {
		t.Error("the workbook's statistics annex lacks the note")
	}
	var pdf bytes.Buffer
	if err := ReplyPDF(&pdf, c); err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(pdfText(t, pdf.Bytes()), " "); !strings.Contains(strings.Join(strings.Fields(text), " "), "Persons convicted 2024: "+note) {
		t.Error("the PDF's statistics annex lacks the note")
	}
}
