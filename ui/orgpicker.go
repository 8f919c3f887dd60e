package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// maxPickerRows bounds the organisations the picker lists while the user
// has typed little; typing narrows it.
const maxPickerRows = 200

// pickOrganisation asks for an organisation of the register, searched as
// the user types, and calls onPick with the one chosen.
func pickOrganisation(e *env, title string, onPick func(data.OrganisationRow)) *orgPicker {
	p := &orgPicker{env: e}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(locale.L("Type part of the name, acronym or region"))
	p.search.OnChanged = func(string) { p.load() }
	p.list = widget.NewList(func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(rowTitle(p.rows[i]) + " · " + rowDetail(p.rows[i]))
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.dlg.Hide()
		onPick(p.rows[i])
	}
	p.dlg = dialog.NewCustom(title, locale.L("Cancel"),
		container.NewBorder(p.search, nil, nil, nil, p.list), e.win)
	p.dlg.Resize(fyne.NewSize(600, 500))
	p.load()
	p.dlg.Show()
	e.win.Canvas().Focus(p.search)
	return p
}

type orgPicker struct {
	env    *env
	rows   []data.OrganisationRow
	search *widget.Entry
	list   *widget.List
	dlg    dialog.Dialog
}

func (p *orgPicker) load() {
	rows, err := p.env.store.Organisations(context.Background(), data.OrganisationFilter{Query: p.search.Text})
	if err != nil {
		p.env.status(err.Error())
		return
	}
	if len(rows) > maxPickerRows {
		rows = rows[:maxPickerRows]
	}
	p.rows = rows
	p.list.UnselectAll()
	p.list.Refresh()
}
