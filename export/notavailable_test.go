package export

import (
	"bytes"
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
