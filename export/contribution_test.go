package export

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
)

// contributionSetup is a register with a police agency, a course its
// officers attended, and a draft reply for 2026.
func contributionSetup(t *testing.T) (*data.Store, Template, data.Reply, data.Organisation) {
	t.Helper()
	s, _, _, _ := course(t)
	ctx := context.Background()
	tpl, err := DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	police := data.Organisation{Name: "Border Police", Sector: "border_police"}
	if err := s.SaveOrganisation(ctx, &police); err != nil {
		t.Fatal(err)
	}
	r := data.Reply{TemplateID: tpl.ID, TemplateVersion: tpl.Version, From: "2026-01-01", To: "2026-12-31"}
	if err := s.CreateReply(ctx, &r); err != nil {
		t.Fatal(err)
	}
	return s, tpl, r, police
}

func contributionWorkbook(t *testing.T, s *data.Store, tpl Template, r data.Reply, agency data.Organisation) *excelize.File {
	t.Helper()
	figures, err := s.ReplyFigures(context.Background(), r.ID, []string{"training.courses", "training.participants_by_sector",
		"training.participants_by_sex", "agreements.by_partner_country"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ContributionWorkbook(&buf, ContributionRequest{Template: tpl, Reply: r, Agency: agency, State: "Moldova", Figures: figures}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	assertPrintReady(t, f)
	t.Cleanup(func() { f.Close() })
	return f
}

// rowOf finds the row of the Questions sheet holding a question's item.
func rowOf(t *testing.T, f *excelize.File, question, item string) int {
	t.Helper()
	rows, _ := f.GetRows(contributionSheet)
	for i, r := range rows {
		if len(r) > 1 && r[0] == question && r[1] == item {
			return i + 1
		}
	}
	t.Fatalf("no row for %s %s", question, item)
	return 0
}

func saved(t *testing.T, f *excelize.File) *bytes.Buffer {
	t.Helper()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf
}

func TestContributionWorkbookRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, tpl, r, police := contributionSetup(t)
	f := contributionWorkbook(t, s, tpl, r, police)

	// Only the questions asked of border police, with the register's figure beside each figure row.
	rows, _ := f.GetRows(contributionSheet)
	var ids []string
	for _, row := range rows[1:] {
		if !contains(ids, row[0]) {
			ids = append(ids, row[0])
		}
	}
	if strings.Join(ids, " ") != "D1 G2" {
		t.Errorf("questions asked of border police: %v", ids)
	}
	courses := rowOf(t, f, "D1", "figure:training.courses")
	if v, _ := f.GetCellValue(contributionSheet, cell(4, courses)); v != "1" {
		t.Errorf("the register's course count is %q, want 1", v)
	}
	if typ, _ := f.GetCellType(contributionSheet, cell(4, courses)); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("the register's figure is stored as %v, not a number", typ)
	}
	// The question cells are locked, the answer cells open and validated.
	if opts, err := f.GetSheetProtection(contributionSheet); err != nil || opts.SelectLockedCells != true {
		t.Errorf("the Questions sheet is not protected: %+v, %v", opts, err)
	}
	answerStyle, _ := f.GetCellStyle(contributionSheet, cell(5, courses))
	if st, _ := f.GetStyle(answerStyle); st.Protection == nil || st.Protection.Locked {
		t.Error("the answer cell is locked")
	}
	questionStyle, _ := f.GetCellStyle(contributionSheet, cell(3, courses))
	if st, _ := f.GetStyle(questionStyle); st.Protection != nil && !st.Protection.Locked {
		t.Error("the question cell is open")
	}
	dvs, _ := f.GetDataValidations(contributionSheet)
	if len(dvs) != 4 { // D1 has three figures, G2 one
		t.Errorf("%d data validations, want 4 (one per figure)", len(dvs))
	}
	if v, _ := f.GetCellValue(instructionsSheet, "B3"); v != "Border Police" {
		t.Errorf("the instructions are for %q", v)
	}

	// The agency fills it in, as it would in a spreadsheet program.
	fill := map[string]any{
		cell(5, rowOf(t, f, "D1", "answer")): "Two courses for 40 officers; =not a formula",
		cell(5, courses):                     2,
		cell(5, rowOf(t, f, "G2", "figure:agreements.by_partner_country")): "3",
	}
	for c, v := range fill {
		if err := f.SetCellValue(contributionSheet, c, v); err != nil {
			t.Fatal(err)
		}
	}
	got, err := ReadContribution(context.Background(), saved(t, f), tpl, r)
	if err != nil {
		t.Fatal(err)
	}
	if got.OrganisationID != police.ID || len(got.Answers) != 2 {
		t.Fatalf("read %+v", got)
	}
	if err := s.ImportContributions(ctx, r.ID, got.OrganisationID, "border-police.xlsx", got.Answers); err != nil {
		t.Fatal(err)
	}
	kept, _ := s.Contributions(ctx, r.ID)
	if len(kept) != 2 || kept[0].QuestionID != "D1" || kept[0].OrganisationName != "Border Police" ||
		kept[0].Narrative != "Two courses for 40 officers; =not a formula" || kept[0].Figures["training.courses"] != 2 ||
		kept[1].Figures["agreements.by_partner_country"] != 3 {
		t.Errorf("kept %+v", kept)
	}
}

func TestBrokenContributionWorkbooksAreRefusedWithTheirCell(t *testing.T) {
	s, tpl, r, police := contributionSetup(t)
	other := data.Reply{TemplateID: tpl.ID, TemplateVersion: tpl.Version, From: "2025-01-01", To: "2025-12-31"}
	if err := s.CreateReply(context.Background(), &other); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		change func(f *excelize.File) error
		reply  data.Reply
		want   string // in the message
		sheet  string
		cell   string
	}{
		{name: "moved column", change: func(f *excelize.File) error { return f.InsertCols(contributionSheet, "C", 1) },
			want: "columns were moved", sheet: contributionSheet, cell: "C1"},
		{name: "deleted row", change: func(f *excelize.File) error { return f.RemoveRow(contributionSheet, 3) },
			want: "rows were moved", sheet: contributionSheet, cell: "B3"},
		{name: "another reply", reply: other, want: "another reply", sheet: identitySheet, cell: "B2"},
		{name: "not a number", change: func(f *excelize.File) error {
			return f.SetCellStr(contributionSheet, cell(5, rowOf(t, f, "D1", "figure:training.courses")), "about 12")
		}, want: "not a whole number", sheet: contributionSheet, cell: "E3"},
		{name: "a decimal comma is not a thousands separator", change: func(f *excelize.File) error {
			return f.SetCellStr(contributionSheet, "E3", "1,5")
		}, want: "not a whole number", sheet: contributionSheet, cell: "E3"},
		{name: "identity deleted", change: func(f *excelize.File) error { return f.DeleteSheet(identitySheet) },
			want: "not written by NCM Register", sheet: identitySheet},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := contributionWorkbook(t, s, tpl, r, police)
			if tc.change != nil {
				if err := tc.change(f); err != nil {
					t.Fatal(err)
				}
			}
			reply := r
			if tc.reply.ID != "" {
				reply = tc.reply
			}
			got, err := ReadContribution(context.Background(), saved(t, f), tpl, reply)
			var ce *ContributionError
			if !errors.As(err, &ce) {
				t.Fatalf("accepted: %+v, %v", got, err)
			}
			if !strings.Contains(ce.Reason, tc.want) || ce.Sheet != tc.sheet || ce.Cell != tc.cell {
				t.Errorf("refused with %q at %s!%s; want %q at %s!%s", ce.Reason, ce.Sheet, ce.Cell, tc.want, tc.sheet, tc.cell)
			}
			if len(got.Answers) != 0 {
				t.Errorf("a refused workbook gave answers: %+v", got.Answers)
			}
		})
	}
	t.Run("sent for the reply this draft was reopened from", func(t *testing.T) {
		f := contributionWorkbook(t, s, tpl, r, police)
		reopened := data.Reply{ID: "new-draft", TemplateID: tpl.ID, TemplateVersion: tpl.Version, ReopenedFrom: r.ID}
		if _, err := ReadContribution(context.Background(), saved(t, f), tpl, reopened); err != nil {
			t.Errorf("refused: %v", err)
		}
	})
	t.Run("not a workbook", func(t *testing.T) {
		_, err := ReadContribution(context.Background(), strings.NewReader("Name,Answer\nPolice,yes\n"), tpl, r)
		if err == nil || !strings.Contains(err.Error(), "not an xlsx workbook") {
			t.Errorf("a CSV file: %v", err)
		}
	})
}

func TestWholeNumbers(t *testing.T) {
	for in, want := range map[string]int{"12": 12, "12.0": 12, "12,345": 12345, "1 234": 1234, "0": 0} {
		if got, err := wholeNumber(in); err != nil || got != want {
			t.Errorf("%q read as %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"-1", "1.5", "1,5", "twelve", "1e12"} {
		if _, err := wholeNumber(in); err == nil {
			t.Errorf("%q was read as a whole number", in)
		}
	}
}

// fuzzWorkbook is a contribution workbook written without a register.
func fuzzWorkbook(f *testing.F) (Template, data.Reply, []byte) {
	tpl, err := DefaultTemplate()
	if err != nil {
		f.Fatal(err)
	}
	r := data.Reply{ID: "r1", TemplateID: tpl.ID, TemplateVersion: tpl.Version, From: "2025-01-01", To: "2025-12-31"}
	var buf bytes.Buffer
	if err := ContributionWorkbook(&buf, ContributionRequest{Template: tpl, Reply: r,
		Agency: data.Organisation{ID: "o1", Name: "Police", Sector: "police"}}); err != nil {
		f.Fatal(err)
	}
	return tpl, r, buf.Bytes()
}

// checkRead holds for whatever a workbook holds: it is refused with a
// reason, or every answer is to a question of the template, with a yes/no
// that is yes or no and figures of 0 or more.
func checkRead(t *testing.T, tpl Template, got ContributionFrom, err error) {
	var ce *ContributionError
	if err != nil {
		if !errors.As(err, &ce) || ce.Reason == "" || len(got.Answers) != 0 {
			t.Fatalf("refused without a reason, or with answers: %v, %+v", err, got)
		}
		return
	}
	for _, a := range got.Answers {
		if _, ok := tpl.Question(a.QuestionID); !ok || (a.YesNo != "" && a.YesNo != "yes" && a.YesNo != "no") {
			t.Fatalf("answer %+v", a)
		}
		for name, n := range a.Figures {
			if n < 0 {
				t.Fatalf("figure %s = %d", name, n)
			}
		}
	}
}

// FuzzReadContribution reads any file as a returned workbook.
func FuzzReadContribution(f *testing.F) {
	tpl, r, valid := fuzzWorkbook(f)
	f.Add(valid)
	f.Add(valid[:len(valid)/2])
	f.Add([]byte("Question,Your answer\nD1,yes\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, err := ReadContribution(context.Background(), bytes.NewReader(raw), tpl, r)
		checkRead(t, tpl, got, err)
	})
}

// FuzzContributionAnswer types anything into an answer cell of a figure
// and of a yes/no.
func FuzzContributionAnswer(f *testing.F) {
	tpl, r, valid := fuzzWorkbook(f)
	for _, seed := range []string{"12", "12.0", "1,234", "1,5", "-3", "yes", "YES", " no ", "=1+1", "1e3", "٣", "\x00", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		w, err := excelize.OpenReader(bytes.NewReader(valid))
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		rows, _ := w.GetRows(contributionSheet)
		for i, row := range rows {
			if row[1] == "yes_no" || strings.HasPrefix(row[1], "figure:") {
				if err := w.SetCellStr(contributionSheet, cell(5, i+1), typed); err != nil {
					t.Skip("a string excelize will not write:", err)
				}
			}
		}
		buf, err := w.WriteToBuffer()
		if err != nil {
			t.Skip("a string excelize will not write:", err)
		}
		got, err := ReadContribution(context.Background(), buf, tpl, r)
		checkRead(t, tpl, got, err)
	})
}

// TestContributionSavedByLibreOffice reads a workbook that went out for a
// reply "r1", was filled in (D1: an answer, and 4 courses) and saved again
// by LibreOffice Calc 7 (testdata): the hidden identity sheet, the headings,
// the protection and the numbers survive a round trip through another
// program.
func TestContributionSavedByLibreOffice(t *testing.T) {
	tpl, err := DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "contribution-saved-by-libreoffice.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	r := data.Reply{ID: "r1", TemplateID: tpl.ID, TemplateVersion: tpl.Version, From: "2025-01-01", To: "2025-12-31"}
	got, err := ReadContribution(context.Background(), bytes.NewReader(raw), tpl, r)
	if err != nil {
		t.Fatal(err)
	}
	if got.OrganisationID != "o1" || len(got.Answers) != 1 || got.Answers[0].QuestionID != "D1" ||
		got.Answers[0].Narrative != "Four courses at the Police Academy." || got.Answers[0].Figures["training.courses"] != 4 {
		t.Errorf("read %+v", got)
	}
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Protected, with the columns' widths left free as written (an
	// unprotected sheet reads as all false).
	if p, err := f.GetSheetProtection(contributionSheet); err != nil || !p.FormatColumns {
		t.Errorf("the protection did not survive: %+v, %v", p, err)
	}
	if dvs, _ := f.GetDataValidations(contributionSheet); len(dvs) == 0 {
		t.Error("the data validations did not survive")
	}
}
