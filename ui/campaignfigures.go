package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
)

// showCampaignFigures shows the campaign figures of a period with the rule
// they are counted by, as the questionnaire reply will report them.
func showCampaignFigures(e *env) *widget.Label {
	year := time.Now().Year()
	first := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	from, to := newDateEntry(), newDateEntry()
	from.SetDate(&first)
	to.SetDate(&last)
	result := widget.NewLabel("")
	result.Wrapping = fyne.TextWrapWord
	refresh := func() {
		if from.Date == nil || to.Date == nil {
			result.SetText(lang.L("Choose the first and last day of the period."))
			return
		}
		f, err := e.store.CampaignFiguresForPeriod(context.Background(), from.Date.Format(time.DateOnly), to.Date.Format(time.DateOnly))
		if err != nil {
			result.SetText(err.Error())
			return
		}
		result.SetText(describeCampaignFigures(f))
	}
	from.OnChanged = func(*time.Time) { refresh() }
	to.OnChanged = func(*time.Time) { refresh() }
	refresh()
	period := container.NewGridWithColumns(4, widget.NewLabel(lang.L("From")), from, widget.NewLabel(lang.L("To")), to)
	rule := help(lang.L("How they are counted") + ": " + data.CampaignCountingRules)
	d := dialog.NewCustom(lang.L("Campaign figures for a period"), lang.L("Close"),
		container.NewBorder(period, rule, nil, nil, container.NewVScroll(result)), e.win)
	d.Resize(fyne.NewSize(720, 520))
	d.Show()
	return result
}

func describeCampaignFigures(f data.CampaignFigures) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d (%s %d, %s %d)\n", lang.L("Campaigns"), f.Campaigns,
		lang.L("evaluated"), f.Evaluated, lang.L("not evaluated"), f.NotEvaluated)
	fmt.Fprintf(&b, "%s: %d\n\n%s\n", lang.L("Estimated reach"), f.Reach, lang.L("By channel"))
	for _, c := range data.Channels {
		if n := f.ByChannel[c.Code]; n > 0 {
			fmt.Fprintf(&b, "    %s: %d\n", codeLabel("channel", c), n)
		}
	}
	b.WriteString("\n" + lang.L("By target group") + "\n")
	for _, g := range data.TargetGroups {
		if n := f.ByGroup[g.Code]; n > 0 {
			fmt.Fprintf(&b, "    %s: %d\n", codeLabel("target_group", g), n)
		}
	}
	return b.String()
}
