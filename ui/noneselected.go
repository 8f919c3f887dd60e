package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noneSelected stands in an area's record pane while no record is chosen,
// the same in every area: what the pane is for, and a button to start a new
// record. A blank form that typing would turn into a record is not shown.
type noneSelected struct {
	content  *fyne.Container
	pane     fyne.CanvasObject
	empty    fyne.CanvasObject
	newBtn   *widget.Button
	showing  bool
	readOnly bool
}

// newNoneSelected wraps pane; title and hint say what to do, newLabel and
// onNew start a record (the button is left out of a read-only register).
func newNoneSelected(e *env, pane fyne.CanvasObject, title, hint, newLabel string, onNew func()) *noneSelected {
	n := &noneSelected{pane: pane, readOnly: e.store.ReadOnly()}
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	text := widget.NewLabelWithStyle(hint, fyne.TextAlignCenter, fyne.TextStyle{})
	text.Wrapping = fyne.TextWrapWord
	text.Importance = widget.LowImportance
	box := container.NewVBox(heading, text)
	if onNew != nil && !n.readOnly {
		n.newBtn = widget.NewButtonWithIcon(newLabel, theme.ContentAddIcon(), onNew)
		n.newBtn.Importance = widget.HighImportance
		box.Add(container.NewCenter(n.newBtn))
	}
	n.empty = container.NewCenter(container.New(fixedWidth(360), box))
	n.content = container.NewStack(pane, n.empty)
	n.show(true)
	return n
}

// show puts the pane (false) or the "nothing selected" panel (true) in view.
func (n *noneSelected) show(none bool) {
	n.showing = none
	if none {
		n.pane.Hide()
		n.empty.Show()
	} else {
		n.empty.Hide()
		n.pane.Show()
	}
	n.content.Refresh()
}
