package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
)

func withSampleReply(st *data.Store) {
	withSample(st)
	if err := export.SampleReply(context.Background(), st); err != nil {
		panic(err)
	}
}

// selectQuestion shows a question of the chosen reply by its id.
func selectQuestion(t *testing.T, q *questionnaireScreen, id string) {
	t.Helper()
	for i, ref := range q.reply.questions {
		if ref.question.ID == id {
			q.list.Select(i)
			return
		}
	}
	t.Fatalf("no question %s", id)
}

// typeAtEnd types after the text already in an entry, as a user who
// clicked at its end would.
func typeAtEnd(e *formEntry, s string) {
	lines := strings.Split(e.Text, "\n")
	e.CursorRow, e.CursorColumn = len(lines)-1, len([]rune(lines[len(lines)-1]))
	test.Type(e, s)
}

func TestQuestionnaireAnswerDraftAndSave(t *testing.T) {
	w := openWindow(t, withSampleReply)
	showArea(t, w, "Questionnaire")
	q := w.ws.questions
	if q.reply.ID == "" || len(q.reply.questions) == 0 {
		t.Fatalf("the sample reply is not shown: %+v", q.reply.Reply)
	}
	selectQuestion(t, q, "C2")
	if !hasText(w, "Meetings of the coordination body held: "+export.FormatCount(q.reply.figures["mechanism.meetings"].Total)) {
		t.Errorf("the figure of C2 is not shown: %q", shownTexts(w))
	}
	if !strings.Contains(strings.Join(shownTexts(w), "\n"), "How it is counted: "+data.MechanismCountingRules) {
		t.Error("the counting rule is not shown beside the figure")
	}
	test.Tap(q.pane.draft)
	drafted := q.pane.narrative.Text
	if !strings.HasPrefix(drafted, "Meetings of the coordination body held: ") {
		t.Errorf("drafted %q", drafted)
	}
	typeAtEnd(q.pane.narrative, " The body adopted the plan for 2026.")
	w.ws.save() // Ctrl+S
	ctx := context.Background()
	answers, _ := w.store.Answers(ctx, q.reply.ID)
	if got := answers["C2"].Narrative; got != drafted+" The body adopted the plan for 2026." {
		t.Errorf("saved %q", got)
	}
	if !strings.HasPrefix(q.questionDetail(q.current), "✓") {
		t.Errorf("the list does not mark C2 answered: %q", q.questionDetail(q.current))
	}
	test.Tap(button(t, w, "History"))
	if texts := strings.Join(shownTexts(w), "\n"); !strings.Contains(texts, "Answer: "+drafted) || strings.Contains(texts, q.reply.ID) {
		t.Errorf("the answer's history shows %q", texts)
	}
	w.win.Canvas().Overlays().Top().Hide()

	// Figures counted again (after a change elsewhere) do not wipe what is being typed.
	typeAtEnd(q.pane.narrative, " Twice.")
	q.reload()
	if !strings.HasSuffix(q.pane.narrative.Text, "Twice.") || !q.pane.dirty {
		t.Errorf("reading the reply again lost the typing: %q", q.pane.narrative.Text)
	}

	// Typing left unsaved is saved before another question is shown.
	test.Tap(q.pane.next)
	if q.reply.questions[q.current].question.ID != "C3" {
		t.Errorf("Next showed %s", q.reply.questions[q.current].question.ID)
	}
	answers, _ = w.store.Answers(ctx, q.reply.ID)
	if !strings.HasSuffix(answers["C2"].Narrative, "Twice.") {
		t.Errorf("moving on lost the typing: %q", answers["C2"].Narrative)
	}

	// The agencies' answers are shown beside the question, and can be taken in.
	selectQuestion(t, q, "F2")
	if !strings.Contains(strings.Join(shownTexts(w), "\n"), "The shelter offered 38 places") {
		t.Errorf("the NGO's contribution to F2 is not shown")
	}
	test.Tap(button(t, w, "Add to the answer"))
	if !strings.Contains(q.pane.narrative.Text, "The shelter offered 38 places") || !q.pane.dirty {
		t.Errorf("the contribution was not added to the answer: %q", q.pane.narrative.Text)
	}
}

func TestQuestionnaireFinaliseFreezesAndReopens(t *testing.T) {
	w := openWindow(t, withSampleReply)
	showArea(t, w, "Questionnaire")
	q := w.ws.questions
	before := q.reply.figures["mechanism.members"].Total
	test.Tap(q.finalBtn)
	test.Tap(dialogButton(t, w, "Finalise"))
	if !q.reply.final() || !q.pane.narrative.Disabled() || q.finalBtn.Text != "Reopen as a new draft…" {
		t.Fatalf("after finalising: status %q, answer editable %v", q.reply.Status, !q.pane.narrative.Disabled())
	}
	// A new member joins after the reply was sent: the reply does not move.
	ctx := context.Background()
	o := data.Organisation{Name: "New Member Agency", Sector: "ngo", MechanismRole: "member", MemberSince: "2020-01-01"}
	if err := w.store.SaveOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	w.ws.changed()
	q.refresh()
	if got := q.reply.figures["mechanism.members"].Total; got != before {
		t.Errorf("the final reply's members moved from %d to %d", before, got)
	}
	test.Tap(q.finalBtn)
	test.Tap(dialogButton(t, w, "Yes"))
	if q.reply.final() || q.reply.ReopenedFrom == "" || q.reply.figures["mechanism.members"].Total != before+1 {
		t.Errorf("the reopened draft: %+v with %d members", q.reply.Reply, q.reply.figures["mechanism.members"].Total)
	}
	if len(q.replies) != 2 {
		t.Errorf("%d replies, want the final one and its new draft", len(q.replies))
	}
}

func TestNewReplyShowsProblemsBesideTheFields(t *testing.T) {
	w := openWindow(t, withSampleReply)
	showArea(t, w, "Questionnaire")
	q := w.ws.questions
	f, err := newNewReplyForm(w.ws.env, q.replies, func(r data.Reply) { q.reply = replyState{Reply: r}; w.ws.changed() })
	if err != nil {
		t.Fatal(err)
	}
	f.dlg.Show()
	f.from.SetDate(dateOf("2026-12-31"))
	f.to.SetDate(dateOf("2026-01-01"))
	if _, ok := f.create(); ok {
		t.Fatal("a period ending before it begins was accepted")
	}
	if msg := f.fields.message("to"); !strings.Contains(msg, "before it begins") {
		t.Errorf("message beside the end of the period: %q", msg)
	}
	f.from.SetDate(dateOf("2026-01-01"))
	f.to.SetDate(dateOf("2026-12-31"))
	r, ok := f.create()
	if !ok {
		t.Fatal("a good reply was refused")
	}
	answers, _ := w.store.Answers(context.Background(), r.ID)
	if answers["A1"].YesNo != "yes" || answers["A2"].Narrative == "" {
		t.Errorf("the new reply did not start from the earlier answers: %+v", answers)
	}
}

func TestImportedWorkbookIsShownAndBrokenOneChangesNothing(t *testing.T) {
	w := openWindow(t, withSampleReply)
	showArea(t, w, "Questionnaire")
	q := w.ws.questions
	ctx := context.Background()
	orgs, _ := w.store.Organisations(ctx, data.OrganisationFilter{Sector: "prosecution"})
	agency, err := w.store.Organisation(ctx, orgs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.ContributionWorkbook(&buf, export.ContributionRequest{Template: q.reply.tpl, Reply: q.reply.Reply,
		Agency: agency, Figures: q.reply.figures}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Questions")
	for i, r := range rows {
		if r[0] == "A2" && r[1] == "answer" {
			cell, _ := excelize.CoordinatesToCellName(5, i+1)
			f.SetCellStr("Questions", cell, "Article 165, seven to fifteen years.")
		}
	}
	filled, _ := f.WriteToBuffer()
	before, _ := w.store.Contributions(ctx, q.reply.ID)

	// A broken copy: a column inserted before the answers.
	f.InsertCols("Questions", "C", 1)
	broken, _ := f.WriteToBuffer()
	reviewWorkbook(w.ws.env, q.reply, bytes.NewReader(broken.Bytes()), "prosecution.xlsx", q.reload)
	if top := w.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(strings.Join(shownTexts(w), "\n"), "cell C1") {
		t.Errorf("the broken workbook was not explained: %q", shownTexts(w))
	}
	if after, _ := w.store.Contributions(ctx, q.reply.ID); len(after) != len(before) {
		t.Errorf("the broken workbook changed the contributions: %d, was %d", len(after), len(before))
	}
	w.win.Canvas().Overlays().Top().Hide()

	reviewWorkbook(w.ws.env, q.reply, bytes.NewReader(filled.Bytes()), "prosecution.xlsx", q.reload)
	test.Tap(dialogButton(t, w, "Yes"))
	selectQuestion(t, q, "A2")
	if !strings.Contains(strings.Join(shownTexts(w), "\n"), "Article 165, seven to fifteen years.") {
		t.Error("the prosecution's answer to A2 is not shown beside the question")
	}
	menuItem(t, w, "Undo").Action()
	if after, _ := w.store.Contributions(ctx, q.reply.ID); len(after) != len(before) {
		t.Errorf("undo left %d contributions, want %d", len(after), len(before))
	}
}

func TestSettingsRefusesABrokenTemplateWithItsLine(t *testing.T) {
	w := openWindow(t, nil)
	showArea(t, w, "Settings")
	s := w.ws.settings
	s.loadTemplate("official.json", []byte("{\n  \"id\": \"official\",\n  \"title\": \"Official\",\n  \"sections\": [\n    {\"id\": \"A\", \"questions\": [{\"id\": \"A1\", \"kind\": \"essay\", \"text\": \"?\"}]}\n  ]\n}"))
	if msg := s.fields.message("template"); !strings.Contains(msg, "official.json was not loaded: line 5") || !strings.Contains(msg, "essay") {
		t.Errorf("message %q", msg)
	}
	// Chosen as a file, it is read off the window's thread, then kept.
	s.readTemplate(io.NopCloser(strings.NewReader(`{"id": "official", "version": "2027", "title": "Official questionnaire",
  "sections": [{"id": "A", "title": "A", "questions": [{"id": "A1", "kind": "narrative", "text": "?"}]}]}`)), "official.json")
	if s.fields.message("template") != "" || !strings.Contains(s.templates.Text, "Official questionnaire (version 2027)") {
		t.Errorf("the good template: message %q, list %q", s.fields.message("template"), s.templates.Text)
	}
}

func TestWorkbooksAreWrittenForTheAgenciesTicked(t *testing.T) {
	w := openWindow(t, withSampleReply)
	showArea(t, w, "Questionnaire")
	q := w.ws.questions
	writeWorkbooks(w.ws.env, q.reply)
	choice := w.ws.env.shown.workbookChoice
	members, _ := w.store.Members(context.Background())
	if len(choice.orgs) != len(members) {
		t.Fatalf("%d agencies offered, want the %d members", len(choice.orgs), len(members))
	}
	ticked := choice.chosen()
	if len(ticked) == 0 || len(ticked) == len(members) {
		t.Fatalf("%d of %d ticked: those asked questions should be, the others not", len(ticked), len(members))
	}
	// An agency of the same name in another sector gets a file of its own.
	twin := data.Organisation{Name: ticked[0].Name, Sector: "media"}
	if err := w.store.SaveOrganisation(context.Background(), &twin); err != nil {
		t.Fatal(err)
	}
	choice.add(twin, true)
	dir := t.TempDir()
	choice.writeTo(dir)
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) != len(ticked)+1 {
		t.Fatalf("%d workbooks for %d agencies ticked", len(files), len(ticked)+1)
	}
	// Written again into the same folder: asked first, nothing replaced on No.
	before, _ := os.Stat(files[0])
	choice.confirmReplace(dir)
	if !strings.Contains(strings.Join(shownTexts(w), "\n"), fmt.Sprintf("%d of these workbooks are already in the folder", len(files))) {
		t.Errorf("no question before replacing: %q", shownTexts(w))
	}
	test.Tap(dialogButton(t, w, "No"))
	if after, _ := os.Stat(files[0]); !after.ModTime().Equal(before.ModTime()) {
		t.Error("a workbook was replaced after No")
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	got, err := export.ReadContribution(context.Background(), bytes.NewReader(raw), q.reply.tpl, q.reply.Reply)
	if err != nil || got.OrganisationID == "" {
		t.Errorf("a written workbook does not read back: %+v, %v", got, err)
	}
}

func TestReplySavedAsWorkbookAndDraftArchived(t *testing.T) {
	w := openWindow(t, withSampleReply)
	showArea(t, w, "Questionnaire")
	q := w.ws.questions
	path := filepath.Join(t.TempDir(), "reply.xlsx")
	write := func(out io.Writer) error { return writeReply(w.ws.env, q.reply, ".xlsx", out, nil) }
	writeDocument(w.ws.env, path, write)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("A Legal framework")
	f.Close()
	if !strings.Contains(fmt.Sprint(rows), "Article 165 of the Criminal Code") {
		t.Errorf("the saved workbook lacks the answer to A2: %q", rows)
	}

	// A folder that cannot be written in: the problem is shown, nothing is left.
	writeDocument(w.ws.env, filepath.Join(path, "reply.xlsx"), write)
	if !strings.Contains(strings.Join(shownTexts(w), "\n"), "The document was not saved") {
		t.Errorf("no message for a folder that cannot be written: %q", shownTexts(w))
	}
	w.win.Canvas().Overlays().Top().Hide()

	test.Tap(q.archive)
	test.Tap(dialogButton(t, w, "Archive"))
	if len(q.replies) != 0 || q.reply.ID != "" {
		t.Fatalf("after archiving the draft: %d replies, showing %q", len(q.replies), q.reply.ID)
	}
	menuItem(t, w, "Undo").Action()
	if len(q.replies) != 1 || q.reply.ID == "" {
		t.Errorf("undo did not bring the draft back: %d replies", len(q.replies))
	}
}

// TestCompletenessLinksToItsQuestions: each empty question is a link that
// closes the dialog and shows the question; Escape closes the dialog.
func TestCompletenessLinksToItsQuestions(t *testing.T) {
	w := openWindow(t, withSampleReply)
	showArea(t, w, "Questionnaire")
	q := w.ws.questions
	showCompleteness(w.ws.env, q.reply, q.jumpTo)
	texts := strings.Join(shownTexts(w), "\n")
	if !strings.Contains(texts, "5 of 18 questions answered") || !strings.Contains(texts, "Questions still empty (13)") {
		t.Errorf("completeness shows %q", texts)
	}
	// An empty question is a link to it.
	var link *widget.Hyperlink
	for _, o := range objects(w) {
		if h, ok := o.(*widget.Hyperlink); ok && link == nil {
			link = h
		}
	}
	if link == nil {
		t.Fatal("the empty questions are not links")
	}
	id, _, _ := strings.Cut(strings.TrimPrefix(link.Text, "• "), "  ")
	link.OnTapped()
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		t.Error("following a question left the dialog open")
	}
	if q.current < 0 || q.reply.questions[q.current].question.ID != id {
		t.Errorf("following %s shows question %d", id, q.current)
	}
	showCompleteness(w.ws.env, q.reply, q.jumpTo)
	w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		t.Error("Escape left the dialog open")
	}
}

func TestReplyOfAQuestionnaireNotLoadedSaysSo(t *testing.T) {
	w := openWindow(t, func(st *data.Store) {
		r := data.Reply{TemplateID: "official", TemplateVersion: "2027", From: "2026-01-01", To: "2026-12-31"}
		if err := st.CreateReply(context.Background(), &r); err != nil {
			panic(err)
		}
	})
	showArea(t, w, "Questionnaire")
	q := w.ws.questions
	if !strings.Contains(q.state.Text, "load its template file in Settings") || q.body.Objects[0] != q.empty {
		t.Errorf("a reply whose questionnaire is not in the register shows %q", q.state.Text)
	}
	if !q.actions[0].Disabled() {
		t.Error("the reply's actions are offered without its questions")
	}
}

func TestFileNamesFromTitles(t *testing.T) {
	for title, want := range map[string]string{
		"General Police Inspectorate — Anti-Trafficking Centre": "general-police-inspectorate-anti-trafficking-centre.xlsx",
		"Centrul „Speranța”":                                    "centrul-speranța.xlsx",
		"МВД — Управление":                                      "мвд-управление.xlsx",
		"???":                                                   "document.xlsx",
		strings.Repeat("Ministère ", 20):                        strings.Repeat("ministère-", 9) + "ministère.xlsx", // 100 letters at most
	} {
		if got := fileName(title, ".xlsx"); got != want {
			t.Errorf("fileName(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestAnAnswerNearTheLimitIsCountedAndOneOverItRefusedWithTheTypingKept(t *testing.T) {
	w := openWindow(t, withSampleReply)
	showArea(t, w, "Questionnaire")
	q := w.ws.questions
	selectQuestion(t, q, "H1")
	if q.pane.length.Visible() {
		t.Errorf("a short answer shows a count: %q", q.pane.length.Text)
	}
	// In short paragraphs: Fyne's entry lays out one long paragraph in time
	// that grows with its square (a 30,000-character one takes seconds).
	over := strings.Repeat("Referral in every district.\n", data.MaxTextLength/28+10)
	typeAtEnd(q.pane.narrative, "x")
	q.pane.narrative.SetText(over)
	n := data.TextLength(strings.TrimSpace(over))
	if !q.pane.length.Visible() || q.pane.length.Text != fmt.Sprintf("%s of at most 32,767 characters", export.FormatCount(data.TextLength(over))) ||
		q.pane.length.Importance != widget.DangerImportance {
		t.Errorf("the count shows %q (visible %v)", q.pane.length.Text, q.pane.length.Visible())
	}
	if w.ws.save(); !q.pane.problem.Visible() || !strings.Contains(q.pane.problem.Text, fmt.Sprintf("this has %d", n)) {
		t.Errorf("the save of %d characters says %q", n, q.pane.problem.Text)
	}
	if q.pane.narrative.Text != over || !q.pane.dirty {
		t.Error("the refused answer's typing was not kept")
	}
	answers, _ := w.store.Answers(context.Background(), q.reply.ID)
	if answers["H1"].Narrative == strings.TrimSpace(over) {
		t.Error("the answer over the limit was kept")
	}

	// Cut to the limit, it is saved whole.
	fits := over[:30000]
	q.pane.narrative.SetText(fits)
	if q.pane.length.Importance == widget.DangerImportance {
		t.Errorf("30,000 characters are counted as too many: %q", q.pane.length.Text)
	}
	w.ws.save()
	answers, _ = w.store.Answers(context.Background(), q.reply.ID)
	if answers["H1"].Narrative != strings.TrimSpace(fits) {
		t.Errorf("the answer of 30,000 characters was not saved whole (%d kept)", len(answers["H1"].Narrative))
	}
}
