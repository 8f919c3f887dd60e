package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
)

// withCourse adds a held three-day course with the contacts of the first
// three organisations of the sample as participants.
func withCourse(st *data.Store) {
	withSample(st)
	withHeldCourse(st, data.Course{Title: "Victim identification", FirstDay: "2026-03-02", LastDay: "2026-03-04", Status: "held"}, 3)
}

// withHeldCourse saves c with the people of the register's first
// organisations on it.
func withHeldCourse(st *data.Store, c data.Course, organisations int) {
	ctx := context.Background()
	if err := st.SaveCourse(ctx, &c); err != nil {
		panic(err)
	}
	rows, _ := st.Organisations(ctx, data.OrganisationFilter{})
	var ids []string
	for _, r := range rows[:organisations] {
		cs, _ := st.Contacts(ctx, r.ID, false)
		for _, x := range cs {
			ids = append(ids, x.ID)
		}
	}
	if err := st.AddParticipants(ctx, c.ID, ids); err != nil {
		panic(err)
	}
}

func openCourse(t *testing.T, w *window) *trainingsScreen {
	t.Helper()
	w.ws.nav.Select(areaTrainings)
	tr := w.ws.trainings
	if len(tr.courses) != 1 {
		t.Fatalf("the Trainings list has %d courses, want 1", len(tr.courses))
	}
	tr.list.Select(0)
	return tr
}

func TestAttendanceFromTheKeyboardUpdatesTotals(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	g := tr.grid
	if len(g.participants) < 3 || len(g.days) != 3 {
		t.Fatalf("grid of %d participants × %d days", len(g.participants), len(g.days))
	}
	tr.tabs.SelectIndex(2)
	test.LaidOutObjects(w.win.Canvas().Content()) // the Attendance tab as the window shows it
	g.Select(widget.TableCellID{Row: 0, Col: 1})  // as a click does
	if w.win.Canvas().Focused() != g {
		t.Fatal("selecting a cell should give the grid the keyboard")
	}
	test.Type(g, "pla") // first three people, day 1
	if got := g.dayTotal(g.days[0]); got != 2 {
		t.Errorf("present or late on day 1: %d, want 2 (present, late, absent)", got)
	}
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	test.Type(g, "D") // everyone not marked on day 2: present
	if got := g.dayTotal(g.days[1]); got != len(g.participants) {
		t.Errorf("after D, day 2 has %d present of %d", got, len(g.participants))
	}
	first := g.participants[0]
	if got := g.personTotal(first.ID); got != 2 {
		t.Errorf("%s attended %d days, want 2", first.Name, got)
	}
	// The marks are in the register, and one Ctrl+Z takes back the D.
	marks, err := w.store.Attendance(context.Background(), tr.form.current.ID)
	if err != nil || marks[first.ID][g.days[0]] != "present" || marks[g.participants[2].ID][g.days[0]] != "absent" {
		t.Fatalf("stored marks %v, %v", marks[first.ID], err)
	}
	menuItem(t, w, "Undo").Action()
	if got := g.dayTotal(g.days[1]); got != 0 {
		t.Errorf("after undo day 2 has %d present, want 0", got)
	}
	// Completion: 2 of 3 days is under the 80 % rule.
	if tr.form.current.Completed(marks[first.ID]) {
		t.Error("2 of 3 days should not complete an 80 % course")
	}
}

func TestNewCourseValidatesDates(t *testing.T) {
	w := openWindow(t, withSample)
	w.ws.nav.Select(areaTrainings)
	test.LaidOutObjects(w.win.Canvas().Content()) // lay out the area now shown, as a window would
	tr := w.ws.trainings
	menuItem(t, w, "New").Action()
	if w.win.Canvas().Focused() != tr.form.title {
		t.Fatal("Ctrl+N in Trainings should start a new course with the cursor in Title")
	}
	test.Type(tr.form.title, "Joint course on labour exploitation")
	tr.form.firstDay.SetDate(dateOf("2026-05-12"))
	tr.form.lastDay.SetDate(dateOf("2026-05-10"))
	test.Tap(tr.form.save)
	if msg := tr.form.fields.message("last_day"); !strings.Contains(msg, "before the first day") {
		t.Errorf("last-day message %q", msg)
	}
	if tr.form.title.Text != "Joint course on labour exploitation" || len(tr.courses) != 0 {
		t.Fatal("a failed save lost the typing or saved the course")
	}
	tr.form.lastDay.SetDate(dateOf("2026-05-13"))
	w.ws.save() // Ctrl+S
	if len(tr.courses) != 1 || tr.courses[0].FirstDay != "2026-05-12" || tr.courses[0].LastDay != "2026-05-13" {
		t.Fatalf("courses after saving: %+v (last day %q: %q)", tr.courses, tr.form.lastDay.Text, tr.form.fields.message("last_day"))
	}
}

func TestParticipantsAddedFromPickerAndCounted(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	p := tr.participants
	before := len(p.rows)
	test.Tap(p.add)
	search, list := pickerParts(t, w)
	test.Type(search, "мвд")
	if list.Length() != 0 {
		t.Errorf("мвд is an organisation, not a person; the picker lists %d people", list.Length())
	}
	search.SetText("")
	test.Type(search, "olga")
	if list.Length() == 0 {
		t.Fatal("the picker finds no Olga; the sample has Ольга Иванова")
	}
	list.Select(0)
	if len(p.rows) != before+1 {
		t.Fatalf("participants %d, want %d", len(p.rows), before+1)
	}
	list.Select(0) // the same person again
	if len(p.rows) != before+1 || !strings.Contains(w.ws.message.Text, "already a participant") {
		t.Errorf("adding twice: %d rows, status %q", len(p.rows), w.ws.message.Text)
	}
	if !strings.Contains(p.figures.Text, "Counted participants: ") {
		t.Errorf("figures text %q", p.figures.Text)
	}
}

func TestDocumentIsSavedWhereTheUserSays(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	dir := t.TempDir()
	c, rows := tr.participants.course, tr.participants.rows
	long := fileName("sign-in "+c.Title+" for the regional police academy and the border crossings of the north", ".pdf")
	saveDocument(w.env(), long, func(out io.Writer) error {
		return export.SignInSheets(out, nil, c, rows, 2)
	})
	v := w.ws.env.shown.save
	if v.name.Text != long || len(long) <= 60 {
		t.Errorf("the suggested name is %q (%d characters), want it whole", v.name.Text, len(long))
	}
	v.folder.SetText(filepath.Join(dir, "no such folder"))
	test.Tap(v.save)
	if !v.problem.Visible() || v.problem.Text != "There is no such folder" {
		t.Errorf("a folder that is not there: %q", v.problem.Text)
	}
	v.folder.SetText(dir)
	v.name.SetText("sign-in.pdf")
	test.Tap(v.save)
	path := filepath.Join(dir, "sign-in.pdf")
	got, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(got, []byte("%PDF-")) {
		t.Fatalf("no PDF at %s: %v", path, err)
	}
	if !strings.Contains(w.ws.message.Text, path) {
		t.Errorf("status %q should say where the file went", w.ws.message.Text)
	}
	for _, b := range []string{"Open", "Show in folder"} {
		dialogButton(t, w, b)
	}
	if w.app.Preferences().String(lastFolderPreference) != dir {
		t.Error("the folder is not remembered for the next document")
	}
}

func TestCertificatesAreIssuedForThoseWhoCompleted(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	g, p := tr.grid, tr.participants
	var marks []data.Mark
	for _, d := range g.days {
		marks = append(marks, data.Mark{ParticipantID: g.participants[0].ID, Day: d, Mark: "present"})
	}
	if err := w.store.SetMarks(context.Background(), tr.form.current.ID, marks); err != nil {
		t.Fatal(err)
	}
	test.Tap(p.certs)
	// Cancelled: nothing recorded.
	w.ws.env.shown.save.d.Hide()
	if c, ok, _ := w.store.LastUndoable(context.Background()); ok && strings.Contains(c.Summary, "ertificate") {
		t.Fatalf("certificates recorded before a place to save them was chosen: %q", c.Summary)
	}
	test.Tap(p.certs)
	w.ws.env.shown.save.folder.SetText(t.TempDir())
	test.Tap(w.ws.env.shown.save.save)
	if w.ws.message.Text != "1 certificate issued and recorded" {
		t.Errorf("status %q, want one certificate issued", w.ws.message.Text)
	}
	certs, err := w.store.IssueCertificates(context.Background(), tr.form.current.ID)
	if err != nil || len(certs) != 1 || certs[0].Name != g.participants[0].Name {
		t.Errorf("certificates in the register: %+v, %v", certs, err)
	}
}

func TestTrainerPickedFromTheRegisterIsSaved(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	test.LaidOutObjects(w.win.Canvas().Content())
	test.Tap(button(t, w, "Add trainer…"))
	search, list := pickerParts(t, w)
	test.Type(search, "zoë lefèvre")
	if list.Length() == 0 {
		t.Fatal("the sample has Zoë Lefèvre; the picker finds nobody")
	}
	list.Select(0)
	if !tr.form.dirty || len(tr.form.trainers.ids) != 1 {
		t.Fatalf("picking a trainer: dirty %v, trainers %v", tr.form.dirty, tr.form.trainers.ids)
	}
	w.ws.save()
	c, err := w.store.Course(context.Background(), tr.form.current.ID)
	if err != nil || len(c.Trainers) != 1 {
		t.Fatalf("saved trainers %v, %v", c.Trainers, err)
	}
	trainer, _ := w.store.Contact(context.Background(), c.Trainers[0])
	if trainer.Name != "Zoë Lefèvre" {
		t.Errorf("the trainer saved is %q", trainer.Name)
	}
	changes, _ := w.store.History(context.Background(), c.ID)
	lines := historyLines(changes, func(field, id string) string {
		x, _ := w.store.Contact(context.Background(), id)
		return x.Name
	})
	if !contains(lines, "    Trainers: — → Zoë Lefèvre") {
		t.Errorf("the course's history should name the trainer: %q", lines)
	}
}

func TestQuickAddSomeoneNotInTheRegister(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	p := tr.participants
	before := len(p.rows)
	test.Tap(p.newPerson)
	q := w.ws.env.shown.quickAdd
	test.Type(q.name, "Irina Ceban")
	test.Tap(q.save)
	if msg := q.fields.message("organisation"); msg != "Required" {
		t.Errorf("no organisation chosen: message %q", msg)
	}
	q.kind.SetSelected("A new organisation")
	test.Type(q.newName, "Youth Centre „Orizont”")
	test.Type(q.email, "irina@orizont")
	w.ws.save() // Ctrl+S in the dialog
	if msg := q.fields.message("organisation_sector"); msg != "Required" {
		t.Errorf("sector message %q", msg)
	}
	if !strings.Contains(q.fields.message("emails"), "irina@orizont") {
		t.Errorf("e-mail message %q", q.fields.message("emails"))
	}
	if q.name.Text != "Irina Ceban" || q.newName.Text != "Youth Centre „Orizont”" {
		t.Fatal("the typing was lost")
	}
	q.sector.w.SetSelected("NGO")
	q.email.SetText("irina@orizont.example.org")
	test.Tap(q.save)
	if len(p.rows) != before+1 {
		t.Fatalf("participants %d, want %d", len(p.rows), before+1)
	}
	hits, _ := w.store.SearchContacts(context.Background(), "irina ceban", 5)
	if len(hits) != 1 || hits[0].OrganisationName != "Youth Centre „Orizont”" {
		t.Errorf("the person is not in the register under the new organisation: %+v", hits)
	}
}

func TestTypedUpSheetIsReviewedThenApplied(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	p := tr.participants
	first := p.rows[0]
	// A broken file is explained and changes nothing.
	if v := reviewSheet(w.env(), p.course, strings.NewReader("Name,Day 1\nAna,maybe\n"), "typed.csv", func() {}); v != nil {
		t.Fatal("a sheet with a bad mark was accepted")
	}
	top := w.win.Canvas().Overlays().Top()
	found := false
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "line 2, column B") {
			found = true
		}
	}
	if !found {
		t.Error("the error does not say line 2, column B")
	}
	w.win.Canvas().Overlays().Remove(top)

	sheet := "Name,Day 1,Day 2,Day 3\n" + first.Name + ",x,x,x\nZzz Nobody,x,,\n"
	v := reviewSheet(w.env(), p.course, strings.NewReader(sheet), "typed.csv", p.afterChange)
	if v == nil || len(v.matches) != 2 || v.matches[0].Status != data.SheetParticipant || v.matches[1].Status != data.SheetNew {
		t.Fatalf("review %+v", v)
	}
	marks, _ := w.store.Attendance(context.Background(), p.course.ID)
	if len(marks) != 0 {
		t.Fatal("marks were recorded before Apply")
	}
	test.Tap(v.apply)
	marks, _ = w.store.Attendance(context.Background(), p.course.ID)
	if len(marks[first.ID]) != 3 {
		t.Errorf("%s has marks %v after Apply, want 3 days", first.Name, marks[first.ID])
	}
	if got := tr.grid.personTotal(first.ID); got != 3 {
		t.Errorf("the grid shows %d days for %s", got, first.Name)
	}
}

func TestFiguresForAPeriod(t *testing.T) {
	w := openWindow(t, withCourse)
	v := showTrainingFigures(w.env())
	first, last := dateOf("2026-01-01"), dateOf("2026-12-31")
	v.period.choose(periodDates)
	v.period.from.SetDate(first)
	v.period.to.SetDate(last)
	f, err := w.store.TrainingFiguresForPeriod(context.Background(), "2026-01-01", "2026-12-31")
	if err != nil || f.Courses != 1 || f.Participants == 0 {
		t.Fatalf("figures %+v, %v", f, err)
	}
	persons, err := w.store.UniquePersonsTrained(context.Background(), "2026-01-01", "2026-12-31")
	if err != nil || persons == 0 {
		t.Fatalf("persons trained %d, %v", persons, err)
	}
	for _, want := range []string{"Courses held: 1", fmt.Sprintf("Participants: %d", f.Participants), "By sector",
		fmt.Sprintf("Persons trained, each counted once: %d", persons)} {
		if !strings.Contains(v.result.Text, want) {
			t.Errorf("figures text lacks %q:\n%s", want, v.result.Text)
		}
	}
	v.period.to.SetDate(dateOf("2027-12-31"))
	v.period.from.SetDate(dateOf("2027-01-01"))
	if !strings.Contains(v.result.Text, "Courses held: 0") {
		t.Errorf("2027 should have no course:\n%s", v.result.Text)
	}
}

func TestCourseListFilters(t *testing.T) {
	w := openWindow(t, withCourse)
	w.ws.nav.Select(areaTrainings)
	tr := w.ws.trainings
	sectors := map[string]bool{}
	for _, p := range func() []data.Participant {
		ps, _ := w.store.Participants(context.Background(), tr.courses[0].ID, false)
		return ps
	}() {
		sectors[p.Sector] = true
	}
	tr.joint.SetChecked(true)
	if want := len(sectors) >= 2; (len(tr.courses) == 1) != want {
		t.Errorf("joint only lists %d courses; the course reaches %d sectors", len(tr.courses), len(sectors))
	}
	tr.joint.SetChecked(false)
	tr.sector.w.SetSelected("Media")
	if len(tr.courses) != 0 && !sectors["media"] {
		t.Errorf("a course without media participants passes the Media filter")
	}
	tr.sector.w.SetSelected("Any sector reached")
	if len(tr.courses) != 1 {
		t.Errorf("clearing the sector filter lists %d courses", len(tr.courses))
	}
}

func TestAttendanceByMouse(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	tr.tabs.SelectIndex(2)
	test.LaidOutObjects(w.win.Canvas().Content())
	g := tr.grid
	g.Select(widget.TableCellID{Row: 1, Col: 2}) // second person, second day
	test.Tap(button(t, w, "Late"))
	if got := g.marks[g.participants[1].ID][g.days[1]]; got != "late" {
		t.Errorf("the Late button set %q", got)
	}
	if w.win.Canvas().Focused() != g {
		t.Error("after a button the grid should keep the keyboard")
	}
	test.Tap(button(t, w, "Whole day present"))
	// The cursor moved down a row on the same day; the whole of day 2 is
	// now present or late (the Late mark stays).
	if got := g.dayTotal(g.days[1]); got != len(g.participants) {
		t.Errorf("Whole day present: %d of %d present or late on day 2", got, len(g.participants))
	}
}

func TestReadingASheetCanBeCancelledAndChangesNothing(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	p := tr.participants
	// Hold the reading back, as a slow file would, until Cancel is tapped.
	var work, land func()
	runAsync = func(wk, ld func()) { work, land = wk, ld }
	t.Cleanup(func() { runAsync = func(wk, ld func()) { wk(); ld() } })

	sheet := "Name,Day 1\n" + p.rows[0].Name + ",x\n"
	if v := reviewSheet(w.env(), p.course, strings.NewReader(sheet), "typed.csv", func() {}); v != nil {
		t.Fatal("the review opened before the file was read")
	}
	if !hasText(w, "Reading typed.csv…") {
		t.Fatalf("no busy indicator while reading: %q", shownTexts(w))
	}
	test.Tap(dialogButton(t, w, "Cancel"))
	work()
	land()
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog stays open after the cancelled read: %q", shownTexts(w))
	}
	if !hasText(w, "Reading typed.csv was cancelled; nothing was changed") {
		t.Errorf("the status bar does not say the read was cancelled: %q", shownTexts(w))
	}
	if marks, _ := w.store.Attendance(context.Background(), p.course.ID); len(marks) != 0 {
		t.Errorf("a cancelled read recorded marks: %v", marks)
	}
}

func TestThePersonPickerFindsArchivedPeopleMarked(t *testing.T) {
	w := openWindow(t, withCourse)
	ctx := context.Background()
	rows, _ := w.store.Organisations(ctx, data.OrganisationFilter{})
	people, _ := w.store.Contacts(ctx, rows[0].ID, false)
	gone := people[0]
	if err := w.store.SetContactArchived(ctx, gone.ID, true); err != nil {
		t.Fatal(err)
	}
	p := pickPeople(w.ws.env, "Add people", func(data.ContactHit) {})
	p.search.SetText(gone.Name)
	var found *data.ContactHit
	for i, h := range p.hits {
		if h.ID == gone.ID {
			found = &p.hits[i]
		}
	}
	if found == nil {
		t.Fatalf("%s, archived, is not found by the picker: %v", gone.Name, p.hits)
	}
	if got := hitDetail(*found); !strings.HasSuffix(got, " · archived") {
		t.Errorf("the picker shows %q under the name", got)
	}
}

// TestCourseDatesAsTyped: a day-first date and a month's name are read;
// a day that does not exist is said beside the field, quoting what was
// typed, and the typing is kept; a saved date is shown one way.
func TestCourseDatesAsTyped(t *testing.T) {
	w := openWindow(t, withSample)
	w.ws.nav.Select(areaTrainings)
	test.LaidOutObjects(w.win.Canvas().Content())
	tr := w.ws.trainings
	menuItem(t, w, "New").Action()
	test.Type(tr.form.title, "Identifying victims at the border")
	tr.form.firstDay.SetText("31/04/2026")
	tr.form.lastDay.SetText("2 May 2026")
	test.Tap(tr.form.save)
	if msg := tr.form.fields.message("first_day"); msg != "“31/04/2026” is not a date" {
		t.Errorf("first-day message %q", msg)
	}
	if tr.form.firstDay.Text != "31/04/2026" || len(tr.courses) != 0 {
		t.Fatalf("a refused date lost the typing (%q) or saved the course", tr.form.firstDay.Text)
	}
	tr.form.firstDay.SetText("30.04.2026")
	test.Tap(tr.form.save)
	if len(tr.courses) != 1 || tr.courses[0].FirstDay != "2026-04-30" || tr.courses[0].LastDay != "2026-05-02" {
		t.Fatalf("courses after saving: %+v (%q)", tr.courses, tr.form.fields.message("first_day"))
	}
	if tr.form.firstDay.Text != showDate(time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC)) { // 30 Apr 2026, or Apr 30, 2026 where the month comes first
		t.Errorf("the saved first day shows as %q", tr.form.firstDay.Text)
	}
}

// TestAttendanceGoesTheWayChosen: after a mark the cursor goes right, to
// the next day, when the user chooses so; the hint says so, and the choice
// is remembered for the next time.
func TestAttendanceGoesTheWayChosen(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	g := tr.grid
	tr.tabs.SelectIndex(2)
	test.LaidOutObjects(w.win.Canvas().Content())
	var choice *widget.RadioGroup
	for _, o := range objects(w) {
		if r, ok := o.(*widget.RadioGroup); ok && len(r.Options) == 2 && strings.HasPrefix(r.Options[1], "right") {
			choice = r
		}
	}
	if choice == nil || choice.Selected != choice.Options[0] || !strings.Contains(g.hint.Text, "goes down") {
		t.Fatalf("the direction at first: %v, hint %q", choice, g.hint.Text)
	}
	choice.SetSelected(choice.Options[1])
	if !strings.Contains(g.hint.Text, "goes right") || !w.app.Preferences().Bool(acrossPreference) {
		t.Errorf("after choosing right: hint %q, remembered %v", g.hint.Text, w.app.Preferences().Bool(acrossPreference))
	}
	g.Select(widget.TableCellID{Row: 0, Col: 1})
	test.Type(g, "pp") // the first person, days 1 and 2
	first := g.participants[0]
	if got := g.personTotal(first.ID); got != 2 || g.dayTotal(g.days[0]) != 1 {
		t.Errorf("%s attended %d days, day 1 has %d: want the marks along the row", first.Name, got, g.dayTotal(g.days[0]))
	}
}

// TestASheetLineThatLooksLikeSomeoneOffersThem: a name written the other
// way round is offered as the person of the register, who is added once
// chosen.
func TestASheetLineThatLooksLikeSomeoneOffersThem(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	p := tr.participants
	who, swapped := someoneOffTheCourse(t, w, p)
	v := reviewSheet(w.env(), p.course, strings.NewReader("Name,Day 1\n"+swapped+",x\n"), "typed.csv", p.afterChange)
	if v == nil || v.matches[0].Status != data.SheetLookalike {
		t.Fatalf("%q reviewed as %+v", swapped, v)
	}
	var choice *widget.Select
	for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
		if s, ok := o.(*widget.Select); ok && s.PlaceHolder == "Choose the person if this is one of them (or leave it)" {
			choice = s
		}
	}
	if choice == nil || len(choice.Options) == 0 || !strings.HasPrefix(choice.Options[0], who.Name+" · ") {
		t.Fatalf("no choice offering %s: %+v", who.Name, choice)
	}
	before := len(p.rows)
	choice.SetSelectedIndex(0)
	test.Tap(v.apply)
	if len(p.rows) != before+1 {
		t.Fatalf("participants %d, want %d", len(p.rows), before+1)
	}
	if got := p.rows; !slices.ContainsFunc(got, func(r data.Participant) bool { return r.ContactID == who.ID }) {
		t.Errorf("%s is not on the course after choosing them", who.Name)
	}
}

// TestTheTrainerCorrectsTheOrganisationOfAParticipant: Correct organisation… sets
// the organisation a participant is counted under on the course.
func TestTheTrainerCorrectsTheOrganisationOfAParticipant(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	p := tr.participants
	if p.chosen < 0 && !p.correct.Disabled() {
		t.Error("Correct organisation… is enabled with nobody chosen")
	}
	p.list.Select(0)
	who := p.rows[0]
	test.Tap(p.correct)
	search, list := pickerParts(t, w)
	test.Type(search, "мвд")
	if list.Length() != 1 {
		t.Fatalf("the picker lists %d organisations for мвд", list.Length())
	}
	list.Select(0)
	var got data.Participant
	for _, r := range p.rows {
		if r.ID == who.ID {
			got = r
		}
	}
	if !strings.HasPrefix(got.OrganisationName, "МВД") || got.OrganisationID == who.OrganisationID {
		t.Fatalf("%s is counted under %q after the correction", who.Name, got.OrganisationName)
	}
	if person, _ := w.store.Contact(context.Background(), who.ContactID); person.OrganisationID != who.OrganisationID && person.OrganisationID == got.OrganisationID {
		t.Error("the correction moved the person in the register")
	}
	menuItem(t, w, "Undo").Action()
	for _, r := range p.rows {
		if r.ID == who.ID && r.OrganisationID != who.OrganisationID {
			t.Errorf("after undo %s is still counted under %s", who.Name, r.OrganisationName)
		}
	}
}

// TestQuickAddOffersSomeoneWhoseNameLooksLikeIt: typing a person already
// in the register, their words the other way round, asks first; adding
// them puts the existing person on the course and makes no new record,
// and "No: add a new person" goes on with the new one.
func TestQuickAddOffersSomeoneWhoseNameLooksLikeIt(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	p := tr.participants
	who, swapped := someoneOffTheCourse(t, w, p)
	contacts := func() int {
		n, _ := w.store.Count(context.Background())
		return n.Contacts
	}
	before, people := len(p.rows), contacts()

	test.Tap(p.newPerson)
	q := w.ws.env.shown.quickAdd
	test.Type(q.name, swapped)
	q.kind.SetSelected("A new organisation")
	test.Type(q.newName, "Youth Centre „Orizont”")
	q.sector.w.SetSelected("NGO")
	// The look for lookalikes runs off the window's thread: until it lands
	// the Add button waits and nothing is asked or added.
	var pending []func()
	runAsync = func(work, land func()) { pending = append(pending, func() { work(); land() }) }
	t.Cleanup(func() { runAsync = func(work, land func()) { work(); land() } })
	test.Tap(q.save)
	if len(pending) != 1 || !q.save.Disabled() || contacts() != people {
		t.Fatalf("while looking: %d pending, Add disabled %v, %d people (want %d)", len(pending), q.save.Disabled(), contacts(), people)
	}
	pending[0]()
	runAsync = func(work, land func()) { work(); land() }
	if q.save.Disabled() {
		t.Error("the Add button stays disabled after the look")
	}
	if !hasText(w, fmt.Sprintf("The register has people whose names look like “%s”. Is it one of them?", swapped)) {
		t.Fatalf("no question before adding %q: %q", swapped, shownTexts(w))
	}
	test.Tap(button(t, w, fmt.Sprintf("Add %s (%s) to the course", who.Name, who.OrganisationName)))
	if len(p.rows) != before+1 || contacts() != people {
		t.Fatalf("after choosing %s: %d participants (want %d), %d people (want %d)", who.Name, len(p.rows), before+1, contacts(), people)
	}

	// The same name again, then "No": a new person.
	test.Tap(p.newPerson)
	q = w.ws.env.shown.quickAdd
	test.Type(q.name, swapped)
	q.kind.SetSelected("A new organisation")
	test.Type(q.newName, "Youth Centre „Orizont”")
	q.sector.w.SetSelected("NGO")
	test.Tap(q.save)
	test.Tap(button(t, w, "No: add a new person"))
	if contacts() != people+1 {
		t.Errorf("after No: %d people, want %d", contacts(), people+1)
	}
}

// someoneOffTheCourse is a person of the register, of a name in two words,
// who is not on the course, and their name as a sheet or a hurried typist
// might write it: the surname first, in capitals.
func someoneOffTheCourse(t *testing.T, w *window, p *participantsPanel) (data.ContactHit, string) {
	t.Helper()
	onCourse := map[string]bool{}
	for _, r := range p.rows {
		onCourse[r.ContactID] = true
	}
	hits, err := w.store.SearchContacts(context.Background(), "a", 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if words := strings.Fields(h.Name); !onCourse[h.ID] && len(words) == 2 {
			return h, strings.ToUpper(words[1]) + " " + words[0]
		}
	}
	t.Fatal("no one of two words off the course")
	return data.ContactHit{}, ""
}

// TestTheTrainerSetsAParticipantsStatus: the status list beside the
// participants sets the chosen one's status; the row and the counts per
// status say it, the figures stop counting someone who declined, and
// Undo takes it back.
func TestTheTrainerSetsAParticipantsStatus(t *testing.T) {
	w := openWindow(t, withCourse)
	tr := openCourse(t, w)
	p := tr.participants
	if !p.status.w.Disabled() {
		t.Error("the status list is enabled with nobody chosen")
	}
	n := len(p.rows)
	if want := fmt.Sprintf("Attended %d", n); !strings.HasPrefix(p.figures.Text, want+"\n") {
		t.Errorf("figures %q, want them to start with %q (added to a held course)", p.figures.Text, want)
	}
	p.list.Select(0)
	who := p.rows[0]
	if p.status.w.Disabled() || p.status.code() != data.StatusAttended {
		t.Fatalf("chosen %s: the status list shows %q", who.Name, p.status.code())
	}
	p.status.w.SetSelected("Declined")
	got, err := w.store.Participants(context.Background(), p.course.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range got {
		if r.ID == who.ID && (r.Status != data.StatusDeclined || r.StatusOn == "") {
			t.Errorf("%s saved as %q since %q, want declined, dated", who.Name, r.Status, r.StatusOn)
		}
	}
	if want := fmt.Sprintf("Declined 1 · Attended %d\nCounted participants: %d", n-1, n-1); !strings.HasPrefix(p.figures.Text, want) {
		t.Errorf("figures %q, want them to start with %q", p.figures.Text, want)
	}
	if p.chosen != 0 || p.status.code() != data.StatusDeclined {
		t.Errorf("after the change: chosen %d, status list %q", p.chosen, p.status.code())
	}
	menuItem(t, w, "Undo").Action()
	if !strings.HasPrefix(p.figures.Text, fmt.Sprintf("Attended %d\n", n)) {
		t.Errorf("after Undo: %q", p.figures.Text)
	}
}
