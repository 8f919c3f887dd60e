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

// orgForm edits one organisation. What the user typed stays in the form
// until it is saved or cancelled, also when a save fails.
type orgForm struct {
	// onEmpty says when the form has no organisation to show (true) and
	// when it has one again (the Register shows its "nothing selected" panel).
	onEmpty func(none bool)
	env     *env
	current data.Organisation // as stored; ID is empty for a new organisation
	editing bool              // a record (new or stored) is in the form
	typing

	title   *widget.Label
	meta    *widget.Label
	fields  *fieldSet
	name    *formEntry
	acronym *formEntry
	sector  *codeSelect
	level   *codeSelect
	region  *widget.SelectEntry
	country *codeSelect
	address *formEntry
	phone   *formEntry
	email   *formEntry
	website *formEntry
	role    *codeSelect
	since   *dateEntry
	notes   *formEntry
	courses *widget.Label // the courses its people took part in

	save, cancel, archive, history *widget.Button
	content                        fyne.CanvasObject

	// onSaved is called with the stored organisation after a save.
	onSaved func(data.Organisation)
	// onArchived is called after the organisation was archived or restored.
	onArchived func(id string)
}

func newOrgForm(e *env) *orgForm {
	f := &orgForm{env: e, fields: newFieldSet()}
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.title.Truncation = fyne.TextTruncateEllipsis
	f.meta = widget.NewLabel("")
	f.meta.Importance = widget.LowImportance
	f.meta.Wrapping = fyne.TextWrapWord

	entry := entryMaker(f.edited, f.revert, func() bool { return f.dirty })
	sel := func(key, listName string, list []data.Code, empty string) *codeSelect {
		return newCodeSelect(listName, list, empty, func(string) { f.edited(key) })
	}
	f.name = entry("name", false)
	f.acronym = entry("acronym", false)
	f.sector = sel("sector", "sector", data.SectorCodes(), "")
	f.sector.w.PlaceHolder = locale.L("Choose a sector")
	f.level = sel("level", "level", data.Levels, locale.L("Not set"))
	f.region = widget.NewSelectEntry(nil)
	f.region.OnChanged = func(string) { f.edited("region") }
	f.country = sel("country", "country", data.Countries(), locale.L("Not set"))
	f.address = entry("address", true)
	f.phone = entry("phone", false)
	f.phone.SetPlaceHolder("+373 22 123 456")
	f.email = entry("email", false)
	f.email.SetPlaceHolder("office@agency.gov")
	f.website = entry("website", false)
	f.role = sel("mechanism_role", "mechanism", data.MechanismRoles, locale.L("Not a member"))
	f.since = newDateEntry()
	f.since.OnChanged = func(*time.Time) { f.edited("member_since") }
	f.notes = entry("notes", true)

	f.fields.add("name", fieldLabel("organisation", "name"), true, f.name)
	f.fields.add("acronym", fieldLabel("organisation", "acronym"), false, f.acronym)
	f.fields.add("sector", fieldLabel("organisation", "sector"), true, f.sector.w)
	f.fields.add("level", fieldLabel("organisation", "level"), false, f.level.w)
	f.fields.add("region", fieldLabel("organisation", "region"), false, f.region)
	f.fields.add("country", fieldLabel("organisation", "country"), false, f.country.w)
	f.fields.add("mechanism_role", fieldLabel("organisation", "mechanism_role"), false, f.role.w)
	f.fields.add("member_since", fieldLabel("organisation", "member_since"), false, f.since)
	f.fields.add("phone", fieldLabel("organisation", "phone"), false, f.phone)
	f.fields.add("email", fieldLabel("organisation", "email"), false, f.email)
	f.fields.add("website", fieldLabel("organisation", "website"), false, f.website)
	f.fields.add("address", fieldLabel("organisation", "address"), false, f.address)
	f.fields.add("notes", fieldLabel("organisation", "notes"), false, f.notes)
	f.courses = widget.NewLabel("—")
	f.courses.Wrapping = fyne.TextWrapWord
	f.fields.add("courses", locale.L("Its people's courses"), false, f.courses)

	f.save = widget.NewButtonWithIcon(locale.L("Save"), theme.DocumentSaveIcon(), func() { f.Save() })
	f.save.Importance = widget.HighImportance
	f.cancel = widget.NewButtonWithIcon(locale.L("Cancel"), theme.CancelIcon(), f.revert)
	f.archive = widget.NewButtonWithIcon(locale.L("Archive"), theme.DeleteIcon(), f.toggleArchived)
	f.history = widget.NewButtonWithIcon(locale.L("History"), theme.HistoryIcon(), func() {
		showHistory(f.env, f.current.Name, f.current.ID)
	})
	buttons := container.NewHBox(f.save, f.cancel, widget.NewSeparator(), f.archive, f.history)
	header := container.NewVBox(f.title, f.meta)
	f.content = container.NewBorder(header, buttons, nil, nil, container.NewVScroll(f.fields.grid))
	f.showEmpty()
	return f
}

// edited marks the form changed and hides the old problem of that field.
func (f *orgForm) edited(key string) {
	if !f.userEdit() {
		return
	}
	f.fields.clearField(key)
	f.updateButtons()
}

func (f *orgForm) updateButtons() {
	ro := f.env.store.ReadOnly()
	has := f.current.ID != ""
	setEnabled(f.save, !ro && f.editing && (f.dirty || !has))
	setEnabled(f.cancel, f.dirty)
	setEnabled(f.archive, !ro && has)
	setEnabled(f.history, has)
	if f.current.Archived {
		f.archive.SetText(locale.L("Restore"))
		f.archive.SetIcon(theme.ContentUndoIcon())
	} else {
		f.archive.SetText(locale.L("Archive"))
		f.archive.SetIcon(theme.DeleteIcon())
	}
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// showEmpty shows the form with nothing selected.
func (f *orgForm) showEmpty() {
	f.load(data.Organisation{})
	f.editing = false
	f.title.SetText(locale.L("No organisation selected"))
	f.meta.SetText(locale.L("Choose an organisation in the list, or add one with New organisation (Ctrl+N)."))
	f.setInputsEnabled(false)
	f.updateButtons()
	if f.onEmpty != nil {
		f.onEmpty(true)
	}
}

func (f *orgForm) setInputsEnabled(on bool) {
	for _, w := range []fyne.Disableable{f.name, f.acronym, f.sector.w, f.level.w, f.region, f.country.w,
		f.address, f.phone, f.email, f.website, f.role.w, f.since, f.notes} {
		if on && !f.env.store.ReadOnly() {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

// startNew empties the form for a new organisation and puts the cursor in Name.
func (f *orgForm) startNew() {
	o := data.Organisation{Country: f.env.store.Country(context.Background())}
	f.load(o)
	f.editing = true
	f.title.SetText(locale.L("New organisation"))
	if f.onEmpty != nil {
		f.onEmpty(false)
	}
	f.meta.SetText(locale.L("Fields marked * are required."))
	f.setInputsEnabled(true)
	f.updateButtons()
	f.env.win.Canvas().Focus(f.name)
}

// load fills the form from a stored organisation.
func (f *orgForm) load(o data.Organisation) {
	defer f.startFilling()()
	f.current = o
	f.dirty = false
	f.fields.clear()
	f.name.SetText(o.Name)
	f.acronym.SetText(o.Acronym)
	f.sector.setCode(o.Sector)
	f.level.setCode(o.Level)
	f.region.SetText(o.Region)
	f.country.setCode(o.Country)
	f.address.SetText(o.Address)
	f.phone.SetText(data.FormatPhone(o.Phone))
	f.email.SetText(o.Email)
	f.website.SetText(o.Website)
	f.role.setCode(o.MechanismRole)
	f.since.SetDate(dateOf(o.MemberSince))
	if o.MemberSince == "" {
		f.since.SetText("")
	}
	f.notes.SetText(o.Notes)
	f.showCourses(o.ID)
	if o.ID != "" {
		f.editing = true
		f.title.SetText(o.Name)
		f.meta.SetText(f.describe(o))
		f.setInputsEnabled(true)
	}
	f.updateButtons()
}

func (f *orgForm) describe(o data.Organisation) string {
	kind := locale.L("Non-government")
	if o.Government() {
		kind = locale.L("Government")
	}
	s := kind + " · " + locale.L("added {{.When}}", map[string]any{"When": shortTime(o.CreatedAt)}) + " · " +
		locale.L("changed {{.When}}", map[string]any{"When": shortTime(o.UpdatedAt)})
	if o.Archived {
		s = locale.L("Archived") + " · " + s
	}
	return s
}

// typed is the organisation as it stands in the form.
func (f *orgForm) typed() data.Organisation {
	o := f.current
	o.Name, o.Acronym = f.name.Text, f.acronym.Text
	o.Sector, o.Level, o.Region, o.Country = f.sector.code(), f.level.code(), f.region.Text, f.country.code()
	o.Address, o.Phone, o.Email, o.Website = f.address.Text, f.phone.Text, f.email.Text, f.website.Text
	o.MechanismRole, o.Notes = f.role.code(), f.notes.Text
	o.MemberSince = ""
	o.MemberSince = f.since.Value()
	return o
}

// Save stores what is typed. On a problem it says why beside each field and
// keeps everything typed; it reports whether the save went through.
func (f *orgForm) Save() bool {
	if f.env.store.ReadOnly() || !f.editing {
		return false
	}
	if f.current.ID != "" && !f.dirty {
		return true
	}
	o := f.typed()
	err := f.env.store.SaveOrganisation(context.Background(), &o)
	if err != nil {
		if !f.fields.show(err) {
			showError(f.env.win, locale.L("The organisation was not saved"), err)
		}
		return false
	}
	f.load(o)
	f.env.status(locale.L("Saved {{.Name}}", map[string]any{"Name": o.Name}))
	if f.onSaved != nil {
		f.onSaved(o)
	}
	return true
}

// revert drops unsaved typing (Cancel, Escape).
func (f *orgForm) revert() {
	if !f.dirty {
		return
	}
	if f.current.ID == "" {
		f.showEmpty()
		return
	}
	f.load(f.current)
}

func (f *orgForm) toggleArchived() {
	o := f.current
	if o.ID == "" {
		return
	}
	toggleArchived(f.env, o.Name, o.Archived, locale.L("Archive organisation?"),
		locale.L("“{{.Organisation}}” will be hidden from the register. Its contacts and history are kept, and you can restore it (Show archived) or undo.", map[string]any{"Organisation": o.Name}),
		func(archive bool) error {
			return f.env.store.SetOrganisationArchived(context.Background(), o.ID, archive)
		},
		func() {
			if f.onArchived != nil {
				f.onArchived(o.ID)
			}
		})
}

// maxListedCourses bounds the courses the form lists; the Trainings area
// has them all.
const maxListedCourses = 12

// showCourses lists, read off the window's thread, the courses the
// organisation's people took part in (counted by where they were on the
// day), the latest first.
func (f *orgForm) showCourses(id string) {
	if id == "" {
		f.courses.SetText("—")
		return
	}
	f.courses.SetText(locale.L("Reading…"))
	var list []data.OrganisationCourse
	var err error
	runAsync(func() { list, err = f.env.store.CoursesOfOrganisation(context.Background(), id) }, func() {
		if f.current.ID != id {
			return // another organisation was chosen meanwhile
		}
		if err != nil {
			f.courses.SetText(locale.L("Could not be read"))
			return
		}
		f.courses.SetText(organisationCoursesText(list))
	})
}

func organisationCoursesText(list []data.OrganisationCourse) string {
	if len(list) == 0 {
		return locale.L("None yet")
	}
	var lines []string
	for i, c := range list {
		if i == maxListedCourses {
			lines = append(lines, locale.N("and {{.Count}} more (see Trainings)", len(list)-i))
			break
		}
		who := countPeople(c.People)
		if c.Recorded {
			who += ", " + locale.N("{{.Count}} completed", c.Completed)
		}
		lines = append(lines, dayText(c.Course.FirstDay)+" · "+c.Course.Title+" · "+who)
	}
	return strings.Join(lines, "\n")
}
