package ui

import (
	"context"
	"errors"
	"slices"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// save keeps the template as a new version and closes the editor. While a
// problem remains nothing is kept and everything typed stays: each problem
// shows beside its field, the rows with one are marked, a line says which
// they are, and the first row with one is chosen unless the row shown has
// one itself.
func (f *templateEditor) save() bool {
	if f.env.store.ReadOnly() {
		return false
	}
	// The translations of a text changed no longer translate it: they are
	// left out of the version saved, and kept in f.t, where typing the
	// text back as it was finds them again.
	err := export.SaveTemplateVersion(context.Background(), f.env.store, f.translations.Keep(f.t))
	var invalid *data.ValidationError
	switch {
	case errors.As(err, &invalid):
		f.problems = slices.Clone(invalid.Errors)
		f.summarise()
		f.outline.Refresh()
		if f.hasProblem(f.current) {
			f.showProblems()
		} else {
			f.choose(itemOf(f.problems[0]))
		}
		return false
	case err != nil:
		showError(f.env.win, locale.L("The questionnaire was not saved"), err)
		return false
	}
	f.dirty, f.problems = false, nil
	f.dlg.Hide()
	f.env.status(locale.L("The questionnaire “{{.Questionnaire}}” version {{.Version}} was saved", map[string]any{"Questionnaire": f.t.Title, "Version": f.t.Version}))
	f.env.changed()
	if f.saved != nil {
		f.saved()
	}
	return true
}

// close closes the editor (Cancel, Escape), asking first when there are
// changes that would be lost.
func (f *templateEditor) close() {
	if !f.dirty {
		f.dlg.Hide()
		return
	}
	f.confirm = dialog.NewConfirm(locale.L("Drop the changes?"),
		locale.L("The questionnaire has changes that are not saved. Close it and drop them?"), func(drop bool) {
			if drop {
				f.dlg.Hide()
			}
		}, f.env.win)
	f.confirm.SetConfirmText(locale.L("Drop the changes"))
	f.confirm.SetDismissText(locale.L("Keep editing"))
	f.confirm.SetConfirmImportance(widget.DangerImportance)
	f.confirm.Show()
}
