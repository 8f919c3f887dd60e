package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// contactForm edits one contact in a dialog that stays open, with what was
// typed, until the contact is saved or the user cancels.
type contactForm struct {
	env     *env
	current data.Contact
	fields  *fieldSet
	dlg     dialog.Dialog

	name      *formEntry
	position  *formEntry
	sex       *widget.RadioGroup
	emails    *formEntry
	phones    *formEntry
	languages *formEntry
	roles     *widget.CheckGroup
	consent   *dateEntry
	// movedOn is the day of a move to another organisation, shown once a
	// move is chosen (today unless changed): the organisation left is
	// kept with its days, so that courses are counted as of theirs.
	movedOn  *dateEntry
	notes    *formEntry
	tookPart *widget.Label // the courses and meetings the person took part in
	save     *widget.Button

	onSaved func(data.Contact)
}

var sexNotRecorded = "" // the radio choice standing for the empty code

// showTookPart lists, read off the window's thread, the courses (with
// completion) and meetings of the coordination body the person took part in.
func (f *contactForm) showTookPart(contactID string) {
	var took data.TookPart
	var err error
	runAsync(func() { took, err = f.env.store.TookPartIn(context.Background(), contactID) }, func() {
		if err != nil {
			f.tookPart.SetText(locale.L("Could not be read"))
			return
		}
		f.tookPart.SetText(tookPartText(took))
	})
}

// earlierOrganisations is a line per organisation the person has left, the
// latest first: "Police (Inspector), until 31 May 2025". Empty when none.
func earlierOrganisations(e *env, contactID string) string {
	if contactID == "" {
		return ""
	}
	ctx := context.Background()
	left, err := e.store.Memberships(ctx, contactID)
	if err != nil || len(left) == 0 {
		return ""
	}
	ids := make([]string, len(left))
	for i, m := range left {
		ids[i] = m.OrganisationID
	}
	names, err := e.store.OrganisationNames(ctx, ids)
	if err != nil {
		return ""
	}
	lines := make([]string, len(left))
	for i, m := range left {
		line := names[m.OrganisationID]
		if m.Position != "" {
			line += " (" + m.Position + ")"
		}
		to, _ := time.Parse(time.DateOnly, m.To)
		if m.From != "" {
			from, _ := time.Parse(time.DateOnly, m.From)
			line += ", " + locale.L("from {{.From}} to {{.To}}", map[string]any{"From": showDate(from), "To": showDate(to)})
		} else {
			line += ", " + locale.L("until {{.Day}}", map[string]any{"Day": showDate(to)})
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// tookPartText is a line per course and meeting, the latest first.
func tookPartText(took data.TookPart) string {
	var lines []string
	for _, c := range took.Courses {
		done := locale.L("not completed")
		switch {
		case !c.Recorded:
			done = locale.L("attendance not recorded")
		case c.Completed:
			done = locale.L("completed")
		}
		lines = append(lines, dayText(c.Course.FirstDay)+" · "+c.Course.Title+" · "+done)
	}
	for _, m := range took.Meetings {
		what := locale.L("Meeting of the coordination body")
		if m.Place != "" {
			what += ", " + m.Place
		}
		lines = append(lines, dayText(m.Day)+" · "+what)
	}
	if len(lines) == 0 {
		return locale.L("No course or meeting of the register")
	}
	return strings.Join(lines, "\n")
}

// editContact opens the contact dialog for c (new when c.ID is empty).
func editContact(e *env, org data.Organisation, c data.Contact, onSaved func(data.Contact)) *contactForm {
	f := &contactForm{env: e, current: c, fields: newFieldSet(), onSaved: onSaved}
	entry := entryMaker(f.fields.clearField, f.close, always)
	f.name = entry("name", false)
	f.position = entry("position", false)
	sexNotRecorded = locale.L("Not recorded")
	var sexes []string
	for _, s := range data.Sexes {
		sexes = append(sexes, codeLabel("sex", s))
	}
	f.sex = widget.NewRadioGroup(append(sexes, sexNotRecorded), nil)
	f.sex.Horizontal = true
	f.emails = entry("emails", true)
	f.emails.SetPlaceHolder(locale.L("one address per line"))
	f.phones = entry("phones", true)
	f.phones.SetPlaceHolder(locale.L("one number per line, e.g. +373 22 123 456"))
	f.languages = entry("languages", false)
	f.languages.SetPlaceHolder(locale.L("e.g. Romanian, Russian, English"))
	var roles []string
	for _, r := range data.ContactRoles {
		roles = append(roles, codeLabel("role", r))
	}
	f.roles = widget.NewCheckGroup(roles, nil)
	f.roles.Horizontal = true
	f.consent = newDateEntry()
	f.consent.OnChanged = func(*time.Time) { f.fields.clearField("consent_date") }
	f.notes = entry("notes", true)

	orgLabel := widget.NewLabel(org.Name)
	orgLabel.Wrapping = fyne.TextWrapWord
	f.movedOn = newDateEntry()
	f.movedOn.OnChanged = func(*time.Time) { f.fields.clearField("moved_on") }
	movedError := newErrorLabel()
	f.fields.track("moved_on", movedError)
	moved := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(locale.L("Date of the move")), nil, f.movedOn), movedError)
	moved.Hide()
	move := widget.NewButton(locale.L("Move…"), func() {
		pickOrganisation(e, locale.L("Move to another organisation"), func(o data.OrganisationRow) {
			f.current.OrganisationID = o.ID
			orgLabel.SetText(o.Name)
			f.fields.clearField("organisation")
			if !moved.Visible() {
				today := time.Now()
				f.movedOn.SetDate(&today)
				moved.Show()
			}
		})
	})
	if c.ID == "" || e.store.ReadOnly() {
		move.Hide() // a new contact belongs to the organisation it is added to
	}
	f.fields.add("organisation", locale.L("Organisation"), false,
		container.NewVBox(container.NewBorder(nil, nil, nil, move, orgLabel), moved))
	if before := earlierOrganisations(e, c.ID); before != "" {
		l := widget.NewLabel(before)
		l.Wrapping = fyne.TextWrapWord
		f.fields.add("memberships", locale.L("Earlier organisations"), false, l)
	}
	f.fields.add("name", fieldLabel("contact", "name"), true, f.name)
	f.fields.add("position", fieldLabel("contact", "position"), false, f.position)
	f.fields.add("sex", fieldLabel("contact", "sex"), false, f.sex)
	f.fields.add("emails", fieldLabel("contact", "emails"), false, f.emails)
	f.fields.add("phones", fieldLabel("contact", "phones"), false, f.phones)
	f.fields.add("languages", fieldLabel("contact", "languages"), false, f.languages)
	f.fields.add("roles", fieldLabel("contact", "roles"), false, f.roles)
	f.fields.add("consent_date", fieldLabel("contact", "consent_date"), false, f.consent)
	f.fields.add("notes", fieldLabel("contact", "notes"), false, f.notes)
	if c.ID != "" {
		f.tookPart = widget.NewLabel(locale.L("Reading…"))
		f.tookPart.Wrapping = fyne.TextWrapWord
		f.fields.add("took_part", locale.L("Took part in"), false, f.tookPart)
		f.showTookPart(c.ID)
	}
	f.fill(c)

	f.save = widget.NewButtonWithIcon(locale.L("Save"), theme.DocumentSaveIcon(), func() { f.Save() })
	f.save.Importance = widget.HighImportance
	if e.store.ReadOnly() {
		f.save.Disable()
	}
	cancel := widget.NewButtonWithIcon(locale.L("Cancel"), theme.CancelIcon(), f.close)
	hint := widget.NewLabel(locale.L("Personal data: keep only what the work needs, and record when the person agreed to be listed."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	body := container.NewBorder(nil, container.NewVBox(hint, container.NewHBox(layoutSpacer(), cancel, f.save)), nil, nil,
		container.NewVScroll(f.fields.grid))
	title := locale.L("New contact")
	if c.ID != "" {
		title = locale.L("Edit contact: {{.Name}}", map[string]any{"Name": c.Name})
	}
	f.dlg = dialog.NewCustomWithoutButtons(title, body, e.win)
	f.dlg.Resize(fyne.NewSize(640, 640))
	e.dialogSave = f.Save
	f.dlg.SetOnClosed(func() { e.dialogSave = nil })
	f.dlg.Show()
	e.win.Canvas().Focus(f.name)
	e.shown.contactForm = f
	return f
}

func (f *contactForm) fill(c data.Contact) {
	f.name.SetText(c.Name)
	f.position.SetText(c.Position)
	f.sex.SetSelected(sexNotRecorded)
	for _, s := range data.Sexes {
		if s.Code == c.Sex {
			f.sex.SetSelected(codeLabel("sex", s))
		}
	}
	f.emails.SetText(strings.Join(c.Emails, "\n"))
	phones := make([]string, len(c.Phones))
	for i, p := range c.Phones {
		phones[i] = data.FormatPhone(p)
	}
	f.phones.SetText(strings.Join(phones, "\n"))
	f.languages.SetText(strings.Join(c.Languages, ", "))
	var roles []string
	for _, r := range c.Roles {
		roles = append(roles, labelOf("role", data.ContactRoles, r))
	}
	f.roles.SetSelected(roles)
	if d, err := time.Parse(time.DateOnly, c.ConsentDate); err == nil {
		f.consent.SetDate(&d)
	}
	f.notes.SetText(c.Notes)
}

// typed is the contact as it stands in the dialog.
func (f *contactForm) typed() data.Contact {
	c := f.current
	c.Name, c.Position, c.Notes = f.name.Text, f.position.Text, f.notes.Text
	c.Sex = ""
	for _, s := range data.Sexes {
		if codeLabel("sex", s) == f.sex.Selected {
			c.Sex = s.Code
		}
	}
	c.Emails = strings.Split(f.emails.Text, "\n")
	c.Phones = strings.Split(f.phones.Text, "\n")
	c.Languages = strings.FieldsFunc(f.languages.Text, func(r rune) bool { return r == ',' || r == ';' || r == '\n' })
	c.Roles = nil
	for _, r := range data.ContactRoles {
		for _, sel := range f.roles.Selected {
			if sel == codeLabel("role", r) {
				c.Roles = append(c.Roles, r.Code)
			}
		}
	}
	c.ConsentDate = f.consent.Value()
	c.MovedOn = f.movedOn.Value()
	return c
}

// Save stores the contact; on a problem it shows it beside the field and
// keeps the dialog open with everything typed.
func (f *contactForm) Save() bool {
	c := f.typed()
	if err := f.env.store.SaveContact(context.Background(), &c); err != nil {
		if !f.fields.show(err) {
			showError(f.env.win, locale.L("The contact was not saved"), err)
		}
		return false
	}
	f.dlg.Hide()
	f.env.status(locale.L("Saved {{.Name}}", map[string]any{"Name": c.Name}))
	if f.onSaved != nil {
		f.onSaved(c)
	}
	return true
}

func (f *contactForm) close() { f.dlg.Hide() }
