package ui

import (
	"context"
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
	rule := help(locale.L("How they are counted: {{.Rules}}", map[string]any{"Rules": locale.L(data.CampaignCountingRules)}))
	d := dialog.NewCustom(locale.L("Campaign figures for a period"), locale.L("Close"),
		container.NewBorder(period.content, rule, nil, nil, container.NewVScroll(result)), e.win)
	d.Resize(fyne.NewSize(720, 520))
	d.Show()
	return result
}

func describeCampaignFigures(f data.CampaignFigures) string {
	var b strings.Builder
	b.WriteString(locale.L("Campaigns: {{.Campaigns}} (evaluated {{.Evaluated}}, not evaluated {{.NotEvaluated}})",
		map[string]any{"Campaigns": grouped(f.Campaigns), "Evaluated": grouped(f.Evaluated), "NotEvaluated": grouped(f.NotEvaluated)}) + "\n")
	b.WriteString(locale.L("Estimated reach: {{.People}}", map[string]any{"People": grouped(f.Reach)}) + "\n\n")
	b.WriteString(locale.L("By channel") + "\n")
	for _, c := range data.Channels {
		if n := f.ByChannel[c.Code]; n > 0 {
			b.WriteString("    " + labelled(codeLabel("channel", c), grouped(n)) + "\n")
		}
	}
	b.WriteString("\n" + locale.L("By target group") + "\n")
	for _, g := range data.TargetGroups {
		if n := f.ByGroup[g.Code]; n > 0 {
			b.WriteString("    " + labelled(codeLabel("target_group", g), grouped(n)) + "\n")
		}
	}
	return b.String()
}
