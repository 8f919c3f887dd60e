package ui

import (
	"context"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// bodyScreen is the Coordination body area: the body itself, its members
// (the organisations with a role in the mechanism, set in the Register) and
// its meetings.
type bodyScreen struct {
	loads   listLoad // members and meetings, read off the window's thread
	env     *env
	fields  *fieldSet
	name    *widget.Entry
	legal   *widget.Entry
	founded *dateEntry
	chair   *idList
	secr    *idList
	saveB   *widget.Button

	members     []data.Organisation
	memberList  *widget.List
	meetings    []data.Meeting
	meetingList *widget.List
	meeting     data.Meeting
	mFields     *fieldSet
	mDay        *dateEntry
	mPlace      *widget.Entry
	mPeople     *idList
	mAgenda     *widget.Entry
	mDecisions  *widget.Entry
	mSave       *widget.Button
	mForm       *fyne.Container
	groups      *groupsTab
	held        *filterNote // the period the Overview narrowed the meetings to
	from, to    string      // that period, empty for every meeting
	tabs        *container.AppTabs
	content     fyne.CanvasObject
}

func single(l *idList) string {
	if len(l.ids) == 0 {
		return ""
	}
	return l.ids[len(l.ids)-1]
}

func newBodyScreen(e *env) *bodyScreen {
	b := &bodyScreen{env: e, fields: newFieldSet(), mFields: newFieldSet()}
	edited := func() { setEnabled(b.saveB, !e.store.ReadOnly()) }
	b.name, b.legal = widget.NewEntry(), widget.NewEntry()
	b.name.OnChanged = func(string) { edited(); b.fields.clearField("name") }
	b.legal.OnChanged = func(string) { edited() }
	b.legal.SetPlaceHolder(locale.L("e.g. Government Decision No. 1219 of 2008"))
	b.founded = newDateEntry()
	b.founded.OnChanged = func(*time.Time) { edited() }
	keepOne := func(l **idList) func() {
		return func() {
			if len((*l).ids) > 1 {
				(*l).set((*l).ids[len((*l).ids)-1:])
			}
			edited()
			b.fields.relayout()
		}
	}
	b.chair = newOrganisationList(e, locale.L("Choose the chair…"), keepOne(&b.chair))
	b.secr = newOrganisationList(e, locale.L("Choose the secretariat…"), keepOne(&b.secr))
	b.fields.add("name", locale.L("Name"), true, b.name)
	b.fields.add("legal_basis", locale.L("Legal basis"), false, b.legal)
	b.fields.add("established", locale.L("Established"), false, b.founded)
	b.fields.add("chair", locale.L("Chair"), false, b.chair.content)
	b.fields.add("secretariat", locale.L("Secretariat"), false, b.secr.content)
	b.saveB = widget.NewButtonWithIcon(locale.L("Save"), theme.DocumentSaveIcon(), func() { b.Save() })
	b.saveB.Importance = widget.HighImportance
	bodyTab := container.NewBorder(nil, container.NewHBox(b.saveB), nil, nil, container.NewVScroll(b.fields.grid))

	b.memberList = widget.NewList(func() int { return len(b.members) }, newListRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(b.members) {
				m := b.members[i]
				detail := sectorLabel(m.Sector) + " · " + labelOf("mechanism", data.MechanismRoles, m.MechanismRole)
				if m.MemberSince != "" {
					detail += " · " + locale.L("since {{.Day}}", map[string]any{"Day": dayText(m.MemberSince)})
				}
				setListRow(o, m.Name, detail)
			}
		})
	pdf := widget.NewButtonWithIcon(locale.L("Member list (PDF)…"), theme.DocumentPrintIcon(), func() {
		body, members := b.current(), b.members
		saveDocumentIn(e, "members.pdf", func(w io.Writer, tr *locale.Translator) error { return export.MemberListPDF(w, tr, body, members) })
	})
	xlsx := widget.NewButtonWithIcon(locale.L("Member list (xlsx)…"), theme.DownloadIcon(), func() {
		body, members := b.current(), b.members
		saveDocumentIn(e, "members.xlsx", func(w io.Writer, tr *locale.Translator) error { return export.MemberListXLSX(w, tr, body, members) })
	})
	membersTab := container.NewBorder(container.NewVBox(
		help(locale.L("The members are the organisations with a role in the coordination mechanism; set the role and the date they joined on the organisation, in the Register.")),
		container.NewHBox(pdf, xlsx)), nil, nil, nil, b.memberList)

	b.meetingList = newRecordList(&b.meetings, func(m data.Meeting) (string, string) {
		agenda := strings.SplitN(m.Agenda, "\n", 2)[0]
		return dayText(m.Day) + " · " + m.Place, locale.N("{{.Count}} participant", len(m.Participants)) + " · " + agenda
	}, b.loadMeeting)
	b.mDay = newDateEntry()
	b.mDay.OnChanged = func(*time.Time) { b.mFields.clearField("day") }
	b.mPlace = widget.NewEntry()
	b.mPeople = newPeopleList(e, locale.L("Add participants…"), func() { b.mFields.relayout(); b.mForm.Refresh() })
	b.mAgenda, b.mDecisions = widget.NewMultiLineEntry(), widget.NewMultiLineEntry()
	b.mAgenda.SetMinRowsVisible(3)
	b.mDecisions.SetMinRowsVisible(3)
	b.mFields.add("day", locale.L("Day"), true, b.mDay)
	b.mFields.add("place", locale.L("Place"), false, b.mPlace)
	b.mFields.add("participants", locale.L("Participants"), false, b.mPeople.content)
	b.mFields.add("agenda", locale.L("Agenda"), false, b.mAgenda)
	b.mFields.add("decisions", locale.L("Decisions"), false, b.mDecisions)
	b.mSave = widget.NewButtonWithIcon(locale.L("Save meeting"), theme.DocumentSaveIcon(), func() { b.saveMeeting() })
	b.mSave.Importance = widget.HighImportance
	newMeeting := widget.NewButtonWithIcon(locale.L("New meeting"), theme.ContentAddIcon(), func() {
		b.meetingList.UnselectAll()
		b.loadMeeting(data.Meeting{Day: today()})
	})
	if e.store.ReadOnly() {
		newMeeting.Disable()
		b.mSave.Disable()
	}
	b.mForm = container.NewVBox(b.mFields.grid, container.NewHBox(b.mSave))
	b.held = newFilterNote(func() { b.from, b.to = "", ""; b.refresh() })
	meetingsSplit := container.NewHSplit(container.NewBorder(container.NewVBox(newMeeting, b.held.content), nil, nil, nil, b.meetingList),
		container.NewVScroll(b.mForm))
	meetingsSplit.SetOffset(0.4)

	b.groups = newGroupsTab(e)
	b.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(locale.L("The body"), theme.InfoIcon(), bodyTab),
		container.NewTabItemWithIcon(locale.L("Members"), theme.AccountIcon(), membersTab),
		container.NewTabItemWithIcon(locale.L("Working groups"), theme.ListIcon(), b.groups.content),
		container.NewTabItemWithIcon(locale.L("Meetings"), theme.CalendarIcon(), meetingsSplit),
	)
	b.content = b.tabs
	b.refresh()
	b.loadMeeting(data.Meeting{Day: today()})
	return b
}

// current is the body as it stands in the form.
func (b *bodyScreen) current() data.Body {
	body := data.Body{Name: b.name.Text, LegalBasis: b.legal.Text, Chair: single(b.chair), Secretariat: single(b.secr)}
	body.Established = b.founded.Value()
	return body
}

// Save stores the body; problems show beside their fields.
func (b *bodyScreen) Save() bool {
	if b.env.store.ReadOnly() {
		return false
	}
	if err := b.env.store.SaveBody(context.Background(), b.current()); err != nil {
		if !b.fields.show(err) {
			showError(b.env.win, "", err)
		}
		return false
	}
	b.env.status(locale.L("Saved {{.Name}}", map[string]any{"Name": b.name.Text}))
	b.saveB.Disable()
	b.env.changed()
	return true
}

func (b *bodyScreen) loadMeeting(m data.Meeting) {
	b.meeting = m
	b.mFields.clear()
	b.mDay.SetDate(dateOf(m.Day))
	b.mPlace.SetText(m.Place)
	b.mPeople.set(m.Participants)
	b.mAgenda.SetText(m.Agenda)
	b.mDecisions.SetText(m.Decisions)
	b.mFields.relayout()
	b.mForm.Refresh()
}

func (b *bodyScreen) saveMeeting() {
	m := b.meeting
	m.Day = ""
	m.Day = b.mDay.Value()
	m.Place, m.Participants, m.Agenda, m.Decisions = b.mPlace.Text, b.mPeople.ids, b.mAgenda.Text, b.mDecisions.Text
	if err := b.env.store.SaveMeeting(context.Background(), &m); err != nil {
		if !b.mFields.show(err) {
			showError(b.env.win, "", err)
		}
		return
	}
	b.meeting = m
	b.env.status(locale.L("Saved the meeting of {{.Day}}", map[string]any{"Day": dayText(m.Day)}))
	b.env.changed()
}

// refresh reads the body, its members and meetings again (after any change).
func (b *bodyScreen) refresh() {
	ctx := context.Background()
	if body, err := b.env.store.GetBody(ctx); err == nil {
		b.name.SetText(body.Name)
		b.legal.SetText(body.LegalBasis)
		b.founded.SetDate(dateOf(body.Established))
		if body.Established == "" {
			b.founded.SetText("")
		}
		b.chair.set(nonEmpty(body.Chair))
		b.secr.set(nonEmpty(body.Secretariat))
		b.fields.relayout()
	}
	b.saveB.Disable()
	from, to := b.from, b.to
	type lists struct {
		members  []data.Organisation
		meetings []data.Meeting
	}
	loadList(&b.loads, func(ctx context.Context) (lists, error) {
		var l lists
		var err error
		if l.members, err = b.env.store.Members(ctx); err != nil {
			return l, err
		}
		l.meetings, err = b.env.store.Meetings(ctx, from, to)
		return l, err
	}, func(l lists, err error) {
		if err != nil {
			b.env.status(err.Error())
			return
		}
		b.members, b.meetings = l.members, l.meetings
		b.memberList.Refresh()
		b.meetingList.Refresh()
	})
	if b.groups != nil {
		b.groups.refresh()
	}
}

// showMeetings opens the Meetings tab on a meeting, or on the meetings
// held in [from, to] as the figures count them (none after today) when
// m is empty.
func (b *bodyScreen) showMeetings(m data.Meeting, from, to string) {
	b.tabs.SelectIndex(3)
	if m.ID != "" {
		b.loadMeeting(m)
		return
	}
	if t := today(); to > t {
		to = t
	}
	b.from, b.to = from, to
	b.held.show(locale.L("Meetings held from {{.From}} to {{.To}}", map[string]any{"From": dayText(from), "To": dayText(to)}))
	b.refresh()
}

func nonEmpty(id string) []string {
	if id == "" {
		return nil
	}
	return []string{id}
}
