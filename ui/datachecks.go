package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// showChecks lists the data checks run on the statistics, each with what it
// looks for, to switch on or off for the register. A check never stops a
// save: what it finds shows under the figures and in the reply's
// completeness.
func (s *statisticsScreen) showChecks() {
	off, err := s.env.store.QualityRulesOff(context.Background())
	if err != nil {
		showError(s.env.win, "", err)
		return
	}
	items := []fyne.CanvasObject{help(locale.L("The checks point at figures worth a second look. They never stop a save: the figures may be right, and you can tell."))}
	for _, r := range data.QualityRules {
		name := r.Name
		check := widget.NewCheck(locale.X("quality."+name, r.Title), nil)
		check.SetChecked(!off[name])
		check.Disable()
		if !s.env.store.ReadOnly() {
			check.Enable()
		}
		check.OnChanged = func(on bool) {
			if err := s.env.store.SetQualityRuleOff(context.Background(), name, !on); err != nil {
				showError(s.env.win, locale.L("The checks were not changed"), err)
				return
			}
			s.showFindings()
			s.env.changed()
		}
		rule := help(locale.X("quality."+name+".rule", r.Rule))
		items = append(items, container.NewVBox(check, container.NewPadded(rule)))
	}
	d := dialog.NewCustom(locale.L("Data checks"), locale.L("Close"), container.NewVScroll(container.NewVBox(items...)), s.env.win)
	d.Resize(fitWithin(fyne.NewSize(640, 480), s.env.win.Canvas().Size()))
	d.Show()
}
