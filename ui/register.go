package ui

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// registerScreen is the Register: the filtered list of organisations, the
// selected one's form, and its contacts beside it.
type registerScreen struct {
	none   *noneSelected // stands in for the form and focal points while no organisation is chosen
	env    *env
	filter data.OrganisationFilter
	rows   []data.OrganisationRow
	// generation drops the results of a query that a newer keystroke has
	// overtaken; loads lets tests wait for queries in flight.
	generation atomic.Uint64
	loads      sync.WaitGroup
	selectedID string

	search   *widget.Entry
	sector   *codeSelect
	level    *codeSelect
	region   *widget.Select
	mech     *codeSelect
	archived *widget.Check
	newOrg   *widget.Button
	count    *widget.Label
	list     *widget.List
	// form and contacts are built when an organisation is first opened or
	// begun (see ensureForm): hidden, they took a third of the time to
	// the window's first frame. nil until then.
	form     *orgForm
	contacts *contactsPanel
	regions  []string // for the form's region list
	content  fyne.CanvasObject
}

func newRegisterScreen(e *env) *registerScreen {
	r := &registerScreen{env: e}
	r.search = widget.NewEntry()
	r.search.SetPlaceHolder(locale.L("Search organisations and people"))
	r.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	r.search.OnChanged = func(s string) {
		r.filter.Query = s
		r.reload()
	}
	r.sector = newCodeSelect("sector", data.SectorCodes(), locale.L("All sectors"), func(c string) {
		r.filter.Sector = c
		r.reload()
	})
	r.sector.w.PlaceHolder = locale.L("All sectors")
	r.level = newCodeSelect("level", data.Levels, locale.L("All levels"), func(c string) {
		r.filter.Level = c
		r.reload()
	})
	r.level.w.PlaceHolder = locale.L("All levels")
	r.region = widget.NewSelect(nil, func(s string) {
		if s == locale.L("All regions") {
			s = ""
		}
		r.filter.Region = s
		r.reload()
	})
	r.region.PlaceHolder = locale.L("All regions")
	r.mech = newCodeSelect("mechanism", mechanismFilterChoices(), locale.L("Any membership"), func(c string) {
		r.filter.Mechanism = c
		r.reload()
	})
	r.mech.w.PlaceHolder = locale.L("Any membership")
	r.archived = widget.NewCheck(locale.L("Show archived"), func(on bool) {
		r.filter.Archived = on
		if r.contacts != nil {
			r.contacts.setShowArchived(on)
		}
		r.reload()
	})
	r.newOrg = widget.NewButtonWithIcon(locale.L("New organisation"), theme.ContentAddIcon(), r.startNew)
	if e.store.ReadOnly() {
		r.newOrg.Disable()
	}
	r.count = widget.NewLabel("")
	r.count.Importance = widget.LowImportance

	r.list = widget.NewList(
		func() int { return len(r.rows) },
		newListRow,
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(r.rows) {
				setListRow(o, rowTitle(r.rows[id]), rowDetail(r.rows[id]))
			}
		})
	r.list.OnSelected = r.onSelected

	filters := container.NewGridWithColumns(2, r.sector.w, r.level.w, r.region, r.mech.w)
	top := container.NewVBox(r.newOrg, r.search, filters, container.NewBorder(nil, nil, r.archived, nil, r.count))
	left := container.NewBorder(top, nil, nil, nil, r.list)
	r.none = newNoneSelected(e, nil, locale.L("No organisation selected"),
		locale.L("Choose an organisation in the list, or add one."), locale.L("New organisation"), r.startNew)
	split := container.NewHSplit(left, r.none.content)
	split.SetOffset(0.3)
	r.content = split
	r.loadRegions()
	r.reload()
	return r
}

// mechanismFilterChoices are the membership filters: in or out of the
// mechanism, or one role.
func mechanismFilterChoices() []data.Code {
	return append([]data.Code{
		{Code: data.MechanismMembers, Label: "In the mechanism"},
		{Code: data.MechanismNone, Label: "Not in the mechanism"},
	}, data.MechanismRoles...)
}

func rowTitle(row data.OrganisationRow) string {
	t := row.Name
	if row.Acronym != "" && !strings.Contains(row.Name, row.Acronym) {
		t += " (" + row.Acronym + ")"
	}
	if row.Archived {
		t += " · " + locale.L("archived")
	}
	return t
}

func rowDetail(row data.OrganisationRow) string {
	if len(row.MatchedContacts) > 0 {
		return locale.N("Contact: {{.Names}}", len(row.MatchedContacts), map[string]any{"Names": strings.Join(row.MatchedContacts, ", ")})
	}
	parts := []string{sectorLabel(row.Sector)}
	if row.Region != "" {
		parts = append(parts, row.Region)
	}
	if row.MechanismRole != "" {
		parts = append(parts, labelOf("mechanism", data.MechanismRoles, row.MechanismRole))
	}
	return strings.Join(parts, " · ")
}

// reload runs the list query off the UI thread; only the newest result
// lands. While the user types, a screen of the list comes first (a letter
// or two match most of a large register) and the whole list after it.
func (r *registerScreen) reload() {
	gen := r.generation.Add(1)
	f := r.filter
	var rows []data.OrganisationRow
	complete := true
	var err error
	r.loads.Add(1)
	runAsync(func() {
		if strings.TrimSpace(f.Query) == "" {
			rows, err = r.env.store.Organisations(context.Background(), f)
		} else {
			rows, complete, err = r.env.store.FirstOrganisations(context.Background(), f, data.FirstScreen)
		}
	}, func() {
		defer r.loads.Done()
		if r.generation.Load() != gen {
			return
		}
		r.show(rows, complete, err)
		if err == nil && !complete {
			r.loadRest(gen, f)
		}
	})
}

// loadRest reads the whole list after its first screen has landed.
func (r *registerScreen) loadRest(gen uint64, f data.OrganisationFilter) {
	var rows []data.OrganisationRow
	var err error
	r.loads.Add(1)
	runAsync(func() {
		if r.generation.Load() == gen { // not when the user has typed on
			rows, err = r.env.store.Organisations(context.Background(), f)
		}
	}, func() {
		defer r.loads.Done()
		if r.generation.Load() == gen {
			r.show(rows, true, err)
		}
	})
}

// show puts rows in the list; its first screen is the same whether the
// rows are complete or not, so the selection and scrolling stay.
func (r *registerScreen) show(rows []data.OrganisationRow, complete bool, err error) {
	if err != nil {
		r.count.SetText(locale.L("The list could not be read: {{.Error}}", map[string]any{"Error": err.Error()}))
		return
	}
	r.rows = rows
	r.list.UnselectAll()
	r.list.Refresh()
	if complete {
		r.count.SetText(countText(len(rows)))
	} else {
		r.count.SetText(locale.L("Searching…"))
	}
	r.reselect()
}

// waitLoaded blocks until the queries in flight have landed (for tests).
func (r *registerScreen) waitLoaded() { r.loads.Wait() }

func countText(n int) string {
	return locale.N("{{.Count}} organisation", n)
}

// reselect keeps the selected organisation selected after the list changed.
func (r *registerScreen) reselect() {
	for i, row := range r.rows {
		if row.ID == r.selectedID {
			r.list.OnSelected = nil
			r.list.Select(i)
			r.list.OnSelected = r.onSelected
			return
		}
	}
}

// ensureForm builds the organisation's form and focal points the first
// time they are needed.
func (r *registerScreen) ensureForm() {
	if r.form != nil {
		return
	}
	r.form = newOrgForm(r.env)
	r.form.onSaved = func(o data.Organisation) {
		r.selectedID = o.ID
		r.contacts.show(o)
		r.env.changed()
	}
	r.form.onArchived = func(string) { r.env.changed() }
	r.form.onEmpty = r.none.show
	r.form.region.SetOptions(r.regions)
	r.contacts = newContactsPanel(r.env)
	r.contacts.setShowArchived(r.archived.Checked)
	r.none.setPane(giveWaySplit(r.form.content, r.contacts.content, 0.56))
}

func (r *registerScreen) onSelected(id widget.ListItemID) {
	if id >= len(r.rows) {
		return
	}
	r.ensureForm()
	next := r.rows[id].ID
	if next == r.selectedID && r.form.current.ID == next {
		return
	}
	if !r.form.saveFirst(r.env, r.form.Save) {
		// Keep the user on the record whose typing could not be saved.
		r.reselect()
		return
	}
	r.openOrganisation(next)
}

// openOrganisation shows a stored organisation in the form and its contacts.
func (r *registerScreen) openOrganisation(id string) {
	o, err := r.env.store.Organisation(context.Background(), id)
	if err != nil {
		r.env.status(locale.L("The organisation could not be read: {{.Error}}", map[string]any{"Error": err.Error()}))
		return
	}
	r.ensureForm()
	r.selectedID = id
	r.none.show(false)
	r.form.load(o)
	r.contacts.show(o)
}

func (r *registerScreen) startNew() {
	if r.env.store.ReadOnly() {
		return
	}
	r.ensureForm()
	if !r.form.saveFirst(r.env, r.form.Save) {
		return
	}
	r.selectedID = ""
	r.list.UnselectAll()
	r.contacts.show(data.Organisation{})
	r.form.startNew()
}

func (r *registerScreen) focusSearch() {
	r.env.win.Canvas().Focus(r.search)
}

// loadRegions reads the regions named in the register for the filter and
// the form, off the UI thread.
func (r *registerScreen) loadRegions() {
	var regions []string
	var err error
	runAsync(func() { regions, err = r.env.store.Regions(context.Background()) }, func() {
		if err == nil {
			r.region.Options = append([]string{locale.L("All regions")}, regions...)
			r.regions = regions
			if r.form != nil {
				r.form.region.SetOptions(regions)
			}
		}
	})
}

// refresh re-reads everything after the register changed underneath (undo,
// sample loaded): the list, the regions, the open organisation.
func (r *registerScreen) refresh() {
	r.loadRegions()
	r.reload()
	if r.form == nil { // nothing was opened: nothing to read again
		return
	}
	if r.selectedID == "" {
		if !r.form.editing || r.form.current.ID == "" && !r.form.dirty {
			r.form.showEmpty()
			r.contacts.show(data.Organisation{})
		}
		return
	}
	if _, err := r.env.store.Organisation(context.Background(), r.selectedID); err != nil {
		r.selectedID = ""
		r.form.showEmpty()
		r.contacts.show(data.Organisation{})
		return
	}
	if !r.form.dirty {
		r.openOrganisation(r.selectedID)
	}
}
