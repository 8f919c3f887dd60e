package ui

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// planScreen is the national plan of action: a plan's actions grouped by
// pillar with their status counts, overdue actions marked, and the form of
// the selected action with its dated progress notes.
type planScreen struct {
	plansLoad, actionsLoad listLoad // the lists, read off the window's thread
	env                    *env
	plans                  []data.Plan
	plan                   data.Plan
	actions                []data.Action // the plan's actions the pillar filter lets through
	all                    []data.Action // every action of the plan
	current                data.Action
	typing

	planSel  *widget.Select
	summary  *widget.Label
	only     *codeSelect // the list's filter by pillar
	list     *widget.List
	newPlan  *widget.Button
	newAct   *widget.Button
	none     *noneSelected
	fields   *fieldSet
	pillar   *codeSelect
	status   *codeSelect
	activity *formEntry
	object   *formEntry
	lead     *idList
	partners *idList
	deadline *dateEntry
	indic    *formEntry
	target   *formEntry
	save     *widget.Button
	archive  *widget.Button
	notes    *widget.Label
	noteText *widget.Entry
	addNote  *widget.Button
	formBox  *fyne.Container // the fields and the progress, laid out again when a list grows
	content  fyne.CanvasObject
}

func today() string { return time.Now().Format(time.DateOnly) }

// actionRow is an action in the list: its pillar and activity, its status
// and deadline, and a ⚠ when overdue.
func actionRow(a data.Action) (title, detail string) {
	title = labelOf("pillar", data.Pillars, a.Pillar) + " · " + a.Activity
	detail = labelOf("action_status", data.ActionStatuses, a.Status)
	if a.Deadline != "" {
		detail += " · " + locale.L("deadline {{.Day}}", map[string]any{"Day": dayText(a.Deadline)})
	}
	if a.Overdue(today()) {
		title = "⚠ " + title
		detail += " · " + locale.L("overdue")
	}
	return title, detail
}

func newPlanScreen(e *env) *planScreen {
	p := &planScreen{env: e, fields: newFieldSet()}
	p.planSel = widget.NewSelect(nil, func(title string) {
		for _, pl := range p.plans {
			if pl.Title == title && pl.ID != p.plan.ID {
				p.showPlan(pl)
			}
		}
	})
	p.planSel.PlaceHolder = locale.L("No plan yet: add one with New plan…")
	p.newPlan = widget.NewButtonWithIcon(locale.L("New plan…"), theme.ContentAddIcon(), func() { p.editPlan(data.Plan{Status: "adopted"}) })
	editPlan := widget.NewButtonWithIcon(locale.L("Edit plan…"), theme.DocumentCreateIcon(), func() {
		if p.plan.ID != "" {
			p.editPlan(p.plan)
		}
	})
	matrix := widget.NewButtonWithIcon(locale.L("Plan matrix (xlsx)…"), theme.DownloadIcon(), p.saveMatrix)
	p.newAct = widget.NewButtonWithIcon(locale.L("New action"), theme.ContentAddIcon(), p.startNew)
	if e.store.ReadOnly() {
		p.newPlan.Disable()
		p.newAct.Disable()
	}
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.list = newRecordList(&p.actions, actionRow, func(a data.Action) {
		if a.ID != p.current.ID && p.saveFirst(p.env, p.Save) {
			p.load(a)
		}
	})

	entry := entryMaker(p.edited, func() { p.load(p.current) }, func() bool { return p.dirty })
	p.pillar = newCodeSelect("pillar", data.Pillars, "", func(string) { p.edited("pillar") })
	p.status = newCodeSelect("action_status", data.ActionStatuses, "", func(string) { p.edited("status") })
	p.activity = entry("activity", true)
	p.object = entry("objective", false)
	p.lead = newOrganisationList(e, locale.L("Choose the lead organisation…"), func() {
		if len(p.lead.ids) > 1 { // one lead: the newest choice replaces the other
			p.lead.set(p.lead.ids[len(p.lead.ids)-1:])
		}
		p.edited("lead")
	})
	p.partners = newOrganisationList(e, locale.L("Add a partner…"), func() { p.edited("partners") })
	p.deadline = newDateEntry()
	p.deadline.OnChanged = func(*time.Time) { p.edited("deadline") }
	p.indic = entry("indicator", false)
	p.target = entry("target", false)
	p.fields.add("pillar", locale.L("Pillar"), true, p.pillar.w)
	p.fields.add("objective", locale.L("Objective"), false, p.object)
	p.fields.add("activity", locale.L("Activity"), true, p.activity)
	p.fields.add("lead", locale.L("Lead"), false, p.lead.content)
	p.fields.add("partners", locale.L("Partners"), false, p.partners.content)
	p.fields.add("deadline", locale.L("Deadline"), false, p.deadline)
	p.fields.add("indicator", locale.L("Indicator"), false, p.indic)
	p.fields.add("target", locale.L("Target"), false, p.target)
	p.fields.add("status", locale.L("Status"), false, p.status.w)
	p.save = widget.NewButtonWithIcon(locale.L("Save"), theme.DocumentSaveIcon(), func() { p.Save() })
	p.save.Importance = widget.HighImportance
	p.archive = widget.NewButtonWithIcon(locale.L("Archive"), theme.DeleteIcon(), func() {
		a := p.current
		toggleArchived(e, a.Activity, false, locale.L("Archive action?"),
			locale.L("The action will be hidden from the plan. Its history is kept, and you can undo."),
			func(archive bool) error { return e.store.SetActionArchived(context.Background(), a.ID, archive) },
			func() { p.current = data.Action{}; p.env.changed() })
	})
	p.notes = widget.NewLabel("")
	p.notes.Wrapping = fyne.TextWrapWord
	p.noteText = widget.NewEntry()
	p.noteText.SetPlaceHolder(locale.L("What happened (dated today)"))
	p.addNote = widget.NewButtonWithIcon(locale.L("Add progress note"), theme.ContentAddIcon(), p.addProgress)
	progress := widget.NewCard(locale.L("Progress"), "", container.NewVBox(p.notes,
		container.NewBorder(nil, nil, nil, p.addNote, p.noteText)))

	top := container.NewBorder(nil, nil, widget.NewLabel(locale.L("Plan")), container.NewHBox(editPlan, p.newPlan, matrix), p.planSel)
	p.only = newCodeSelect("pillar", data.Pillars, locale.L("All pillars"), func(string) { p.filterActions() })
	p.only.w.PlaceHolder = locale.L("All pillars")
	left := container.NewBorder(container.NewVBox(p.newAct, p.summary, p.only.w), nil, nil, nil, p.list)
	p.formBox = container.NewVBox(p.fields.grid, progress)
	right := container.NewBorder(nil, container.NewHBox(p.save, widget.NewSeparator(), p.archive), nil, nil,
		container.NewVScroll(p.formBox))
	p.none = newNoneSelected(e, right, locale.L("No action selected"),
		locale.L("Choose an action in the list, or add one."), locale.L("New action"), p.startNew)
	split := container.NewHSplit(left, p.none.content)
	split.SetOffset(0.4)
	p.content = container.NewBorder(top, nil, nil, nil, split)
	p.reload()
	return p
}

func (p *planScreen) reload() {
	loadList(&p.plansLoad, p.env.store.Plans, p.landPlans)
}

// landPlans shows the plans a reload read, and the plan shown before.
func (p *planScreen) landPlans(plans []data.Plan, err error) {
	if err != nil {
		p.summary.SetText(err.Error())
		return
	}
	p.plans = plans
	var titles []string
	for _, pl := range plans {
		titles = append(titles, pl.Title)
	}
	p.planSel.Options = titles
	switch {
	case len(plans) == 0:
		p.showPlan(data.Plan{})
	case p.plan.ID == "":
		p.showPlan(plans[0])
	default:
		for _, pl := range plans {
			if pl.ID == p.plan.ID {
				p.showPlan(pl)
				return
			}
		}
		p.showPlan(plans[0])
	}
}

// showPlan lists a plan's actions and its status counts.
func (p *planScreen) showPlan(pl data.Plan) {
	p.plan = pl
	sel := p.planSel.OnChanged
	p.planSel.OnChanged = nil
	p.planSel.SetSelected(pl.Title)
	p.planSel.OnChanged = sel
	loadList(&p.actionsLoad, func(ctx context.Context) ([]data.Action, error) {
		if pl.ID == "" {
			return nil, nil
		}
		return p.env.store.Actions(ctx, pl.ID)
	}, func(actions []data.Action, err error) {
		if err != nil {
			p.summary.SetText(err.Error())
			return
		}
		p.landActions(pl, actions)
	})
}

// landActions shows the actions of plan pl, keeping the open one selected.
func (p *planScreen) landActions(pl data.Plan, actions []data.Action) {
	p.all = actions
	p.summary.SetText(p.describe())
	setEnabled(p.newAct, pl.ID != "" && !p.env.store.ReadOnly())
	if p.none.newBtn != nil {
		setEnabled(p.none.newBtn, pl.ID != "")
	}
	p.filterActions()
}

// filterActions lists the plan's actions of the pillar chosen (all when
// none), keeping the open one selected; the plan's summary stays whole.
func (p *planScreen) filterActions() {
	p.actions = nil
	for _, a := range p.all {
		if pillar := p.only.code(); pillar == "" || a.Pillar == pillar {
			p.actions = append(p.actions, a)
		}
	}
	p.list.UnselectAll()
	p.list.Refresh()
	found := false
	for i, a := range p.actions {
		if a.ID == p.current.ID {
			found = true
			p.list.Select(i)
		}
	}
	if !found && !p.dirty {
		p.load(data.Action{})
	}
}

// showPillar lists the actions of one pillar ("" for all) of the plan the
// Overview counts, the first of the plans.
func (p *planScreen) showPillar(pillar string) {
	p.only.setCode(pillar)
	if len(p.plans) > 0 && p.plan.ID != p.plans[0].ID {
		p.showPlan(p.plans[0])
		return
	}
	p.filterActions()
}

func (p *planScreen) describe() string {
	if p.plan.ID == "" {
		return locale.L("Add the national plan of action with New plan…, then its actions.")
	}
	f, err := p.env.store.PlanFiguresOn(context.Background(), p.plan.ID, today())
	if err != nil {
		return err.Error()
	}
	var lines []string
	for _, pillar := range data.Pillars {
		var parts []string
		for _, st := range data.ActionStatuses {
			if n := f.ByPillar[pillar.Code][st.Code]; n > 0 {
				parts = append(parts, locale.X("plan.actions_in_status", "{{.Count}} {{.Status}}",
					map[string]any{"Count": grouped(n), "Status": strings.ToLower(codeLabel("action_status", st))}))
			}
		}
		if len(parts) > 0 {
			lines = append(lines, labelled(codeLabel("pillar", pillar), strings.Join(parts, ", ")))
		}
	}
	head := fmt.Sprintf("%s, %d–%d", p.plan.Authority, p.plan.FirstYear, p.plan.LastYear) + " · " + locale.N("{{.Count}} action", f.Actions)
	if f.Overdue > 0 {
		head += " · ⚠ " + locale.N("{{.Count}} overdue", f.Overdue)
	}
	return strings.TrimPrefix(head, ", ") + "\n" + strings.Join(lines, "\n")
}

func (p *planScreen) edited(key string) {
	if !p.userEdit() {
		return
	}
	p.fields.clearField(key)
	p.relayout()
	setEnabled(p.save, !p.env.store.ReadOnly())
}

func (p *planScreen) startNew() {
	if !p.saveFirst(p.env, p.Save) {
		return
	}
	p.list.UnselectAll()
	p.load(data.Action{PlanID: p.plan.ID, Status: "not_started"})
	p.env.win.Canvas().Focus(p.activity)
}

func (p *planScreen) load(a data.Action) {
	defer p.startFilling()()
	p.current, p.dirty = a, false
	p.fields.clear()
	p.pillar.setCode(a.Pillar)
	p.status.setCode(a.Status)
	p.activity.SetText(a.Activity)
	p.object.SetText(a.Objective)
	p.lead.set(nil)
	if a.Lead != "" {
		p.lead.set([]string{a.Lead})
	}
	p.partners.set(a.Partners)
	p.deadline.SetDate(dateOf(a.Deadline))
	if a.Deadline == "" {
		p.deadline.SetText("")
	}
	p.indic.SetText(a.Indicator)
	p.target.SetText(a.Target)
	ro := p.env.store.ReadOnly()
	setEnabled(p.save, !ro && a.PlanID != "" && a.ID == "")
	setEnabled(p.archive, !ro && a.ID != "")
	setEnabled(p.addNote, !ro && a.ID != "")
	p.notes.SetText(p.describeNotes())
	if p.none != nil { // an action neither chosen nor begun: no live blank form
		p.none.show(a.PlanID == "")
	}
	p.relayout()
}

func (p *planScreen) relayout() {
	p.fields.relayout()
	p.formBox.Refresh()
}

func (p *planScreen) describeNotes() string {
	if p.current.ID == "" {
		return locale.L("Save the action first, then note its progress here.")
	}
	notes, err := p.env.store.ProgressNotes(context.Background(), p.current.ID)
	if err != nil {
		return err.Error()
	}
	if len(notes) == 0 {
		return locale.L("No progress noted yet.")
	}
	var lines []string
	for _, n := range notes {
		lines = append(lines, labelled(dayText(n.Day), n.Note))
	}
	return strings.Join(lines, "\n")
}

// Save stores the action; problems show beside their fields and the typing stays.
func (p *planScreen) Save() bool {
	if p.env.store.ReadOnly() || p.current.PlanID == "" {
		return false
	}
	a := p.current
	a.Pillar, a.Status = p.pillar.code(), p.status.code()
	a.Activity, a.Objective, a.Indicator, a.Target = p.activity.Text, p.object.Text, p.indic.Text, p.target.Text
	a.Lead = ""
	if len(p.lead.ids) > 0 {
		a.Lead = p.lead.ids[0]
	}
	a.Partners = p.partners.ids
	a.Deadline = ""
	a.Deadline = p.deadline.Value()
	if err := p.env.store.SaveAction(context.Background(), &a); err != nil {
		if !p.fields.show(err) {
			showError(p.env.win, locale.L("The action was not saved"), err)
		}
		return false
	}
	p.current, p.dirty = a, false
	p.env.status(locale.L("Saved {{.Name}}", map[string]any{"Name": a.Activity}))
	p.env.changed()
	return true
}

func (p *planScreen) addProgress() {
	if err := p.env.store.AddProgressNote(context.Background(), p.current.ID, today(), p.noteText.Text); err != nil {
		var ve *data.ValidationError
		if v, ok := err.(*data.ValidationError); ok {
			ve = v
		}
		if ve != nil && len(ve.Errors) > 0 {
			p.env.status(fieldMessage(ve.Errors[0]))
		} else {
			showError(p.env.win, "", err)
		}
		return
	}
	p.noteText.SetText("")
	p.notes.SetText(p.describeNotes())
	p.relayout()
	p.env.changed()
}

// saveMatrix saves the plan as an xlsx matrix of its actions.
func (p *planScreen) saveMatrix() {
	if p.plan.ID == "" {
		return
	}
	ctx := context.Background()
	pl, actions := p.plan, p.actions
	latest := map[string]data.ProgressNote{}
	for _, a := range actions {
		if notes, err := p.env.store.ProgressNotes(ctx, a.ID); err == nil && len(notes) > 0 {
			latest[a.ID] = notes[0]
		}
	}
	names := map[string]string{}
	orgName := func(id string) string {
		if n, ok := names[id]; ok {
			return n
		}
		o, err := p.env.store.Organisation(ctx, id)
		names[id] = o.Name
		if err != nil {
			names[id] = id
		}
		return names[id]
	}
	for _, a := range actions { // names read here, not while the file is written
		for _, id := range append([]string{a.Lead}, a.Partners...) {
			if id != "" {
				orgName(id)
			}
		}
	}
	day := today()
	saveDocumentIn(p.env, fileName(pl.Title, ".xlsx"), func(w io.Writer, tr *locale.Translator) error {
		return export.PlanMatrix(w, tr, pl, actions, latest, func(id string) string { return names[id] }, day)
	})
}

// editPlan edits a plan's title, period, authority and status in a dialog.
func (p *planScreen) editPlan(pl data.Plan) {
	title := widget.NewEntry()
	title.SetText(pl.Title)
	first, last := widget.NewEntry(), widget.NewEntry()
	if pl.FirstYear == 0 {
		pl.FirstYear, pl.LastYear = time.Now().Year(), time.Now().Year()+2
	}
	first.SetText(strconv.Itoa(pl.FirstYear))
	last.SetText(strconv.Itoa(pl.LastYear))
	authority := widget.NewEntry()
	authority.SetText(pl.Authority)
	status := newCodeSelect("plan_status", data.PlanStatuses, "", nil)
	status.setCode(pl.Status)
	fields := newFieldSet()
	fields.add("title", locale.L("Title"), true, title)
	fields.add("first_year", locale.L("First year"), true, first)
	fields.add("last_year", locale.L("Last year"), true, last)
	fields.add("authority", locale.L("Adopted by"), false, authority)
	fields.add("status", locale.L("Status"), false, status.w)
	var d dialog.Dialog
	save := widget.NewButtonWithIcon(locale.L("Save"), theme.DocumentSaveIcon(), func() {
		n := pl
		n.Title, n.Authority, n.Status = title.Text, authority.Text, status.code()
		n.FirstYear, _ = strconv.Atoi(strings.TrimSpace(first.Text))
		n.LastYear, _ = strconv.Atoi(strings.TrimSpace(last.Text))
		if err := p.env.store.SavePlan(context.Background(), &n); err != nil {
			if !fields.show(err) {
				showError(p.env.win, "", err)
			}
			return
		}
		d.Hide()
		p.plan = n
		p.env.changed()
	})
	save.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(locale.L("National plan of action"), container.NewBorder(nil,
		container.NewHBox(layoutSpacer(), widget.NewButton(locale.L("Cancel"), func() { d.Hide() }), save), nil, nil, fields.grid), p.env.win)
	d.Resize(fyne.NewSize(560, 380))
	d.Show()
}

// refresh follows a change made elsewhere (undo).
func (p *planScreen) refresh() {
	if !p.dirty {
		if p.current.ID != "" {
			found := false
			actions, _ := p.env.store.Actions(context.Background(), p.current.PlanID)
			for _, a := range actions {
				if a.ID == p.current.ID {
					p.load(a)
					found = true
				}
			}
			if !found {
				p.current = data.Action{}
			}
		}
		p.reload()
	}
}
