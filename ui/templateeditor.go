package ui

import (
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// templateEditor edits a questionnaire template, a copy of one the
// register offers or one started empty, and keeps it as a new version:
// replies keep the version they were written for, so a version once kept
// never changes. The outline on the left lists the questionnaire, its
// sections and their questions; the fields of the row chosen are on the
// right. Every edit goes straight into t; nothing is kept before Save.
type templateEditor struct {
	env *env
	typing
	t        export.Template
	items    []outlineItem
	current  outlineItem
	problems []data.FieldError // of the last save tried, less the fields edited since
	saved    func()
	open     bool
	// what the translations of the template opened translate: a new
	// version keeps those whose English is unchanged
	translations export.Translations

	outline *widget.List
	// the fields of the questionnaire itself, of a section, of a question
	top, sec, que                        *fieldSet
	title, id, version, resolution, note *formEntry
	counts                               *widget.Label
	secID, secTitle                      *formEntry
	qID, text                            *formEntry
	kind                                 *widget.Select
	askedOf                              *askedOfField
	figures                              *boundFigures
	scroll                               *container.Scroll
	// under each English text, the languages it is written in too
	titleLangs, resolutionLangs, noteLangs, secTitleLangs, textLangs *widget.Label

	addSectionB, addQuestionB, upB, downB, removeB, previewB, saveB *widget.Button
	summary                                                         *widget.Label
	confirm                                                         *dialog.ConfirmDialog // the one asking, for tests
	dlg                                                             dialog.Dialog
}

// showTemplateEditor opens t (a copy, with the version it will be saved
// as) in a dialog; saved runs once it is kept.
func showTemplateEditor(e *env, t export.Template, saved func()) *templateEditor {
	f := &templateEditor{env: e, t: t, saved: saved, top: newFieldSet(), sec: newFieldSet(), que: newFieldSet(),
		translations: export.TranslationsOf(t)}
	f.titleLangs, f.resolutionLangs, f.noteLangs, f.secTitleLangs, f.textLangs = help(""), help(""), help(""), help(""), help("")
	entry := entryMaker(f.edited, f.close, func() bool { return f.dirty })
	f.title, f.id, f.version = entry("title", false), entry("id", false), entry("version", false)
	f.resolution, f.note = entry("resolution", true), entry("note", true)
	f.note.SetMinRowsVisible(3)
	f.title.SetPlaceHolder(locale.L("e.g. Reply to the survey of national coordination mechanisms"))
	f.id.SetPlaceHolder(locale.L("e.g. ncm-survey"))
	f.counts = widget.NewLabel("")
	f.top.add("title", locale.L("Title"), true, container.NewVBox(f.title, f.titleLangs))
	f.top.add("id", locale.X("label.id", "ID"), true, container.NewVBox(f.id,
		help(locale.L("Replies name their questionnaire by ID and version. Keep the ID for a new version of the same questionnaire."))))
	f.top.add("version", locale.L("Version"), true, container.NewVBox(f.version,
		help(locale.L("A version once saved never changes: replies keep the version they were written for."))))
	f.top.add("resolution", locale.L("Resolution"), false, container.NewVBox(f.resolution, f.resolutionLangs))
	f.top.add("note", locale.L("Note"), false, container.NewVBox(f.note, f.noteLangs))
	f.top.add("sections", locale.L("Sections"), false, container.NewVBox(f.counts,
		help(locale.L("Add, move and remove sections and questions in the list on the left; choose one to edit it."))))

	f.secID, f.secTitle = entry("section.id", false), entry("section.title", false)
	f.sec.add("id", locale.X("label.id", "ID"), true, container.NewVBox(f.secID,
		help(locale.L("Numbers the section in the reply, as in “A. Legal framework”."))))
	f.sec.add("title", locale.L("Title"), false, container.NewVBox(f.secTitle, f.secTitleLangs))

	f.qID, f.text = entry("question.id", false), entry("question.text", true)
	f.text.SetMinRowsVisible(4)
	var kinds []string
	for _, k := range export.QuestionKinds {
		kinds = append(kinds, kindLabel(k))
	}
	f.kind = widget.NewSelect(kinds, func(string) { f.edited("question.kind") })
	f.askedOf = newAskedOfField(e, func() { f.edited("question.asked_of") })
	f.figures = newBoundFigures(e, func([]string) { f.edited("question.bindings") })
	f.que.add("id", locale.X("label.id", "ID"), true, container.NewVBox(f.qID,
		help(locale.L("Numbers the question in the reply and in the agencies' workbooks, as in A1."))))
	f.que.add("kind", locale.L("Kind"), true, f.kind)
	f.que.add("text", locale.L("Text"), true, container.NewVBox(f.text, f.textLangs))
	f.que.add("asked_of", locale.L("Usually asked of"), false, container.NewVBox(f.askedOf.content,
		help(locale.L("Agencies of these sectors find the question in their workbooks."))))
	f.que.add("bindings", locale.L("Figures"), false, container.NewVBox(f.figures.content,
		help(locale.L("Figures of the register shown with the question for the reply's period, drafted into its answer and printed in the reply."))))

	f.outline = widget.NewList(func() int { return len(f.items) }, newOutlineRow, f.updateOutlineRow)
	f.outline.OnSelected = func(id widget.ListItemID) {
		if id < len(f.items) && f.items[id] != f.current {
			f.show(f.items[id])
		}
	}
	f.addSectionB = widget.NewButtonWithIcon(locale.L("Add section"), theme.ContentAddIcon(), f.addSection)
	f.addQuestionB = widget.NewButtonWithIcon(locale.L("Add question"), theme.ContentAddIcon(), f.addQuestion)
	f.upB = widget.NewButtonWithIcon(locale.L("Up"), theme.MoveUpIcon(), func() { f.move(-1) })
	f.downB = widget.NewButtonWithIcon(locale.L("Down"), theme.MoveDownIcon(), func() { f.move(1) })
	f.removeB = widget.NewButtonWithIcon(locale.L("Remove"), theme.DeleteIcon(), f.remove)
	f.previewB = widget.NewButtonWithIcon(locale.L("Preview"), theme.VisibilityIcon(), func() { showTemplatePreview(e, f.t) })
	f.saveB = widget.NewButtonWithIcon(locale.L("Save as a new version"), theme.DocumentSaveIcon(), func() { f.save() })
	f.saveB.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(locale.L("Cancel"), theme.CancelIcon(), f.close)
	f.summary = newErrorLabel()

	left := container.NewBorder(nil, flowRow(f.addSectionB, f.addQuestionB, f.upB, f.downB, f.removeB), nil, nil, f.outline)
	f.scroll = container.NewVScroll(container.NewStack(f.top.grid, f.sec.grid, f.que.grid))
	split := container.NewHSplit(left, f.scroll)
	split.Offset = 0.34
	bottom := container.NewVBox(f.summary, container.NewHBox(f.previewB, layoutSpacer(), cancel, f.saveB))
	f.dlg = dialog.NewCustomWithoutButtons(locale.L("Questionnaire template"), container.NewBorder(nil, bottom, nil, nil, split), e.win)
	f.dlg.Resize(fitWithin(fyne.NewSize(1000, 700), e.win.Canvas().Size()))

	f.items = outlineOf(f.t)
	f.current = outlineItem{-2, -2} // none yet: choose shows the questionnaire
	f.choose(outlineRoot)
	if e.store.ReadOnly() {
		for _, b := range []*widget.Button{f.addSectionB, f.addQuestionB, f.upB, f.downB, f.removeB, f.saveB} {
			b.Disable()
		}
	}
	f.dlg.Show()
	f.open = true
	e.shown.templateEditor = f
	e.dialogSave = f.save
	e.guarded = guardedDialog{overlay: e.win.Canvas().Overlays().Top(), close: f.close}
	f.dlg.SetOnClosed(func() {
		f.open = false
		e.dialogSave = nil
		e.guarded = guardedDialog{}
	})
	return f
}

// newOutlineRow is a row of the outline: room to indent it by its level,
// a mark when it has a problem, and its number and title.
func newOutlineRow() fyne.CanvasObject {
	indent := canvas.NewRectangle(color.Transparent)
	mark := widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, container.NewHBox(indent, mark), nil, l)
}

func (f *templateEditor) updateOutlineRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(f.items) {
		return
	}
	it := f.items[id]
	row := o.(*fyne.Container)
	l := row.Objects[0].(*widget.Label)
	left := row.Objects[1].(*fyne.Container)
	level := 0
	switch {
	case it.isQuestion():
		level = 2
	case it.isSection():
		level = 1
	}
	left.Objects[0].(*canvas.Rectangle).SetMinSize(fyne.NewSize(float32(level)*theme.Padding()*3, 1))
	setVisible(left.Objects[1], f.hasProblem(it))
	left.Refresh()
	l.TextStyle = fyne.TextStyle{Bold: !it.isQuestion()}
	l.SetText(f.rowText(it))
}

// rowText names a row as the reply numbers it.
func (f *templateEditor) rowText(it outlineItem) string {
	switch {
	case it.isQuestion():
		q := f.t.Sections[it.section].Questions[it.question]
		text, _, _ := strings.Cut(strings.TrimSpace(q.Text), "\n")
		if text == "" {
			text = locale.L("(no text yet)")
		}
		return q.ID + ". " + text
	case it.isSection():
		s := f.t.Sections[it.section]
		return s.ID + ". " + s.Title
	}
	title := f.t.Title
	if strings.TrimSpace(title) == "" {
		title = locale.L("(no title yet)")
	}
	return locale.L("{{.Questionnaire}} · version {{.Version}}", map[string]any{"Questionnaire": title, "Version": f.t.Version})
}

// choose shows a row's fields and selects it in the outline.
func (f *templateEditor) choose(it outlineItem) {
	f.show(it)
	i := slices.Index(f.items, it)
	f.outline.Select(i) // OnSelected finds it shown already
	f.outline.ScrollTo(i)
}

// structureChanged shows the outline after a row was added, moved or
// removed, and chooses it. The problems of the last save tried are
// forgotten: they were counted by places that have changed; Save finds
// them again.
func (f *templateEditor) structureChanged(it outlineItem) {
	f.dirty = true
	f.problems = nil
	f.summary.Hide()
	f.items = outlineOf(f.t)
	f.outline.Refresh()
	f.current = outlineItem{-2, -2}
	f.choose(it)
}

func (f *templateEditor) addSection() {
	f.structureChanged(addSection(&f.t, f.current))
	f.env.win.Canvas().Focus(f.secTitle)
}

func (f *templateEditor) addQuestion() {
	if it, ok := addQuestion(&f.t, f.current); ok {
		f.structureChanged(it)
		f.env.win.Canvas().Focus(f.text)
	}
}

func (f *templateEditor) move(by int) {
	if it, ok := moveItem(&f.t, f.current, by); ok {
		f.structureChanged(it)
	}
}

// remove takes the chosen row out; a section with questions asks first.
func (f *templateEditor) remove() {
	it := f.current
	if !it.isSection() || len(f.t.Sections[it.section].Questions) == 0 {
		f.structureChanged(removeItem(&f.t, it))
		return
	}
	s := f.t.Sections[it.section]
	f.confirm = dialog.NewConfirm(locale.L("Remove the section?"),
		locale.L("Section {{.Section}} is taken out of this version with its questions ({{.Count}}). Versions saved before keep them.",
			map[string]any{"Section": s.ID, "Count": grouped(len(s.Questions))}),
		func(ok bool) {
			if ok {
				f.structureChanged(removeItem(&f.t, it))
			}
		}, f.env.win)
	f.confirm.SetConfirmText(locale.L("Remove"))
	f.confirm.SetConfirmImportance(widget.DangerImportance)
	f.confirm.Show()
}

// updateButtons offers what the chosen row allows.
func (f *templateEditor) updateButtons() {
	if f.env.store.ReadOnly() {
		return
	}
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	it := f.current
	enable(f.addQuestionB, len(f.t.Sections) > 0)
	enable(f.removeB, it != outlineRoot)
	n := len(f.t.Sections)
	inSection := 0
	if it.isQuestion() {
		inSection = len(f.t.Sections[it.section].Questions)
	}
	enable(f.upB, it.isSection() && it.section > 0 || it.isQuestion() && (it.question > 0 || it.section > 0))
	enable(f.downB, it.isSection() && it.section < n-1 || it.isQuestion() && (it.question < inSection-1 || it.section < n-1))
}
