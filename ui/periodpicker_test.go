package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func TestThePeriodsOfThePicker(t *testing.T) {
	feb := time.Date(2026, 2, 14, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		choice   int
		from, to string
	}{
		{periodThisYear, "2026-01-01", "2026-12-31"},
		{periodLastYear, "2025-01-01", "2025-12-31"},
		{periodThisQuarter, "2026-01-01", "2026-03-31"},
		{periodLastQuarter, "2025-10-01", "2025-12-31"}, // across New Year
	} {
		from, to := period(tc.choice, feb)
		if from.Format(time.DateOnly) != tc.from || to.Format(time.DateOnly) != tc.to {
			t.Errorf("choice %d on 14 February 2026: %s – %s, want %s – %s", tc.choice, from.Format(time.DateOnly), to.Format(time.DateOnly), tc.from, tc.to)
		}
	}
	if from, to := period(periodThisQuarter, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)); from.Format(time.DateOnly) != "2026-10-01" || to.Format(time.DateOnly) != "2026-12-31" {
		t.Errorf("this quarter on 30 November: %v – %v", from, to)
	}
}

func TestOtherDatesAskForTwoDays(t *testing.T) {
	test.NewTempApp(t)
	var got [2]string
	p := newPeriodPicker(func() time.Time { return time.Date(2026, 2, 14, 0, 0, 0, 0, time.UTC) },
		func(from, to string) { got = [2]string{from, to} })
	p.choose(periodLastYear)
	if got != [2]string{"2025-01-01", "2025-12-31"} || !p.dates.Hidden {
		t.Errorf("last year: %v, dates shown %v", got, !p.dates.Hidden)
	}
	p.choose(periodDates)
	if p.dates.Hidden || got != [2]string{"2026-01-01", "2026-12-31"} {
		t.Errorf("other dates: shown %v, period %v (want the fields, with this year to start from)", !p.dates.Hidden, got)
	}
	d := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	p.to.SetDate(&d)
	if got != [2]string{"2026-01-01", "2026-03-01"} {
		t.Errorf("after typing the last day: %v", got)
	}
	before := got
	early := time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
	p.to.SetDate(&early) // before the first day: no period yet
	if got != before {
		t.Errorf("a last day before the first gave %v", got)
	}
}
