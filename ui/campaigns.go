package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// campaignsScreen is the Campaigns area: the list of awareness campaigns,
// filtered by channel and target group, and the form of the selected one.
type campaignsScreen struct {
	loads     listLoad      // its list, read off the window\'s thread
	none      *noneSelected // stands in for the form while no campaign is chosen
	env       *env
	filter    data.CampaignFilter
	campaigns []data.Campaign
	channel   *codeSelect // the list's filter by channel
	period    *filterNote // the period the Overview narrowed the list to
	current   data.Campaign
	editing   bool
	typing

	list    *widget.List
	count   *widget.Label
	fields  *fieldSet
	title   *formEntry
	pillar  *codeSelect
	first   *dateEntry
	last    *dateEntry
	chans   *checkGrid
	groups  *checkGrid
	forms   *checkGrid
	langs   *formEntry
	regions *formEntry
	lead    *idList
	partner *idList
	budget  *formEntry
	curr    *formEntry
	mats    *formEntry
	reach   *formEntry
	method  *formEntry
	evalOK  *widget.Check
	evalHow *formEntry
	finds   *formEntry
	save    *widget.Button
	archive *widget.Button
	history *widget.Button
	heading *widget.Label
	content fyne.CanvasObject
}

func newCampaignsScreen(e *env) *campaignsScreen {
	c := &campaignsScreen{env: e, fields: newFieldSet()}
	search := widget.NewEntry()
	search.SetPlaceHolder(locale.L("Search campaigns by title"))
	search.OnChanged = func(s string) { c.filter.Query = s; c.reload() }
	channel := newCodeSelect("channel", data.Channels, locale.L("All channels"), func(code string) { c.filter.Channel = code; c.reload() })
	channel.w.PlaceHolder = locale.L("All channels")
	c.channel = channel
	group := newCodeSelect("target_group", data.TargetGroups, locale.L("All target groups"), func(code string) { c.filter.Group = code; c.reload() })
	group.w.PlaceHolder = locale.L("All target groups")
	newBtn := widget.NewButtonWithIcon(locale.L("New campaign"), theme.ContentAddIcon(), c.startNew)
	if e.store.ReadOnly() {
		newBtn.Disable()
	}
	c.period = newFilterNote(func() { c.filter.From, c.filter.To = "", ""; c.reload() })
	c.count = widget.NewLabel("")
	c.count.Importance = widget.LowImportance
	c.list = newRecordList(&c.campaigns, func(cp data.Campaign) (string, string) { return cp.Title, campaignDetail(cp) },
		func(cp data.Campaign) {
			if cp.ID != c.current.ID && c.saveFirst(c.env, c.Save) {
				c.load(cp, true)
			}
		})

	entry := entryMaker(c.edited, func() { c.load(c.current, c.editing) }, func() bool { return c.dirty })
	c.title = entry("title", false)
	c.pillar = newCodeSelect("pillar", data.Pillars, "", func(string) { c.edited("pillar") })
	c.first, c.last = newDateEntry(), newDateEntry()
	c.first.OnChanged = func(*time.Time) { c.edited("first_day") }
	c.last.OnChanged = func(*time.Time) { c.edited("last_day") }
	c.chans = newCheckGrid("channel", data.Channels, func() { c.edited("channels") })
	c.groups = newCheckGrid("target_group", data.TargetGroups, func() { c.edited("target_groups") })
	c.forms = newCheckGrid("form", data.FormsOfExploitation, func() { c.edited("forms") })
	c.langs = entry("languages", false)
	c.langs.SetPlaceHolder(locale.L("e.g. Romanian, Russian"))
	c.regions = entry("regions", false)
	c.regions.SetPlaceHolder(locale.L("e.g. North, Capital"))
	c.lead = newOrganisationList(e, locale.L("Choose the lead organisation…"), func() {
		if len(c.lead.ids) > 1 {
			c.lead.set(c.lead.ids[len(c.lead.ids)-1:])
		}
		c.edited("lead")
	})
	c.partner = newOrganisationList(e, locale.L("Add a partner…"), func() { c.edited("partners") })
	c.budget, c.curr = entry("budget", false), entry("currency", false)
	c.curr.SetPlaceHolder("EUR")
	c.mats = entry("materials", true)
	c.mats.SetPlaceHolder(locale.L("one per line, e.g. Leaflets: 5000"))
	c.reach, c.method = entry("reach", false), entry("reach_method", false)
	c.method.SetPlaceHolder(locale.L("how the reach was estimated"))
	c.evalOK = widget.NewCheck(locale.L("Evaluated"), func(bool) { c.edited("evaluated") })
	c.evalHow, c.finds = entry("eval_method", false), entry("findings", true)

	c.fields.add("title", locale.L("Title"), true, c.title)
	c.fields.add("pillar", locale.L("Pillar"), false, c.pillar.w)
	c.fields.add("first_day", locale.L("First day"), true, c.first)
	c.fields.add("last_day", locale.L("Last day"), false, c.last)
	c.fields.add("channels", locale.L("Channels"), false, c.chans.content)
	c.fields.add("target_groups", locale.L("Target groups"), false, c.groups.content)
	c.fields.add("forms", locale.L("Forms of exploitation"), false, c.forms.content)
	c.fields.add("languages", locale.L("Languages"), false, c.langs)
	c.fields.add("regions", locale.L("Regions"), false, c.regions)
	c.fields.add("lead", locale.L("Lead"), false, c.lead.content)
	c.fields.add("partners", locale.L("Partners"), false, c.partner.content)
	c.fields.add("budget", locale.L("Budget"), false, c.budget)
	c.fields.add("currency", locale.L("Currency"), false, c.curr)
	c.fields.add("materials", locale.L("Materials produced"), false, c.mats)
	c.fields.add("reach", locale.L("Estimated reach (people)"), false, c.reach)
	c.fields.add("reach_method", locale.L("How it was estimated"), false, c.method)
	c.fields.add("evaluated", locale.L("Evaluation"), false, c.evalOK)
	c.fields.add("eval_method", locale.L("Evaluation method"), false, c.evalHow)
	c.fields.add("findings", locale.L("Findings"), false, c.finds)
	c.save = widget.NewButtonWithIcon(locale.L("Save"), theme.DocumentSaveIcon(), func() { c.Save() })
	c.save.Importance = widget.HighImportance
	c.archive = widget.NewButtonWithIcon(locale.L("Archive"), theme.DeleteIcon(), func() {
		cur := c.current
		toggleArchived(e, cur.Title, cur.Archived, locale.L("Archive campaign?"),
			locale.L("“{{.Title}}” will be hidden from the list. Its history is kept, and you can undo.", map[string]any{"Title": cur.Title}),
			func(archive bool) error { return e.store.SetCampaignArchived(context.Background(), cur.ID, archive) },
			func() { c.load(data.Campaign{}, false); e.changed() })
	})
	c.history = widget.NewButtonWithIcon(locale.L("History"), theme.HistoryIcon(), func() { showHistory(e, c.current.Title, c.current.ID) })
	c.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})

	figures := widget.NewButtonWithIcon(locale.L("Figures…"), theme.InfoIcon(), func() { showCampaignFigures(e) })
	top := container.NewVBox(container.NewGridWithColumns(2, newBtn, figures), search,
		container.NewGridWithColumns(2, channel.w, group.w), c.period.content, c.count)
	left := container.NewBorder(top, nil, nil, nil, c.list)
	form := container.NewBorder(c.heading, container.NewHBox(c.save, widget.NewSeparator(), c.archive, c.history), nil, nil,
		container.NewVScroll(c.fields.grid))
	c.none = newNoneSelected(e, form, locale.L("No campaign selected"), locale.L("Choose a campaign in the list, or add one."),
		locale.L("New campaign"), c.startNew)
	split := container.NewHSplit(left, c.none.content)
	split.SetOffset(0.3)
	c.content = split
	c.load(data.Campaign{}, false)
	c.reload()
	return c
}

func campaignDetail(c data.Campaign) string {
	parts := []string{dayText(c.FirstDay)}
	if c.LastDay != "" && c.LastDay != c.FirstDay {
		parts[0] = between(c.FirstDay, c.LastDay)
	}
	for _, ch := range c.Channels {
		parts = append(parts, labelOf("channel", data.Channels, ch))
	}
	if c.Reach > 0 {
		parts = append(parts, locale.L("reach {{.People}}", map[string]any{"People": grouped(c.Reach)}))
	}
	return strings.Join(parts, " · ")
}

func (c *campaignsScreen) reload() {
	filter := c.filter
	loadList(&c.loads, func(ctx context.Context) ([]data.Campaign, error) {
		return c.env.store.Campaigns(ctx, filter)
	}, c.landCampaigns)
}

func (c *campaignsScreen) landCampaigns(list []data.Campaign, err error) {
	if err != nil {
		c.count.SetText(err.Error())
		return
	}
	c.campaigns = list
	c.list.UnselectAll()
	c.list.Refresh()
	c.count.SetText(locale.N("{{.Count}} campaign", len(list)))
}

func (c *campaignsScreen) edited(key string) {
	if !c.userEdit() {
		return
	}
	c.fields.clearField(key)
	c.fields.relayout()
	setEnabled(c.save, !c.env.store.ReadOnly())
}

func (c *campaignsScreen) startNew() {
	if !c.saveFirst(c.env, c.Save) {
		return
	}
	c.list.UnselectAll()
	c.load(data.Campaign{Pillar: "prevention", FirstDay: today()}, true)
	c.heading.SetText(locale.L("New campaign"))
	c.env.win.Canvas().Focus(c.title)
}

func commaList(items []string) string { return strings.Join(items, ", ") }

func splitComma(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' })
}

func (c *campaignsScreen) load(cp data.Campaign, editing bool) {
	defer c.startFilling()()
	c.current, c.dirty, c.editing = cp, false, editing
	c.fields.clear()
	c.title.SetText(cp.Title)
	c.pillar.setCode(cp.Pillar)
	c.first.SetDate(dateOf(cp.FirstDay))
	if cp.FirstDay == "" {
		c.first.SetText("")
	}
	c.last.SetDate(dateOf(cp.LastDay))
	if cp.LastDay == "" {
		c.last.SetText("")
	}
	c.chans.set(cp.Channels)
	c.groups.set(cp.TargetGroups)
	c.forms.set(cp.Forms)
	c.langs.SetText(commaList(cp.Languages))
	c.regions.SetText(commaList(cp.Regions))
	c.lead.set(nil)
	if cp.Lead != "" {
		c.lead.set([]string{cp.Lead})
	}
	c.partner.set(cp.Partners)
	c.budget.SetText("")
	if cp.Budget > 0 {
		c.budget.SetText(strconv.Itoa(cp.Budget))
	}
	c.curr.SetText(cp.Currency)
	c.mats.SetText(strings.Join(cp.Materials, "\n"))
	c.reach.SetText("")
	if cp.Reach > 0 {
		c.reach.SetText(strconv.Itoa(cp.Reach))
	}
	c.method.SetText(cp.ReachMethod)
	c.evalOK.SetChecked(cp.Evaluated)
	c.evalHow.SetText(cp.EvalMethod)
	c.finds.SetText(cp.Findings)
	c.heading.SetText(cp.Title)
	if c.none != nil {
		c.none.show(!editing && cp.ID == "")
	}
	if !editing {
		c.heading.SetText(locale.L("No campaign selected: choose one in the list, or add one with New campaign."))
	}
	ro := c.env.store.ReadOnly()
	setEnabled(c.save, !ro && editing && cp.ID == "")
	setEnabled(c.archive, !ro && cp.ID != "")
	setEnabled(c.history, cp.ID != "")
	c.fields.relayout()
}

// number reads a whole number typed in a field ("" is 0), noting a problem.
func number(field, text string, problems *[]data.FieldError) int {
	text = strings.NewReplacer(" ", "", ",", "", "\u00a0", "").Replace(text)
	if text == "" {
		return 0
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		*problems = append(*problems, data.FieldError{Field: field, Key: "error.whole_number",
			Template: "“{{.Value}}” is not a whole number", Data: map[string]any{"Value": text}})
	}
	return n
}

// Save stores the campaign; problems show beside their fields and the typing stays.
func (c *campaignsScreen) Save() bool {
	if c.env.store.ReadOnly() || !c.editing {
		return false
	}
	cp := c.current
	var problems []data.FieldError
	cp.Title, cp.Pillar = c.title.Text, c.pillar.code()
	cp.FirstDay, cp.LastDay = "", ""
	cp.FirstDay = c.first.Value()
	cp.LastDay = c.last.Value()
	cp.Channels, cp.TargetGroups, cp.Forms = c.chans.selected(), c.groups.selected(), c.forms.selected()
	cp.Languages, cp.Regions = splitComma(c.langs.Text), splitComma(c.regions.Text)
	cp.Lead = ""
	if len(c.lead.ids) > 0 {
		cp.Lead = c.lead.ids[0]
	}
	cp.Partners = c.partner.ids
	cp.Budget = number("budget", c.budget.Text, &problems)
	cp.Reach = number("reach", c.reach.Text, &problems)
	cp.Currency, cp.Materials, cp.ReachMethod = c.curr.Text, strings.Split(c.mats.Text, "\n"), c.method.Text
	cp.Evaluated, cp.EvalMethod, cp.Findings = c.evalOK.Checked, c.evalHow.Text, c.finds.Text
	if len(problems) > 0 {
		c.fields.show(&data.ValidationError{Errors: problems})
		return false
	}
	if err := c.env.store.SaveCampaign(context.Background(), &cp); err != nil {
		if !c.fields.show(err) {
			showError(c.env.win, locale.L("The campaign was not saved"), err)
		}
		return false
	}
	c.load(cp, true)
	c.env.status(locale.L("Saved {{.Name}}", map[string]any{"Name": cp.Title}))
	c.env.changed()
	return true
}

// refresh follows a change made elsewhere (undo).
func (c *campaignsScreen) refresh() {
	c.reload()
	if c.current.ID != "" && !c.dirty {
		if cp, err := c.env.store.Campaign(context.Background(), c.current.ID); err == nil {
			c.load(cp, true)
		} else {
			c.load(data.Campaign{}, false)
		}
	}
}
