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

// newRecordList lists records beside a form, a row of title and detail
// each; choosing one hands it to open (which saves the typing of the
// record shown first, see typing.saveFirst). records is read at each
// refresh, so the caller replaces the slice and refreshes the list.
func newRecordList[T any](records *[]T, row func(T) (title, detail string), open func(T)) *widget.List {
	l := widget.NewList(func() int { return len(*records) }, newListRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(*records) {
				title, detail := row((*records)[i])
				setListRow(o, title, detail)
			}
		})
	l.OnSelected = func(i widget.ListItemID) {
		if i < len(*records) {
			open((*records)[i])
		}
	}
	return l
}
