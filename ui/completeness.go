package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// showCompleteness says what the reply still lacks: questions without an
// answer, figures that are zero or missing for the period, and member
// agencies asked questions that have not contributed. Each question listed
// is a link: jump closes the dialog and shows the question.
func showCompleteness(e *env, r replyState, jump func(questionID string)) {
	c := export.CheckCompletenessIn(locale.Current(), r.tpl, r.answers, r.figures)
	members, err := e.store.Members(context.Background())
	if err != nil {
		showError(e.win, "", err)
		return
	}
	silent := export.SilentAgencies(r.tpl, members, r.contributions)
	findings, err := e.store.QualityFindings(context.Background(), r.From, r.To)
	if err != nil {
		showError(e.win, "", err)
		return
	}

	text := map[string]string{}
	for _, q := range r.questions {
		text[q.question.ID] = q.question.TextIn(locale.Current().Code())
	}
	var unanswered []completenessLine
	for _, id := range c.Unanswered {
		unanswered = append(unanswered, completenessLine{id + "  " + text[id], id})
	}
	var zero []completenessLine
	for _, z := range c.ZeroFigures {
		id, name, _ := strings.Cut(z, ": ")
		title := name
		if f, ok := data.NamedFigureByName(name); ok {
			title = figureTitle(f.Name)
		}
		zero = append(zero, completenessLine{id + "  " + title, id})
	}
	var unavailable []completenessLine
	for _, z := range c.NotAvailable {
		id, rest, _ := strings.Cut(z, ": ")
		name, note, _ := strings.Cut(rest, ": ")
		title := name
		if f, ok := data.NamedFigureByName(name); ok {
			title = figureTitle(f.Name)
		}
		unavailable = append(unavailable, completenessLine{id + "  " + labelled(title, note), id})
	}
	var checks []completenessLine
	for _, f := range findings {
		checks = append(checks, completenessLine{text: f.Message})
	}
	var agencies []completenessLine
	for _, o := range silent {
		agencies = append(agencies, completenessLine{text: o.Name + " · " + sectorLabel(o.Sector)})
	}
	answered := c.Questions - len(c.Unanswered)
	summary := widget.NewLabelWithStyle(locale.N("{{.Answered}} of {{.Count}} question answered", c.Questions, map[string]any{"Answered": grouped(answered)}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	progress := widget.NewProgressBar()
	if c.Questions > 0 {
		progress.SetValue(float64(answered) / float64(c.Questions))
	}
	counts := help(locale.N("{{.Count}} question empty", len(unanswered)) + " · " + locale.N("{{.Count}} figure zero or missing", len(zero)) +
		" · " + locale.N("{{.Count}} member agency not heard from", len(agencies)))
	var d dialog.Dialog
	open := func(id string) {
		d.Hide()
		jump(id)
	}
	body := container.NewVBox(summary, progress, counts,
		completenessPart(locale.L("Questions still empty"), unanswered, locale.L("Every question has an answer."), open),
		completenessPart(locale.L("Figures that are zero or missing for the period"), zero, locale.L("Every figure has a count."), open),
		completenessPart(locale.L("Figures nobody entered for the period, or for some of its years"), unavailable,
			locale.L("Every figure was entered for every year of the period."), open),
		completenessPart(locale.L("Member agencies asked questions that have not contributed"), agencies, locale.L("Every member agency asked has contributed."), open),
		completenessPart(locale.L("Statistics of the period worth a second look (Statistics → Data checks)"), checks,
			locale.L("The statistics of the period pass every data check that is on."), open))
	d = dialog.NewCustom(locale.L("Completeness of the reply"), locale.L("Close"), container.NewVScroll(body), e.win)
	d.Resize(fyne.NewSize(760, 560))
	d.Show()
}

// completenessLine is one thing the reply lacks; question, when set, is
// the question it is about.
type completenessLine struct {
	text, question string
}

func completenessPart(title string, lines []completenessLine, none string, open func(question string)) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(fmt.Sprintf("%s (%d)", title, len(lines)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if len(lines) == 0 {
		box.Add(help("✓ " + none))
	}
	for _, l := range lines {
		if l.question == "" {
			label := widget.NewLabel("• " + l.text)
			label.Wrapping = fyne.TextWrapWord
			box.Add(label)
			continue
		}
		link := widget.NewHyperlink("• "+l.text, nil)
		link.Wrapping = fyne.TextWrapWord
		question := l.question
		link.OnTapped = func() { open(question) }
		box.Add(link)
	}
	return box
}
