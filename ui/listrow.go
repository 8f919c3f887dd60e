package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// newListRow is the template of a list row: a bold title over a quieter
// line of details, both cut with an ellipsis when too long.
func newListRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.Importance = widget.LowImportance
	return container.NewVBox(title, detail)
}

// setListRow fills a row made by newListRow.
func setListRow(row fyne.CanvasObject, title, detail string) {
	labels := row.(*fyne.Container).Objects
	labels[0].(*widget.Label).SetText(title)
	labels[1].(*widget.Label).SetText(detail)
}
