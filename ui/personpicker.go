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

// maxPeopleShown bounds the people a picker lists; typing narrows it.
const maxPeopleShown = 50

// personPicker finds people of the register as the user types; each one
// picked is handed to onPick and the picker stays open for the next.
type personPicker struct {
	env    *env
	hits   []data.ContactHit
	search *widget.Entry
	list   *widget.List
	dlg    dialog.Dialog
}

func pickPeople(e *env, title string, onPick func(data.ContactHit)) *personPicker {
	p := &personPicker{env: e}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(locale.L("Type part of a name, position or e-mail"))
	p.search.OnChanged = func(string) { p.load() }
	p.list = widget.NewList(func() int { return len(p.hits) }, newListRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := p.hits[i]
			setListRow(o, h.Name, hitDetail(h))
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		onPick(p.hits[i])
		p.list.UnselectAll()
		p.load()
		p.env.win.Canvas().Focus(p.search)
	}
	p.dlg = dialog.NewCustom(title, locale.L("Done"), container.NewBorder(p.search, nil, nil, nil, p.list), e.win)
	p.dlg.Resize(fyne.NewSize(620, 520))
	p.dlg.Show()
	e.win.Canvas().Focus(p.search)
	return p
}

func (p *personPicker) load() {
	hits, err := p.env.store.SearchPeople(context.Background(), p.search.Text, maxPeopleShown)
	if err != nil {
		p.env.status(err.Error())
		return
	}
	p.hits = hits
	p.list.Refresh()
}

// hitDetail is what the picker shows under a person's name: their
// organisation, its sector, and whether they are archived.
func hitDetail(h data.ContactHit) string {
	detail := h.OrganisationName + " · " + sectorLabel(h.Sector)
	if h.Archived {
		detail += " · " + locale.L("archived")
	}
	return detail
}
