package export

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
)

// Text that a spreadsheet would take for a formula, as people type it into
// free fields: a name, a title, a dash list.
var formulaTexts = map[string]string{
	"org":      "=1+1 org",
	"acronym":  "@SUM",
	"person":   "+Ana Lungu",
	"course":   `=HYPERLINK("http://x","course")`,
	"campaign": "-Safe migration",
	"agree":    "@Referral agreement",
	"plan":     "=Plan 2024",
	"activity": "- Law 241/2005\n- Decree 7",
	"progress": "+half done",
	"answer":   "- Law 241/2005, article 165\n- Law 45/2007",
	"contrib":  "=cmd|' /C calc'!A0",
	"template": "=Questionnaire",
	"question": "-What is done?",
}

// assertFormulaTextIsText opens a workbook and checks every cell of every
// sheet: no formula anywhere, no text shown with an added apostrophe, and
// every formula-like text quote-prefixed. It returns every text cell's
// value, for the caller to check that the free fields reached the workbook.
func assertFormulaTextIsText(t *testing.T, name string, raw []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	var all strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatalf("%s, sheet %s: %v", name, sheet, err)
		}
		for r, row := range rows {
			for c, v := range row {
				ref := cellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					t.Errorf("%s!%s!%s holds the formula %q", name, sheet, ref, formula)
				}
				if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
					continue
				}
				all.WriteString(v + "\n")
				if strings.HasPrefix(v, "'") {
					t.Errorf("%s!%s!%s shows an apostrophe that was not typed: %q", name, sheet, ref, v)
				}
				if formulaLike(v) && !quotePrefixed(f, sheet, ref) {
					t.Errorf("%s!%s!%s holds %q without the quote prefix", name, sheet, ref, v)
				}
			}
		}
	}
	return all.String()
}

// formulaRegister is a register whose every free field that a workbook
// shows starts like a formula, with a reply to it.
func formulaRegister(t *testing.T) (*data.Store, Template, data.Reply, data.Organisation) {
	t.Helper()
	ctx := context.Background()
	s := openReplyStore(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SetCountry(ctx, "MD"))
	org := data.Organisation{Name: formulaTexts["org"], Acronym: formulaTexts["acronym"], Sector: "police", MechanismRole: "member"}
	must(s.SaveOrganisation(ctx, &org))
	person := data.Contact{OrganisationID: org.ID, Name: formulaTexts["person"], Sex: "female"}
	must(s.SaveContact(ctx, &person))
	course := data.Course{Title: formulaTexts["course"], Status: "held", FirstDay: "2025-03-02", LastDay: "2025-03-02"}
	must(s.SaveCourse(ctx, &course))
	must(s.AddParticipants(ctx, course.ID, []string{person.ID}))
	must(s.SaveCampaign(ctx, &data.Campaign{Title: formulaTexts["campaign"], FirstDay: "2025-05-01", LastDay: "2025-06-30"}))
	must(s.SaveAgreement(ctx, &data.Agreement{Title: formulaTexts["agree"], Kind: "memorandum", Level: "referral",
		Parties: []string{org.ID}, SignedOn: "2024-06-01", Status: "in_force"}))
	plan := data.Plan{Title: formulaTexts["plan"], FirstYear: 2024, LastYear: 2026, Status: "adopted"}
	must(s.SavePlan(ctx, &plan))
	must(s.SaveAction(ctx, &data.Action{PlanID: plan.ID, Pillar: "prevention", Activity: formulaTexts["activity"],
		Lead: org.ID, Deadline: "2025-06-30", Status: "ongoing"}))

	tpl, err := DefaultTemplate()
	must(err)
	tpl.Title = formulaTexts["template"]
	tpl.Sections[3].Questions[0].Text = formulaTexts["question"] // D1, asked of the police
	r := data.Reply{TemplateID: tpl.ID, TemplateVersion: tpl.Version, From: "2024-01-01", To: "2025-12-31", Officer: person.ID}
	must(s.CreateReply(ctx, &r))
	must(s.SetAnswer(ctx, r.ID, data.Answer{QuestionID: "A2", Narrative: formulaTexts["answer"]}))
	must(s.ImportContributions(ctx, r.ID, org.ID, "police.xlsx", []data.Contribution{{QuestionID: "D1", Narrative: formulaTexts["contrib"]}}))
	return s, tpl, r, org
}

func TestEveryWorkbookKeepsFormulaLikeTextAsTyped(t *testing.T) {
	ctx := context.Background()
	s, tpl, r, org := formulaRegister(t)
	if tpl.Sections[3].Questions[0].ID != "D1" {
		t.Fatalf("the default template's first question of section D is %s, not D1", tpl.Sections[3].Questions[0].ID)
	}
	content, err := LoadReply(ctx, s, tpl, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	courses, _ := s.Courses(ctx, data.CourseFilter{})
	participants, _ := s.Participants(ctx, courses[0].ID, false)
	plans, _ := s.Plans(ctx)
	actions, _ := s.Actions(ctx, plans[0].ID)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.AddProgressNote(ctx, actions[0].ID, "2025-04-02", formulaTexts["progress"]))
	latest := map[string]data.ProgressNote{actions[0].ID: {Day: "2025-04-02", Note: formulaTexts["progress"]}}

	workbooks := []struct {
		name  string
		write func(*bytes.Buffer) error
		shows []string // the keys of formulaTexts it must show
	}{
		{"reply", func(b *bytes.Buffer) error { return ReplyXLSX(b, content) },
			[]string{"org", "acronym", "person", "course", "campaign", "agree", "plan", "activity", "answer", "contrib", "template", "question"}},
		{"contribution", func(b *bytes.Buffer) error {
			return ContributionWorkbook(b, ContributionRequest{Template: tpl, Reply: r, Agency: org, State: "Moldova", Figures: content.Figures})
		}, []string{"org", "template", "question"}},
		{"members", func(b *bytes.Buffer) error { return MemberListXLSX(b, nil, data.Body{}, []data.Organisation{org}) },
			[]string{"org", "acronym"}},
		{"participants", func(b *bytes.Buffer) error {
			return ParticipantList(b, nil, courses[0], participants, map[string]map[string]string{})
		}, []string{"person", "org"}},
		{"plan matrix", func(b *bytes.Buffer) error {
			return PlanMatrix(b, nil, plans[0], actions, latest, func(string) string { return org.Name }, "2025-11-27")
		}, []string{"plan", "activity", "org", "progress"}},
	}
	for _, w := range workbooks {
		t.Run(w.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := w.write(&b); err != nil {
				t.Fatal(err)
			}
			all := assertFormulaTextIsText(t, w.name, b.Bytes())
			for _, key := range w.shows {
				if !strings.Contains(all, strings.SplitN(formulaTexts[key], "\n", 2)[0]) {
					t.Errorf("the %s workbook does not show the %s %q as typed", w.name, key, formulaTexts[key])
				}
			}
		})
	}
}
