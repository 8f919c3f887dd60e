package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// formEntry is an Entry that hands Escape to its form, so that Escape
// cancels the edit even while the cursor is in a field (a plain Entry keeps
// the key to itself).
type formEntry struct {
	widget.Entry
	onEscape func()
	// hasUnsavedTyping tells whether the form the entry belongs to has
	// typing that is not saved, in which case Ctrl+Z undoes typing.
	hasUnsavedTyping func() bool
}

func newFormEntry(multiLine bool) *formEntry {
	e := &formEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(2)
	}
	e.ExtendBaseWidget(e)
	return e
}

func (e *formEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// entryMaker makes the entries of one form, all wired alike: typing calls
// edited with the field's key, Escape calls cancel, and unsaved tells
// whether Ctrl+Z undoes the typing rather than the last saved change.
func entryMaker(edited func(key string), cancel func(), unsaved func() bool) func(key string, multi bool) *formEntry {
	return func(key string, multi bool) *formEntry {
		en := newFormEntry(multi)
		en.OnChanged = func(string) { edited(key) }
		en.onEscape = cancel
		en.hasUnsavedTyping = unsaved
		return en
	}
}

func always() bool { return true }
