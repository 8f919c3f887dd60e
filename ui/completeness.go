package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
)

// showCompleteness says what the reply still lacks: questions without an
// answer, figures that are zero or missing for the period, and member
// agencies asked questions that have not contributed.
func showCompleteness(e *env, r replyState) {
	c := export.CheckCompleteness(r.tpl, r.answers, r.figures)
	members, err := e.store.Members(context.Background())
	if err != nil {
		showError(e.win, "", err)
		return
	}
	silent := export.SilentAgencies(r.tpl, members, r.contributions)

	text := map[string]string{}
	for _, q := range r.questions {
		text[q.question.ID] = q.question.Text
	}
	var unanswered []string
	for _, id := range c.Unanswered {
		unanswered = append(unanswered, id+"  "+text[id])
	}
	var zero []string
	for _, z := range c.ZeroFigures {
		id, name, _ := strings.Cut(z, ": ")
		title := name
		if f, ok := data.NamedFigureByName(name); ok {
			title = f.Title
		}
		zero = append(zero, id+"  "+title)
	}
	var agencies []string
	for _, o := range silent {
		agencies = append(agencies, o.Name+" · "+sectorLabel(o.Sector))
	}
	answered := c.Questions - len(c.Unanswered)
	summary := widget.NewLabelWithStyle(fmt.Sprintf(lang.L("%d of %d questions answered"), answered, c.Questions),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	progress := widget.NewProgressBar()
	if c.Questions > 0 {
		progress.SetValue(float64(answered) / float64(c.Questions))
	}
	counts := help(fmt.Sprintf(lang.L("%d questions empty · %d figures zero or missing · %d member agencies not heard from"),
		len(unanswered), len(zero), len(agencies)))
	body := container.NewVBox(summary, progress, counts,
		completenessPart(lang.L("Questions still empty"), unanswered, lang.L("Every question has an answer.")),
		completenessPart(lang.L("Figures that are zero or missing for the period"), zero, lang.L("Every figure has a count.")),
		completenessPart(lang.L("Member agencies asked questions that have not contributed"), agencies, lang.L("Every member agency asked has contributed.")))
	d := dialog.NewCustom(lang.L("Completeness of the reply"), lang.L("Close"), container.NewVScroll(body), e.win)
	d.Resize(fyne.NewSize(760, 560))
	d.Show()
}

func completenessPart(title string, lines []string, none string) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(fmt.Sprintf("%s (%d)", title, len(lines)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if len(lines) == 0 {
		box.Add(help("✓ " + none))
	}
	for _, l := range lines {
		label := widget.NewLabel("• " + l)
		label.Wrapping = fyne.TextWrapWord
		box.Add(label)
	}
	return box
}
