package ui

import (
	"context"
	"io"
	"sort"
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

// trainingsScreen is the Trainings area: the list of courses, and the
// selected course's details, participants and attendance in tabs.
type trainingsScreen struct {
	loads   listLoad      // its list, read off the window\'s thread
	none    *noneSelected // stands in for the tabs while no course is chosen
	env     *env
	filter  data.CourseFilter
	courses []data.Course

	search   *widget.Entry
	year     *widget.Select
	status   *codeSelect
	pillar   *codeSelect
	archived *widget.Check
	sector   *codeSelect
	joint    *widget.Check
	newBtn   *widget.Button
	calendar *widget.Button
	count    *widget.Label
	list     *widget.List
	period   *filterNote // a period the Overview narrowed the list to, when not a year

	form         *courseForm
	participants *participantsPanel
	grid         *attendanceGrid
	tabs         *container.AppTabs
	heading      *widget.Label
	content      fyne.CanvasObject
}

func newTrainingsScreen(e *env) *trainingsScreen {
	t := &trainingsScreen{env: e}
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder(locale.L("Search courses by title or topic"))
	t.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	t.search.OnChanged = func(s string) { t.filter.Query = s; t.reload() }
	t.year = widget.NewSelect(nil, func(y string) {
		t.period.hide()
		t.filter.From, t.filter.To = "", ""
		if _, err := strconv.Atoi(y); err == nil {
			t.filter.From, t.filter.To = y+"-01-01", y+"-12-31"
		}
		t.reload()
	})
	t.year.PlaceHolder = locale.L("All years")
	t.status = newCodeSelect("status", data.CourseStatuses, locale.L("Any status"), func(c string) { t.filter.Status = c; t.reload() })
	t.status.w.PlaceHolder = locale.L("Any status")
	t.pillar = newCodeSelect("pillar", data.Pillars, locale.L("All pillars"), func(c string) { t.filter.Pillar = c; t.reload() })
	t.pillar.w.PlaceHolder = locale.L("All pillars")
	t.archived = widget.NewCheck(locale.L("Show archived"), func(on bool) { t.filter.Archived = on; t.reload() })
	t.sector = newCodeSelect("sector", data.SectorCodes(), locale.L("Any sector reached"), func(c string) { t.filter.Sector = c; t.reload() })
	t.sector.w.PlaceHolder = locale.L("Any sector reached")
	t.joint = widget.NewCheck(locale.L("Joint only"), func(on bool) { t.filter.Joint = on; t.reload() })
	t.newBtn = widget.NewButtonWithIcon(locale.L("New course"), theme.ContentAddIcon(), t.startNew)
	t.calendar = widget.NewButtonWithIcon(locale.L("Calendar…"), theme.CalendarIcon(), func() {
		courses := t.courses
		saveDocumentIn(e, "training-courses.ics", func(w io.Writer, tr *locale.Translator) error {
			return export.Calendar(w, tr, courses, time.Now())
		})
	})
	if e.store.ReadOnly() {
		t.newBtn.Disable()
	}
	t.count = widget.NewLabel("")
	t.count.Importance = widget.LowImportance
	t.list = newRecordList(&t.courses, func(c data.Course) (string, string) {
		if c.Archived {
			return c.Title + " · " + locale.L("archived"), courseDetail(c)
		}
		return c.Title, courseDetail(c)
	}, func(c data.Course) {
		if c.ID != t.form.current.ID && t.form.saveFirst(t.env, t.form.Save) {
			t.open(c)
		}
	})

	t.form = newCourseForm(e)
	t.form.onSaved = func(c data.Course) {
		t.open(c)
		t.env.changed()
	}
	t.participants = newParticipantsPanel(e)
	t.grid = newAttendanceGrid(e)
	t.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(locale.L("Details"), theme.DocumentIcon(), t.form.content),
		container.NewTabItemWithIcon(locale.L("Participants"), theme.AccountIcon(), t.participants.content),
		container.NewTabItemWithIcon(locale.L("Attendance"), theme.ConfirmIcon(), container.NewBorder(t.grid.markButtons(), t.grid.directionControls(), nil, nil, t.grid)),
	)
	t.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.heading.Truncation = fyne.TextTruncateEllipsis

	t.period = newFilterNote(func() { t.filter.From, t.filter.To = "", ""; t.reload() })
	filters := wrapRow(t.year, t.status.w, t.pillar.w)
	figures := widget.NewButtonWithIcon(locale.L("Figures…"), theme.InfoIcon(), func() { showTrainingFigures(e) })
	top := container.NewVBox(wrapRow(t.newBtn, t.calendar, figures), t.search, filters,
		container.NewBorder(nil, nil, nil, t.joint, t.sector.w),
		t.period.content, container.NewBorder(nil, nil, t.archived, nil, t.count))
	left := container.NewBorder(top, nil, nil, nil, t.list)
	t.none = newNoneSelected(e, container.NewBorder(t.heading, nil, nil, nil, t.tabs), locale.L("No course selected"),
		locale.L("Choose a course in the list, or add one."), locale.L("New course"), t.startNew)
	split := container.NewHSplit(left, t.none.content)
	split.SetOffset(0.3)
	t.content = split
	t.showNone()
	t.reload()
	return t
}

func courseDetail(c data.Course) string {
	parts := []string{courseDates(c), labelOf("status", data.CourseStatuses, c.Status)}
	if c.Venue != "" {
		parts = append(parts, c.Venue)
	}
	return strings.Join(parts, " · ")
}

// courseDates shows a course's days compactly, as the window's language
// writes days: "2 Mar 2026", or "2–4 Mar 2026" where the day comes first
// (English, French, Spanish, Russian); a language writing the month first
// ("Mar 2, 2026") gets both days whole.
func courseDates(c data.Course) string {
	first, last := dateOf(c.FirstDay), dateOf(c.LastDay)
	tr := locale.Current()
	switch {
	case first == nil:
		return ""
	case last == nil || c.LastDay == c.FirstDay:
		return tr.Date(*first)
	case first.Year() == last.Year() && first.Month() == last.Month() && !tr.MonthFirst():
		return strconv.Itoa(first.Day()) + "–" + tr.Date(*last)
	}
	return tr.Date(*first) + " – " + tr.Date(*last)
}

// reload reads the course list (and the years it spans) again.
func (t *trainingsScreen) reload() {
	filter := t.filter
	loadList(&t.loads, func(ctx context.Context) ([]data.Course, error) {
		return t.env.store.Courses(ctx, filter)
	}, t.landCourses)
}

// landCourses shows the courses a reload read, keeping the open one selected.
func (t *trainingsScreen) landCourses(courses []data.Course, err error) {
	if err != nil {
		t.count.SetText(err.Error())
		return
	}
	t.courses = courses
	t.list.UnselectAll()
	t.list.Refresh()
	t.count.SetText(locale.N("{{.Count}} course", len(courses)))
	for i, c := range courses {
		if c.ID == t.form.current.ID {
			sel := t.list.OnSelected
			t.list.OnSelected = nil
			t.list.Select(i)
			t.list.OnSelected = sel
		}
	}
	if t.filter.From == "" {
		t.loadYears(courses)
	}
}

func (t *trainingsScreen) loadYears(courses []data.Course) {
	seen := map[string]bool{}
	years := []string{}
	for _, c := range courses {
		if len(c.FirstDay) >= 4 && !seen[c.FirstDay[:4]] {
			seen[c.FirstDay[:4]] = true
			years = append(years, c.FirstDay[:4])
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(years)))
	t.year.Options = append([]string{locale.L("All years")}, years...)
}

func (t *trainingsScreen) showNone() {
	t.none.show(true)
	t.heading.SetText(locale.L("No course selected: choose one in the list, or add one with New course."))
	t.form.load(data.Course{})
	t.participants.show(data.Course{})
	t.grid.show(data.Course{})
}

func (t *trainingsScreen) startNew() {
	if !t.form.saveFirst(t.env, t.form.Save) {
		return
	}
	t.list.UnselectAll()
	today := time.Now().Format(time.DateOnly)
	t.form.load(data.Course{Status: "planned", FirstDay: today, LastDay: today, Completion: data.DefaultCompletion})
	t.heading.SetText(locale.L("New course"))
	t.none.show(false)
	t.participants.show(data.Course{})
	t.grid.show(data.Course{})
	t.tabs.SelectIndex(0)
	t.env.win.Canvas().Focus(t.form.title)
}

// open shows a stored course in the tabs.
func (t *trainingsScreen) open(c data.Course) {
	t.none.show(false)
	t.heading.SetText(c.Title + " · " + courseDates(c))
	t.form.load(c)
	t.participants.show(c)
	t.grid.show(c)
}

// refresh follows a change made elsewhere (undo): the list and the open course.
func (t *trainingsScreen) refresh() {
	t.reload()
	if id := t.form.current.ID; id != "" && !t.form.dirty {
		c, err := t.env.store.Course(context.Background(), id)
		if err != nil {
			t.showNone()
			return
		}
		t.open(c)
	}
}

// participantsPanel lists a course's participants, with the figures of the
// course below.
type participantsPanel struct {
	env       *env
	course    data.Course
	rows      []data.Participant
	list      *widget.List
	figures   *widget.Label
	add       *widget.Button
	addOrg    *widget.Button
	remove    *widget.Button
	correct   *widget.Button // the organisation a participant is counted under
	status    *codeSelect    // the chosen participant's status
	newPerson *widget.Button
	sheetIn   *widget.Button
	signIn    *widget.Button
	certs     *widget.Button
	sheet     *widget.Button
	takeOut   *widget.Button // the course, out to a trainer's laptop
	chosen    int
	content   fyne.CanvasObject
}

func newParticipantsPanel(e *env) *participantsPanel {
	p := &participantsPanel{env: e, chosen: -1}
	p.list = widget.NewList(func() int { return len(p.rows) }, newListRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(p.rows) {
				r := p.rows[i]
				setListRow(o, r.Name, r.OrganisationName+" · "+sectorLabel(r.Sector)+" · "+
					labelOf("participant_status", data.ParticipantStatuses, r.Status))
			}
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.chosen = i
		if i < len(p.rows) {
			p.status.setCode(p.rows[i].Status)
		}
		p.updateButtons()
	}
	p.status = newCodeSelect("participant_status", data.ParticipantStatuses, "", p.setStatus)
	p.status.w.PlaceHolder = locale.L("Status…")
	p.add = widget.NewButtonWithIcon(locale.L("Add people…"), theme.ContentAddIcon(), func() {
		pickPeople(e, locale.L("Add participants"), func(h data.ContactHit) {
			p.addPeople([]string{h.ID})
		})
	})
	p.addOrg = widget.NewButtonWithIcon(locale.L("Focal points of…"), theme.AccountIcon(), func() {
		pickOrganisation(e, locale.L("Add every focal point of an organisation"), func(o data.OrganisationRow) {
			if err := e.store.AddFocalPoints(context.Background(), p.course.ID, []string{o.ID}); err != nil {
				showError(e.win, "", err)
				return
			}
			p.afterChange()
		})
	})
	p.newPerson = widget.NewButtonWithIcon(locale.L("New person…"), theme.ContentAddIcon(), func() {
		e.shown.quickAdd = newQuickAdd(e, p.course, p.afterChange)
	})
	p.sheetIn = widget.NewButtonWithIcon(locale.L("Import sheet…"), theme.UploadIcon(), func() {
		chooseSheet(e, p.course, p.afterChange)
	})
	p.remove = widget.NewButtonWithIcon(locale.L("Remove"), theme.ContentRemoveIcon(), func() {
		if p.chosen < 0 || p.chosen >= len(p.rows) {
			return
		}
		if err := e.store.SetParticipantArchived(context.Background(), p.rows[p.chosen].ID, true); err != nil {
			showError(e.win, "", err)
			return
		}
		e.status(locale.L("Removed from the course: {{.Name}}", map[string]any{"Name": p.rows[p.chosen].Name}) + " · " + locale.L("Undo with Ctrl+Z"))
		p.afterChange()
	})
	p.correct = widget.NewButtonWithIcon(locale.L("Correct organisation…"), theme.DocumentCreateIcon(), func() {
		if p.chosen < 0 || p.chosen >= len(p.rows) {
			return
		}
		r := p.rows[p.chosen]
		pickOrganisation(e, locale.L("Organisation under which {{.Name}} is counted on this course", map[string]any{"Name": r.Name}), func(o data.OrganisationRow) {
			if err := e.store.CorrectParticipantOrganisation(context.Background(), r.ID, o.ID); err != nil {
				showError(e.win, "", err)
				return
			}
			e.status(locale.L("{{.Name}} is counted under {{.Organisation}} on this course", map[string]any{"Name": r.Name, "Organisation": o.Name}) +
				" · " + locale.L("Undo with Ctrl+Z"))
			p.afterChange()
		})
	})
	p.figures = widget.NewLabel("")
	p.figures.Wrapping = fyne.TextWrapWord
	p.signIn = widget.NewButtonWithIcon(locale.L("Sign-in sheets…"), theme.DocumentPrintIcon(), p.saveSignIn)
	p.certs = widget.NewButtonWithIcon(locale.L("Certificates…"), theme.DocumentPrintIcon(), p.saveCertificates)
	p.sheet = widget.NewButtonWithIcon(locale.L("Participant list (xlsx)…"), theme.DownloadIcon(), p.saveList)
	p.takeOut = widget.NewButtonWithIcon(locale.L("For a trainer…"), theme.MailSendIcon(), func() { showTakeOut(e, p.course) })
	buttons := wrapRow(p.add, p.addOrg, p.newPerson, p.sheetIn)
	// What acts on the chosen participant sits under the list, one row.
	chosen := flowRow(widget.NewLabel(locale.L("Status")), p.status.w, p.correct, p.remove)
	documents := flowRow(p.signIn, p.certs, p.sheet, p.takeOut)
	// The figures of a course of twenty sectors run to many lines: they
	// scroll in their own space rather than squeeze the list away.
	figures := container.NewVScroll(p.figures)
	figures.SetMinSize(fyne.NewSize(0, 2.5*fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height+2*theme.Padding()))
	p.content = container.NewBorder(buttons, container.NewVBox(chosen, figures, documents), nil, nil, p.list)
	return p
}

// setStatus sets the chosen participant's status (one undoable change).
func (p *participantsPanel) setStatus(code string) {
	if p.chosen < 0 || p.chosen >= len(p.rows) || code == "" || code == p.rows[p.chosen].Status {
		return
	}
	r := p.rows[p.chosen]
	if err := p.env.store.SetParticipantStatus(context.Background(), []string{r.ID}, code); err != nil {
		showError(p.env.win, "", err)
		return
	}
	p.env.status(labelled(r.Name, labelOf("participant_status", data.ParticipantStatuses, code)) + " · " + locale.L("Undo with Ctrl+Z"))
	chosen := p.chosen
	p.afterChange()
	if chosen < len(p.rows) { // the same person stays chosen, to set the next one's from there
		p.list.Select(chosen)
	}
}

func (p *participantsPanel) addPeople(ids []string) {
	if err := p.env.store.AddParticipants(context.Background(), p.course.ID, ids); err != nil {
		var msg string
		if ve, ok := err.(*data.ValidationError); ok && len(ve.Errors) > 0 {
			msg = fieldMessage(ve.Errors[0])
		} else {
			msg = err.Error()
		}
		p.env.status(msg)
		return
	}
	p.afterChange()
}

func (p *participantsPanel) afterChange() {
	p.show(p.course)
	p.env.changed()
}

func (p *participantsPanel) updateButtons() {
	ro := p.env.store.ReadOnly()
	has := p.course.ID != ""
	setEnabled(p.add, !ro && has)
	setEnabled(p.addOrg, !ro && has)
	setEnabled(p.newPerson, !ro && has)
	setEnabled(p.sheetIn, !ro && has)
	setEnabled(p.remove, !ro && p.chosen >= 0 && p.chosen < len(p.rows))
	setEnabled(p.correct, !ro && p.chosen >= 0 && p.chosen < len(p.rows))
	if ro || p.chosen < 0 || p.chosen >= len(p.rows) {
		p.status.setCode("")
		p.status.w.Disable()
	} else {
		p.status.w.Enable()
	}
	for _, b := range []*widget.Button{p.signIn, p.sheet, p.takeOut} {
		setEnabled(b, has)
	}
	setEnabled(p.certs, has && !ro)
}

// signInBlankRows are the rows left for people who come unannounced.
const signInBlankRows = 8

func (p *participantsPanel) saveSignIn() {
	c, rows := p.course, p.rows
	saveDocumentIn(p.env, fileName("sign-in "+c.Title, ".pdf"), func(w io.Writer, tr *locale.Translator) error {
		return export.SignInSheets(w, tr, c, rows, signInBlankRows)
	})
}

func (p *participantsPanel) saveList() {
	c, rows := p.course, p.rows
	marks, err := p.env.store.Attendance(context.Background(), c.ID)
	if err != nil {
		showError(p.env.win, "", err)
		return
	}
	saveDocumentIn(p.env, fileName("participants "+c.Title, ".xlsx"), func(w io.Writer, tr *locale.Translator) error {
		return export.ParticipantList(w, tr, c, rows, marks)
	})
}

// saveCertificates issues the certificates of everyone who met the
// completion rule (numbers and codes recorded in the register) and saves them.
func (p *participantsPanel) saveCertificates() {
	ctx := context.Background()
	c := p.course
	marks, err := p.env.store.Attendance(ctx, c.ID)
	if err != nil {
		showError(p.env.win, "", err)
		return
	}
	eligible := 0
	for _, r := range p.rows {
		if c.Completed(marks[r.ID]) {
			eligible++
		}
	}
	if eligible == 0 {
		dialog.ShowInformation(locale.L("No certificates"),
			locale.L("Nobody has met the completion rule yet (present or late on at least {{.Percent}}% of the days). Record the attendance first.",
				map[string]any{"Percent": c.Completion}), p.env.win)
		return
	}
	var organisers []string
	for _, id := range c.Organisers {
		if o, err := p.env.store.Organisation(ctx, id); err == nil {
			organisers = append(organisers, o.Name)
		}
	}
	// The certificates are numbered and recorded only once the user has
	// chosen where they go.
	var issued int
	store := p.env.store
	saveDocumentIn(p.env, fileName("certificates "+c.Title, ".pdf"), func(w io.Writer, tr *locale.Translator) error {
		tmpl, err := store.CertificateTemplate(ctx)
		if err != nil {
			return err
		}
		figures, err := store.TrainingFiguresForCourse(ctx, c.ID)
		if err != nil {
			return err
		}
		certs, err := store.IssueCertificates(ctx, c.ID)
		if err != nil {
			return err
		}
		issued = len(certs)
		return export.Certificates(w, tr, c, organisers, certs, tmpl, figures.JointCourses > 0)
	}, func() {
		p.env.changed()
		p.env.status(locale.N("{{.Count}} certificate issued and recorded", issued))
	})
}

func (p *participantsPanel) show(c data.Course) {
	p.course, p.rows, p.chosen = c, nil, -1
	if c.ID != "" {
		rows, err := p.env.store.Participants(context.Background(), c.ID, false)
		if err != nil {
			p.env.status(err.Error())
		}
		p.rows = rows
	}
	p.list.UnselectAll()
	p.list.Refresh()
	p.figures.SetText(p.describeFigures())
	p.updateButtons()
}

// describeFigures says, in words, what the course counts for.
func (p *participantsPanel) describeFigures() string {
	if p.course.ID == "" {
		return locale.L("Save the course first, then add its participants here.")
	}
	f, err := p.env.store.TrainingFiguresForCourse(context.Background(), p.course.ID)
	if err != nil {
		return err.Error()
	}
	var sectors []string
	for code, n := range f.BySector {
		sectors = append(sectors, sectorLabel(code)+" "+grouped(n))
	}
	sort.Strings(sectors)
	joint := locale.L("not joint (one sector)")
	if f.JointCourses > 0 {
		joint = locale.L("joint (several sectors)")
	}
	text := locale.L("Counted participants: {{.Count}}", map[string]any{"Count": grouped(f.Participants)}) + " · " + joint + " · " +
		locale.L("women: {{.Women}}, men: {{.Men}}, other or not recorded: {{.Other}}",
			map[string]any{"Women": grouped(f.BySex["female"]), "Men": grouped(f.BySex["male"]), "Other": grouped(f.BySex[""] + f.BySex["other"])})
	if len(sectors) > 0 {
		text += " · " + strings.Join(sectors, ", ")
	}
	if counts := statusCounts(p.rows); counts != "" {
		text = counts + "\n" + text
	}
	return text
}

// statusCounts says how many participants stand at each status, in the
// order of the list: "Confirmed 12 · Attended 10 · Declined 1".
func statusCounts(rows []data.Participant) string {
	n := map[string]int{}
	for _, r := range rows {
		n[r.Status]++
	}
	var parts []string
	for _, st := range data.ParticipantStatuses {
		if n[st.Code] > 0 {
			parts = append(parts, codeLabel("participant_status", st)+" "+grouped(n[st.Code]))
		}
	}
	return strings.Join(parts, " · ")
}
