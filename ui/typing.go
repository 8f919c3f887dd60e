package ui

import "github.com/ncm-register/ncm-register/locale"

// typing is what every form knows of the user's typing: whether its fields
// differ from the record shown (dirty), and whether the program is filling
// them in, when their change callbacks are not the user's doing (loading).
type typing struct {
	dirty, loading bool
}

// startFilling marks the fields as filled in by the program until the
// function it returns runs: defer f.startFilling()().
func (t *typing) startFilling() func() {
	t.loading = true
	return func() { t.loading = false }
}

// userEdit records that a field changed and says whether the user did it.
func (t *typing) userEdit() bool {
	if t.loading {
		return false
	}
	t.dirty = true
	return true
}

// saveFirst saves typing not yet saved before the form shows something
// else, and says whether it may (nothing unsaved, or saved). Saving says so
// in the status bar itself; when it cannot save, the status bar says why
// the click did nothing, rather than leaving the user wondering.
func (t *typing) saveFirst(e *env, save func() bool) bool {
	if !t.dirty || save() {
		return true
	}
	e.status(locale.L("Still here: what you typed could not be saved, and the message beside the field says why. Correct it, or press Cancel to drop the typing."))
	return false
}
