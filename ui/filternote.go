package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/locale"
)

// filterNote is the line above a list that the Overview narrowed to what a
// card or a bar counts ("Courses held between 1 April and 30 June 2026"),
// with Show all to take the narrowing away. A list filtered by a period no
// control of its own shows would otherwise look short for no reason.
type filterNote struct {
	text    *widget.Label
	content *fyne.Container
}

// newFilterNote makes a hidden note; clear undoes the narrowing and reloads.
func newFilterNote(clear func()) *filterNote {
	n := &filterNote{text: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})}
	n.text.Wrapping = fyne.TextWrapWord
	all := widget.NewButtonWithIcon(locale.L("Show all"), theme.ContentClearIcon(), func() {
		n.hide()
		clear()
	})
	all.Importance = widget.LowImportance
	n.content = container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), all, n.text)
	n.content.Hide()
	return n
}

// show says what the list holds.
func (n *filterNote) show(text string) {
	n.text.SetText(text)
	n.content.Show()
}

func (n *filterNote) hide() { n.content.Hide() }

// between says "from – to" in the window's date format.
func between(from, to string) string {
	return dayText(from) + " – " + dayText(to)
}
