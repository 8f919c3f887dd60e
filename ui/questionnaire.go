package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// questionnaireScreen is the Questionnaire area: the replies to the
// questionnaire, and for the one chosen, its questions, each with the
// figures of the period, the answer, and what the agencies contributed.
type questionnaireScreen struct {
	env     *env
	replies []data.Reply
	reply   replyState
	current int // index in reply.questions
	pane    *questionPane

	choose    *widget.Select
	newBtn    *widget.Button
	state     *widget.Label
	list      *widget.List
	copyBtn   *widget.Button
	finalBtn  *widget.Button
	archive   *widget.Button
	actions   []*widget.Button // enabled once a reply is chosen
	empty     fyne.CanvasObject
	work      fyne.CanvasObject
	body      *fyne.Container
	content   fyne.CanvasObject
	loadCount int // the newest load; older results are dropped
}

// replyState is one reply as the screen shows it.
type replyState struct {
	data.Reply
	tpl           export.Template
	questions     []questionRef
	answers       map[string]data.Answer
	figures       map[string]data.FigureValue
	contributions []data.Contribution
	officer       string
}

// questionRef is a question with the section it belongs to.
type questionRef struct {
	section  export.TemplateSection
	question export.Question
}

func (r replyState) final() bool { return r.Status == "final" }

func newQuestionnaireScreen(e *env) *questionnaireScreen {
	q := &questionnaireScreen{env: e}
	q.choose = widget.NewSelect(nil, func(string) { q.chosen() })
	q.choose.PlaceHolder = locale.L("Choose a reply")
	q.newBtn = widget.NewButtonWithIcon(locale.L("New reply…"), theme.ContentAddIcon(), q.startNew)
	if e.store.ReadOnly() {
		q.newBtn.Disable()
	}
	q.state = widget.NewLabel("")
	q.state.Wrapping = fyne.TextWrapWord

	q.list = widget.NewList(func() int { return len(q.reply.questions) }, newListRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(q.reply.questions) {
				setListRow(o, questionTitle(q.reply.questions[i].question), q.questionDetail(i))
			}
		})
	q.list.OnSelected = func(i widget.ListItemID) {
		if i == q.current || i >= len(q.reply.questions) {
			return
		}
		if !q.pane.saveFirst(q.env, q.pane.Save) {
			q.list.Select(q.current)
			return
		}
		q.show(i)
	}
	q.pane = newQuestionPane(e, q)

	completeness := widget.NewButtonWithIcon(locale.L("Completeness…"), theme.InfoIcon(), func() { showCompleteness(e, q.reply, q.jumpTo) })
	var agencies, save *widget.Button
	agencies = widget.NewButtonWithIcon(locale.L("Agencies"), theme.MenuDropDownIcon(), func() {
		showMenuBelow(e, agencies,
			fyne.NewMenuItem(locale.L("Write workbooks for agencies…"), func() { writeWorkbooks(e, q.reply) }),
			fyne.NewMenuItem(locale.L("Import a returned workbook…"), func() { importWorkbook(e, q.reply, q.reload) }))
	})
	agencies.IconPlacement = widget.ButtonIconTrailingText
	save = widget.NewButtonWithIcon(locale.L("Save reply as"), theme.MenuDropDownIcon(), func() {
		showMenuBelow(e, save,
			fyne.NewMenuItem(locale.L("Excel workbook (xlsx)…"), func() { saveReply(e, q.reply, ".xlsx") }),
			fyne.NewMenuItem(locale.L("PDF document…"), func() { saveReply(e, q.reply, ".pdf") }))
	})
	save.IconPlacement = widget.ButtonIconTrailingText
	q.copyBtn = widget.NewButtonWithIcon(locale.L("Copy earlier answers…"), theme.ContentCopyIcon(), q.copyEarlier)
	q.finalBtn = widget.NewButtonWithIcon(locale.L("Finalise…"), theme.ConfirmIcon(), q.finaliseOrReopen)
	q.archive = widget.NewButtonWithIcon(locale.L("Archive draft…"), theme.DeleteIcon(), q.archiveDraft)
	q.actions = []*widget.Button{completeness, agencies, save, q.copyBtn, q.archive, q.finalBtn}

	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(locale.L("Reply"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			q.newBtn, q.choose),
		q.state,
		flowRow(completeness, agencies, save, q.copyBtn, q.archive, q.finalBtn),
		widget.NewSeparator())
	split := container.NewHSplit(q.list, q.pane.content)
	split.SetOffset(0.3)
	q.work = split
	intro := widget.NewLabel(locale.L("A reply answers the questionnaire for a reporting period. Its figures come from the register and say how they were counted; agencies can contribute through workbooks; once finalised, it stays as it was sent."))
	intro.Wrapping = fyne.TextWrapWord
	q.empty = container.NewVBox(intro)
	q.body = container.NewStack(q.empty)
	q.content = container.NewBorder(top, nil, nil, nil, q.body)
	q.setActions(false)
	q.refresh()
	return q
}

// showMenuBelow opens a menu under a button, as a drop-down does.
func showMenuBelow(e *env, b *widget.Button, items ...*fyne.MenuItem) {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(0, b.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), e.win.Canvas(), pos)
}

func questionTitle(q export.Question) string { return q.ID + "  " + q.TextIn(locale.Current().Code()) }

func (q *questionnaireScreen) questionDetail(i int) string {
	ref := q.reply.questions[i]
	a := q.reply.answers[ref.question.ID]
	state := locale.L("Not answered yet")
	if a.Narrative != "" || a.YesNo != "" {
		state = "✓ " + locale.L("Answered")
	}
	n := 0
	for _, c := range q.reply.contributions {
		if c.QuestionID == ref.question.ID {
			n++
		}
	}
	if n > 0 {
		state += " · " + locale.N("{{.Count}} agency contributed", n)
	}
	return state
}

func (q *questionnaireScreen) setActions(on bool) {
	for _, b := range q.actions {
		setEnabled(b, on)
	}
	if on {
		setEnabled(q.copyBtn, !q.reply.final() && !q.env.store.ReadOnly() && len(q.replies) > 1)
		setEnabled(q.finalBtn, !q.env.store.ReadOnly())
		setEnabled(q.archive, !q.reply.final() && !q.env.store.ReadOnly())
	}
}

// refresh reads the replies again, and the chosen one with its figures.
func (q *questionnaireScreen) refresh() {
	list, err := q.env.store.Replies(context.Background())
	if err != nil {
		q.state.SetText(err.Error())
		return
	}
	q.replies = list
	labels := make([]string, len(list))
	selected := ""
	for i, r := range list {
		labels[i] = replyLabel(r)
		if r.ID == q.reply.ID {
			selected = labels[i]
		}
	}
	q.choose.Options = labels
	q.choose.Refresh()
	switch {
	case selected != "":
		q.choose.Selected = selected
		q.choose.Refresh()
		q.reload()
	case len(list) > 0:
		q.choose.SetSelectedIndex(0)
	default:
		q.choose.ClearSelected()
		q.reply = replyState{}
		q.body.Objects = []fyne.CanvasObject{q.empty}
		q.body.Refresh()
		q.state.SetText(locale.L("No reply yet. Start one with New reply…"))
		q.setActions(false)
	}
}

func replyLabel(r data.Reply) string {
	status := locale.L("draft")
	if r.Status == "final" {
		status = locale.L("final")
	}
	label := between(r.From, r.To) + " · " + status
	if r.ReopenedFrom != "" {
		label += " · " + locale.L("reopened")
	}
	return label
}

func (q *questionnaireScreen) chosen() {
	i := q.choose.SelectedIndex()
	if i < 0 || i >= len(q.replies) {
		return
	}
	if q.replies[i].ID == q.reply.ID {
		return
	}
	if !q.pane.saveFirst(q.env, q.pane.Save) { // the answer's problem shows; stay on its reply
		q.choose.Selected = replyLabel(q.reply.Reply)
		q.choose.Refresh()
		return
	}
	q.reply = replyState{Reply: q.replies[i]}
	q.current = -1
	q.reload()
}

// reload reads the chosen reply: its template, answers, contributions and
// figures, off the UI thread (the figures of a large register take a
// moment the first time).
func (q *questionnaireScreen) reload() {
	id := q.reply.ID
	if id == "" {
		return
	}
	q.loadCount++
	count := q.loadCount
	q.state.SetText(locale.L("Counting the figures…"))
	var st replyState
	var err error
	runAsync(func() { st, err = loadReplyState(q.env.store, id) }, func() {
		if count != q.loadCount {
			return
		}
		if err != nil {
			q.state.SetText(err.Error())
			q.body.Objects = []fyne.CanvasObject{q.empty}
			q.body.Refresh()
			q.setActions(false)
			return
		}
		q.reply = st
		q.state.SetText(q.stateText())
		q.body.Objects = []fyne.CanvasObject{q.work}
		q.body.Refresh()
		q.setActions(true)
		q.finalBtn.SetText(locale.L("Finalise…"))
		if st.final() {
			q.finalBtn.SetText(locale.L("Reopen as a new draft…"))
		}
		q.list.Refresh()
		i := q.current
		if i >= 0 && i < len(st.questions) && q.pane.dirty {
			return // the user typed on while the figures were counted: keep the typing
		}
		if i < 0 || i >= len(st.questions) {
			i = 0
		}
		q.current = -1
		q.list.Select(i)
		q.list.ScrollTo(i)
		if q.current != i { // already selected: no OnSelected
			q.show(i)
		}
	})
}

func loadReplyState(s *data.Store, id string) (replyState, error) {
	ctx := context.Background()
	var st replyState
	r, err := s.GetReply(ctx, id)
	if err != nil {
		return st, err
	}
	st.Reply = r
	if st.tpl, err = export.TemplateOf(ctx, s, r.TemplateID, r.TemplateVersion); err != nil {
		return st, err
	}
	for _, sec := range st.tpl.Sections {
		for _, question := range sec.Questions {
			st.questions = append(st.questions, questionRef{sec, question})
		}
	}
	if st.answers, err = s.Answers(ctx, id); err != nil {
		return st, err
	}
	if st.contributions, err = s.Contributions(ctx, id); err != nil {
		return st, err
	}
	if r.Officer != "" {
		if c, err := s.Contact(ctx, r.Officer); err == nil {
			st.officer = c.Name
		}
	}
	st.figures, err = s.ReplyFigures(ctx, id, st.tpl.Bindings())
	return st, err
}

func (q *questionnaireScreen) stateText() string {
	r := q.reply
	text := locale.L("{{.Questionnaire}} version {{.Version}}.", map[string]any{"Questionnaire": r.tpl.TitleIn(locale.Current().Code()), "Version": r.tpl.Version}) + " " +
		locale.L("Reporting period {{.From}} to {{.To}}.", map[string]any{"From": dayText(r.From), "To": dayText(r.To)})
	if q.reply.officer != "" {
		text += " " + locale.L("Replying officer: {{.Name}}.", map[string]any{"Name": q.reply.officer})
	}
	if r.final() {
		text += " " + locale.L("Final since {{.Day}}: the figures are kept as they were then.", map[string]any{"Day": dayText(r.FinalisedAt[:10])})
	} else {
		text += " " + locale.L("Draft: the figures follow the register.")
	}
	if n := len(data.ContributingAgencies(r.contributions)); n > 0 {
		text += " " + locale.N("{{.Count}} agency has contributed.", n)
	}
	return text
}

func (q *questionnaireScreen) show(i int) {
	if i < 0 || i >= len(q.reply.questions) {
		return
	}
	q.current = i
	q.pane.load(q.reply, q.reply.questions[i])
}

// Save saves the answer being written (Ctrl+S).
func (q *questionnaireScreen) Save() bool { return q.pane.Save() }

// answered notes a saved answer without reading the whole reply again.
func (q *questionnaireScreen) answered(a data.Answer) {
	if q.reply.answers == nil {
		q.reply.answers = map[string]data.Answer{}
	}
	q.reply.answers[a.QuestionID] = a
	q.list.RefreshItem(q.current)
}

func (q *questionnaireScreen) copyEarlier() {
	var earlier []data.Reply
	var labels []string
	for _, r := range q.replies {
		if r.ID != q.reply.ID {
			earlier = append(earlier, r)
			labels = append(labels, replyLabel(r))
		}
	}
	from := widget.NewSelect(labels, nil)
	from.SetSelectedIndex(0)
	dialog.ShowForm(locale.L("Copy earlier answers"), locale.L("Copy"), locale.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(locale.L("From the reply"), from),
		widget.NewFormItem("", help(locale.L("Questions this draft has not answered yet take the earlier answer. Answers already written are kept. You can undo."))),
	}, func(ok bool) {
		if !ok || from.SelectedIndex() < 0 {
			return
		}
		if !q.pane.saveFirst(q.env, q.pane.Save) {
			return
		}
		n, err := q.env.store.CopyAnswers(context.Background(), earlier[from.SelectedIndex()].ID, q.reply.ID)
		if err != nil {
			showError(q.env.win, "", err)
			return
		}
		q.env.status(locale.N("{{.Count}} answer copied", n))
		q.env.changed()
	}, q.env.win)
}

func (q *questionnaireScreen) finaliseOrReopen() {
	if !q.pane.saveFirst(q.env, q.pane.Save) {
		return
	}
	r := q.reply
	if r.final() {
		dialog.ShowConfirm(locale.L("Reopen as a new draft?"),
			locale.L("The final reply stays as it was sent. A new draft starts from its answers, with the figures of the register as it is now."),
			func(yes bool) {
				if !yes {
					return
				}
				n, err := q.env.store.ReopenReply(context.Background(), r.ID)
				if err != nil {
					showError(q.env.win, "", err)
					return
				}
				q.reply = replyState{Reply: n}
				q.env.changed()
			}, q.env.win)
		return
	}
	c := export.CheckCompletenessIn(locale.Current(), r.tpl, r.answers, r.figures)
	msg := locale.L("The figures and the annexes will be kept with the reply as they are now, and its answers can no longer change. Later changes to the register do not change it. You can reopen it as a new draft.")
	if len(c.Unanswered) > 0 {
		msg = locale.N("{{.Count}} of {{.Questions}} questions is not answered yet.", len(c.Unanswered),
			map[string]any{"Questions": grouped(c.Questions)}) + "\n\n" + msg
	}
	d := dialog.NewConfirm(locale.L("Finalise the reply?"), msg, func(yes bool) {
		if !yes {
			return
		}
		// The annexes of a large register take a moment to draw.
		q.env.status(locale.L("Finalising the reply…"))
		var err error
		runAsync(func() { err = export.FinaliseReply(context.Background(), q.env.store, r.tpl, r.ID) }, func() {
			if err != nil {
				q.env.status("")
				showError(q.env.win, "", err)
				return
			}
			q.env.status(locale.L("The reply is final"))
			q.env.changed()
		})
	}, q.env.win)
	d.SetConfirmText(locale.L("Finalise"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// archiveDraft hides a draft started by mistake; Undo brings it back.
func (q *questionnaireScreen) archiveDraft() {
	r := q.reply
	toggleArchived(q.env, replyLabel(r.Reply), false, locale.L("Archive this draft?"),
		locale.L("The draft reply {{.Reply}} will be hidden, with its answers and contributions. Its history is kept, and you can undo.", map[string]any{"Reply": replyLabel(r.Reply)}),
		func(archive bool) error { return q.env.store.SetReplyArchived(context.Background(), r.ID, archive) },
		func() {
			q.reply = replyState{}
			q.pane.dirty = false
			q.env.changed()
		})
}

// jumpTo shows a question of the reply by its id (from Completeness).
func (q *questionnaireScreen) jumpTo(id string) {
	for i, ref := range q.reply.questions {
		if ref.question.ID == id {
			q.list.Select(i)
			q.list.ScrollTo(i)
			return
		}
	}
}
