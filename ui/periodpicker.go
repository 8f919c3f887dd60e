package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/locale"
)

// periodPicker chooses a reporting period: this year, last year, this or
// last quarter, or any two dates. onChange gets the first and last day
// (YYYY-MM-DD) whenever the choice is complete.
type periodPicker struct {
	choice   *widget.Select
	from, to *dateEntry
	dates    *fyne.Container // the two dates, shown for "Other dates"
	today    func() time.Time
	onChange func(from, to string)
	content  fyne.CanvasObject
}

// The choices of a periodPicker, in its list's order.
const (
	periodThisYear = iota
	periodLastYear
	periodThisQuarter
	periodLastQuarter
	periodDates
)

func newPeriodPicker(today func() time.Time, onChange func(from, to string)) *periodPicker {
	p := &periodPicker{today: today, onChange: onChange, from: newDateEntry(), to: newDateEntry()}
	p.choice = widget.NewSelect([]string{locale.L("This year"), locale.L("Last year"), locale.L("This quarter"),
		locale.L("Last quarter"), locale.L("Other dates…")}, func(string) { p.changed() })
	p.from.OnChanged = func(*time.Time) { p.changed() }
	p.to.OnChanged = func(*time.Time) { p.changed() }
	p.dates = container.NewGridWithColumns(4, widget.NewLabel(locale.L("From")), p.from, widget.NewLabel(locale.L("To")), p.to)
	p.dates.Hide()
	p.content = container.NewVBox(p.choice, p.dates)
	return p
}

// period is the first and last day of the choice i on today.
func period(i int, today time.Time) (time.Time, time.Time) {
	year := today.Year()
	quarter := (int(today.Month()) - 1) / 3
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	switch i {
	case periodLastYear:
		return day(year-1, 1, 1), day(year-1, 12, 31)
	case periodThisQuarter:
		first := day(year, quarter*3+1, 1)
		return first, first.AddDate(0, 3, -1)
	case periodLastQuarter:
		first := day(year, quarter*3+1, 1).AddDate(0, -3, 0)
		return first, first.AddDate(0, 3, -1)
	}
	return day(year, 1, 1), day(year, 12, 31)
}

// choose selects choice i, and with it its period.
func (p *periodPicker) choose(i int) { p.choice.SetSelectedIndex(i) }

func (p *periodPicker) changed() {
	i := p.choice.SelectedIndex()
	if i < 0 {
		return
	}
	var from, to time.Time
	if i == periodDates {
		if p.dates.Hidden {
			first, last := period(periodThisYear, p.today())
			if p.from.Date == nil {
				p.from.SetDate(&first)
			}
			if p.to.Date == nil {
				p.to.SetDate(&last)
			}
			p.dates.Show()
		}
		if p.from.Date == nil || p.to.Date == nil || p.to.Date.Before(*p.from.Date) {
			return
		}
		from, to = *p.from.Date, *p.to.Date
	} else {
		p.dates.Hide()
		from, to = period(i, p.today())
	}
	if p.onChange != nil {
		p.onChange(from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
}
