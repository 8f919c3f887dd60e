package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
)

// dialogCheck finds the check box with this text in the dialog on top.
func dialogCheck(t *testing.T, w *window, text string) *widget.Check {
	t.Helper()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is open (looking for %q)", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if c, ok := o.(*widget.Check); ok && c.Text == text {
			return c
		}
	}
	t.Fatalf("the dialog has no check box %q", text)
	return nil
}

// TestDataChecksShowUnderTheFiguresAndSwitchOff: more convicted than
// prosecuted shows under the year's figures, never stops the save, and is
// gone once its check is switched off in Data checks (an undoable change).
func TestDataChecksShowUnderTheFiguresAndSwitchOff(t *testing.T) {
	w := openWindow(t, nil)
	showArea(t, w, "Statistics")
	s := w.ws.statistics
	s.load(2025)
	test.Type(s.entries["prosecuted"], "10")
	test.Type(s.entries["convicted"], "14")
	test.Tap(s.save)
	if got, _ := w.store.Statistics(context.Background(), 2025); len(got) != 2 {
		t.Fatalf("%d figures saved, want both", len(got))
	}
	funnel := "Persons convicted 2025: 14, more than the 10 persons prosecuted"
	if !strings.Contains(s.warnings.Text, funnel) {
		t.Fatalf("under the figures: %q", s.warnings.Text)
	}
	if !strings.Contains(s.warnings.Text, "Persons convicted 2025: no source agency named") {
		t.Errorf("the figures without a source are not pointed at: %q", s.warnings.Text)
	}

	test.Tap(button(t, w, "Data checks…"))
	rule := dialogCheck(t, w, "No more convicted than prosecuted, no more prosecuted than investigated")
	if !rule.Checked || !hasText(w, data.QualityRules[1].Rule) {
		t.Fatalf("the check is shown off (%v) or without its rule: %q", rule.Checked, shownTexts(w))
	}
	test.Tap(rule)
	if strings.Contains(s.warnings.Text, funnel) {
		t.Errorf("switched off, the check still shows: %q", s.warnings.Text)
	}
	if off, _ := w.store.QualityRulesOff(context.Background()); !off[data.RuleJusticeFunnel] {
		t.Error("the register does not keep the check switched off")
	}
	test.Tap(dialogButton(t, w, "Close"))
	menuItem(t, w, "Undo").Action()
	if !strings.Contains(s.warnings.Text, funnel) {
		t.Errorf("after undo the check should show again: %q", s.warnings.Text)
	}
}

// TestCompletenessListsTheChecksOfThePeriod: the reply's completeness lists
// what the data checks find in the statistics of its period.
func TestCompletenessListsTheChecksOfThePeriod(t *testing.T) {
	w := openWindow(t, withSampleReply)
	showArea(t, w, "Questionnaire")
	q := w.ws.questions
	year := q.reply.From[:4]
	n, _ := strconv.Atoi(year)
	if err := w.store.SetStatistics(context.Background(), n, []data.Statistic{
		{Measure: "investigated", Value: 3}, {Measure: "prosecuted", Value: 7}}); err != nil {
		t.Fatal(err)
	}
	showCompleteness(w.ws.env, q.reply, q.jumpTo)
	texts := strings.Join(shownTexts(w), "\n")
	line := "Persons prosecuted " + year + ": 7, more than the 3 persons investigated"
	if !strings.Contains(texts, line) || !strings.Contains(texts, "Statistics of the period worth a second look") {
		t.Errorf("completeness lacks %q:\n%s", line, texts)
	}
}

// TestCompletenessListsFiguresNotAvailable: a statistic entered for one
// year of a two-year reply is listed as not available for the other, not
// as zero.
func TestCompletenessListsFiguresNotAvailable(t *testing.T) {
	w := openWindow(t, withSampleReply)
	showArea(t, w, "Questionnaire")
	q := w.ws.questions
	r := q.reply
	r.figures = map[string]data.FigureValue{}
	for k, v := range q.reply.figures {
		r.figures[k] = v
	}
	r.figures["statistics.convicted"] = data.FigureValue{Total: 9, Rows: []data.FigureRow{{Code: "2024", Label: "2024", Value: 9}}, Missing: []string{"2025"}}
	showCompleteness(w.ws.env, r, q.jumpTo)
	texts := strings.Join(shownTexts(w), "\n")
	hyper := ""
	for _, o := range objects(w) {
		if h, ok := o.(*widget.Hyperlink); ok && strings.Contains(h.Text, "Persons convicted, per year: not available for 2025") {
			hyper = h.Text
		}
	}
	if hyper == "" || !strings.Contains(texts, "Figures nobody entered for the period, or for some of its years") {
		t.Errorf("completeness does not list convictions as not available for 2025:\n%s", texts)
	}
}

// TestAStatisticsNoteIsKeptWithABreakdownAlone: a measure entered by sex
// only keeps its source, article and note (on its first figure).
func TestAStatisticsNoteIsKeptWithABreakdownAlone(t *testing.T) {
	w := openWindow(t, nil)
	showArea(t, w, "Statistics")
	s := w.ws.statistics
	s.load(2024)
	test.Type(s.entries["convicted/sex:female"], "4")
	test.Type(s.entries["convicted/sex:male"], "9")
	test.Type(s.articles["convicted"], "Art. 165")
	test.Type(s.notes["convicted"], "Appeals pending not included")
	test.Tap(s.save)
	got, err := w.store.Statistics(context.Background(), 2024)
	if err != nil || len(got) != 2 {
		t.Fatalf("saved %+v, %v", got, err)
	}
	notes := 0
	for _, st := range got {
		if st.Note == "Appeals pending not included" && st.Article == "Art. 165" {
			notes++
		}
	}
	if notes != 1 {
		t.Errorf("the note and article are kept %d times in %+v, want once", notes, got)
	}
	s.load(2023)
	s.load(2024)
	if s.notes["convicted"].Text != "Appeals pending not included" || s.articles["convicted"].Text != "Art. 165" {
		t.Errorf("read back: note %q, article %q", s.notes["convicted"].Text, s.articles["convicted"].Text)
	}
}

// TestTheBreakdownBySexAndAgeFillsTheOthersOnSave: typed in the form, the
// breakdown by sex and age gives the breakdowns by sex and by age.
func TestTheBreakdownBySexAndAgeFillsTheOthersOnSave(t *testing.T) {
	w := openWindow(t, nil)
	showArea(t, w, "Statistics")
	s := w.ws.statistics
	s.load(2024)
	test.Type(s.entries["victims_identified"], "21")
	for key, v := range map[string]string{"women": "10", "girls": "4", "men": "6", "boys": "1"} {
		test.Type(s.entries["victims_identified/sex_age:"+key], v)
	}
	test.Tap(s.save)
	for key, want := range map[string]string{"sex:female": "14", "sex:male": "7", "age:adult": "16", "age:child": "5"} {
		if got := s.entries["victims_identified/"+key].Text; got != want {
			t.Errorf("%s shows %q after saving, want %q", key, got, want)
		}
	}
	if strings.Contains(s.warnings.Text, "add up to") {
		t.Errorf("the worked-out breakdowns disagree: %q", s.warnings.Text)
	}
}
