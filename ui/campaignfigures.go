package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// showCampaignFigures shows the campaign figures of a period with the rule
// they are counted by, as the questionnaire reply will report them.
func showCampaignFigures(e *env) *widget.Label {
	result := widget.NewLabel("")
	result.Wrapping = fyne.TextWrapWord
	period := newPeriodPicker(time.Now, func(from, to string) { // the Overview's choice of periods
		f, err := e.store.CampaignFiguresForPeriod(context.Background(), from, to)
		if err != nil {
			result.SetText(err.Error())
			return
		}
		result.SetText(describeCampaignFigures(f))
	})
	period.choose(periodThisYear)
	rule := help(locale.L("How they are counted") + ": " + data.CampaignCountingRules)
	d := dialog.NewCustom(locale.L("Campaign figures for a period"), locale.L("Close"),
		container.NewBorder(period.content, rule, nil, nil, container.NewVScroll(result)), e.win)
	d.Resize(fyne.NewSize(720, 520))
	d.Show()
	return result
}

func describeCampaignFigures(f data.CampaignFigures) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d (%s %d, %s %d)\n", locale.L("Campaigns"), f.Campaigns,
		locale.L("evaluated"), f.Evaluated, locale.L("not evaluated"), f.NotEvaluated)
	fmt.Fprintf(&b, "%s: %d\n\n%s\n", locale.L("Estimated reach"), f.Reach, locale.L("By channel"))
	for _, c := range data.Channels {
		if n := f.ByChannel[c.Code]; n > 0 {
			fmt.Fprintf(&b, "    %s: %d\n", codeLabel("channel", c), n)
		}
	}
	b.WriteString("\n" + locale.L("By target group") + "\n")
	for _, g := range data.TargetGroups {
		if n := f.ByGroup[g.Code]; n > 0 {
			fmt.Fprintf(&b, "    %s: %d\n", codeLabel("target_group", g), n)
		}
	}
	return b.String()
}
