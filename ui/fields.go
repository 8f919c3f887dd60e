package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
)

// fieldSet lays out labelled fields in two columns and shows each field's
// problem, in the error colour, right under the field it concerns.
type fieldSet struct {
	grid   *fyne.Container
	errors map[string]*widget.Label
	order  []string
}

func newFieldSet() *fieldSet {
	return &fieldSet{grid: container.New(layout.NewFormLayout()), errors: map[string]*widget.Label{}}
}

// add appends a field; key is the field name that data's validation uses.
func (f *fieldSet) add(key, label string, required bool, w fyne.CanvasObject) {
	if required {
		label += " *"
	}
	l := widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: required})
	msg := newErrorLabel()
	f.track(key, msg)
	// Appended, not Add()ed: Add lays the whole grid out again, measuring
	// every label so far, so a form of twenty fields measured its text two
	// hundred times before the window showed. The grid is laid out when it
	// is first given its size.
	f.grid.Objects = append(f.grid.Objects, l, container.NewVBox(w, msg))
}

// newErrorLabel is the place of a field's problem, hidden while there is none.
func newErrorLabel() *widget.Label {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	return msg
}

// track makes l the place where the problem of field key is shown (for
// fields laid out elsewhere than in this set's grid).
func (f *fieldSet) track(key string, l *widget.Label) {
	if _, ok := f.errors[key]; !ok {
		f.order = append(f.order, key)
	}
	f.errors[key] = l
}

// show puts each problem of a *data.ValidationError beside its field and
// reports whether err was one; other errors are left to the caller.
func (f *fieldSet) show(err error) bool {
	var ve *data.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	f.clear()
	for _, fe := range ve.Errors {
		if msg, ok := f.errors[fe.Field]; ok {
			msg.SetText(fieldMessage(fe))
			msg.Show()
		}
	}
	return true
}

// relayout lays the fields out again after one of them changed size (a
// list of chosen records grew or shrank).
func (f *fieldSet) relayout() { f.grid.Refresh() }

// clearField hides the problem of one field (when the user edits it).
func (f *fieldSet) clearField(key string) {
	if msg, ok := f.errors[key]; ok && msg.Visible() {
		msg.SetText("")
		msg.Hide()
	}
}

func (f *fieldSet) clear() {
	for _, k := range f.order {
		f.clearField(k)
	}
}

// message is the problem shown beside a field, or "".
func (f *fieldSet) message(key string) string {
	if msg, ok := f.errors[key]; ok && msg.Visible() {
		return msg.Text
	}
	return ""
}
