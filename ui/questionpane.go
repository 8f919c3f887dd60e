package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// questionPane shows one question of a reply: the figures bound to it with
// their counting rules, the answer being written, and the agencies'
// contributions beside it for consolidation.
type questionPane struct {
	env    *env
	screen *questionnaireScreen
	reply  replyState
	ref    questionRef
	typing

	section   *widget.Label
	question  *widget.Label
	askedOf   *widget.Label
	figures   *fyne.Container
	yesNo     *widget.RadioGroup
	yesNoRow  *fyne.Container
	narrative *formEntry
	length    *widget.Label
	problem   *widget.Label
	draft     *widget.Button
	agencies  *fyne.Container
	save      *widget.Button
	prev      *widget.Button
	next      *widget.Button
	scroll    *container.Scroll
	content   fyne.CanvasObject
}

func newQuestionPane(e *env, screen *questionnaireScreen) *questionPane {
	p := &questionPane{env: e, screen: screen}
	p.section = widget.NewLabel("")
	p.section.Importance = widget.LowImportance
	p.question = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.question.Wrapping = fyne.TextWrapWord
	p.askedOf = help("")
	p.figures = container.NewVBox()
	p.yesNo = widget.NewRadioGroup([]string{locale.L("Yes"), locale.L("No")}, func(string) { p.edited() })
	p.yesNo.Horizontal = true
	p.yesNoRow = container.NewHBox(widget.NewLabel(locale.L("Answer")), p.yesNo)
	p.narrative = entryMaker(func(string) { p.edited() }, p.revert, func() bool { return p.dirty })("narrative", true)
	p.narrative.SetMinRowsVisible(6)
	p.narrative.SetPlaceHolder(locale.L("Write the answer, or draft it from the figures and edit it"))
	p.length = help("")
	p.length.Hide()
	p.problem = newErrorLabel()
	p.draft = widget.NewButtonWithIcon(locale.L("Draft from the figures"), theme.DocumentCreateIcon(), p.draftFromFigures)
	p.agencies = container.NewVBox()
	p.save = widget.NewButtonWithIcon(locale.L("Save"), theme.DocumentSaveIcon(), func() { p.Save() })
	p.save.Importance = widget.HighImportance
	history := widget.NewButtonWithIcon(locale.L("History"), theme.HistoryIcon(), func() {
		showHistory(e, locale.L("Answer to {{.Question}}", map[string]any{"Question": p.ref.question.ID}), p.reply.ID+"/"+p.ref.question.ID)
	})
	p.prev = widget.NewButtonWithIcon(locale.L("Previous"), theme.NavigateBackIcon(), func() { p.step(-1) })
	p.next = widget.NewButtonWithIcon(locale.L("Next"), theme.NavigateNextIcon(), func() { p.step(1) })
	p.next.IconPlacement = widget.ButtonIconTrailingText

	answerHeading := widget.NewLabelWithStyle(locale.L("The reply's answer"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := container.NewVBox(p.section, p.question, p.askedOf,
		answerHeading, p.yesNoRow, p.narrative, p.length, p.problem, container.NewHBox(p.draft),
		p.figures, p.agencies)
	p.scroll = container.NewVScroll(container.NewPadded(body))
	p.content = container.NewBorder(nil, container.NewHBox(p.save, history, layout.NewSpacer(), p.prev, p.next), nil, nil, p.scroll)
	return p
}

func (p *questionPane) edited() {
	p.showLength()
	if !p.userEdit() {
		return
	}
	p.problem.Hide()
	setEnabled(p.save, !p.reply.final() && !p.env.store.ReadOnly())
}

// load shows a question of a reply; typing not saved is dropped, so callers
// save first.
func (p *questionPane) load(r replyState, ref questionRef) {
	defer p.startFilling()()
	same := p.ref.question.ID == ref.question.ID && p.reply.ID == r.ID
	p.reply, p.ref, p.dirty = r, ref, false
	q := ref.question
	p.section.SetText(ref.section.ID + ". " + ref.section.TitleIn(locale.Current().Code()))
	p.question.SetText(q.ID + "  " + q.TextIn(locale.Current().Code()))
	var asked []string
	for _, code := range q.AskedOf {
		asked = append(asked, sectorLabel(code))
	}
	p.askedOf.SetText(locale.L("Usually asked of: {{.Sectors}}", map[string]any{"Sectors": strings.Join(asked, ", ")}))
	setVisible(p.askedOf, len(asked) > 0)

	p.figures.Objects = nil
	if len(q.Bindings) > 0 {
		heading := locale.L("Figures of the register for the period")
		if r.final() {
			heading = locale.L("Figures as kept when the reply was finalised")
		}
		p.figures.Add(widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	// Figures counted by the same rule share a card, with the rule said once.
	var card *fyne.Container
	var rule string
	for _, name := range q.Bindings {
		f, ok := data.NamedFigureByName(name)
		if !ok {
			continue
		}
		if card == nil || figureRule(f.Name) != rule {
			if card != nil {
				card.Add(ruleLabel(rule))
			}
			card, rule = container.NewVBox(), figureRule(f.Name)
			p.figures.Add(widget.NewCard("", "", card))
		}
		v, have := r.figures[name]
		card.Add(figureBlock(f, v, have))
	}
	if card != nil {
		card.Add(ruleLabel(rule))
	}
	p.figures.Refresh()

	a := r.answers[q.ID]
	setVisible(p.yesNoRow, q.Kind == "yes_no")
	p.yesNo.SetSelected(yesNoLabel(a.YesNo))
	p.narrative.SetText(a.Narrative)
	p.problem.Hide()
	locked := r.final() || p.env.store.ReadOnly()
	for _, w := range []fyne.Disableable{p.narrative, p.yesNo, p.draft} {
		if locked {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	setVisible(p.draft, len(q.Bindings) > 0 && !locked)
	p.narrative.SetPlaceHolder(locale.L("Write the answer, or draft it from the figures and edit it"))
	if locked {
		p.narrative.SetPlaceHolder(locale.L("No answer"))
	}
	p.save.Disable()
	i := p.screen.current
	setEnabled(p.prev, i > 0)
	setEnabled(p.next, i < len(r.questions)-1)
	p.showContributions()
	if !same { // the same question read again (after a save) stays where the user was
		p.scroll.ScrollToTop()
	}
}

// figureBlock shows a figure of the period: its total and its breakdown.
func figureBlock(f data.NamedFigure, v data.FigureValue, have bool) fyne.CanvasObject {
	count := grouped(v.Total)
	switch {
	case v.Unknown:
		count = locale.L("not available")
	case v.Unadded:
		count = locale.L("not added up: the years are in different currencies")
	case v.Unit != "":
		count = locale.X("figure.amount", "{{.Count}} {{.Unit}}", map[string]any{"Count": count, "Unit": v.Unit})
	}
	total := widget.NewLabelWithStyle(labelled(figureTitle(f.Name), count), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	total.Wrapping = fyne.TextWrapWord
	if !have {
		total.SetText(labelled(figureTitle(f.Name), locale.L("not kept with this reply")))
	}
	box := container.NewVBox(total)
	if len(v.Rows) > 0 {
		// One wrapped line keeps a breakdown of twenty sectors from pushing
		// the answer out of sight.
		parts := make([]string, len(v.Rows))
		for i, r := range v.Rows {
			parts[i] = r.Label + " " + grouped(r.Value)
		}
		for _, year := range v.Missing { // a year nobody entered, not a 0
			parts = append(parts, locale.L("{{.Year}} not available", map[string]any{"Year": year}))
		}
		rows := widget.NewLabel(strings.Join(parts, "  ·  "))
		rows.Wrapping = fyne.TextWrapWord
		box.Add(rows)
	}
	return box
}

func ruleLabel(rule string) *widget.Label {
	l := help(locale.L("How it is counted: {{.Rule}}", map[string]any{"Rule": rule}))
	l.TextStyle.Italic = true
	return l
}

func (p *questionPane) showContributions() {
	p.agencies.Objects = nil
	q := p.ref.question
	var mine []data.Contribution
	for _, c := range p.reply.contributions {
		if c.QuestionID == q.ID {
			mine = append(mine, c)
		}
	}
	heading := widget.NewLabelWithStyle(locale.L("From the agencies"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.agencies.Add(heading)
	if len(mine) == 0 {
		p.agencies.Add(help(locale.L("No agency has answered this question yet. Write workbooks for the agencies from the Agencies menu, and import them when they come back.")))
	}
	for _, c := range mine {
		p.agencies.Add(p.contributionBlock(c))
	}
	p.agencies.Refresh()
}

func (p *questionPane) contributionBlock(c data.Contribution) fyne.CanvasObject {
	box := container.NewVBox()
	if c.YesNo != "" {
		box.Add(widget.NewLabel(locale.L("Answer: {{.Answer}}", map[string]any{"Answer": yesNoLabel(c.YesNo)})))
	}
	if c.Narrative != "" {
		l := widget.NewLabel(c.Narrative)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	for _, name := range p.ref.question.Bindings {
		n, ok := c.Figures[name]
		if !ok {
			continue
		}
		f, _ := data.NamedFigureByName(name)
		line := labelled(figureTitle(f.Name), grouped(n))
		if v, have := p.reply.figures[name]; have {
			register := grouped(v.Total)
			if v.Unknown {
				register = locale.L("not available")
			}
			line = locale.L("{{.Figure}}: {{.Count}} (the register: {{.Register}})",
				map[string]any{"Figure": figureTitle(f.Name), "Count": grouped(n), "Register": register})
		}
		box.Add(widget.NewLabel(line))
	}
	use := widget.NewButtonWithIcon(locale.L("Add to the answer"), theme.ContentAddIcon(), func() {
		text := strings.TrimSpace(p.narrative.Text)
		if c.Narrative != "" && !strings.Contains(text, c.Narrative) {
			if text != "" {
				text += "\n\n"
			}
			p.narrative.SetText(text + c.Narrative)
		}
		if c.YesNo != "" && p.yesNo.Selected == "" {
			p.yesNo.SetSelected(yesNoLabel(c.YesNo))
		}
	})
	if p.reply.final() || p.env.store.ReadOnly() {
		use.Disable()
	}
	box.Add(container.NewHBox(use))
	imported := c.ImportedAt
	if len(imported) >= 10 {
		imported = imported[:10]
	}
	return widget.NewCard("", c.OrganisationName+" · "+c.FileName+", "+imported, box)
}

// yesNoLabel shows a stored yes/no ("yes", "no" or "") in the user's language.
func yesNoLabel(code string) string {
	return map[string]string{"yes": locale.L("Yes"), "no": locale.L("No")}[code]
}

// typed is the answer as written in the pane.
func (p *questionPane) typed() data.Answer {
	a := data.Answer{QuestionID: p.ref.question.ID, Narrative: strings.TrimSpace(p.narrative.Text)}
	for _, code := range []string{"yes", "no"} {
		if p.yesNo.Selected == yesNoLabel(code) {
			a.YesNo = code
		}
	}
	return a
}

// Save saves the answer; a refused save keeps what was typed and says why
// under the answer.
func (p *questionPane) Save() bool {
	if !p.dirty {
		return true
	}
	a := p.typed()
	if err := p.env.store.SetAnswer(context.Background(), p.reply.ID, a); err != nil {
		msg := err.Error()
		var invalid *data.ValidationError
		if errors.As(err, &invalid) {
			if fe, ok := invalid.For("narrative"); ok {
				msg = fieldMessage(fe)
			}
		}
		p.problem.SetText(msg)
		p.problem.Show()
		return false
	}
	p.dirty = false
	p.save.Disable()
	p.screen.answered(a)
	p.env.status(locale.L("Answer to {{.Question}} saved", map[string]any{"Question": a.QuestionID}))
	p.env.changed()
	return true
}

// lengthShownFrom is where the pane starts counting characters: from nine
// tenths of what an answer may hold, so the count is there before the end.
const lengthShownFrom = data.MaxTextLength * 9 / 10

// showLength counts the answer's characters as it nears the most a
// spreadsheet cell holds, so a long answer is cut by its writer, not refused.
func (p *questionPane) showLength() {
	n := data.TextLength(p.narrative.Text)
	if n < lengthShownFrom {
		p.length.Hide()
		return
	}
	p.length.SetText(locale.L("{{.Count}} of at most {{.Most}} characters", map[string]any{"Count": grouped(n), "Most": grouped(data.MaxTextLength)}))
	p.length.Importance = widget.LowImportance
	if n > data.MaxTextLength {
		p.length.Importance = widget.DangerImportance
	}
	p.length.Show()
	p.length.Refresh()
}

func (p *questionPane) revert() {
	if p.dirty {
		p.load(p.reply, p.ref)
	}
}

func (p *questionPane) step(by int) {
	i := p.screen.current + by
	if i < 0 || i >= len(p.reply.questions) {
		return
	}
	p.screen.list.Select(i)
}

func (p *questionPane) draftFromFigures() {
	text := export.DraftNarrativeIn(locale.Current(), p.ref.question, p.reply.figures)
	if strings.TrimSpace(p.narrative.Text) == "" {
		p.narrative.SetText(text)
		return
	}
	dialog.ShowConfirm(locale.L("Replace the answer?"), locale.L("The answer already has text. Replace it with a draft from the figures?"),
		func(yes bool) {
			if yes {
				p.narrative.SetText(text)
			}
		}, p.env.win)
}

// setVisible shows or hides an object (its container lays out again).
func setVisible(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}
