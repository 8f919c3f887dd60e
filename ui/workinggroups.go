package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// groupsTab lists the body's working groups and edits the selected one.
type groupsTab struct {
	env     *env
	groups  []data.WorkingGroup
	current data.WorkingGroup
	list    *widget.List
	fields  *fieldSet
	name    *widget.Entry
	lead    *idList
	members *idList
	mandate *widget.Entry
	save    *widget.Button
	form    *fyne.Container
	content fyne.CanvasObject
}

func newGroupsTab(e *env) *groupsTab {
	g := &groupsTab{env: e, fields: newFieldSet()}
	g.list = newRecordList(&g.groups, func(wg data.WorkingGroup) (string, string) {
		return wg.Name, locale.N("{{.Count}} member organisation", len(wg.Members))
	}, g.load)
	g.name = widget.NewEntry()
	g.name.OnChanged = func(string) { g.fields.clearField("name") }
	relayout := func() { g.fields.relayout(); g.form.Refresh() }
	g.lead = newOrganisationList(e, locale.L("Choose the lead organisation…"), func() {
		if len(g.lead.ids) > 1 {
			g.lead.set(g.lead.ids[len(g.lead.ids)-1:])
		}
		relayout()
	})
	g.members = newOrganisationList(e, locale.L("Add a member…"), relayout)
	g.mandate = widget.NewMultiLineEntry()
	g.mandate.SetMinRowsVisible(3)
	g.fields.add("name", locale.L("Name"), true, g.name)
	g.fields.add("lead", locale.L("Lead"), false, g.lead.content)
	g.fields.add("members", locale.L("Members"), false, g.members.content)
	g.fields.add("mandate", locale.L("Mandate"), false, g.mandate)
	g.save = widget.NewButtonWithIcon(locale.L("Save working group"), theme.DocumentSaveIcon(), func() { g.Save() })
	g.save.Importance = widget.HighImportance
	newGroup := widget.NewButtonWithIcon(locale.L("New working group"), theme.ContentAddIcon(), func() {
		g.list.UnselectAll()
		g.load(data.WorkingGroup{})
	})
	if e.store.ReadOnly() {
		g.save.Disable()
		newGroup.Disable()
	}
	g.form = container.NewVBox(g.fields.grid, container.NewHBox(g.save))
	split := container.NewHSplit(container.NewBorder(newGroup, nil, nil, nil, g.list), container.NewVScroll(g.form))
	split.SetOffset(0.4)
	g.content = split
	g.refresh()
	g.load(data.WorkingGroup{})
	return g
}

func (g *groupsTab) load(w data.WorkingGroup) {
	g.current = w
	g.fields.clear()
	g.name.SetText(w.Name)
	g.lead.set(nonEmpty(w.Lead))
	g.members.set(w.Members)
	g.mandate.SetText(w.Mandate)
	g.fields.relayout()
	g.form.Refresh()
}

// Save stores the working group; problems show beside their fields.
func (g *groupsTab) Save() bool {
	w := g.current
	w.Name, w.Lead, w.Members, w.Mandate = g.name.Text, single(g.lead), g.members.ids, g.mandate.Text
	if err := g.env.store.SaveWorkingGroup(context.Background(), &w); err != nil {
		if !g.fields.show(err) {
			showError(g.env.win, "", err)
		}
		return false
	}
	g.current = w
	g.env.status(locale.L("Saved {{.Name}}", map[string]any{"Name": w.Name}))
	g.env.changed()
	return true
}

func (g *groupsTab) refresh() {
	g.groups, _ = g.env.store.WorkingGroups(context.Background())
	g.list.Refresh()
}
