package ui

import "fyne.io/fyne/v2/widget"

// shownDialogs are the dialogs of a window that were opened last, one of
// each kind: the window owns them, and its tests drive them through it.
type shownDialogs struct {
	workbookChoice *workbookChoice
	backupSetUp    *backupSetUp
	backupRestore  *backupRestore
	contactForm    *contactForm
	duplicates     *duplicatesView
	importColumns  *importColumns
	importPreview  *importPreview
	merge          *mergeView
	packageOpen    *packageOpen
	receive        *receiveView
	save           *saveView
	send           *sendView
	quickAdd       *quickAdd
	templateEditor *templateEditor
	participations *widget.List // the people behind an Overview figure
}
