package export

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
)

// Ordinary narratives run to thousands of characters and dozens of lines;
// a reply or a contribution must carry them whole, in rows no taller than
// a spreadsheet allows.
var (
	narrativeSentence = "The national referral mechanism was revised in 2025 after consultation with every member agency. "
	answer5000        = strings.Repeat(narrativeSentence, 5000/len(narrativeSentence))
	answer30000       = strings.Repeat(narrativeSentence, 30000/len(narrativeSentence))
	answer60Lines     = func() string {
		var lines []string
		for i := range 60 {
			lines = append(lines, "- Law "+strings.Repeat("1", 1+i%3)+"/2005, article "+strings.Repeat("2", 1+i%4))
		}
		return strings.Join(lines, "\n")
	}()
)

// answerRows reads the text that starts at row (from 1) in column B and
// continues on the rows marked "(continued)", each row's part in turn.
func answerRows(t *testing.T, f *excelize.File, sheet string, row int) []string {
	t.Helper()
	rows := sheetRows(t, f, sheet)
	parts := []string{rows[row-1][1]}
	for r := row; r < len(rows) && len(rows[r]) > 1 && rows[r][0] == "(continued)"; r++ {
		parts = append(parts, rows[r][1])
	}
	return parts
}

// assertRowsFit checks every row of every sheet against Excel's 409 points.
func assertRowsFit(t *testing.T, f *excelize.File) {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r := 1; r <= len(rows); r++ {
			if h, err := f.GetRowHeight(sheet, r); err != nil || h > maxRowHeight {
				t.Errorf("%s row %d is %v points tall (%v), more than a spreadsheet allows", sheet, r, h, err)
			}
		}
	}
}

func TestLongAnswersAndContributionsExportWhole(t *testing.T) {
	ctx := context.Background()
	r := newReplyRegister(t)
	for id, text := range map[string]string{"A1": answer5000, "A2": answer30000, "A3": answer60Lines} {
		if err := r.s.SetAnswer(ctx, r.reply.ID, data.Answer{QuestionID: id, Narrative: text}); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.s.ImportContributions(ctx, r.reply.ID, r.police.ID, "police.xlsx", []data.Contribution{
		{QuestionID: "D1", Narrative: answer30000},
		{QuestionID: "D2", Narrative: answer60Lines},
	}); err != nil {
		t.Fatal(err)
	}
	c := r.load(t)
	f, _ := workbook(t, c)
	assertRowsFit(t, f)

	rows := sheetRows(t, f, "A Legal framework")
	for _, q := range []struct{ id, text string }{{"A1", answer5000}, {"A2", answer30000}, {"A3", answer60Lines}} {
		row := rowStarting(rows, q.id) + 1
		parts := answerRows(t, f, "A Legal framework", row)
		if words(strings.Join(parts, "\n")) != words(q.text) {
			t.Errorf("%s: the workbook holds %d words over %d rows, the answer has %d",
				q.id, len(strings.Fields(strings.Join(parts, " "))), len(parts), len(strings.Fields(q.text)))
		}
		if wantRows := len(layoutFor(sectionWidths[1], 11).split(q.text)); len(parts) != wantRows || len(parts) < 2 {
			t.Errorf("%s is split over %d rows, want %d", q.id, len(parts), wantRows)
		}
		if q.id == "A3" {
			if got := strings.Join(parts, "\n"); got != q.text {
				t.Errorf("60 lines do not read back line for line")
			}
			assertTextCell(t, f, "A Legal framework", cellName(2, row), parts[0])
		}
	}

	// An agency's contribution is split the same way, behind its name.
	rows = sheetRows(t, f, "D Training")
	agency := rowWithPrefix(rows, "Agency", "General Police Inspectorate — The national")
	if agency == 0 {
		t.Fatalf("no row for the police's contribution in:\n%q", rows)
	}
	parts := answerRows(t, f, "D Training", agency)
	if words(strings.Join(parts, "\n")) != words("General Police Inspectorate — "+answer30000) {
		t.Errorf("the police's 30,000-character contribution reads back as %d rows that differ", len(parts))
	}

	// The PDF carries them to the last word too.
	var pdf bytes.Buffer
	if err := ReplyPDF(&pdf, c); err != nil {
		t.Fatal(err)
	}
	// One word a sentence: a page's footer may stand between two words.
	text := strings.Join(pdfText(t, pdf.Bytes()), " ")
	if got, want := strings.Count(text, "revised"), 2*strings.Count(answer30000, "revised")+
		strings.Count(answer5000, "revised"); got != want {
		t.Errorf("the PDF holds the sentence %d times, the answers and contribution %d", got, want)
	}
}

// rowWithPrefix finds the first row (from 1) whose first cell is first and
// whose second starts with prefix.
func rowWithPrefix(rows [][]string, first, prefix string) int {
	for i, r := range rows {
		if len(r) > 1 && r[0] == first && strings.HasPrefix(r[1], prefix) {
			return i + 1
		}
	}
	return 0
}

func TestContributionWorkbookCarriesLongQuestionsAndAnswers(t *testing.T) {
	s, tpl, r, police := contributionSetup(t)
	long := strings.Repeat("How does your agency refer presumed victims to assistance? ", 120) // about 7,000 characters
	for i := range tpl.Sections {
		for j := range tpl.Sections[i].Questions {
			if tpl.Sections[i].Questions[j].ID == "D1" {
				tpl.Sections[i].Questions[j].Text = long
			}
		}
	}
	f := contributionWorkbook(t, s, tpl, r, police)
	assertRowsFit(t, f)
	if got, _ := f.GetCellValue(contributionSheet, cell(3, rowOf(t, f, "D1", "answer"))); got != long {
		t.Errorf("the long question is not written whole (%d of %d characters)", len(got), len(long))
	}
	// The agency answers at length; the answers come back whole.
	for item, text := range map[string]string{"D1": answer30000, "G2": answer60Lines} {
		if err := f.SetCellStr(contributionSheet, cell(5, rowOf(t, f, item, "answer")), text); err != nil {
			t.Fatal(err)
		}
	}
	got, err := ReadContribution(context.Background(), saved(t, f), tpl, r)
	if err != nil {
		t.Fatal(err)
	}
	byQuestion := map[string]string{}
	for _, a := range got.Answers {
		byQuestion[a.QuestionID] = a.Narrative
	}
	if byQuestion["D1"] != strings.TrimSpace(answer30000) || byQuestion["G2"] != answer60Lines {
		t.Errorf("answers read back with %d and %d characters, want %d and %d",
			len(byQuestion["D1"]), len(byQuestion["G2"]), len(strings.TrimSpace(answer30000)), len(answer60Lines))
	}
}

func TestContributionAnswerLongerThanACellIsRefusedWithItsCell(t *testing.T) {
	s, tpl, r, police := contributionSetup(t)
	f := contributionWorkbook(t, s, tpl, r, police)
	// Excel would not let anyone type this; a file made by other means can hold it.
	ref := cell(5, rowOf(t, f, "D1", "answer"))
	if err := f.SetCellStr(contributionSheet, ref, strings.Repeat("x", data.MaxTextLength)); err != nil {
		t.Fatal(err)
	}
	over := rewriteZip(t, saved(t, f).Bytes(), func(name string, content []byte) []byte {
		return bytes.Replace(content, []byte(strings.Repeat("x", data.MaxTextLength)), []byte(strings.Repeat("x", 50_000)), 1)
	})
	_, err := ReadContribution(context.Background(), bytes.NewReader(over), tpl, r)
	var ce *ContributionError
	if !errors.As(err, &ce) || ce.Cell != ref || !strings.Contains(ce.Reason, "50000 characters") {
		t.Errorf("err = %v, want the answer refused at %s with its length", err, ref)
	}
}
