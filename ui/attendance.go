package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// markKeys are the keys that set a mark in the attendance grid.
var markKeys = map[rune]string{'p': "present", 'l': "late", 'e': "excused", 'a': "absent"}

// attendanceGrid is participants × course days. From the keyboard: arrows
// move, P/L/E/A set a mark and move down, Delete clears, D marks everyone
// not yet marked on that day present. A click selects a cell; the same keys
// then apply. Totals per person (right) and per day (bottom) follow each mark.
type attendanceGrid struct {
	widget.Table
	env          *env
	course       data.Course
	days         []string
	participants []data.Participant
	marks        map[string]map[string]string // participant id → day → mark
	cursor       widget.TableCellID           // in data coordinates: row = participant, col = day
	widthsFor    int                          // the number of days the column widths were set for
	// across: after a mark the cursor goes right, to the next day, rather
	// than down, to the next person (the user's choice, remembered).
	across bool
	hint   *widget.Label
}

// acrossPreference remembers which way the cursor goes after a mark.
const acrossPreference = "attendance.across"

func newAttendanceGrid(e *env) *attendanceGrid {
	g := &attendanceGrid{env: e, marks: map[string]map[string]string{}, widthsFor: -1,
		across: e.app.Preferences().Bool(acrossPreference)}
	g.Length = func() (int, int) { return len(g.participants) + 1, len(g.days) + 2 }
	g.CreateCell = func() fyne.CanvasObject { return widget.NewLabel("") }
	g.UpdateCell = g.updateCell
	g.ShowHeaderRow = true
	g.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	g.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(g.header(id.Col))
	}
	g.StickyColumnCount = 1
	g.OnSelected = func(id widget.TableCellID) {
		if id.Row < len(g.participants) && id.Col >= 1 && id.Col <= len(g.days) {
			g.cursor = widget.TableCellID{Row: id.Row, Col: id.Col - 1}
		}
		// A click selects a cell but does not always give the table the
		// keyboard; the keys below must reach the grid.
		if c := g.env.win.Canvas(); c.Focused() != g {
			c.Focus(g)
		}
	}
	g.ExtendBaseWidget(g)
	g.SetColumnWidth(0, 240)
	return g
}

func (g *attendanceGrid) header(col int) string {
	switch {
	case col == 0:
		return locale.L("Participant")
	case col <= len(g.days):
		d, err := time.Parse(time.DateOnly, g.days[col-1])
		if err != nil {
			return g.days[col-1]
		}
		return locale.Current().DayColumn(d)
	}
	return locale.L("Days attended")
}

// show loads a course's participants and marks; the cursor stays where it
// was when the course is the same (after an undo, say).
func (g *attendanceGrid) show(c data.Course) {
	ctx := context.Background()
	same := c.ID == g.course.ID
	g.course, g.days = c, c.Days()
	g.participants, g.marks = nil, map[string]map[string]string{}
	if c.ID != "" {
		var err error
		if g.participants, err = g.env.store.Participants(ctx, c.ID, false); err == nil {
			g.marks, err = g.env.store.Attendance(ctx, c.ID)
		}
		if err != nil {
			g.env.status(err.Error())
		}
	}
	// Each SetColumnWidth refreshes every visible cell: set the widths only
	// when the number of days changes.
	if g.widthsFor != len(g.days) {
		for i := range g.days {
			g.SetColumnWidth(i+1, 110)
		}
		g.SetColumnWidth(len(g.days)+1, 140)
		g.widthsFor = len(g.days)
	}
	if !same {
		g.cursor = widget.TableCellID{}
	}
	g.cursor.Row = max(0, min(len(g.participants)-1, g.cursor.Row))
	g.cursor.Col = max(0, min(len(g.days)-1, g.cursor.Col))
	g.Refresh()
}

func (g *attendanceGrid) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.TextStyle.Bold = false
	l.Importance = widget.MediumImportance
	// Only names can be too long for their column; measuring every mark
	// for an ellipsis took most of the time the grid took to draw.
	l.Truncation = fyne.TextTruncateOff
	if id.Col == 0 {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	last := len(g.participants)
	switch {
	case id.Row == last && id.Col == 0:
		l.TextStyle.Bold = true
		l.SetText(locale.L("Present or late"))
	case id.Row == last && id.Col <= len(g.days):
		l.TextStyle.Bold = true
		l.SetText(fmt.Sprint(g.dayTotal(g.days[id.Col-1])))
	case id.Row == last:
		l.SetText("")
	case id.Col == 0:
		p := g.participants[id.Row]
		l.SetText(p.Name + " · " + p.OrganisationName)
	case id.Col <= len(g.days):
		mark := g.marks[g.participants[id.Row].ID][g.days[id.Col-1]]
		l.Importance = map[string]widget.Importance{"present": widget.SuccessImportance, "late": widget.WarningImportance,
			"excused": widget.LowImportance, "absent": widget.DangerImportance}[mark]
		l.SetText(labelOf("mark", data.Marks, mark))
	default:
		p := g.participants[id.Row]
		text := fmt.Sprintf("%d / %d", g.personTotal(p.ID), len(g.days))
		if g.course.Completed(g.marks[p.ID]) {
			text += " ✓"
			l.Importance = widget.SuccessImportance
		}
		l.SetText(text)
	}
}

func attended(mark string) bool { return mark == "present" || mark == "late" }

func (g *attendanceGrid) dayTotal(day string) int {
	n := 0
	for _, p := range g.participants {
		if attended(g.marks[p.ID][day]) {
			n++
		}
	}
	return n
}

func (g *attendanceGrid) personTotal(id string) int {
	n := 0
	for _, d := range g.days {
		if attended(g.marks[id][d]) {
			n++
		}
	}
	return n
}

// TypedKey moves the cursor with the arrows and clears a mark with Delete.
func (g *attendanceGrid) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyUp:
		g.move(-1, 0)
	case fyne.KeyDown, fyne.KeyReturn, fyne.KeyEnter:
		g.move(1, 0)
	case fyne.KeyLeft:
		g.move(0, -1)
	case fyne.KeyRight, fyne.KeyTab:
		g.move(0, 1)
	case fyne.KeyDelete, fyne.KeyBackspace:
		g.setMark("")
	default:
		g.Table.TypedKey(k)
	}
}

// TypedRune sets marks: P, L, E, A on the cell, D on the whole day.
func (g *attendanceGrid) TypedRune(r rune) {
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	if mark, ok := markKeys[r]; ok {
		g.setMark(mark)
		return
	}
	if r == 'd' {
		g.markDayPresent()
	}
}

func (g *attendanceGrid) move(dRow, dCol int) {
	if len(g.participants) == 0 || len(g.days) == 0 {
		return
	}
	g.cursor.Row = max(0, min(len(g.participants)-1, g.cursor.Row+dRow))
	g.cursor.Col = max(0, min(len(g.days)-1, g.cursor.Col+dCol))
	g.Select(widget.TableCellID{Row: g.cursor.Row, Col: g.cursor.Col + 1})
}

func (g *attendanceGrid) setMark(mark string) {
	if len(g.participants) == 0 || len(g.days) == 0 || g.env.store.ReadOnly() {
		return
	}
	p, day := g.participants[g.cursor.Row], g.days[g.cursor.Col]
	g.save([]data.Mark{{ParticipantID: p.ID, Day: day, Mark: mark}})
	if g.across {
		g.move(0, 1)
	} else {
		g.move(1, 0)
	}
}

// directionControls choose where the cursor goes after a mark, and say
// how to type marks.
func (g *attendanceGrid) directionControls() fyne.CanvasObject {
	down, right := locale.L("down, to the next person"), locale.L("right, to the next day")
	choice := widget.NewRadioGroup([]string{down, right}, nil)
	choice.Required = true
	g.hint = widget.NewLabel("")
	g.hint.Wrapping = fyne.TextWrapWord
	g.hint.Importance = widget.LowImportance
	if g.across {
		choice.SetSelected(right)
	} else {
		choice.SetSelected(down)
	}
	// Set after the choice shown at first: the grid takes the keyboard back
	// when the user changes it, not while the screen is being built (the
	// grid is not in the window yet, and Fyne logs an error).
	choice.OnChanged = func(s string) {
		g.across = s == right
		g.env.app.Preferences().SetBool(acrossPreference, g.across)
		g.sayHint()
		g.env.win.Canvas().Focus(g)
	}
	g.sayHint()
	return container.NewVBox(container.NewHBox(widget.NewLabel(locale.L("After a mark, go")), choice), g.hint)
}

func (g *attendanceGrid) sayHint() {
	text := locale.L("Click a cell, then type P present, L late, E excused, A absent (Delete clears); the cursor then goes down to the next person. Arrows move; D marks everyone not yet marked that day present.")
	if g.across {
		text = locale.L("Click a cell, then type P present, L late, E excused, A absent (Delete clears); the cursor then goes right to the next day. Arrows move; D marks everyone not yet marked that day present.")
	}
	g.hint.SetText(text)
}

func (g *attendanceGrid) markDayPresent() {
	if len(g.days) == 0 || g.env.store.ReadOnly() {
		return
	}
	day := g.days[g.cursor.Col]
	var marks []data.Mark
	for _, p := range g.participants {
		if g.marks[p.ID][day] == "" {
			marks = append(marks, data.Mark{ParticipantID: p.ID, Day: day, Mark: "present"})
		}
	}
	g.save(marks)
}

func (g *attendanceGrid) save(marks []data.Mark) {
	if len(marks) == 0 {
		return
	}
	if err := g.env.store.SetMarks(context.Background(), g.course.ID, marks); err != nil {
		showError(g.env.win, "", err)
		return
	}
	for _, m := range marks {
		if g.marks[m.ParticipantID] == nil {
			g.marks[m.ParticipantID] = map[string]string{}
		}
		if m.Mark == "" {
			delete(g.marks[m.ParticipantID], m.Day)
		} else {
			g.marks[m.ParticipantID][m.Day] = m.Mark
		}
	}
	g.Refresh()
	g.env.changed()
}

// markButtons set marks with the mouse: on the selected cell, or the whole
// day; the grid keeps the keyboard afterwards.
func (g *attendanceGrid) markButtons() fyne.CanvasObject {
	box := flowRow(widget.NewLabel(locale.L("Selected cell:")))
	for _, m := range data.Marks {
		mark := m.Code
		box.Add(widget.NewButton(codeLabel("mark", m), func() {
			g.setMark(mark)
			g.env.win.Canvas().Focus(g)
		}))
	}
	box.Add(widget.NewButton(locale.L("Clear"), func() {
		g.setMark("")
		g.env.win.Canvas().Focus(g)
	}))
	box.Add(widget.NewButton(locale.L("Whole day present"), func() {
		g.markDayPresent()
		g.env.win.Canvas().Focus(g)
	}))
	return box
}
