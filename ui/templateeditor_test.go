package ui

import (
	"context"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
)

// openTemplateCopy opens Settings and the editor on a copy of the built-in
// questionnaire, as the user does: New version of…, then Copy and edit.
func openTemplateCopy(t *testing.T, w *window) *templateEditor {
	t.Helper()
	showArea(t, w, "Settings")
	test.Tap(button(t, w, "New version of…"))
	test.Tap(dialogButton(t, w, "Copy and edit"))
	f := w.env().shown.templateEditor
	if f == nil || !f.open {
		t.Fatal("the template editor did not open")
	}
	return f
}

// pickRow chooses the row of the outline numbered id ("A1", "B").
func pickRow(t *testing.T, f *templateEditor, id string) {
	t.Helper()
	for i, it := range f.items {
		if strings.HasPrefix(f.rowText(it), id+". ") {
			f.outline.Select(i)
			return
		}
	}
	t.Fatalf("no row %s in the outline", id)
}

// clearEntry empties an entry as a user does: select all, then delete.
func clearEntry(w *window, e *formEntry) {
	w.win.Canvas().Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
}

// storedVersions are the versions of the built-in questionnaire a reply can be written for.
func storedVersions(t *testing.T, w *window) []string {
	t.Helper()
	list, err := export.Templates(context.Background(), w.store)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tpl := range list {
		out = append(out, tpl.ID+"@"+tpl.Version)
	}
	return out
}

// TestTemplateEditorSavesACopyOfTheBuiltInAsANewVersion: the user copies
// the built-in questionnaire, edits a question, adds one, moves it, binds
// a figure and saves; the register holds a new version with all of it,
// the built-in one is unchanged, Settings lists the new version and a new
// reply can be written for it.
func TestTemplateEditorSavesACopyOfTheBuiltInAsANewVersion(t *testing.T) {
	w := openWindow(t, nil)
	f := openTemplateCopy(t, w)
	if f.version.Text != "1.0.1" || f.id.Text != "ecosoc-2006-27" {
		t.Errorf("the copy is %q version %q; want the built-in's id and version 1.0.1", f.id.Text, f.version.Text)
	}
	pickRow(t, f, "A1")
	clearEntry(w, f.text)
	test.Type(f.text, "Has the State ratified the Protocol? Name the authority that deposited it.")

	pickRow(t, f, "B")
	test.Tap(f.addQuestionB)
	if f.qID.Text != "B2" || !f.current.isQuestion() {
		t.Fatalf("added %q (%+v); want B2 chosen", f.qID.Text, f.current)
	}
	test.Type(f.text, "Which body follows the plan?")
	f.kind.SetSelected(kindLabel("figures"))
	test.Tap(f.askedOf.choose)
	test.Tap(f.askedOf.grid.checks[slices.Index(f.askedOf.grid.codes, "ministry")])
	test.Tap(dialogButton(t, w, "Done"))
	if f.askedOf.label.Text != "Ministry" {
		t.Errorf("asked of %q; want Ministry", f.askedOf.label.Text)
	}
	test.Tap(f.upB)
	if f.current != (outlineItem{1, 0}) || f.qID.Text != "B2" {
		t.Errorf("after Up, %+v %q is chosen; want B2 first in section B", f.current, f.qID.Text)
	}
	test.Tap(f.figures.add)
	p := f.figures.picker
	meetings := slices.IndexFunc(p.figures, func(nf data.NamedFigure) bool { return nf.Name == "mechanism.meetings" })
	p.list.Select(meetings)
	if !strings.Contains(p.rule.Text, data.MechanismCountingRules) {
		t.Errorf("the picker does not show the rule of the figure chosen: %q", p.rule.Text)
	}
	test.Tap(p.bindB)
	if f.figures.names[0] != "mechanism.meetings" {
		t.Errorf("bound %v", f.figures.names)
	}

	test.Tap(f.saveB)
	if f.open || f.summary.Visible() {
		t.Fatalf("the editor is still open: %q", f.summary.Text)
	}
	ctx := context.Background()
	got, err := export.TemplateOf(ctx, w.store, "ecosoc-2006-27", "1.0.1")
	if err != nil {
		t.Fatal(err)
	}
	if a1 := got.Sections[0].Questions[0]; a1.Text != "Has the State ratified the Protocol? Name the authority that deposited it." {
		t.Errorf("A1 reads %q", a1.Text)
	}
	b := got.Sections[1].Questions
	if len(b) != 2 || b[0].ID != "B2" || b[1].ID != "B1" {
		t.Fatalf("section B holds %+v; want B2 then B1", b)
	}
	want := export.Question{ID: "B2", Kind: "figures", Text: "Which body follows the plan?", AskedOf: []string{"ministry"}, Bindings: []string{"mechanism.meetings"}}
	if !slices.Equal(b[0].AskedOf, want.AskedOf) || !slices.Equal(b[0].Bindings, want.Bindings) || b[0].Kind != want.Kind || b[0].Text != want.Text {
		t.Errorf("B2 is %+v, want %+v", b[0], want)
	}
	if def, _ := export.TemplateOf(ctx, w.store, "ecosoc-2006-27", "1.0"); strings.Contains(def.Sections[0].Questions[0].Text, "deposited") {
		t.Error("the built-in questionnaire was changed")
	}
	if s := w.ws.settings; !strings.Contains(s.templates.Text, "(version 1.0.1)") {
		t.Errorf("Settings lists %q", s.templates.Text)
	}
	reply, err := newNewReplyForm(w.env(), nil, func(data.Reply) {})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(reply.template.Options, func(o string) bool { return strings.HasSuffix(o, "(version 1.0.1)") }) {
		t.Errorf("a new reply offers %q", reply.template.Options)
	}
}

// TestTemplateEditorKeepsTheTypingWhileAProblemRemains: an empty text and
// a duplicate id are refused beside their field, in the question they are
// in (chosen for the user when another is shown); nothing is kept until
// they are corrected, and what was typed stays.
func TestTemplateEditorKeepsTheTypingWhileAProblemRemains(t *testing.T) {
	w := openWindow(t, nil)
	f := openTemplateCopy(t, w)
	pickRow(t, f, "A2")
	clearEntry(w, f.text)
	pickRow(t, f, "A3")
	clearEntry(w, f.qID)
	test.Type(f.qID, "A1")
	pickRow(t, f, "H1")
	clearEntry(w, f.text)
	test.Type(f.text, "Who collects the data, and who publishes them?")

	test.Tap(f.saveB)
	if !f.open {
		t.Fatal("a questionnaire with problems was saved")
	}
	if got := storedVersions(t, w); len(got) != 1 {
		t.Errorf("the register holds %v; want the built-in only", got)
	}
	if f.current != (outlineItem{0, 1}) || f.que.message("text") != "The text is empty" {
		t.Errorf("shown %+v with %q beside the text; want A2 and its empty text", f.current, f.que.message("text"))
	}
	if !strings.Contains(f.summary.Text, "A2, A1 (question 3 of section A)") || !f.hasProblem(outlineItem{0, 2}) {
		t.Errorf("the summary says %q; want the questions with problems named", f.summary.Text)
	}
	f.outline.Select(slices.Index(f.items, outlineItem{0, 2}))
	if msg := f.que.message("id"); !strings.Contains(msg, "“A1” too") || f.qID.Text != "A1" {
		t.Errorf("beside the duplicate id (%q): %q", f.qID.Text, msg)
	}
	if h1 := f.t.Sections[7].Questions[0].Text; h1 != "Who collects the data, and who publishes them?" {
		t.Errorf("the typing in H1 was lost: %q", h1)
	}

	clearEntry(w, f.qID)
	test.Type(f.qID, "A4")
	if f.que.message("id") != "" || f.hasProblem(outlineItem{0, 2}) || !strings.Contains(f.summary.Text, "Problems in: A2.") {
		t.Errorf("the id corrected is still marked: beside it %q, summary %q", f.que.message("id"), f.summary.Text)
	}
	pickRow(t, f, "A2")
	test.Type(f.text, "Which provisions make trafficking an offence?")
	test.Tap(f.saveB)
	if f.open {
		t.Fatalf("the corrected questionnaire was not saved: %q", f.summary.Text)
	}
	got, err := export.TemplateOf(context.Background(), w.store, "ecosoc-2006-27", "1.0.1")
	if err != nil {
		t.Fatal(err)
	}
	if a := got.Sections[0].Questions; a[1].Text != "Which provisions make trafficking an offence?" || a[2].ID != "A4" {
		t.Errorf("section A holds %+v", a)
	}
}

// TestTemplateEditorStartedEmptyAsksBeforeDroppingTheTyping: a
// questionnaire started empty needs a title, an id and its question's text;
// closing it with changes asks first (Cancel and Escape alike).
func TestTemplateEditorStartedEmptyAsksBeforeDroppingTheTyping(t *testing.T) {
	w := openWindow(t, nil)
	showArea(t, w, "Settings")
	test.Tap(button(t, w, "Start empty"))
	f := w.env().shown.templateEditor
	if !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(f.version.Text) {
		t.Errorf("the version suggested is %q; want the day's date", f.version.Text)
	}
	test.Tap(f.saveB)
	if f.top.message("title") != "Required" || f.top.message("id") != "Required" || !f.hasProblem(outlineItem{0, 0}) {
		t.Errorf("title %q, id %q, A1 marked %v", f.top.message("title"), f.top.message("id"), f.hasProblem(outlineItem{0, 0}))
	}
	test.Type(f.title, "Survey of coordination mechanisms")
	test.Tap(dialogButton(t, w, "Cancel"))
	if !f.open || f.confirm == nil {
		t.Fatal("Cancel closed a questionnaire with changes without asking")
	}
	test.Tap(dialogButton(t, w, "Keep editing"))
	if !f.open || f.title.Text != "Survey of coordination mechanisms" {
		t.Fatalf("Keep editing: open %v, title %q", f.open, f.title.Text)
	}
	f.confirm = nil
	w.win.Canvas().Unfocus()
	w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !f.open || f.confirm == nil {
		t.Fatal("Escape closed a questionnaire with changes without asking")
	}
	test.Tap(dialogButton(t, w, "Drop the changes"))
	if f.open {
		t.Error("Drop the changes left the editor open")
	}
	if got := storedVersions(t, w); len(got) != 1 {
		t.Errorf("the register holds %v; want the built-in only", got)
	}
}

// TestTemplateEditorIsNotOfferedOnAReadOnlyRegister: nothing can be saved there.
func TestTemplateEditorIsNotOfferedOnAReadOnlyRegister(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	st, err := data.Open(context.Background(), path, data.Options{Device: "test-laptop"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MarkStarted(context.Background()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	w := start(test.NewTempApp(t), StartOptions{DataFile: path, ReadOnly: true})
	t.Cleanup(w.closeStore)
	showArea(t, w, "Settings")
	for _, label := range []string{"New version of…", "Start empty"} {
		if !button(t, w, label).Disabled() {
			t.Errorf("%s is offered on a read-only register", label)
		}
	}
}

// TestTemplateEditorKeepsTheTranslationsOfWhatItDidNotChange: the editor
// edits the English; under each text it says in which languages the text
// is written too. A new version keeps the translations of the texts left
// as they were (and of one typed back as it was), and leaves out those of
// the texts changed, which no longer translate them.
func TestTemplateEditorKeepsTheTranslationsOfWhatItDidNotChange(t *testing.T) {
	w := openWindow(t, nil)
	def, err := export.DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	f := openTemplateCopy(t, w)
	if !f.titleLangs.Visible() || !strings.HasPrefix(f.titleLangs.Text, "Also in French, Russian, Spanish.") {
		t.Errorf("under the title: %q", f.titleLangs.Text)
	}

	pickRow(t, f, "A1")
	if !f.textLangs.Visible() || !strings.HasPrefix(f.textLangs.Text, "Also in French, Russian, Spanish.") {
		t.Errorf("under A1's text: %q", f.textLangs.Text)
	}
	test.Type(f.text, " Give the dates of deposit.")
	if !strings.HasPrefix(f.textLangs.Text, "The English has changed: the new version leaves out its translations (French, Russian, Spanish).") {
		t.Errorf("under A1's text changed: %q", f.textLangs.Text)
	}

	pickRow(t, f, "A2") // changed, then typed back as it was
	clearEntry(w, f.text)
	if !strings.HasPrefix(f.textLangs.Text, "The English has changed") {
		t.Errorf("under A2's text cleared: %q", f.textLangs.Text)
	}
	test.Type(f.text, def.Sections[0].Questions[1].Text)
	if !strings.HasPrefix(f.textLangs.Text, "Also in") {
		t.Errorf("under A2's text typed back: %q", f.textLangs.Text)
	}

	pickRow(t, f, "C")
	clearEntry(w, f.secTitle)
	test.Type(f.secTitle, "National coordination")
	if !strings.HasPrefix(f.secTitleLangs.Text, "The English has changed") {
		t.Errorf("under section C's title: %q", f.secTitleLangs.Text)
	}

	pickRow(t, f, "B")
	test.Tap(f.addQuestionB)
	test.Type(f.text, "Which body follows the plan?")
	if f.textLangs.Visible() {
		t.Errorf("a new question says %q under its text", f.textLangs.Text)
	}

	test.Tap(f.saveB)
	if f.open {
		t.Fatalf("not saved: %q", f.summary.Text)
	}
	got, err := export.TemplateOf(context.Background(), w.store, "ecosoc-2006-27", "1.0.1")
	if err != nil {
		t.Fatal(err)
	}
	a := got.Sections[0].Questions
	if a[0].Texts != nil || a[0].TextIn("fr") != a[0].Text || !strings.Contains(a[0].Text, "Give the dates of deposit.") {
		t.Errorf("A1, changed, is saved as %q with %v", a[0].Text, a[0].Texts)
	}
	for j, q := range a[1:] {
		if want := def.Sections[0].Questions[j+1]; !maps.Equal(q.Texts, want.Texts) || q.Text != want.Text {
			t.Errorf("%s, not changed, is saved as %q with %v", q.ID, q.Text, q.Texts)
		}
	}
	if got.Sections[2].Titles != nil || !maps.Equal(got.Sections[3].Titles, def.Sections[3].Titles) {
		t.Errorf("section C (renamed) keeps %v; section D has %v", got.Sections[2].Titles, got.Sections[3].Titles)
	}
	if b := got.Sections[1].Questions; len(b) != 2 || b[1].Texts != nil || !maps.Equal(b[0].Texts, def.Sections[1].Questions[0].Texts) {
		t.Errorf("section B is saved as %+v", b)
	}
	if !maps.Equal(got.Titles, def.Titles) || !maps.Equal(got.Resolutions, def.Resolutions) || !maps.Equal(got.Notes, def.Notes) {
		t.Errorf("the questionnaire's own translations: %v, %v, %v", got.Titles, got.Resolutions, got.Notes)
	}
	if h3 := got.Sections[7].Questions[2]; h3.TextIn("ru") != def.Sections[7].Questions[2].TextIn("ru") || h3.TextIn("ru") == h3.Text {
		t.Errorf("H3 in Russian: %q", h3.TextIn("ru"))
	}
}
