package export

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
)

// replyRegister is a small register whose figures are known: for 2024–2025,
// a joint course of three participants (police 2, NGO 1; female 2, male 1),
// one campaign (TV and social media, reach 12,000), one referral agreement,
// statistics for both years, three member organisations and a plan with one
// action; the replying officer works at the ministry.
type replyRegister struct {
	s                     *data.Store
	tpl                   Template
	reply                 data.Reply
	ministry, police, ngo data.Organisation
}

// formulaAnswer is typed by someone as an answer: it must reach the
// spreadsheet as text.
const formulaAnswer = "=SUM(A1:A9) is how the data office adds the cases up"

func newReplyRegister(t *testing.T) replyRegister {
	t.Helper()
	ctx := context.Background()
	var r replyRegister
	r.s = openReplyStore(t)
	s := r.s
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SetCountry(ctx, "MD"))
	org := func(name, sector, role, since string) data.Organisation {
		o := data.Organisation{Name: name, Sector: sector, MechanismRole: role, MemberSince: since}
		must(s.SaveOrganisation(ctx, &o))
		return o
	}
	r.ministry = org("Ministry of Internal Affairs", "ministry", "chair", "2008-01-15")
	r.police = org("General Police Inspectorate", "police", "member", "2010-03-01")
	r.ngo = org("Centrul „Speranța”", "ngo", "member", "")
	person := func(o data.Organisation, name, sex string) string {
		c := data.Contact{OrganisationID: o.ID, Name: name, Sex: sex}
		must(s.SaveContact(ctx, &c))
		return c.ID
	}
	officer := person(r.ministry, "Ana Lungu", "female")
	people := []string{person(r.police, "Ion Rusu", "male"), person(r.police, "Maria Ciobanu", "female"),
		person(r.ngo, "Elena Popescu", "female")}
	c := data.Course{Title: "Joint course on victim identification", Status: "held", FirstDay: "2025-03-02", LastDay: "2025-03-04"}
	must(s.SaveCourse(ctx, &c))
	must(s.AddParticipants(ctx, c.ID, people))
	must(s.SaveCampaign(ctx, &data.Campaign{Title: "Safe migration", FirstDay: "2025-05-01", LastDay: "2025-06-30",
		Channels: []string{"tv", "social_media"}, TargetGroups: []string{"youth"}, Reach: 12000,
		ReachMethod: "audience figures", Evaluated: true}))
	must(s.SaveAgreement(ctx, &data.Agreement{Title: "Referral of victims", Kind: "memorandum", Level: "referral",
		Parties: []string{r.ministry.ID, r.ngo.ID}, SignedOn: "2024-06-01", Status: "in_force"}))
	must(s.SetStatistics(ctx, 2024, []data.Statistic{{Measure: "investigated", Value: 40},
		{Measure: "investigated", Breakdown: "sex:male", Value: 31}}))
	must(s.SetStatistics(ctx, 2025, []data.Statistic{{Measure: "investigated", Value: 55},
		{Measure: "victims_identified", Value: 12}}))
	p := data.Plan{Title: "National Action Plan 2024–2026", FirstYear: 2024, LastYear: 2026, Status: "adopted"}
	must(s.SavePlan(ctx, &p))
	must(s.SaveAction(ctx, &data.Action{PlanID: p.ID, Pillar: "prevention", Activity: "School sessions in every district",
		Lead: r.ngo.ID, Deadline: "2025-06-30", Status: "done"}))

	var err error
	if r.tpl, err = DefaultTemplate(); err != nil {
		t.Fatal(err)
	}
	r.reply = data.Reply{TemplateID: r.tpl.ID, TemplateVersion: r.tpl.Version, From: "2024-01-01", To: "2025-12-31", Officer: officer}
	must(s.CreateReply(ctx, &r.reply))
	for _, a := range []data.Answer{
		{QuestionID: "A1", YesNo: "yes", Narrative: "Both ratified on 16 September 2005."},
		{QuestionID: "A2", Narrative: formulaAnswer},
		{QuestionID: "D2", Narrative: "A common curriculum.\nEach course is evaluated by its participants."},
	} {
		must(s.SetAnswer(ctx, r.reply.ID, a))
	}
	must(s.ImportContributions(ctx, r.reply.ID, r.police.ID, "police.xlsx", []data.Contribution{
		{QuestionID: "D1", Narrative: "Two of our officers took the joint course.", Figures: map[string]int{"training.courses": 1}},
	}))
	return r
}

func openReplyStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"), data.Options{Device: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// load reads a reply's content, dated as if made on 27 November 2026.
func (r replyRegister) load(t *testing.T) ReplyContent {
	t.Helper()
	c, err := LoadReply(context.Background(), r.s, r.tpl, r.reply.ID)
	if err != nil {
		t.Fatal(err)
	}
	c.Today = "2026-11-27"
	return c
}

// workbook writes c as xlsx and opens it again.
func workbook(t *testing.T, c ReplyContent) (*excelize.File, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := ReplyXLSX(&b, c); err != nil {
		t.Fatal(err)
	}
	raw := bytes.Clone(b.Bytes())
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	assertPrintReady(t, f)
	return f, raw
}

// sheetRows reads a sheet as text, one slice per row.
func sheetRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("sheet %q: %v (sheets: %v)", sheet, err, f.GetSheetList())
	}
	return rows
}

// rowStarting finds the first row (from 1) whose first cells are want.
func rowStarting(rows [][]string, want ...string) int {
	for i, r := range rows {
		if len(r) >= len(want) && slices.Equal(r[:len(want)], want) {
			return i + 1
		}
	}
	return 0
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// assertNumber checks that a cell holds a number (not text) of value want.
func assertNumber(t *testing.T, f *excelize.File, sheet, cell string, want int) {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString || raw != strconv.Itoa(want) {
		t.Errorf("%s!%s holds %q as %v, want the number %d", sheet, cell, raw, typ, want)
	}
}

// assertDate checks that a cell holds a real date (a number shown as a date).
func assertDate(t *testing.T, f *excelize.File, sheet, cell, want string) {
	t.Helper()
	raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Errorf("%s!%s holds %q, want the date %s as a number", sheet, cell, raw, want)
		return
	}
	d, err := excelize.ExcelDateToTime(serial, false)
	if err != nil || d.Format(time.DateOnly) != want {
		t.Errorf("%s!%s is the date %v, want %s", sheet, cell, d, want)
	}
	style, _ := f.GetCellStyle(sheet, cell)
	if s, _ := f.GetStyle(style); s == nil || s.NumFmt != 14 {
		t.Errorf("%s!%s is not formatted as a date", sheet, cell)
	}
}

func TestReplyXLSXReadsBack(t *testing.T) {
	r := newReplyRegister(t)
	f, raw := workbook(t, r.load(t))

	want := []string{"Cover", "A Legal framework", "B Comprehensive approach", "C National coordination",
		"D Training", "E Prevention and awareness", "F Protection and assistance of", "G Law-enforcement and judicial",
		"H Data collection, good", "Charts", "Annex 1 Members", "Annex 2 Courses", "Annex 3 Campaigns",
		"Annex 4 Agreements", "Annex 5 Plan actions", "Annex 6 Statistics"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets\n got %q\nwant %q", got, want)
	}

	t.Run("cover", func(t *testing.T) {
		rows := sheetRows(t, f, "Cover")
		for label, value := range map[string]string{
			"Member State": "Moldova", "Replying officer": "Ana Lungu, Ministry of Internal Affairs",
			"Contributing agencies": "General Police Inspectorate",
		} {
			if rowStarting(rows, label, value) == 0 {
				t.Errorf("the cover has no row %q | %q:\n%q", label, value, rows)
			}
		}
		if rows[0][0] != r.tpl.Title || rowStarting(rows, "Resolution", r.tpl.Resolution) == 0 {
			t.Errorf("the cover lacks the title or the resolution: %q", rows)
		}
		assertDate(t, f, "Cover", cellName(2, rowStarting(rows, "Reporting period from")), "2024-01-01")
		assertDate(t, f, "Cover", cellName(2, rowStarting(rows, "Reporting period to")), "2025-12-31")
		dated := rowStarting(rows, "Date of the reply")
		assertDate(t, f, "Cover", cellName(2, dated), "2026-11-27")
		if rows[dated-1][2] != "Draft" {
			t.Errorf("a draft's date does not say Draft: %q", rows[dated-1])
		}
	})

	t.Run("sections", func(t *testing.T) {
		rows := sheetRows(t, f, "A Legal framework")
		if rows[0][0] != "A. Legal framework" {
			t.Errorf("title %q", rows[0])
		}
		a1 := rowStarting(rows, "A1")
		if a1 == 0 || rows[a1][1] != "Both ratified on 16 September 2005." || rowStarting(rows[a1:], "Yes / no", "Yes") == 0 {
			t.Errorf("A1's answer:\n%q", rows)
		}
		a2 := rowStarting(rows, "A2")
		answer := cellName(2, a2+1)
		assertTextCell(t, f, "A Legal framework", answer, formulaAnswer)
		if rowStarting(rows, "Answer", "No answer yet") == 0 {
			t.Errorf("A3, unanswered, does not say so:\n%q", rows)
		}

		rows = sheetRows(t, f, "D Training")
		bySector := rowStarting(rows, "Figure", "Training participants by sector", "Total", "3")
		if bySector == 0 || !strings.HasPrefix(rows[bySector-1][4], "Courses count when held") {
			t.Fatalf("no total of participants by sector with its rule:\n%q", rows)
		}
		assertNumber(t, f, "D Training", cellName(4, bySector), 3)
		if rows[bySector][2] != "Police" || rows[bySector+1][2] != "NGO" {
			t.Errorf("breakdown rows %q, %q", rows[bySector], rows[bySector+1])
		}
		assertNumber(t, f, "D Training", cellName(4, bySector+1), 2)
		agency := rowStarting(rows, "Agency", "General Police Inspectorate — Two of our officers took the joint course.")
		if agency == 0 || rows[agency][1] != "Training courses held" || rows[agency][2] != "Given by General Police Inspectorate" {
			t.Fatalf("the police's contribution and its figure are not kept:\n%q", rows)
		}
		assertNumber(t, f, "D Training", cellName(4, agency+1), 1)
	})

	t.Run("annexes", func(t *testing.T) {
		rows := sheetRows(t, f, "Annex 2 Courses")
		wantHeader := []string{"Course", "First day", "Last day", "Joint", "Participants", "Police", "NGO",
			"Female", "Male", "Other", "Sex not recorded"}
		if !slices.Equal(rows[1], wantHeader) {
			t.Errorf("course header %q", rows[1])
		}
		if rows[2][0] != "Joint course on victim identification" || rows[2][3] != "Yes" {
			t.Errorf("course row %q", rows[2])
		}
		assertDate(t, f, "Annex 2 Courses", "B3", "2025-03-02")
		assertDate(t, f, "Annex 2 Courses", "C3", "2025-03-04")
		for cell, n := range map[string]int{"E3": 3, "F3": 2, "G3": 1, "H3": 2, "I3": 1, "J3": 0} {
			assertNumber(t, f, "Annex 2 Courses", cell, n)
		}
		if rows[3][0] != "Total: 1 course" {
			t.Errorf("no total row: %q", rows[3])
		}

		rows = sheetRows(t, f, "Annex 1 Members")
		if rowStarting(rows, "Ministry of Internal Affairs", "", "Ministry", "Yes", "Chair") != 3 {
			t.Errorf("members %q", rows)
		}
		assertDate(t, f, "Annex 1 Members", "F3", "2008-01-15")

		rows = sheetRows(t, f, "Annex 3 Campaigns")
		if rowStarting(rows, "Safe migration") != 3 || rows[2][3] != "TV, Social media" || rows[2][6] != "Yes" {
			t.Errorf("campaigns %q", rows)
		}
		assertNumber(t, f, "Annex 3 Campaigns", "F3", 12000)

		rows = sheetRows(t, f, "Annex 4 Agreements")
		if rowStarting(rows, "Referral of victims", "Memorandum of understanding", "Referral") != 3 || rows[2][5] != "In force" {
			t.Errorf("agreements %q", rows)
		}
		assertDate(t, f, "Annex 4 Agreements", "E3", "2024-06-01")

		rows = sheetRows(t, f, "Annex 5 Plan actions")
		if rowStarting(rows, "National Action Plan 2024–2026", "Prevention", "School sessions in every district", "Centrul „Speranța”") != 3 {
			t.Errorf("actions %q", rows)
		}
		assertDate(t, f, "Annex 5 Plan actions", "E3", "2025-06-30")
	})

	t.Run("statistics one column per year", func(t *testing.T) {
		rows := sheetRows(t, f, "Annex 6 Statistics")
		if !slices.Equal(rows[1], []string{"Measure", "Breakdown", "2024", "2025"}) {
			t.Errorf("header %q", rows[1])
		}
		investigated := rowStarting(rows, "Persons investigated", "Total")
		assertNumber(t, f, "Annex 6 Statistics", cellName(3, investigated), 40)
		assertNumber(t, f, "Annex 6 Statistics", cellName(4, investigated), 55)
		male := rowStarting(rows, "Persons investigated", "By sex: Male")
		assertNumber(t, f, "Annex 6 Statistics", cellName(3, male), 31)
		if got, _ := f.GetCellValue("Annex 6 Statistics", cellName(4, male)); got != "" {
			t.Errorf("a year without a figure entered shows %q, want an empty cell", got)
		}
		if rowStarting(rows, "Victims identified", "Total", "", "12") == 0 {
			t.Errorf("victims identified %q", rows)
		}
	})

	t.Run("charts", func(t *testing.T) {
		z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			t.Fatal(err)
		}
		charts := map[string]string{}
		for _, file := range z.File {
			if strings.HasPrefix(file.Name, "xl/charts/chart") {
				rc, _ := file.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				charts[file.Name] = string(b)
			}
		}
		if len(charts) != 2 {
			t.Fatalf("charts %v, want participants by sector and campaigns by channel", len(charts))
		}
		if !strings.Contains(charts["xl/charts/chart1.xml"], "&#39;Charts&#39;!$B$3:$B$4") {
			t.Errorf("the first chart does not draw from the cells of the two sectors:\n%s", charts["xl/charts/chart1.xml"])
		}
		// Counts of 1 and 2: the value axis steps by whole numbers from 0,
		// written without decimals (LibreOffice would step by 0.5).
		for name, xml := range charts {
			for _, want := range []string{`<majorUnit val="1">`, `<min val="0">`, `formatCode="#,##0"`} {
				if !strings.Contains(xml, want) {
					t.Errorf("%s lacks %s", name, want)
				}
			}
		}
		rows := sheetRows(t, f, "Charts")
		if rowStarting(rows, "Police", "2") == 0 || rowStarting(rows, "Social media", "1") == 0 {
			t.Errorf("chart data %q", rows)
		}
	})
}

func TestReplyPDFHasEveryQuestionAndSection(t *testing.T) {
	r := newReplyRegister(t)
	var b bytes.Buffer
	if err := ReplyPDF(&b, r.load(t)); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, b.Bytes())
	if len(pages) < 2 {
		t.Fatalf("%d page(s), want more than one", len(pages))
	}
	all := strings.Join(pages, "\n")
	flat := strings.Join(strings.Fields(all), " ")
	for _, sec := range r.tpl.Sections {
		if !strings.Contains(flat, sec.ID+". "+sec.Title) {
			t.Errorf("section %q is missing", sec.ID+". "+sec.Title)
		}
		for _, q := range sec.Questions {
			if !strings.Contains(all, q.ID+". ") {
				t.Errorf("question %s is missing", q.ID)
			}
		}
	}
	for _, want := range []string{"Moldova", "Ana Lungu, Ministry of Internal Affairs", "1 January 2024 to 31 December 2025",
		"27 November 2026 (Draft)", "General Police Inspectorate", formulaAnswer, "Training participants by sector",
		"Courses count when held", "Two of our officers took the joint course.", "Joint course on victim identification",
		"Safe migration", "Referral of victims", "School sessions in every district", "Annex 6. Statistics by year"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	n := strconv.Itoa(len(pages))
	if !regexp.MustCompile(`\b` + n + ` ?/ ?` + n + `\b`).MatchString(pages[len(pages)-1]) {
		t.Errorf("the last page is not numbered:\n%s", pages[len(pages)-1])
	}
}

func TestEmptyRegisterGivesAClearlyEmptyReply(t *testing.T) {
	ctx := context.Background()
	s := openReplyStore(t)
	tpl, err := DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	reply := data.Reply{TemplateID: tpl.ID, From: "2025-01-01", To: "2025-12-31"}
	if err := s.CreateReply(ctx, &reply); err != nil {
		t.Fatal(err)
	}
	c, err := LoadReply(ctx, s, tpl, reply.ID)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := workbook(t, c)
	for sheet, want := range map[string]string{
		"Annex 1 Members": "No member organisations recorded", "Annex 2 Courses": "No courses held in the period",
		"Annex 3 Campaigns": "No campaigns in the period", "Annex 4 Agreements": "No agreements signed by the end of the period",
		"Annex 5 Plan actions": "No plan of action covers the period", "Annex 6 Statistics": "No statistics entered for the years of the period",
		"Charts": "None in the period",
	} {
		if rowStarting(sheetRows(t, f, sheet), want) == 0 {
			t.Errorf("%s does not say %q", sheet, want)
		}
	}
	rows := sheetRows(t, f, "D Training")
	courses := rowStarting(rows, "Figure", "Training courses held", "Total")
	assertNumber(t, f, "D Training", cellName(4, courses), 0)
	cover := sheetRows(t, f, "Cover")
	if rowStarting(cover, "Replying officer", "Not named") == 0 || rowStarting(cover, "Contributing agencies", "No contribution imported from an agency") == 0 {
		t.Errorf("cover %q", cover)
	}

	var b bytes.Buffer
	if err := ReplyPDF(&b, c); err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(strings.Join(pdfText(t, b.Bytes()), "\n")), " ")
	for _, want := range []string{"No answer yet.", "No courses held in the period.", "No campaigns in the period.",
		"No member organisations recorded.", "No statistics entered for the years of the period."} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF of an empty reply does not say %q", want)
		}
	}
}

// A final reply is exported with the figures and annexes it was sent with,
// whatever the register says since.
func TestFinalReplyExportsItsFrozenFigures(t *testing.T) {
	r := newReplyRegister(t)
	ctx := context.Background()
	if err := FinaliseReply(ctx, r.s, r.tpl, r.reply.ID); err != nil {
		t.Fatal(err)
	}
	if err := FinaliseReply(ctx, r.s, r.tpl, r.reply.ID); !errors.Is(err, data.ErrReplyFinal) {
		t.Errorf("finalising twice: %v", err)
	}
	late := data.Course{Title: "A course entered after the reply was sent", Status: "held", FirstDay: "2025-09-01", LastDay: "2025-09-01"}
	if err := r.s.SaveCourse(ctx, &late); err != nil {
		t.Fatal(err)
	}
	live, err := r.s.TrainingFiguresForPeriod(ctx, r.reply.From, r.reply.To)
	if err != nil || live.Courses != 2 {
		t.Fatalf("the register now counts %d courses (%v), want 2", live.Courses, err)
	}

	c := r.load(t)
	f, _ := workbook(t, c)
	rows := sheetRows(t, f, "D Training")
	courses := rowStarting(rows, "Figure", "Training courses held", "Total")
	assertNumber(t, f, "D Training", cellName(4, courses), 1)
	if annex := fmt.Sprint(sheetRows(t, f, "Annex 2 Courses")); strings.Contains(annex, late.Title) {
		t.Errorf("the course entered after the reply was sent is in its annex: %s", annex)
	}
	cover := sheetRows(t, f, "Cover")
	dated := rowStarting(cover, "Date of the reply")
	if len(cover[dated-1]) > 2 || !strings.HasPrefix(cover[rowStarting(cover, "Status")-1][1], "Final") {
		t.Errorf("a final reply's cover: %q", cover)
	}
	assertDate(t, f, "Cover", cellName(2, dated), time.Now().UTC().Format(time.DateOnly))

	var b bytes.Buffer
	if err := ReplyPDF(&b, c); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(pdfText(t, b.Bytes()), "\n")
	if strings.Contains(all, "(Draft)") || !strings.Contains(all, "Final") {
		t.Error("the PDF of a final reply says Draft")
	}
}

func TestReplyWrittenIntoAFolderThatCannotBeWrittenLeavesNothing(t *testing.T) {
	r := newReplyRegister(t)
	c := r.load(t)
	dir := t.TempDir()
	// A regular file where a folder should be: refused even to root.
	notAFolder := filepath.Join(dir, "reply.xlsx")
	if err := os.WriteFile(notAFolder, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, write := range []func(io.Writer) error{
		func(w io.Writer) error { return ReplyXLSX(w, c) },
		func(w io.Writer) error { return ReplyPDF(w, c) },
	} {
		if err := WriteFile(filepath.Join(notAFolder, "reply"), write); err == nil {
			t.Error("writing under a regular file did not fail")
		}
	}
	if os.Geteuid() != 0 { // root writes into a read-only folder all the same
		readOnly := filepath.Join(dir, "read-only")
		if err := os.Mkdir(readOnly, 0o500); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(filepath.Join(readOnly, "reply.xlsx"), func(w io.Writer) error { return ReplyXLSX(w, c) }); err == nil {
			t.Error("writing into a read-only folder did not fail")
		}
		if entries, _ := os.ReadDir(readOnly); len(entries) != 0 {
			t.Errorf("left in the read-only folder: %v", entries)
		}
	}
	entries, _ := os.ReadDir(dir)
	if got, _ := os.ReadFile(notAFolder); string(got) != "old" || len(entries) > 2 {
		t.Errorf("the folder now holds %v, the file %q", entries, got)
	}
}

func TestLoadReplyRefusesAnotherTemplate(t *testing.T) {
	r := newReplyRegister(t)
	other := r.tpl
	other.ID = "greta-round-4"
	if _, err := LoadReply(context.Background(), r.s, other, r.reply.ID); err == nil {
		t.Error("a reply was loaded with a template it does not answer")
	}
}

func TestSheetNamesExcelAccepts(t *testing.T) {
	used := sheetNames{"cover": true}
	for _, tc := range []struct{ in, want string }{
		{"H Data collection, good practices, challenges and technical assistance", "H Data collection, good"},
		{"A Legal framework", "A Legal framework"},
		{"B: Plans/strategies [draft]?", "B Plans strategies draft"},
		{"Cover", "Cover (2)"},
		{"'Quoted'", "Quoted"},
		{"Σ Статистика по годам и по видам эксплуатации", "Σ Статистика по годам и по"},
		{"***", "Sheet"},
	} {
		got := used.add(tc.in)
		if got != tc.want || utf8.RuneCountInString(got) > 31 {
			t.Errorf("sheet name for %q = %q, want %q", tc.in, got, tc.want)
		}
	}
	long := strings.Repeat("x", 40)
	first, second := used.add(long), used.add(long)
	if first == second || utf8.RuneCountInString(second) > 31 {
		t.Errorf("the same long name twice gave %q and %q", first, second)
	}
}

func TestParagraphsKeepRowsShorterThanAPage(t *testing.T) {
	long := strings.Repeat("word ", 1000)
	got := paragraphs("First line.\n\n" + long + "\nLast line.")
	if len(got) < 4 || got[0] != "First line." || got[len(got)-1] != "Last line." {
		t.Fatalf("paragraphs %d: first %q, last %q", len(got), got[0], got[len(got)-1])
	}
	for _, p := range got {
		if utf8.RuneCountInString(p) > maxParagraph {
			t.Errorf("a paragraph of %d characters", utf8.RuneCountInString(p))
		}
	}
	if strings.Join(strings.Fields(strings.Join(got[1:len(got)-1], " ")), " ") != strings.TrimSpace(long) {
		t.Error("words were lost or cut")
	}
}

// TestTheCoursesAnnexCountsEverySex: the PDF's courses by year give a
// column for every sex, "not recorded" included, which add up to the
// participants (it once showed female and male only, 8 + 9 of 18).
func TestTheCoursesAnnexCountsEverySex(t *testing.T) {
	r := newReplyRegister(t)
	var b bytes.Buffer
	if err := ReplyPDF(&b, r.load(t)); err != nil {
		t.Fatal(err)
	}
	var header, row []string
	for _, page := range pdfText(t, b.Bytes()) {
		i := strings.Index(page, "Annex 2. Training courses")
		if i < 0 {
			continue
		}
		for _, line := range strings.Split(page[i:], "\n") {
			f := strings.Fields(line)
			switch {
			case header == nil && len(f) > 0 && f[0] == "Year":
				header = f
			case header != nil && row == nil && len(f) == 8:
				row = f
			}
		}
	}
	if strings.Join(header, " ") != "Year Courses Joint Participants Female Male Other Sex not recorded" {
		t.Fatalf("the annex's columns are %q", header)
	}
	if row == nil {
		t.Fatal("no year row under the columns")
	}
	n := make([]int, len(row))
	for i, x := range row {
		fmt.Sscan(x, &n[i])
	}
	if n[3] == 0 || n[4]+n[5]+n[6]+n[7] != n[3] {
		t.Errorf("year row %v: the sexes do not add up to the participants", row)
	}
}

// TestTheStateIsNamedInTheRepliesLanguage: a reply names its country in
// its own language, a final one too (its code is frozen, not a name); a
// reply finalised when only the English name was kept still names it.
func TestTheStateIsNamedInTheRepliesLanguage(t *testing.T) {
	r := newReplyRegister(t)
	ru := pseudoLanguage(t)
	c := r.load(t)
	c.Language = ru
	if got := c.stateText(); got != "Молдова" {
		t.Errorf("a draft in Russian names the State %q", got)
	}
	if err := FinaliseReply(context.Background(), r.s, r.tpl, r.reply.ID); err != nil {
		t.Fatal(err)
	}
	c = r.load(t)
	if got := c.stateText(); got != "Moldova" {
		t.Errorf("a final reply in English names the State %q", got)
	}
	c.Language = ru
	if got := c.stateText(); got != "Молдова" {
		t.Errorf("a final reply in Russian names the State %q", got)
	}
	var old ReplyContent
	if err := old.thaw([]byte(`{"State": "Moldova", "Officer": "Ana Lungu"}`)); err != nil {
		t.Fatal(err)
	}
	if got := old.stateText(); got != "Moldova" || old.Officer != "Ana Lungu" {
		t.Errorf("a reply frozen with the State's name only: %q, officer %q", got, old.Officer)
	}
}
