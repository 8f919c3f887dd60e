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

// newNoneSelected wraps pane (nil: set later with setPane); title and hint
// say what to do, newLabel and onNew start a record (the button is left out
// of a read-only register).
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
	n.content = container.New(shownOnly{}, n.empty)
	if pane != nil {
		n.setPane(pane)
	}
	n.show(true)
	return n
}

// setPane puts the record pane in, hidden while nothing is selected.
func (n *noneSelected) setPane(pane fyne.CanvasObject) {
	n.pane = pane
	if n.showing {
		pane.Hide()
	}
	n.content.Objects = []fyne.CanvasObject{pane, n.empty}
	n.content.Refresh()
}

// show puts the pane (false) or the "nothing selected" panel (true) in view.
func (n *noneSelected) show(none bool) {
	n.showing = none
	if none {
		if n.pane != nil {
			n.pane.Hide()
		}
		n.empty.Show()
	} else {
		n.empty.Hide()
		n.pane.Show()
	}
	n.content.Refresh()
}

// shownOnly stacks objects like Fyne's Stack, but lays out and measures only
// those shown: the record pane hidden behind the panel is not laid out (a
// form of twenty fields measured before the window's first frame).
type shownOnly struct{}

func (shownOnly) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		if o.Visible() {
			o.Move(fyne.Position{})
			o.Resize(size)
		}
	}
}

func (shownOnly) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objects {
		if o.Visible() {
			min = min.Max(o.MinSize())
		}
	}
	return min
}
