package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/ncm-register/ncm-register/locale"
)

// TestTheReplyInFrenchSpanishAndRussian writes the reply's workbook and PDF
// in each language and reads them back: the cover's words, the figures'
// titles and rules, the annexes' headings, the questions (the built-in
// questionnaire has all four languages) and the dates are the language's,
// and none of the English they replace is left.
func TestTheReplyInFrenchSpanishAndRussian(t *testing.T) {
	r := newReplyRegister(t)
	english := locale.For("en")
	for _, code := range []string{"fr", "es", "ru"} {
		t.Run(code, func(t *testing.T) {
			tr := locale.For(code)
			if tr.Code() != code {
				t.Fatalf("no translation file for %s", code)
			}
			c := r.load(t)
			c.Language = tr
			title, rule := figureText(tr, "training.participants_by_sector")
			// Words of both documents; the PDF's cover is in two columns,
			// whose lines pdftotext interleaves, so its labels are checked
			// in the workbook only.
			words := []string{title, r.tpl.Sections[0].Questions[0].TextIn(code)}
			cover := []string{tr.L("Member State"), tr.L("Replying officer"), tr.L("Reporting period from")}
			english := []string{english.L("Member State"), english.L("Replying officer"), "Training participants by sector",
				"Annex 2. Training courses", r.tpl.Sections[0].Questions[0].Text}
			day := tr.LongDate(time.Date(2024, time.January, 1, 0, 0, 0, 0, time.UTC))

			var b bytes.Buffer
			if err := ReplyPDF(&b, c); err != nil {
				t.Fatal(err)
			}
			flat := strings.Join(strings.Fields(strings.Join(pdfText(t, b.Bytes()), "\n")), " ")
			for _, w := range append(words, day, tr.L("Annex 2. Training courses"), strings.Join(strings.Fields(rule), " ")[:40]) {
				if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
					t.Errorf("the PDF lacks %q", w)
				}
			}
			for _, w := range english {
				if strings.Contains(flat, w) {
					t.Errorf("the PDF still says %q", w)
				}
			}

			f, _ := workbook(t, c)
			var cells []string
			for _, sheet := range f.GetSheetList() {
				for _, row := range sheetRows(t, f, sheet) {
					cells = append(cells, row...)
				}
			}
			all := strings.Join(cells, "\n")
			for _, w := range append(words, cover...) {
				if !strings.Contains(all, w) {
					t.Errorf("the workbook lacks %q", w)
				}
			}
			for _, w := range english {
				if strings.Contains(all, w) {
					t.Errorf("the workbook still says %q", w)
				}
			}
			if f.GetSheetList()[0] != tr.L("Cover") {
				t.Errorf("the first sheet is %q, want %q", f.GetSheetList()[0], tr.L("Cover"))
			}
		})
	}
}
