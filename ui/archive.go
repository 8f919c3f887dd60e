package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// toggleArchived archives a record after the user confirms (question is
// the dialog's text), or restores it at once. set writes the new state;
// done runs after it was written.
func toggleArchived(e *env, name string, archived bool, title, question string, set func(archive bool) error, done func()) {
	apply := func() {
		if err := set(!archived); err != nil {
			showError(e.win, "", err)
			return
		}
		if archived {
			e.status(lang.L("Restored") + " " + name)
		} else {
			e.status(lang.L("Archived") + " " + name + " · " + lang.L("Undo with Ctrl+Z"))
		}
		done()
	}
	if archived {
		apply()
		return
	}
	confirm := dialog.NewConfirm(title, question, func(ok bool) {
		if ok {
			apply()
		}
	}, e.win)
	confirm.SetConfirmText(lang.L("Archive"))
	confirm.SetConfirmImportance(widget.DangerImportance)
	confirm.Show()
}
