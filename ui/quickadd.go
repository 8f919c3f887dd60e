package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// quickAdd puts on a course someone who is not in the register yet,
// creating them (and their organisation if need be) without leaving the
// course.
type quickAdd struct {
	env     *env
	course  data.Course
	fields  *fieldSet
	dlg     dialog.Dialog
	name    *formEntry
	email   *formEntry
	phone   *formEntry
	sex     *widget.RadioGroup
	kind    *widget.RadioGroup
	orgID   string
	orgName *widget.Label
	newName *formEntry
	sector  *codeSelect
	save    *widget.Button
	onAdded func()
	// askedFor is the name the user was last asked about (people whose
	// names look like it): saving again with it adds a new person.
	askedFor string
	// alike is the dialog that asks, while open.
	alike dialog.Dialog
}

func newQuickAdd(e *env, c data.Course, onAdded func()) *quickAdd {
	q := &quickAdd{env: e, course: c, fields: newFieldSet(), onAdded: onAdded}
	entry := entryMaker(q.fields.clearField, func() { q.dlg.Hide() }, always)
	q.name, q.email, q.phone = entry("name", false), entry("emails", false), entry("phones", false)
	var sexes []string
	for _, s := range data.Sexes {
		sexes = append(sexes, codeLabel("sex", s))
	}
	q.sex = widget.NewRadioGroup(append(sexes, locale.L("Not recorded")), nil)
	q.sex.Horizontal = true
	q.sex.SetSelected(locale.L("Not recorded"))

	existing, fresh := locale.L("An organisation of the register"), locale.L("A new organisation")
	q.orgName = widget.NewLabel(locale.L("none chosen"))
	choose := widget.NewButtonWithIcon(locale.L("Choose…"), theme.SearchIcon(), func() {
		pickOrganisation(e, locale.L("Choose the person's organisation"), func(o data.OrganisationRow) {
			q.orgID = o.ID
			q.orgName.SetText(o.Name)
			q.fields.clearField("organisation")
		})
	})
	q.newName = entry("organisation_name", false)
	q.sector = newCodeSelect("sector", data.SectorCodes(), "", func(string) { q.fields.clearField("organisation_sector") })
	q.sector.w.PlaceHolder = locale.L("Choose a sector")
	existingRow := container.NewBorder(nil, nil, nil, choose, q.orgName)
	q.kind = widget.NewRadioGroup([]string{existing, fresh}, func(k string) {
		on := k == fresh
		for _, w := range []fyne.Disableable{q.newName, q.sector.w} {
			if on {
				w.Enable()
			} else {
				w.Disable()
			}
		}
		if on {
			choose.Disable()
		} else {
			choose.Enable()
		}
	})
	q.kind.Horizontal = true
	q.kind.SetSelected(existing)

	q.fields.add("name", locale.L("Full name"), true, q.name)
	q.fields.add("sex", locale.L("Sex"), false, q.sex)
	q.fields.add("emails", locale.L("E-mail"), false, q.email)
	q.fields.add("phones", locale.L("Phone"), false, q.phone)
	q.fields.add("kind", locale.L("Works for"), false, q.kind)
	q.fields.add("organisation", locale.L("Organisation"), false, existingRow)
	q.fields.add("organisation_name", locale.L("New organisation"), false, q.newName)
	q.fields.add("organisation_sector", locale.L("Its sector"), false, q.sector.w)

	q.save = widget.NewButtonWithIcon(locale.L("Add to the course"), theme.ContentAddIcon(), func() { q.Save() })
	q.save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(locale.L("Cancel"), theme.CancelIcon(), func() { q.dlg.Hide() })
	note := help(locale.L("The person is added to the register too, so that the next course finds them."))
	body := container.NewBorder(nil, container.NewVBox(note, container.NewHBox(layoutSpacer(), cancel, q.save)), nil, nil, q.fields.grid)
	q.dlg = dialog.NewCustomWithoutButtons(locale.L("Add someone who is not in the register"), body, e.win)
	q.dlg.Resize(fyne.NewSize(620, 520))
	e.dialogSave = q.Save
	q.dlg.SetOnClosed(func() { e.dialogSave = nil })
	q.dlg.Show()
	e.win.Canvas().Focus(q.name)
	return q
}

// Save adds the person; problems are shown beside their fields and the
// dialog keeps what was typed.
func (q *quickAdd) Save() bool {
	c := data.Contact{Name: q.name.Text}
	for _, s := range data.Sexes {
		if codeLabel("sex", s) == q.sex.Selected {
			c.Sex = s.Code
		}
	}
	if strings.TrimSpace(q.email.Text) != "" {
		c.Emails = []string{q.email.Text}
	}
	if strings.TrimSpace(q.phone.Text) != "" {
		c.Phones = []string{q.phone.Text}
	}
	var org data.Organisation
	if q.kind.Selected == locale.L("A new organisation") {
		org = data.Organisation{Name: q.newName.Text, Sector: q.sector.code()}
	} else if q.orgID == "" {
		q.fields.show(&data.ValidationError{Errors: []data.FieldError{{Field: "organisation", Key: "error.required", Template: "Required"}}})
		return false
	} else {
		org.ID = q.orgID
	}
	if name := strings.TrimSpace(c.Name); name != "" && name != q.askedFor {
		q.lookFirst(name) // saves again when nobody looks like them
		return false
	}
	added, err := q.env.store.AddNewParticipant(context.Background(), q.course.ID, c, org)
	if err != nil {
		if !q.fields.show(err) {
			showError(q.env.win, locale.L("The person was not added"), err)
		}
		return false
	}
	q.dlg.Hide()
	q.env.status(locale.L("Added to the course and the register: {{.Name}}", map[string]any{"Name": added.Name}))
	q.onAdded()
	return true
}

// lookFirst looks, off the window's thread (a second on a register of a
// hundred thousand people), for people whose names look like name; the
// Add button waits meanwhile. If there are some, the user is asked (see
// askFirst); if not, or the look failed (no reason to stop the adding),
// the person is saved.
func (q *quickAdd) lookFirst(name string) {
	q.askedFor = name
	q.save.Disable()
	q.env.status(locale.L("Looking for people named like “{{.Name}}”…", map[string]any{"Name": name}))
	var hits []data.ContactHit
	var err error
	runAsync(func() { hits, err = q.env.store.Lookalikes(context.Background(), name) }, func() {
		q.save.Enable()
		q.env.status("")
		if err != nil || len(hits) == 0 {
			q.Save()
			return
		}
		q.askFirst(name, hits)
	})
}

// askFirst offers, before a new person is made, the people of the register
// whose names look like the one typed (the duplicates finder's judgement:
// a typo, the words the other way round, another script), to add one of
// them instead. It says whether it asked; asked once about a name, saving
// again adds the new person.
func (q *quickAdd) askFirst(name string, hits []data.ContactHit) {
	items := []fyne.CanvasObject{widget.NewLabel(locale.L("The register has people whose names look like “{{.Name}}”. Is it one of them?", map[string]any{"Name": name}))}
	for _, h := range hits {
		h := h
		b := widget.NewButton(locale.L("Add {{.Name}} ({{.Organisation}}) to the course", map[string]any{"Name": h.Name, "Organisation": h.OrganisationName}), func() {
			q.alike.Hide()
			if err := q.env.store.AddParticipants(context.Background(), q.course.ID, []string{h.ID}); err != nil {
				showError(q.env.win, locale.L("The person was not added"), err)
				return
			}
			q.dlg.Hide()
			q.env.status(locale.L("Added to the course: {{.Name}}", map[string]any{"Name": h.Name}))
			q.onAdded()
		})
		b.Alignment = widget.ButtonAlignLeading
		items = append(items, b)
	}
	another := widget.NewButton(locale.L("No: add a new person"), func() {
		q.alike.Hide()
		q.Save()
	})
	another.Importance = widget.HighImportance
	items = append(items, another)
	q.alike = dialog.NewCustom(locale.L("Someone already in the register?"), locale.L("Back"), container.NewVBox(items...), q.env.win)
	q.alike.Show()
}
