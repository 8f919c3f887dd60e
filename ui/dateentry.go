package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// dateEntry is a date field that reads dates as people type them (ISO,
// figures in the language's order, month names: data.ReadDate) and shows
// them in one way. What is not a date is kept as typed, so that saving
// says so beside the field, quoting it; Fyne's own date entry reads only
// the locale's one layout and keeps the previous date otherwise.
type dateEntry struct {
	widget.DateEntry
}

func newDateEntry() *dateEntry {
	e := &dateEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	if dateOrder() == data.MonthFirst {
		e.SetPlaceHolder(locale.L("month/day/year"))
	} else {
		e.SetPlaceHolder(locale.L("day/month/year"))
	}
	return e
}

// CreateRenderer takes over the reading of what is typed from Fyne's
// date entry (which sets its own on each renderer it makes).
func (e *dateEntry) CreateRenderer() fyne.WidgetRenderer {
	r := e.DateEntry.CreateRenderer()
	e.Validator = nil // the form says what is wrong, beside the field, on saving
	e.Entry.OnChanged = e.typed
	return r
}

func (e *dateEntry) typed(text string) {
	iso, ok := data.ReadDate(text, dateOrder())
	e.Date = nil
	if ok && iso != "" {
		d, _ := time.Parse(time.DateOnly, iso)
		e.Date = &d
	}
	if e.OnChanged != nil {
		e.OnChanged(e.Date)
	}
}

// SetDate shows a date (nil: none) the one way dates are shown.
func (e *dateEntry) SetDate(d *time.Time) {
	e.Date = d
	if d == nil {
		e.Entry.SetText("")
		return
	}
	e.Entry.SetText(showDate(*d))
}

// FocusLost shows a date picked or typed the one way.
func (e *dateEntry) FocusLost() {
	e.DateEntry.FocusLost()
	if e.Date != nil && e.Text != showDate(*e.Date) {
		d := *e.Date
		e.SetDate(&d)
	}
}

// Value is the date as the register keeps it (YYYY-MM-DD), "" for none,
// or the text as typed when it is not a date: the register refuses it
// beside the field, quoting it.
func (e *dateEntry) Value() string {
	if e.Date != nil {
		return e.Date.Format(time.DateOnly)
	}
	return strings.TrimSpace(e.Text)
}

// showDate is how a date is shown in fields: day, month's name, year
// in the order and words of the window's language ("2 Jan 2026",
// "2 janv. 2026", "Jan 2, 2026" in the United States), which cannot be
// read two ways.
func showDate(d time.Time) string { return locale.Current().Date(d) }

// dateOrder is the order the window's language writes dates in figures.
func dateOrder() data.DateOrder {
	if locale.Current().MonthFirst() {
		return data.MonthFirst
	}
	return data.DayFirst
}
