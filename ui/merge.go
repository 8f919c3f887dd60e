package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// mergeView compares two records side by side, field by field: the user
// ticks the value each field keeps (both, for lists and notes), and merges.
// The record on the left is kept; the one on the right is archived and
// every reference to it moves to the kept one.
type mergeView struct {
	env         *env
	entity      string
	left, right string // ids: left is kept
	values      [2]map[string]string
	rows        []*mergeRow
	body        *fyne.Container
	heads       [2]*widget.Label
	problem     *widget.Label
	merge, swap *widget.Button
	d           dialog.Dialog
	done        func(kept, merged string)
	names       func(entity, id string) string
}

// mergeRow is one field: a tick on each side where the values differ.
type mergeRow struct {
	field data.Field
	ticks [2]*widget.Check
}

// showMerge opens the review of two records of entity; done is told, after
// a merge, which record was kept and which merged into it.
func showMerge(e *env, entity, left, right string, done func(kept, merged string)) {
	v := &mergeView{env: e, entity: entity, left: left, right: right, done: done, names: recordNames(e.store)}
	e.shown.merge = v
	v.problem = newErrorLabel()
	v.heads = [2]*widget.Label{widget.NewLabel(""), widget.NewLabel("")}
	for _, h := range v.heads {
		h.TextStyle.Bold = true
		h.Wrapping = fyne.TextWrapWord
	}
	v.merge = widget.NewButtonWithIcon(locale.L("Merge"), theme.ConfirmIcon(), v.apply)
	v.merge.Importance = widget.HighImportance
	v.swap = widget.NewButtonWithIcon(locale.L("Keep the other one"), theme.ViewRefreshIcon(), func() {
		v.left, v.right = v.right, v.left
		v.load()
	})
	cancel := widget.NewButton(locale.L("Cancel"), func() { v.d.Hide() })
	explain := widget.NewLabel(locale.L("Tick the value each field keeps. The record on the left is kept; the one on the right is archived, and everything that refers to it (people, courses, meetings, agreements, plans, working groups) moves to the kept record. Course participants keep the organisation they had on the day. Undo takes the whole merge back."))
	explain.Wrapping = fyne.TextWrapWord
	v.body = container.NewVBox()
	header := container.NewBorder(nil, nil, container.New(fixedWidth(mergeLabelWidth), widget.NewLabel("")), nil,
		container.NewGridWithColumns(2, v.heads[0], v.heads[1]))
	top := container.NewVBox(explain, header, widget.NewSeparator())
	bottom := container.NewVBox(v.problem, container.NewHBox(v.swap, layoutSpacer(), cancel, v.merge))
	title := locale.L("Merge two people")
	if entity == "organisation" {
		title = locale.L("Merge two organisations")
	}
	v.d = dialog.NewCustomWithoutButtons(title, container.NewBorder(top, bottom, nil, nil, container.NewVScroll(v.body)), e.win)
	v.d.Resize(fyne.NewSize(900, 560)) // within a 1024×600 screen
	v.load()
	v.d.Show()
}

const mergeLabelWidth = 170

// load reads both records and lays out the fields.
func (v *mergeView) load() {
	ctx := context.Background()
	for i, id := range []string{v.left, v.right} {
		values, err := v.env.store.RecordValues(ctx, v.entity, id)
		if err != nil {
			v.problem.SetText(err.Error())
			v.problem.Show()
			v.merge.Disable()
			return
		}
		v.values[i] = values
	}
	v.heads[0].SetText(locale.L("Kept: {{.Name}}", map[string]any{"Name": v.values[0]["name"]}))
	v.heads[1].SetText(locale.L("Merged into it: {{.Name}}", map[string]any{"Name": v.values[1]["name"]}))
	v.rows = nil
	v.body.Objects = nil
	for _, f := range data.MergeFields(v.entity) {
		if v.values[0][f.Name] == "" && v.values[1][f.Name] == "" {
			continue // nothing to see or choose
		}
		v.body.Add(v.row(f))
	}
	v.body.Refresh()
	v.problem.Hide()
}

// row lays out one field. Equal values are shown once, without ticks.
func (v *mergeView) row(f data.Field) fyne.CanvasObject {
	label := widget.NewLabelWithStyle(fieldLabel(v.entity, f.Name), fyne.TextAlignTrailing, fyne.TextStyle{})
	a, b := v.values[0][f.Name], v.values[1][f.Name]
	cells := [2]fyne.CanvasObject{}
	if a == b {
		for i := range cells {
			l := widget.NewLabel(shownValue(v.entity, f.Name, a, v.names))
			l.Importance = widget.LowImportance
			l.Wrapping = fyne.TextWrapWord
			cells[i] = l
		}
	} else {
		r := &mergeRow{field: f}
		both := f.IsList() || f.Name == "notes"
		for i, raw := range []string{a, b} {
			i := i
			value := widget.NewLabel(shownValue(v.entity, f.Name, raw, v.names))
			value.Wrapping = fyne.TextWrapWord
			r.ticks[i] = widget.NewCheck("", func(on bool) {
				other := r.ticks[1-i]
				switch {
				case on && !both:
					other.SetChecked(false)
				case !on && !other.Checked:
					other.SetChecked(true) // a field keeps one value at least
				}
			})
			cells[i] = container.NewBorder(nil, nil, r.ticks[i], nil, value)
		}
		// The kept record's value, unless it has none; lists and notes
		// keep both, so that nothing is lost unless the user says so.
		r.ticks[0].SetChecked(a != "")
		r.ticks[1].SetChecked(a == "" || both)
		v.rows = append(v.rows, r)
	}
	return container.NewBorder(nil, nil, container.New(fixedWidth(mergeLabelWidth), label), nil, container.NewGridWithColumns(2, cells[0], cells[1]))
}

// choices are the ticks as the data layer takes them.
func (v *mergeView) choices() map[string]data.MergeChoice {
	out := map[string]data.MergeChoice{}
	for _, r := range v.rows {
		switch {
		case r.ticks[0].Checked && r.ticks[1].Checked:
			out[r.field.Name] = data.TakeBoth
		case r.ticks[1].Checked:
			out[r.field.Name] = data.TakeOther
		}
	}
	return out
}

// apply merges; a refusal (a name another organisation has, a field no
// longer valid) is shown in the dialog, which stays open.
func (v *mergeView) apply() {
	err := v.env.store.Merge(context.Background(), v.entity, v.left, v.right, v.choices())
	if err != nil {
		var ve *data.ValidationError
		switch {
		case errors.As(err, &ve):
			v.problem.SetText(validationSummary(v.entity, ve))
		case errors.Is(err, data.ErrAlreadyMerged):
			v.problem.SetText(locale.L("One of these records was merged into another already."))
		default:
			v.problem.SetText(err.Error())
		}
		v.problem.Show()
		return
	}
	v.d.Hide()
	v.env.status(locale.L("Merged “{{.Merged}}” into “{{.Kept}}”. Undo takes it back.", map[string]any{"Merged": v.values[1]["name"], "Kept": v.values[0]["name"]}))
	v.env.changed()
	if v.done != nil {
		v.done(v.left, v.right)
	}
}

// validationSummary names each field a merge was refused for, with why.
func validationSummary(entity string, ve *data.ValidationError) string {
	var out string
	for i, fe := range ve.Errors {
		if i > 0 {
			out += "\n"
		}
		name := fe.Field
		if f, ok := data.FieldOf(entity, fe.Field); ok {
			name = locale.L(f.Label)
		} else if fe.Field == "organisation" {
			name = locale.L("Organisation")
		}
		out += labelled(name, fieldMessage(fe))
	}
	return out
}
