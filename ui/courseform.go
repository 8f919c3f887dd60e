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

// courseForm edits a course's details; what was typed stays until it is
// saved or cancelled, also when a save fails.
type courseForm struct {
	env     *env
	current data.Course
	typing

	fields     *fieldSet
	title      *formEntry
	status     *codeSelect
	firstDay   *dateEntry
	lastDay    *dateEntry
	venue      *formEntry
	region     *formEntry
	pillars    *checkGrid
	topics     *formEntry
	sectors    *checkGrid
	organisers *idList
	funders    *idList
	trainers   *idList
	completion *formEntry
	notes      *formEntry

	save, cancel, archive, history *widget.Button
	content                        fyne.CanvasObject
	onSaved                        func(data.Course)
}

func newCourseForm(e *env) *courseForm {
	f := &courseForm{env: e, fields: newFieldSet()}
	entry := entryMaker(f.edited, f.revert, func() bool { return f.dirty })
	f.title = entry("title", false)
	f.status = newCodeSelect("status", data.CourseStatuses, "", func(string) { f.edited("status") })
	f.firstDay = newDateEntry()
	f.firstDay.OnChanged = func(*time.Time) { f.edited("first_day") }
	f.lastDay = newDateEntry()
	f.lastDay.OnChanged = func(*time.Time) { f.edited("last_day") }
	f.venue = entry("venue", false)
	f.region = entry("region", false)
	f.pillars = newCheckGrid("pillar", data.Pillars, func() { f.edited("pillars") })
	f.topics = entry("topics", true)
	f.topics.SetPlaceHolder(locale.L("one topic per line"))
	f.sectors = newCheckGrid("sector", data.SectorCodes(), func() { f.edited("target_sectors") })
	f.organisers = newOrganisationList(e, locale.L("Add organiser…"), func() { f.edited("organisers") })
	f.funders = newOrganisationList(e, locale.L("Add funder…"), func() { f.edited("funders") })
	f.trainers = newPeopleList(e, locale.L("Add trainer…"), func() { f.edited("trainers") })
	f.completion = entry("completion", false)
	f.notes = entry("notes", true)
	f.notes.SetPlaceHolder(locale.L("curriculum, materials, evaluation"))

	f.fields.add("title", locale.L("Title"), true, f.title)
	f.fields.add("status", locale.L("Status"), false, f.status.w)
	f.fields.add("first_day", locale.L("First day"), true, f.firstDay)
	f.fields.add("last_day", locale.L("Last day"), false, f.lastDay)
	f.fields.add("venue", locale.L("Venue"), false, f.venue)
	f.fields.add("region", locale.L("Region"), false, f.region)
	f.fields.add("pillars", locale.L("Pillars"), false, f.pillars.content)
	f.fields.add("topics", locale.L("Topics"), false, f.topics)
	f.fields.add("organisers", locale.L("Organisers"), false, f.organisers.content)
	f.fields.add("funders", locale.L("Funders"), false, f.funders.content)
	f.fields.add("trainers", locale.L("Trainers"), false, f.trainers.content)
	f.fields.add("target_sectors", locale.L("Target sectors"), false, f.sectors.content)
	f.fields.add("completion", locale.L("Completion rule (% of days)"), false, f.completion)
	f.fields.add("notes", locale.L("Curriculum and materials"), false, f.notes)

	f.save = widget.NewButtonWithIcon(locale.L("Save"), theme.DocumentSaveIcon(), func() { f.Save() })
	f.save.Importance = widget.HighImportance
	f.cancel = widget.NewButtonWithIcon(locale.L("Cancel"), theme.CancelIcon(), f.revert)
	f.archive = widget.NewButtonWithIcon(locale.L("Archive"), theme.DeleteIcon(), f.toggleArchived)
	f.history = widget.NewButtonWithIcon(locale.L("History"), theme.HistoryIcon(), func() {
		showHistory(f.env, f.current.Title, f.current.ID)
	})
	f.content = container.NewBorder(nil, container.NewHBox(f.save, f.cancel, widget.NewSeparator(), f.archive, f.history), nil, nil,
		container.NewVScroll(f.fields.grid))
	return f
}

func (f *courseForm) edited(key string) {
	if !f.userEdit() {
		return
	}
	f.fields.clearField(key)
	f.fields.relayout()
	f.updateButtons()
}

func (f *courseForm) updateButtons() {
	ro := f.env.store.ReadOnly()
	setEnabled(f.save, !ro && (f.dirty || f.current.ID == ""))
	setEnabled(f.cancel, f.dirty)
	setEnabled(f.archive, !ro && f.current.ID != "")
	setEnabled(f.history, f.current.ID != "")
	if f.current.Archived {
		f.archive.SetText(locale.L("Restore"))
	} else {
		f.archive.SetText(locale.L("Archive"))
	}
}

func dateOf(s string) *time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil
	}
	return &d
}

// load fills the form from a stored course (or a new one).
func (f *courseForm) load(c data.Course) {
	defer f.startFilling()()
	f.current, f.dirty = c, false
	f.fields.clear()
	f.title.SetText(c.Title)
	f.status.setCode(c.Status)
	f.firstDay.SetDate(dateOf(c.FirstDay))
	if c.FirstDay == "" {
		f.firstDay.SetText("")
	}
	f.lastDay.SetDate(dateOf(c.LastDay))
	if c.LastDay == "" {
		f.lastDay.SetText("")
	}
	f.venue.SetText(c.Venue)
	f.region.SetText(c.Region)
	f.pillars.set(c.Pillars)
	f.topics.SetText(strings.Join(c.Topics, "\n"))
	f.sectors.set(c.TargetSectors)
	f.organisers.set(c.Organisers)
	f.funders.set(c.Funders)
	f.trainers.set(c.Trainers)
	completion := c.Completion
	if completion == 0 {
		completion = data.DefaultCompletion
	}
	f.completion.SetText(strconv.Itoa(completion))
	f.notes.SetText(c.Notes)
	f.fields.relayout()
	f.updateButtons()
}

// typed is the course as it stands in the form; ok is false (with the
// problem shown) when a date or the completion rule cannot be read.
func (f *courseForm) typed() (data.Course, bool) {
	c := f.current
	var v []data.FieldError
	c.Title, c.Status, c.Venue, c.Region = f.title.Text, f.status.code(), f.venue.Text, f.region.Text
	c.Pillars = f.pillars.selected()
	c.Topics = strings.Split(f.topics.Text, "\n")
	c.TargetSectors = f.sectors.selected()
	c.Organisers, c.Funders, c.Trainers = f.organisers.ids, f.funders.ids, f.trainers.ids
	c.Notes = f.notes.Text
	c.FirstDay, c.LastDay = f.firstDay.Value(), f.lastDay.Value() // not a date: the register says so beside the field
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(f.completion.Text), "%"))
	if err != nil {
		v = append(v, data.FieldError{Field: "completion", Key: "error.percent", Template: "{{.Value}} is not a share of days between 1 and 100 %",
			Data: map[string]any{"Value": f.completion.Text}})
	}
	c.Completion = n
	if len(v) > 0 {
		f.fields.show(&data.ValidationError{Errors: v})
		return c, false
	}
	return c, true
}

// Save stores the course; on a problem it says why beside the field and
// keeps the typing.
func (f *courseForm) Save() bool {
	if f.env.store.ReadOnly() {
		return false
	}
	if f.current.ID != "" && !f.dirty {
		return true
	}
	c, ok := f.typed()
	if !ok {
		return false
	}
	if err := f.env.store.SaveCourse(context.Background(), &c); err != nil {
		if !f.fields.show(err) {
			showError(f.env.win, locale.L("The course was not saved"), err)
		}
		return false
	}
	f.load(c)
	f.env.status(locale.L("Saved {{.Name}}", map[string]any{"Name": c.Title}))
	if f.onSaved != nil {
		f.onSaved(c)
	}
	return true
}

func (f *courseForm) revert() {
	if f.dirty {
		f.load(f.current)
	}
}

func (f *courseForm) toggleArchived() {
	c := f.current
	if c.ID == "" {
		return
	}
	toggleArchived(f.env, c.Title, c.Archived, locale.L("Archive course?"),
		locale.L("“{{.Course}}” will be hidden from the list of courses. Its participants, attendance and history are kept, and you can restore it (Show archived) or undo.", map[string]any{"Course": c.Title}),
		func(archive bool) error { return f.env.store.SetCourseArchived(context.Background(), c.ID, archive) },
		func() { f.env.changed() })
}

// idList shows records chosen for a course (organisers, funders, trainers),
// with a button to add one and a button beside each to remove it.
type idList struct {
	env     *env
	ids     []string
	name    func(id string) string
	box     *fyne.Container
	content fyne.CanvasObject
	changed func()
}

// newOrganisationList lists organisations of the register.
func newOrganisationList(e *env, addLabel string, changed func()) *idList {
	return newIDList(e, addLabel, changed, func(add func(string)) {
		pickOrganisation(e, addLabel, func(o data.OrganisationRow) { add(o.ID) })
	}, func(id string) string {
		if o, err := e.store.Organisation(context.Background(), id); err == nil {
			return o.Name
		}
		return id
	})
}

// newPeopleList lists contacts of the register.
func newPeopleList(e *env, addLabel string, changed func()) *idList {
	return newIDList(e, addLabel, changed, func(add func(string)) {
		pickPeople(e, addLabel, func(h data.ContactHit) { add(h.ID) })
	}, func(id string) string {
		c, err := e.store.Contact(context.Background(), id)
		if err != nil {
			return id
		}
		if o, err := e.store.Organisation(context.Background(), c.OrganisationID); err == nil {
			return c.Name + " · " + o.Name
		}
		return c.Name
	})
}

func newIDList(e *env, addLabel string, changed func(), pick func(add func(string)), name func(string) string) *idList {
	l := &idList{env: e, box: container.NewVBox(), changed: changed, name: name}
	add := widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), func() {
		pick(func(id string) {
			for _, x := range l.ids {
				if x == id {
					return
				}
			}
			l.set(append(l.ids, id))
			l.changed()
		})
	})
	l.content = container.NewVBox(l.box, container.NewHBox(add))
	return l
}

func (l *idList) set(ids []string) {
	l.ids = append([]string(nil), ids...)
	l.box.RemoveAll()
	for _, id := range l.ids {
		remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			var kept []string
			for _, x := range l.ids {
				if x != id {
					kept = append(kept, x)
				}
			}
			l.set(kept)
			l.changed()
		})
		remove.Importance = widget.LowImportance
		label := widget.NewLabel(l.name(id))
		label.Truncation = fyne.TextTruncateEllipsis
		l.box.Add(container.NewBorder(nil, nil, nil, remove, label))
	}
}
