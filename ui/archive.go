package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/locale"
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
			e.status(locale.L("Restored {{.Name}}", map[string]any{"Name": name}))
		} else {
			e.status(locale.L("Archived {{.Name}}", map[string]any{"Name": name}) + " · " + locale.L("Undo with Ctrl+Z"))
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
	confirm.SetConfirmText(locale.L("Archive"))
	confirm.SetConfirmImportance(widget.DangerImportance)
	confirm.Show()
}
