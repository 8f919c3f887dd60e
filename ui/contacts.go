package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// contactsPanel lists the focal points of the organisation in the form.
type contactsPanel struct {
	env          *env
	org          data.Organisation
	rows         []data.Contact
	selected     int
	selectedID   string // kept across re-listing, so a refresh keeps the selection
	showArchived bool

	title                       *widget.Label
	list                        *widget.List
	add, edit, archive, history *widget.Button
	empty                       *widget.Label
	content                     fyne.CanvasObject
}

func newContactsPanel(e *env) *contactsPanel {
	p := &contactsPanel{env: e, selected: -1}
	p.title = widget.NewLabelWithStyle(locale.L("Contacts (focal points)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.Truncation = fyne.TextTruncateEllipsis // gives way to the form on a narrow window
	p.list = widget.NewList(
		func() int { return len(p.rows) },
		newListRow,
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(p.rows) {
				return
			}
			c := p.rows[id]
			name := c.Name
			if c.Archived {
				name += " · " + locale.L("archived")
			}
			setListRow(o, name, contactDetail(c))
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		p.selected = id
		if id < len(p.rows) {
			p.selectedID = p.rows[id].ID
		}
		p.updateButtons()
	}
	p.add = widget.NewButtonWithIcon(locale.L("Add contact"), theme.ContentAddIcon(), func() {
		editContact(p.env, p.org, data.Contact{OrganisationID: p.org.ID}, p.saved)
	})
	p.edit = widget.NewButtonWithIcon(locale.X("button.edit", "Edit…"), theme.DocumentCreateIcon(), func() {
		if c, ok := p.current(); ok {
			editContact(p.env, p.org, c, p.saved)
		}
	})
	p.archive = widget.NewButtonWithIcon(locale.L("Archive"), theme.DeleteIcon(), p.toggleArchived)
	p.history = widget.NewButtonWithIcon(locale.L("History"), theme.HistoryIcon(), func() {
		if c, ok := p.current(); ok {
			showHistory(p.env, c.Name, c.ID)
		}
	})
	p.empty = widget.NewLabel("")
	p.empty.Wrapping = fyne.TextWrapWord
	p.empty.Importance = widget.LowImportance
	buttons := flowRow(p.edit, p.archive, p.history)
	header := container.NewBorder(nil, nil, nil, p.add, p.title)
	p.content = container.NewBorder(header, buttons, nil, nil, container.NewStack(p.list, container.NewVBox(p.empty)))
	p.show(data.Organisation{})
	return p
}

func contactDetail(c data.Contact) string {
	var parts []string
	if c.Position != "" {
		parts = append(parts, c.Position)
	}
	if len(c.Emails) > 0 {
		parts = append(parts, c.Emails[0])
	}
	if len(c.Phones) > 0 {
		parts = append(parts, data.FormatPhone(c.Phones[0]))
	}
	for _, r := range c.Roles {
		parts = append(parts, labelOf("role", data.ContactRoles, r))
	}
	return strings.Join(parts, " · ")
}

// show lists the contacts of o (none when o has no ID yet), keeping the
// selected contact selected when it is still listed.
func (p *contactsPanel) show(o data.Organisation) {
	if o.ID != p.org.ID {
		p.selectedID = ""
	}
	p.org = o
	p.rows = nil
	if o.ID != "" {
		rows, err := p.env.store.Contacts(context.Background(), o.ID, p.showArchived)
		if err != nil {
			p.env.status(locale.L("The contacts could not be read: {{.Error}}", map[string]any{"Error": err.Error()}))
		}
		p.rows = rows
	}
	p.selected = -1
	p.list.UnselectAll()
	p.list.Refresh()
	for i, c := range p.rows {
		if c.ID == p.selectedID {
			p.list.Select(i)
		}
	}
	switch {
	case o.ID == "":
		p.empty.SetText(locale.L("Save the organisation first, then add its focal points here."))
		p.empty.Show()
	case len(p.rows) == 0:
		p.empty.SetText(locale.L("No contacts yet. Add the agency's focal points with Add contact."))
		p.empty.Show()
	default:
		p.empty.Hide()
	}
	if o.ID != "" {
		p.title.SetText(fmt.Sprintf("%s (%d)", locale.L("Contacts (focal points)"), len(p.rows)))
	} else {
		p.title.SetText(locale.L("Contacts (focal points)"))
	}
	p.updateButtons()
}

func (p *contactsPanel) setShowArchived(on bool) {
	p.showArchived = on
	p.show(p.org)
}

func (p *contactsPanel) current() (data.Contact, bool) {
	if p.selected < 0 || p.selected >= len(p.rows) {
		return data.Contact{}, false
	}
	return p.rows[p.selected], true
}

func (p *contactsPanel) updateButtons() {
	ro := p.env.store.ReadOnly()
	c, has := p.current()
	setEnabled(p.add, !ro && p.org.ID != "")
	setEnabled(p.edit, has)
	setEnabled(p.archive, !ro && has)
	setEnabled(p.history, has)
	if has && c.Archived {
		p.archive.SetText(locale.L("Restore"))
	} else {
		p.archive.SetText(locale.L("Archive"))
	}
}

// saved re-lists the contacts after one was saved and selects it.
func (p *contactsPanel) saved(c data.Contact) {
	p.selectedID = c.ID
	if c.OrganisationID != p.org.ID {
		if o, err := p.env.store.Organisation(context.Background(), c.OrganisationID); err == nil {
			p.env.status(locale.L("{{.Name}} moved to {{.Organisation}}", map[string]any{"Name": c.Name, "Organisation": o.Name}))
		}
	}
	p.show(p.org)
	p.env.changed()
}

func (p *contactsPanel) toggleArchived() {
	c, ok := p.current()
	if !ok {
		return
	}
	toggleArchived(p.env, c.Name, c.Archived, locale.L("Archive contact?"),
		locale.L("{{.Name}} will be hidden from the register. The history is kept, and you can restore the contact (Show archived) or undo.", map[string]any{"Name": c.Name}),
		func(archive bool) error { return p.env.store.SetContactArchived(context.Background(), c.ID, archive) },
		func() {
			p.show(p.org)
			p.env.changed()
		})
}
