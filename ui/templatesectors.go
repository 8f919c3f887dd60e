package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// askedOfField shows the sectors a question is usually asked of on one
// line and chooses them in a dialog of check boxes: the 24 sectors, one
// under the other in the editor's narrow pane, would be taller than a
// 600-pixel screen, with the figures out of sight below them.
type askedOfField struct {
	env     *env
	codes   []string
	label   *widget.Label
	choose  *widget.Button
	grid    *checkGrid // of the dialog open, for tests
	changed func()
	content fyne.CanvasObject
}

func newAskedOfField(e *env, changed func()) *askedOfField {
	a := &askedOfField{env: e, label: widget.NewLabel(""), changed: changed}
	a.label.Wrapping = fyne.TextWrapWord
	a.choose = widget.NewButtonWithIcon(locale.L("Choose sectors…"), theme.ListIcon(), a.pick)
	a.content = container.NewVBox(a.label, container.NewHBox(a.choose))
	return a
}

// set shows codes, without calling back.
func (a *askedOfField) set(codes []string) {
	a.codes = slices.Clone(codes)
	var labels []string
	for _, c := range a.codes {
		labels = append(labels, sectorLabel(c))
	}
	if len(labels) == 0 {
		a.label.SetText(locale.L("No sector chosen"))
		return
	}
	a.label.SetText(strings.Join(labels, ", "))
}

func (a *askedOfField) pick() {
	var grid *checkGrid
	grid = newCheckGrid("sector", data.SectorCodes(), func() {
		a.set(grid.selected())
		a.changed()
	})
	grid.set(a.codes)
	a.grid = grid
	d := dialog.NewCustom(locale.L("Usually asked of"), locale.L("Done"), container.NewVScroll(grid.content), a.env.win)
	d.Resize(fitWithin(fyne.NewSize(900, 470), a.env.win.Canvas().Size()))
	d.Show()
}
