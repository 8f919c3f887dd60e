package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// boundFigures is the list of named figures a question is bound to, each
// with a button that unbinds it, and a button that binds another, picked
// from data.NamedFigures with the rule each is counted by.
type boundFigures struct {
	env     *env
	names   []string
	rows    *fyne.Container
	add     *widget.Button
	changed func(names []string)
	content fyne.CanvasObject
	picker  *figurePicker // the one open, for tests
}

func newBoundFigures(e *env, changed func([]string)) *boundFigures {
	b := &boundFigures{env: e, rows: container.NewVBox(), changed: changed}
	b.add = widget.NewButtonWithIcon(locale.L("Bind a figure…"), theme.ContentAddIcon(), b.pick)
	b.content = container.NewVBox(b.rows, container.NewHBox(b.add))
	return b
}

// set shows names, without calling back.
func (b *boundFigures) set(names []string) {
	b.names = slices.Clone(names)
	b.rows.Objects = nil
	for i, name := range b.names {
		title := name
		if f, ok := data.NamedFigureByName(name); ok {
			title = figureTitle(f.Name)
		}
		l := widget.NewLabel(title + "  (" + name + ")")
		l.Wrapping = fyne.TextWrapWord
		remove := widget.NewButtonWithIcon(locale.L("Unbind"), theme.ContentRemoveIcon(), func() { b.remove(i) })
		b.rows.Add(container.NewBorder(nil, nil, nil, remove, l))
	}
	if len(b.names) == 0 {
		b.rows.Add(help(locale.L("No figures: the question is answered in words only.")))
	}
	b.rows.Refresh()
}

func (b *boundFigures) remove(i int) {
	b.set(slices.Delete(slices.Clone(b.names), i, i+1))
	b.changed(slices.Clone(b.names))
}

func (b *boundFigures) bind(name string) {
	if slices.Contains(b.names, name) {
		return
	}
	b.set(append(slices.Clone(b.names), name))
	b.changed(slices.Clone(b.names))
}

func (b *boundFigures) pick() {
	b.picker = showFigurePicker(b.env, b.names, b.bind)
}

// figurePicker lists the figures a question can be bound to, by title;
// the one chosen shows its name and counting rule before it is bound.
type figurePicker struct {
	figures []data.NamedFigure
	list    *widget.List
	title   *widget.Label
	rule    *widget.Label
	bindB   *widget.Button
	chosen  int
	dlg     dialog.Dialog
}

func showFigurePicker(e *env, bound []string, bind func(name string)) *figurePicker {
	p := &figurePicker{chosen: -1}
	for _, f := range data.NamedFigures {
		if !slices.Contains(bound, f.Name) {
			p.figures = append(p.figures, f)
		}
	}
	// The rule is what the user chooses by: it is in the normal colour,
	// not the faint one of help text.
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.Wrapping = fyne.TextWrapWord
	p.rule = widget.NewLabel(locale.L("Choose a figure to see how it is counted."))
	p.rule.Wrapping = fyne.TextWrapWord
	p.list = widget.NewList(func() int { return len(p.figures) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(p.figures[id].Title) })
	p.bindB = widget.NewButtonWithIcon(locale.L("Bind"), theme.ConfirmIcon(), func() {
		bind(p.figures[p.chosen].Name)
		p.dlg.Hide()
	})
	p.bindB.Importance = widget.HighImportance
	p.bindB.Disable()
	p.list.OnSelected = func(id widget.ListItemID) {
		f := p.figures[id]
		p.chosen = id
		p.title.SetText(figureTitle(f.Name) + " (" + f.Name + ")")
		p.rule.SetText(locale.L("How it is counted: {{.Rule}}", map[string]any{"Rule": figureRule(f.Name)}))
		p.bindB.Enable()
	}
	cancel := widget.NewButton(locale.L("Cancel"), func() { p.dlg.Hide() })
	split := container.NewHSplit(p.list, container.NewVScroll(container.NewVBox(p.title, p.rule)))
	split.Offset = 0.45
	p.dlg = dialog.NewCustomWithoutButtons(locale.L("Bind a figure of the register"),
		container.NewBorder(nil, container.NewHBox(layoutSpacer(), cancel, p.bindB), nil, nil, split), e.win)
	p.dlg.Resize(fitWithin(fyne.NewSize(820, 460), e.win.Canvas().Size()))
	p.dlg.Show()
	return p
}
