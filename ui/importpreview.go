package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/data/sheets"
	"github.com/ncm-register/ncm-register/locale"
)

// importPreview shows every row of the file as it will be stored, sorted:
// new, the same as in the register, possible duplicates (each with a
// choice) and those that cannot be taken (every problem, by column); and
// the organisations the file names. Import applies it as one change.
type importPreview struct {
	env     *env
	plan    *data.ImportPlan
	groups  []*previewGroup
	summary *widget.Label
	apply   *widget.Button
	d       dialog.Dialog
	columns dialog.Dialog // the columns step, closed once the import is done
	names   map[string]string
}

// previewGroup is one tab: the people (or organisations) of one status.
type previewGroup struct {
	title  string
	status data.ImportStatus
	orgs   bool
	items  []int // indexes into plan.People or plan.Organisations
	list   *widget.List
	tab    *container.TabItem
}

// importChoices are what a possible duplicate may become.
var importChoices = []data.ImportChoice{data.ImportMerge, data.ImportAdd, data.ImportSkip}

func importChoiceLabel(c data.ImportChoice) string {
	switch c {
	case data.ImportAdd:
		return locale.L("Add as new")
	case data.ImportSkip:
		return locale.L("Skip")
	}
	return locale.L("Merge into it")
}

func showImportPreview(e *env, plan *data.ImportPlan, columns dialog.Dialog) *importPreview {
	v := &importPreview{env: e, plan: plan, columns: columns}
	e.shown.importPreview = v
	v.groups = []*previewGroup{
		{title: locale.L("New"), status: data.ImportNew},
		{title: locale.L("Already in the register"), status: data.ImportSame},
		{title: locale.L("Possible duplicates"), status: data.ImportDuplicate},
		{title: locale.L("Cannot be taken"), status: data.ImportRejected},
		{title: locale.L("Organisations"), orgs: true},
	}
	for i, r := range plan.People {
		for _, g := range v.groups {
			if !g.orgs && g.status == r.Status {
				g.items = append(g.items, i)
			}
		}
	}
	orgs := v.groups[len(v.groups)-1]
	for i := range plan.Organisations {
		orgs.items = append(orgs.items, i)
	}
	tabs := container.NewAppTabs()
	for _, g := range v.groups {
		if len(g.items) == 0 && (g.orgs || g.status != data.ImportNew) {
			continue
		}
		v.buildGroup(g)
		tabs.Append(g.tab)
	}
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.apply = widget.NewButton(locale.L("Import"), v.applyPlan)
	v.apply.Importance = widget.HighImportance
	if e.store.ReadOnly() {
		v.apply.Disable()
	}
	back := widget.NewButton(locale.L("Back to the columns"), func() { v.d.Hide() })
	v.summarise()
	body := container.NewBorder(v.summary, container.NewHBox(layoutSpacer(), back, v.apply), nil, nil, tabs)
	v.d = dialog.NewCustomWithoutButtons(locale.L("Preview of the import: {{.File}}", map[string]any{"File": plan.Options.FileName}), body, e.win)
	v.d.Resize(fyne.NewSize(960, 560)) // within a 1024×600 screen
	v.d.Show()
	return v
}

// buildGroup makes a group's tab: a list, with a choice beside each
// possible duplicate and buttons to choose for the whole group.
func (v *importPreview) buildGroup(g *previewGroup) {
	choosing := g.status == data.ImportDuplicate && !g.orgs || g.orgs
	g.list = widget.NewList(func() int { return len(g.items) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("")
			detail.Truncation = fyne.TextTruncateEllipsis
			detail.Importance = widget.LowImportance
			choice := widget.NewSelect(nil, nil)
			return container.NewBorder(nil, nil, nil, container.NewVBox(choice), container.NewVBox(title, detail))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(g.items) {
				return
			}
			c := o.(*fyne.Container)
			texts := c.Objects[0].(*fyne.Container).Objects
			choice := c.Objects[1].(*fyne.Container).Objects[0].(*widget.Select)
			title, detail, choiceOf := v.describe(g, g.items[i])
			texts[0].(*widget.Label).SetText(title)
			texts[1].(*widget.Label).Importance = widget.LowImportance
			if g.status == data.ImportRejected && !g.orgs {
				texts[1].(*widget.Label).Importance = widget.DangerImportance
			}
			texts[1].(*widget.Label).SetText(detail)
			if choiceOf == nil {
				choice.Hide()
			} else {
				v.bindChoice(choice, choiceOf)
				choice.Show()
			}
		})
	// A row that cannot be taken shows each problem on a line of its own.
	one, two := widget.NewLabel("x"), widget.NewLabel("x\nx")
	perLine := two.MinSize().Height - one.MinSize().Height
	base := g.list.CreateItem().MinSize().Height
	for k, i := range g.items {
		_, detail, _ := v.describe(g, i)
		if n := strings.Count(detail, "\n"); n > 0 {
			g.list.SetItemHeight(k, base+float32(n)*perLine)
		}
	}
	content := fyne.CanvasObject(g.list)
	if choosing && g.orgs {
		choosing = false
		for _, i := range g.items {
			choosing = choosing || v.plan.Organisations[i].Status == data.ImportDuplicate
		}
	}
	if choosing {
		all := container.NewHBox(widget.NewLabel(locale.L("For all of them:")))
		for _, ch := range importChoices {
			all.Add(widget.NewButton(importChoiceLabel(ch), func() { v.chooseAll(g, ch) }))
		}
		content = container.NewBorder(nil, all, nil, nil, g.list)
	}
	g.tab = container.NewTabItem(fmt.Sprintf("%s (%d)", g.title, len(g.items)), content)
}

// bindChoice shows a duplicate's choice in a recycled Select.
func (v *importPreview) bindChoice(s *widget.Select, choice *data.ImportChoice) {
	options := make([]string, len(importChoices))
	for i, c := range importChoices {
		options[i] = importChoiceLabel(c)
	}
	s.OnChanged = nil
	s.Options = options
	s.SetSelected(importChoiceLabel(*choice))
	s.OnChanged = func(label string) {
		for _, c := range importChoices {
			if importChoiceLabel(c) == label {
				*choice = c
			}
		}
		v.summarise()
	}
}

// describe says what one item is: a title, a detail line, and the choice
// to show (nil for none).
func (v *importPreview) describe(g *previewGroup, i int) (title, detail string, choice *data.ImportChoice) {
	if g.orgs {
		o := &v.plan.Organisations[i]
		title = o.Organisation.Name
		switch o.Status {
		case data.ImportNew:
			detail = locale.L("new") + " · " + sectorLabel(o.Organisation.Sector)
		case data.ImportSame:
			detail = locale.L("in the register")
		case data.ImportDuplicate:
			detail = locale.L("probably “{{.Name}}”", map[string]any{"Name": o.ExistingName}) + " · " + reasonsText(o.Match)
			choice = &o.Choice
		case data.ImportRejected:
			detail = problemsText(o.Problems)
		}
		return title, detail + " · " + linesText(o.Lines), choice
	}
	r := &v.plan.People[i]
	title = locale.L("Row {{.Row}} · {{.Name}}", map[string]any{"Row": r.Line, "Name": r.Contact.Name})
	if org := v.orgName(r.Organisation); org != "" {
		title = locale.L("Row {{.Row}} · {{.Name}} — {{.Organisation}}", map[string]any{"Row": r.Line, "Name": r.Contact.Name, "Organisation": org})
	}
	switch r.Status {
	case data.ImportRejected:
		return title, problemsText(r.Problems), nil
	case data.ImportDuplicate:
		who := v.knownName(r.ExistingID)
		if r.SameAsLine > 0 {
			who = locale.L("the person of row {{.Row}}", map[string]any{"Row": r.SameAsLine})
		}
		return title, locale.L("probably {{.Person}}", map[string]any{"Person": who}) + " · " + reasonsText(r.Match), &r.Choice
	case data.ImportSame:
		return title, locale.L("in the register: what it lacks is added, nothing is overwritten"), nil
	}
	return title, personDetail(r.Contact), nil
}

// knownName is a person of the register as the duplicate finder lists
// them, with their organisation; the names of every row's match are read
// at the first one asked for, in one pass.
func (v *importPreview) knownName(id string) string {
	if v.names == nil {
		var ids []string
		for _, r := range v.plan.People {
			if r.ExistingID != "" {
				ids = append(ids, r.ExistingID)
			}
		}
		listed, err := v.env.store.ListedNames(context.Background(), true, ids)
		v.names = map[string]string{}
		for k, n := range listed {
			v.names[k] = listedText("contact", n)
		}
		if err != nil {
			v.env.status(err.Error())
		}
	}
	if n, ok := v.names[id]; ok {
		return n
	}
	return id
}

func (v *importPreview) orgName(i int) string {
	if i < 0 {
		return ""
	}
	return v.plan.Organisations[i].Organisation.Name
}

func personDetail(c data.Contact) string {
	var parts []string
	if c.Position != "" {
		parts = append(parts, c.Position)
	}
	parts = append(parts, c.Emails...)
	for _, p := range c.Phones {
		parts = append(parts, data.FormatPhone(p))
	}
	if len(parts) == 0 {
		return locale.L("new")
	}
	return strings.Join(parts, " · ")
}

// problemsText lists every problem of a row, each with its column.
func problemsText(problems []data.ImportProblem) string {
	out := make([]string, len(problems))
	for i, p := range problems {
		out[i] = fieldMessage(p.Problem)
		if p.Heading != "" {
			out[i] = locale.L("column {{.Column}} “{{.Heading}}”: {{.Problem}}",
				map[string]any{"Column": sheets.ColumnName(p.Column), "Heading": p.Heading, "Problem": out[i]})
		}
	}
	return strings.Join(out, "\n")
}

func linesText(lines []int) string {
	parts := make([]string, 0, 4)
	for i, l := range lines {
		if i == 3 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, strconv.Itoa(l))
	}
	return locale.N("row {{.Rows}}", len(lines), map[string]any{"Rows": strings.Join(parts, ", ")})
}

// chooseAll gives every item of a group the same choice.
func (v *importPreview) chooseAll(g *previewGroup, c data.ImportChoice) {
	for _, i := range g.items {
		if g.orgs {
			if v.plan.Organisations[i].Status == data.ImportDuplicate {
				v.plan.Organisations[i].Choice = c
			}
		} else {
			v.plan.People[i].Choice = c
		}
	}
	g.list.Refresh()
	v.summarise()
}

// summarise says what Import will do, with the choices as they are.
func (v *importPreview) summarise() {
	var add, known, within, skip, rejected int
	for _, r := range v.plan.People {
		switch {
		case r.Status == data.ImportRejected:
			rejected++
		case r.Status == data.ImportNew || r.Status == data.ImportDuplicate && r.Choice == data.ImportAdd:
			add++
		case r.Status == data.ImportDuplicate && r.Choice == data.ImportSkip:
			skip++
		case r.SameAsLine > 0:
			within++
		default:
			known++
		}
	}
	newOrgs := 0
	for _, o := range v.plan.Organisations {
		if o.Status == data.ImportNew || o.Status == data.ImportDuplicate && o.Choice == data.ImportAdd {
			newOrgs++
		}
	}
	text := locale.L("Import will add {{.People}} and {{.Organisations}}, and complete {{.KnownPeople}} already in the register.",
		map[string]any{"People": countPeople(add), "Organisations": countOrganisations(newOrgs), "KnownPeople": countPeople(known)})
	var more []string
	if within > 0 {
		more = append(more, locale.N("{{.Count}} row taken with an earlier row", within))
	}
	if skip > 0 {
		more = append(more, locale.N("{{.Count}} row skipped", skip))
	}
	if rejected > 0 {
		more = append(more, locale.N("{{.Count}} row cannot be taken (see why; correct the file and import it again)", rejected))
	}
	if len(more) > 0 {
		text += " " + strings.Join(more, " · ") + "."
	}
	v.summary.SetText(text)
	v.apply.SetText(locale.L("Import"))
}

// countPeople, countOrganisations and countRows are counts with their noun in the right
// form ("1 row", "2 rows").
func countPeople(n int) string        { return locale.N("{{.Count}} person", n) }
func countOrganisations(n int) string { return locale.N("{{.Count}} organisation", n) }
func countRows(n int) string          { return locale.N("{{.Count}} row", n) }

// applyPlan writes the import as one change.
func (v *importPreview) applyPlan() {
	var sum data.ImportSummary
	var err error
	v.apply.Disable()
	runAsync(func() { sum, err = v.env.store.ApplyImport(context.Background(), v.plan) }, func() {
		v.apply.Enable()
		if err != nil {
			showError(v.env.win, "", err, locale.L("Nothing was changed."))
			return
		}
		v.d.Hide()
		if v.columns != nil {
			v.columns.Hide()
		}
		v.env.status(locale.L("Imported from {{.File}}: {{.Organisations}} and {{.People}} added, {{.Records}} completed, {{.Skipped}} skipped, {{.NotTaken}} not taken. Undo takes the whole import back.",
			map[string]any{"File": v.plan.Options.FileName, "Organisations": countOrganisations(sum.Organisations), "People": countPeople(sum.People),
				"Records": locale.N("{{.Count}} record", sum.Updated), "Skipped": countRows(sum.Skipped), "NotTaken": grouped(sum.Rejected)}))
		v.env.changed()
	})
}
