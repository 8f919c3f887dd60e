package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// agreementsScreen is the Agreements area: the list of cooperation
// agreements, filtered by level and partner country, and the form of the
// selected one.
type agreementsScreen struct {
	loads      listLoad      // its list, read off the window\'s thread
	none       *noneSelected // stands in for the form while no agreement is chosen
	env        *env
	filter     data.AgreementFilter
	inForce    *filterNote // the day the Overview narrowed the list to
	agreements []data.Agreement
	current    data.Agreement
	typing

	search  *widget.Entry
	level   *codeSelect
	country *widget.Select
	list    *widget.List
	count   *widget.Label

	fields     *fieldSet
	title      *formEntry
	kind       *codeSelect
	levelSel   *codeSelect
	status     *codeSelect
	subjects   *checkGrid
	parties    *idList
	countries  *idList
	signedOn   *dateEntry
	validUntil *dateEntry
	reference  *formEntry
	notes      *formEntry
	save       *widget.Button
	archive    *widget.Button
	history    *widget.Button
	heading    *widget.Label
	content    fyne.CanvasObject
}

func newAgreementsScreen(e *env) *agreementsScreen {
	a := &agreementsScreen{env: e, fields: newFieldSet()}
	a.search = widget.NewEntry()
	a.search.SetPlaceHolder(locale.L("Search agreements by title or reference"))
	a.search.OnChanged = func(s string) { a.filter.Query = s; a.reload() }
	levels := append([]data.Code{{Code: "home", Label: "At home"}, {Code: "international", Label: "With other countries"}}, data.AgreementLevels...)
	a.level = newCodeSelect("agreement_level", levels, locale.L("All levels"), func(c string) { a.filter.Level = c; a.reload() })
	a.level.w.PlaceHolder = locale.L("All levels")
	a.country = widget.NewSelect(nil, func(s string) {
		a.filter.Country = ""
		if i := strings.LastIndex(s, "("); i >= 0 && strings.HasSuffix(s, ")") {
			a.filter.Country = s[i+1 : len(s)-1]
		}
		a.reload()
	})
	a.country.PlaceHolder = locale.L("All partner countries")
	newBtn := widget.NewButtonWithIcon(locale.L("New agreement"), theme.ContentAddIcon(), a.startNew)
	if e.store.ReadOnly() {
		newBtn.Disable()
	}
	a.count = widget.NewLabel("")
	a.count.Importance = widget.LowImportance
	a.list = newRecordList(&a.agreements, func(ag data.Agreement) (string, string) { return ag.Title, agreementDetail(ag) },
		func(ag data.Agreement) {
			if ag.ID != a.current.ID && a.saveFirst(a.env, a.Save) {
				a.load(ag)
			}
		})

	entry := entryMaker(a.edited, func() { a.load(a.current) }, func() bool { return a.dirty })
	a.title = entry("title", false)
	a.kind = newCodeSelect("agreement_kind", data.AgreementKinds, "", func(string) { a.edited("kind") })
	a.levelSel = newCodeSelect("agreement_level", data.AgreementLevels, "", func(string) { a.edited("level") })
	a.status = newCodeSelect("agreement_status", data.AgreementStatuses, "", func(string) { a.edited("status") })
	a.subjects = newCheckGrid("subject", data.AgreementSubjects, func() { a.edited("subjects") })
	a.parties = newOrganisationList(e, locale.L("Add a party…"), func() { a.edited("parties") })
	a.countries = newIDList(e, locale.L("Add a partner country…"), func() { a.edited("partner_countries") },
		func(add func(string)) { pickCountry(e, locale.L("Add a partner country…"), add) }, countryName)
	a.signedOn = newDateEntry()
	a.signedOn.OnChanged = func(*time.Time) { a.edited("signed_on") }
	a.validUntil = newDateEntry()
	a.validUntil.OnChanged = func(*time.Time) { a.edited("valid_until") }
	a.reference = entry("reference", false)
	a.notes = entry("notes", true)

	a.fields.add("title", locale.L("Title"), true, a.title)
	a.fields.add("kind", locale.L("Kind"), true, a.kind.w)
	a.fields.add("level", locale.L("Level"), true, a.levelSel.w)
	a.fields.add("status", locale.L("Status"), false, a.status.w)
	a.fields.add("subjects", locale.L("Subjects"), false, a.subjects.content)
	a.fields.add("parties", locale.L("Parties"), false, a.parties.content)
	a.fields.add("partner_countries", locale.L("Partner countries"), false, a.countries.content)
	a.fields.add("signed_on", locale.L("Signed on"), false, a.signedOn)
	a.fields.add("valid_until", locale.L("Valid until"), false, a.validUntil)
	a.fields.add("reference", locale.L("Document reference"), false, a.reference)
	a.fields.add("notes", locale.L("Notes"), false, a.notes)
	a.save = widget.NewButtonWithIcon(locale.L("Save"), theme.DocumentSaveIcon(), func() { a.Save() })
	a.save.Importance = widget.HighImportance
	a.archive = widget.NewButtonWithIcon(locale.L("Archive"), theme.DeleteIcon(), a.toggleArchived)
	a.history = widget.NewButtonWithIcon(locale.L("History"), theme.HistoryIcon(), func() {
		showHistory(e, a.current.Title, a.current.ID)
	})
	a.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	a.heading.Truncation = fyne.TextTruncateEllipsis

	a.inForce = newFilterNote(func() { a.filter.InForceOn = ""; a.reload() })
	top := container.NewVBox(newBtn, a.search, container.NewGridWithColumns(2, a.level.w, a.country), a.inForce.content, a.count)
	left := container.NewBorder(top, nil, nil, nil, a.list)
	form := container.NewBorder(a.heading, container.NewHBox(a.save, widget.NewSeparator(), a.archive, a.history), nil, nil,
		container.NewVScroll(a.fields.grid))
	a.none = newNoneSelected(e, form, locale.L("No agreement selected"), locale.L("Choose an agreement in the list, or add one."),
		locale.L("New agreement"), a.startNew)
	split := container.NewHSplit(left, a.none.content)
	split.SetOffset(0.3)
	a.content = split
	a.load(data.Agreement{})
	a.reload()
	return a
}

func agreementDetail(a data.Agreement) string {
	parts := []string{labelOf("agreement_level", data.AgreementLevels, a.Level)}
	if len(a.PartnerCountries) > 0 {
		var names []string
		for _, c := range a.PartnerCountries {
			names = append(names, countryName(c))
		}
		parts = append(parts, strings.Join(names, ", "))
	}
	if a.SignedOn != "" {
		parts = append(parts, locale.L("signed {{.Day}}", map[string]any{"Day": dayText(a.SignedOn)}))
	}
	parts = append(parts, labelOf("agreement_status", data.AgreementStatuses, a.Status))
	return strings.Join(parts, " · ")
}

func (a *agreementsScreen) reload() {
	filter := a.filter
	type read struct {
		list      []data.Agreement
		countries []string
	}
	loadList(&a.loads, func(ctx context.Context) (read, error) {
		list, err := a.env.store.Agreements(ctx, filter)
		if err != nil {
			return read{}, err
		}
		countries, _ := a.env.store.PartnerCountries(ctx) // the filter's choices; without them it keeps the last
		return read{list, countries}, nil
	}, func(r read, err error) {
		if err != nil {
			a.count.SetText(err.Error())
			return
		}
		a.agreements = r.list
		a.list.UnselectAll()
		a.list.Refresh()
		a.count.SetText(locale.N("{{.Count}} agreement", len(r.list)))
		if r.countries != nil {
			options := []string{locale.L("All partner countries")}
			for _, c := range r.countries {
				options = append(options, countryName(c)+" ("+c+")")
			}
			a.country.Options = options
		}
	})
}

func (a *agreementsScreen) edited(key string) {
	if !a.userEdit() {
		return
	}
	a.fields.clearField(key)
	a.fields.relayout()
	a.updateButtons()
}

func (a *agreementsScreen) updateButtons() {
	ro := a.env.store.ReadOnly()
	setEnabled(a.save, !ro && (a.dirty || a.current.ID == "") && a.heading.Text != "")
	setEnabled(a.archive, !ro && a.current.ID != "")
	setEnabled(a.history, a.current.ID != "")
}

func (a *agreementsScreen) startNew() {
	if !a.saveFirst(a.env, a.Save) {
		return
	}
	a.list.UnselectAll()
	a.load(data.Agreement{Status: "in_force"})
	a.heading.SetText(locale.L("New agreement"))
	a.updateButtons()
	a.env.win.Canvas().Focus(a.title)
}

func (a *agreementsScreen) load(ag data.Agreement) {
	if a.none != nil {
		a.none.show(ag.ID == "" && ag.Status == "") // a new agreement comes with its status
	}
	defer a.startFilling()()
	a.current, a.dirty = ag, false
	a.fields.clear()
	a.title.SetText(ag.Title)
	a.kind.setCode(ag.Kind)
	a.levelSel.setCode(ag.Level)
	a.status.setCode(ag.Status)
	a.subjects.set(ag.Subjects)
	a.parties.set(ag.Parties)
	a.countries.set(ag.PartnerCountries)
	a.signedOn.SetDate(dateOf(ag.SignedOn))
	if ag.SignedOn == "" {
		a.signedOn.SetText("")
	}
	a.validUntil.SetDate(dateOf(ag.ValidUntil))
	if ag.ValidUntil == "" {
		a.validUntil.SetText("")
	}
	a.reference.SetText(ag.Reference)
	a.notes.SetText(ag.Notes)
	switch {
	case ag.ID != "":
		a.heading.SetText(ag.Title)
	case ag.Status == "":
		a.heading.SetText("")
	}
	a.fields.relayout()
	a.updateButtons()
}

// Save stores the agreement; problems show beside their fields and the
// typing stays.
func (a *agreementsScreen) Save() bool {
	if a.env.store.ReadOnly() || a.heading.Text == "" {
		return false
	}
	ag := a.current
	ag.Title, ag.Kind, ag.Level, ag.Status = a.title.Text, a.kind.code(), a.levelSel.code(), a.status.code()
	ag.Subjects, ag.Parties, ag.PartnerCountries = a.subjects.selected(), a.parties.ids, a.countries.ids
	ag.Reference, ag.Notes = a.reference.Text, a.notes.Text
	ag.SignedOn, ag.ValidUntil = "", ""
	ag.SignedOn = a.signedOn.Value()
	ag.ValidUntil = a.validUntil.Value()
	if err := a.env.store.SaveAgreement(context.Background(), &ag); err != nil {
		if !a.fields.show(err) {
			showError(a.env.win, locale.L("The agreement was not saved"), err)
		}
		return false
	}
	a.load(ag)
	a.env.status(locale.L("Saved {{.Name}}", map[string]any{"Name": ag.Title}))
	a.env.changed()
	return true
}

func (a *agreementsScreen) toggleArchived() {
	ag := a.current
	toggleArchived(a.env, ag.Title, ag.Archived, locale.L("Archive agreement?"),
		locale.L("“{{.Title}}” will be hidden from the list. Its history is kept, and you can undo.", map[string]any{"Title": ag.Title}),
		func(archive bool) error {
			return a.env.store.SetAgreementArchived(context.Background(), ag.ID, archive)
		},
		func() {
			a.load(data.Agreement{})
			a.env.changed()
		})
}

// refresh follows a change made elsewhere (undo).
func (a *agreementsScreen) refresh() {
	a.reload()
	if a.current.ID != "" && !a.dirty {
		if ag, err := a.env.store.Agreement(context.Background(), a.current.ID); err == nil {
			a.load(ag)
		} else {
			a.load(data.Agreement{})
		}
	}
}
