package export

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/emersion/go-vcard"
	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
)

// Each document written in the pseudo-language (pseudolanguage_test.go)
// shows no English word of the program's outside the brackets: only the
// fixture's names, titles and venues are left as they were typed.

// templateTexts are the words of a questionnaire, which a reply prints as
// the template gives them (in English where it has none in the language).
func templateTexts(tpl Template) []string {
	out := []string{tpl.Title, tpl.Resolution, tpl.Note}
	for _, s := range tpl.Sections {
		out = append(out, s.Title)
		for _, q := range s.Questions {
			out = append(out, q.Text)
		}
	}
	return out
}

// replyRegisterTexts are the texts typed into newReplyRegister.
var replyRegisterTexts = []string{"Ministry of Internal Affairs", "General Police Inspectorate", "Centrul „Speranța”",
	"Ana Lungu", "Ion Rusu", "Maria Ciobanu", "Elena Popescu", "Joint course on victim identification", "Safe migration",
	"audience figures", "Referral of victims", "National Action Plan 2024–2026", "School sessions in every district",
	"Both ratified on 16 September 2005.", formulaAnswer, "A common curriculum.\nEach course is evaluated by its participants.",
	"Two of our officers took the joint course.", "police.xlsx"}

func TestReplyInAnotherLanguageHasNoEnglishLeft(t *testing.T) {
	r := newReplyRegister(t)
	c := r.load(t)
	c.Language = pseudoLanguage(t)
	own := append(templateTexts(r.tpl), replyRegisterTexts...)
	var x bytes.Buffer
	if err := ReplyXLSX(&x, c); err != nil {
		t.Fatal(err)
	}
	words := xlsxWords(t, x.Bytes())
	assertPseudoTranslated(t, "the reply's workbook", words)
	assertNoEnglish(t, "the reply's workbook", words, own...)
	var p bytes.Buffer
	if err := ReplyPDF(&p, c); err != nil {
		t.Fatal(err)
	}
	words = pdfWords(t, p.Bytes())
	assertPseudoTranslated(t, "the reply's PDF", words)
	assertNoEnglish(t, "the reply's PDF", words, own...)
}

func TestOverviewBriefInAnotherLanguageHasNoEnglishLeft(t *testing.T) {
	ctx := context.Background()
	s := openReplyStore(t)
	if err := s.GenerateSample(ctx, data.SmallSample, 3); err != nil {
		t.Fatal(err)
	}
	ov, err := s.Overview(ctx, "2025-11-27", "2025-01-01", "2025-12-31", OverviewMeasures)
	if err != nil {
		t.Fatal(err)
	}
	tr := pseudoLanguage(t)
	var pdf bytes.Buffer
	if err := OverviewBrief(&pdf, Brief{Country: tr.Country("MD"), From: "2025-01-01", To: "2025-12-31", Today: "2025-11-27",
		Overview: ov, Language: tr}); err != nil {
		t.Fatal(err)
	}
	var own []string
	for _, it := range ov.Attention {
		own = append(own, it.Title)
	}
	words := pdfWords(t, pdf.Bytes())
	assertPseudoTranslated(t, "the Overview's brief", words)
	assertNoEnglish(t, "the Overview's brief", words, own...)
}

func TestParticipantListInAnotherLanguageHasNoEnglishLeft(t *testing.T) {
	_, c, ps, marks := course(t)
	var b bytes.Buffer
	if err := ParticipantList(&b, pseudoLanguage(t), c, ps, marks); err != nil {
		t.Fatal(err)
	}
	words := xlsxWords(t, b.Bytes())
	assertPseudoTranslated(t, "the participant list", words)
	assertNoEnglish(t, "the participant list", words, courseTexts(c, ps)...)
}

// courseTexts are the texts typed into course().
func courseTexts(c data.Course, ps []data.Participant) []string {
	out := append([]string{c.Title, c.Venue}, c.Topics...)
	for _, p := range ps {
		out = append(out, p.Name, p.OrganisationName)
	}
	return out
}

func TestPlanMatrixInAnotherLanguageHasNoEnglishLeft(t *testing.T) {
	p := data.Plan{Title: "NAP", FirstYear: 2024, LastYear: 2026}
	actions := []data.Action{{ID: "a1", Pillar: "protection", Objective: "Shelter", Activity: "Hotline", Lead: "o1",
		Partners: []string{"o1"}, Deadline: "2025-03-31", Indicator: "Calls", Target: "500", Status: "delayed"}}
	var b bytes.Buffer
	if err := PlanMatrix(&b, pseudoLanguage(t), p, actions, map[string]data.ProgressNote{"a1": {Day: "2025-04-02", Note: "Operator chosen"}},
		func(string) string { return "Ministry" }, "2025-11-27"); err != nil {
		t.Fatal(err)
	}
	words := xlsxWords(t, b.Bytes())
	assertPseudoTranslated(t, "the plan matrix", words)
	assertNoEnglish(t, "the plan matrix", words, "NAP", "Shelter", "Hotline", "Calls", "Operator chosen", "Ministry")
}

func TestAgencyWorkbookInAnotherLanguageHasNoEnglishLeft(t *testing.T) {
	s, tpl, r, police := contributionSetup(t)
	figures, err := s.ReplyFigures(context.Background(), r.ID, []string{"training.courses", "training.participants_by_sector"})
	if err != nil {
		t.Fatal(err)
	}
	tr := pseudoLanguage(t)
	var b bytes.Buffer
	if err := ContributionWorkbook(&b, ContributionRequest{Template: tpl, Reply: r, Agency: police, State: tr.Country("MD"),
		Figures: figures, Language: tr}); err != nil {
		t.Fatal(err)
	}
	words := xlsxWords(t, b.Bytes())
	assertPseudoTranslated(t, "the agency's workbook", words)
	assertNoEnglish(t, "the agency's workbook", words, append(templateTexts(tpl), police.Name)...)
}

// TestReplySheetsTakeTheSectionsTitlesInTheLanguage: a section's sheet is
// named by its title in the reply's language where the template has one,
// as the sheet's heading is.
func TestReplySheetsTakeTheSectionsTitlesInTheLanguage(t *testing.T) {
	r := newReplyRegister(t)
	c := r.load(t)
	c.Language = pseudoLanguage(t)
	c.Template.Sections = slices.Clone(c.Template.Sections)
	c.Template.Sections[0].Titles = Texts{pseudoTag: "Правовая основа"}
	var b bytes.Buffer
	if err := ReplyXLSX(&b, c); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := c.Template.Sections[0].ID + " Правовая основа"
	if !slices.Contains(f.GetSheetList(), want) {
		t.Errorf("sheets %q, want %q", f.GetSheetList(), want)
	}
}

// certificateTexts are the texts typed into the certificates of course().
func certificateTexts(certs []data.Certificate) []string {
	var out []string
	for _, c := range certs {
		out = append(out, c.Name, c.OrganisationName, c.Number, c.Code)
	}
	return out
}

func TestCertificatesInAnotherLanguageHaveNoEnglishLeft(t *testing.T) {
	s, c, ps, _ := course(t)
	certs, err := s.IssueCertificates(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Certificates(&b, pseudoLanguage(t), c, []string{"Ministry of Internal Affairs"}, certs, data.DefaultCertificateTemplate(), true); err != nil {
		t.Fatal(err)
	}
	words := pdfWords(t, b.Bytes())
	assertPseudoTranslated(t, "the certificates", words)
	assertNoEnglish(t, "the certificates", words, append(append(courseTexts(c, ps), certificateTexts(certs)...), "Ministry of Internal Affairs")...)
}

// TestCertificatesKeepTheTemplateAsTypedAndTranslateItsDefaults: a
// heading and wording the coordinator typed print as typed in every
// language; those still the program's defaults print in the
// certificates' language, and in English as data's defaults say them.
func TestCertificatesKeepTheTemplateAsTypedAndTranslateItsDefaults(t *testing.T) {
	d := data.DefaultCertificateTemplate()
	if got := templateWords(english(), d); got.Heading != d.Heading || got.WordingJoint != d.WordingJoint || got.WordingOther != d.WordingOther {
		t.Errorf("the defaults in English are %q, %q, %q; data's are %q, %q, %q",
			got.Heading, got.WordingJoint, got.WordingOther, d.Heading, d.WordingJoint, d.WordingOther)
	}
	pseudo := pseudoLanguage(t)
	if got := templateWords(pseudo, d); got.Heading != "⟦CERTIFICATE OF ATTENDANCE⟧" || got.WordingOther != "⟦attended the training course⟧" {
		t.Errorf("the defaults in another language: %q, %q", got.Heading, got.WordingOther)
	}
	typed := data.CertificateTemplate{Heading: "CERTIFICAT DE PARTICIPARE", WordingJoint: "a participat la cursul comun",
		WordingOther: d.WordingOther}
	got := templateWords(pseudo, typed)
	if got.Heading != typed.Heading || got.WordingJoint != typed.WordingJoint || got.WordingOther != "⟦attended the training course⟧" {
		t.Errorf("a template typed in part: %q, %q, %q", got.Heading, got.WordingJoint, got.WordingOther)
	}
}

func TestSignInSheetsInAnotherLanguageHaveNoEnglishLeft(t *testing.T) {
	_, c, ps, _ := course(t)
	var b bytes.Buffer
	if err := SignInSheets(&b, pseudoLanguage(t), c, ps, 2); err != nil {
		t.Fatal(err)
	}
	words := pdfWords(t, b.Bytes())
	assertPseudoTranslated(t, "the sign-in sheets", words)
	assertNoEnglish(t, "the sign-in sheets", words, courseTexts(c, ps)...)
	if text := strings.Join(words, "\n"); !strings.Contains(text, "понедельник, 2 марта 2026 г.") {
		t.Errorf("the first sheet's day is not written in the sheets' language:\n%s", text)
	}
}

// memberListFixture is a coordination body of two members.
func memberListFixture() (data.Body, []data.Organisation, []string) {
	b := data.Body{Name: "National Committee", LegalBasis: "Decision 1219/2008"}
	members := []data.Organisation{
		{Name: "Ministry of Internal Affairs", Acronym: "MIA", Sector: "ministry", MechanismRole: "chair", MemberSince: "2008-01-15"},
		{Name: "Centrul „Speranța”", Sector: "ngo", MechanismRole: "member"},
	}
	return b, members, []string{b.Name, b.LegalBasis, members[0].Name, members[0].Acronym, members[1].Name}
}

func TestMemberListsInAnotherLanguageHaveNoEnglishLeft(t *testing.T) {
	b, members, own := memberListFixture()
	tr := pseudoLanguage(t)
	var pdf bytes.Buffer
	if err := MemberListPDF(&pdf, tr, b, members); err != nil {
		t.Fatal(err)
	}
	words := pdfWords(t, pdf.Bytes())
	assertPseudoTranslated(t, "the member list (PDF)", words)
	assertNoEnglish(t, "the member list (PDF)", words, own...)
	var xlsx bytes.Buffer
	if err := MemberListXLSX(&xlsx, tr, b, members); err != nil {
		t.Fatal(err)
	}
	words = xlsxWords(t, xlsx.Bytes())
	assertPseudoTranslated(t, "the member list (xlsx)", words)
	assertNoEnglish(t, "the member list (xlsx)", words, own...)
}

// directoryTexts are the texts typed into directoryRegister, the
// country's code among them (the workbook keeps codes as they are typed).
var directoryTexts = []string{"General Police Inspectorate", "IGP", "Chișinău", "Centrul „Speranța”", "Labour Inspectorate",
	"Ольга Иванова", "Head of unit", "olga@police.md", "unit@police.md", "Ana Lungu", "ana@police.md",
	`=HYPERLINK("x")`, "- outreach", "MD"}

func TestDirectoryInAnotherLanguageHasNoEnglishLeft(t *testing.T) {
	s, order := directoryRegister(t)
	entries, err := s.Directory(context.Background(), order)
	if err != nil {
		t.Fatal(err)
	}
	for i := range entries { // the police's country, which the printed directory names
		if entries[i].Organisation.Acronym == "IGP" {
			entries[i].Organisation.Country = "MD"
		}
	}
	tr := pseudoLanguage(t)
	var x bytes.Buffer
	if err := DirectoryXLSX(&x, tr, entries); err != nil {
		t.Fatal(err)
	}
	words := xlsxWords(t, x.Bytes())
	assertPseudoTranslated(t, "the directory (xlsx)", words)
	assertNoEnglish(t, "the directory (xlsx)", words, directoryTexts...)
	var streamed bytes.Buffer
	if err := DirectoryXLSXOf(context.Background(), s, order, &streamed, tr); err != nil {
		t.Fatal(err)
	}
	streamedWords := xlsxWords(t, streamed.Bytes())
	assertPseudoTranslated(t, "the directory read while written", streamedWords)
	assertNoEnglish(t, "the directory read while written", streamedWords, directoryTexts...)
	var pdf bytes.Buffer
	if err := DirectoryPDF(&pdf, tr, entries, false, "2026-12-02"); err != nil {
		t.Fatal(err)
	}
	words = pdfWords(t, pdf.Bytes())
	assertPseudoTranslated(t, "the directory (PDF)", words)
	assertNoEnglish(t, "the directory (PDF)", words, directoryTexts...)
	if text := strings.Join(words, "\n"); !strings.Contains(text, "Молдова") || !strings.Contains(text, "2 декабря 2026 г.") {
		t.Errorf("the printed directory's country and day are not in its language:\n%s", text)
	}
	var vcf bytes.Buffer
	if err := DirectoryVCard(&vcf, tr, entries); err != nil {
		t.Fatal(err)
	}
	var categories []string
	dec := vcard.NewDecoder(&vcf)
	for {
		card, err := dec.Decode()
		if err != nil {
			break
		}
		categories = append(categories, card.Value(vcard.FieldCategories))
	}
	if len(categories) == 0 || !slices.Contains(categories, "⟦Police⟧") {
		t.Errorf("the cards' categories %q, want the sector in the pseudo-language", categories)
	}
	assertNoEnglish(t, "the directory (vCard)", categories, directoryTexts...)
}

func TestCalendarInAnotherLanguageHasNoEnglishLeft(t *testing.T) {
	_, c, ps, _ := course(t)
	var b bytes.Buffer
	if err := Calendar(&b, pseudoLanguage(t), []data.Course{c}, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(&b)
	if err != nil {
		t.Fatal(err)
	}
	// The words people read: the calendar's name and each event's
	// summary, place and description; the rest is for programs.
	var words []string
	for _, p := range cal.CalendarProperties {
		if p.IANAToken == "X-WR-CALNAME" {
			words = append(words, p.Value)
		}
	}
	for _, e := range cal.Events() {
		for _, p := range []ics.ComponentProperty{ics.ComponentPropertySummary, ics.ComponentPropertyLocation, ics.ComponentPropertyDescription} {
			if prop := e.GetProperty(p); prop != nil {
				words = append(words, prop.Value)
			}
		}
	}
	if len(words) != 4 {
		t.Fatalf("the calendar's name and the course's summary, place and description: %q", words)
	}
	assertPseudoTranslated(t, "the calendar", words)
	assertNoEnglish(t, "the calendar", words, append(courseTexts(c, ps), "NCM Register")...)
}

// TestChartsInAnotherLanguageHaveNoEnglishLeft: the charts the brief and
// the reply's PDF draw are images, which pdftotext cannot read: their
// words are checked before they are drawn (titles, categories, series,
// the note under a chart and what an empty one says).
func TestChartsInAnotherLanguageHaveNoEnglishLeft(t *testing.T) {
	d := OverviewData{
		Figures: map[string]data.FigureValue{
			"training.participants_by_sector": {Total: 9, Rows: []data.FigureRow{{Code: "police", Label: "Police", Value: 2}, {Code: "ngo", Label: "NGO", Value: 7}}},
			"campaigns.by_channel":            {Total: 2, Several: true, Rows: []data.FigureRow{{Code: "tv", Label: "TV", Value: 2}, {Code: "radio", Label: "Radio", Value: 1}}},
		},
		Months:      []data.MonthFigures{{Month: "2025-01", Courses: 2, Participants: 30}, {Month: "2025-03", Courses: 1, Participants: 12}},
		PillarState: map[string]map[string]int{"prevention": {"done": 2, "ongoing": 1}, "protection": {"done": 1}},
		Years:       []int{2023, 2024, 2025},
		ByMeasure:   map[string]map[int]int{"investigated": {2023: 40, 2025: 52}, "convicted": {2023: 9, 2024: 11, 2025: 12}},
	}
	tr := pseudoLanguage(t)
	charts := OverviewCharts(tr, d)
	charts = append(charts, OverviewCharts(tr, OverviewData{})...) // empty ones say so
	var quarters []data.MonthFigures
	for m := 1; m <= 12; m++ {
		quarters = append(quarters, data.MonthFigures{Month: fmt.Sprintf("2024-%02d", m), Courses: 1, Participants: m},
			data.MonthFigures{Month: fmt.Sprintf("2025-%02d", m), Courses: 1, Participants: m})
	}
	charts = append(charts, monthChart(tr, quarters))
	var words []string
	for _, c := range charts {
		words = append(words, c.Title, c.Note, c.Empty)
		words = append(words, c.Categories...)
		for _, s := range c.Series {
			words = append(words, s.Name)
		}
	}
	assertPseudoTranslated(t, "the charts", words)
	assertNoEnglish(t, "the charts", words)
}
