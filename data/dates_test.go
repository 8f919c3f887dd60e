package data

import (
	"testing"
	"time"

	"github.com/go-playground/locales"
	"github.com/go-playground/locales/en_GB"
	"github.com/go-playground/locales/en_US"
	"github.com/go-playground/locales/es"
	"github.com/go-playground/locales/fr"
	"github.com/go-playground/locales/ru"
)

// TestDatesAsPeopleTypeThem: ISO, figures in the language's order, month
// names in four languages; what is not a date, or a day that does not
// exist, is refused rather than guessed.
func TestDatesAsPeopleTypeThem(t *testing.T) {
	for _, c := range []struct {
		text  string
		order DateOrder
		want  string // "!" not a date
	}{
		{"", DayFirst, ""},
		{"2026-03-14", DayFirst, "2026-03-14"},
		{"2026-03-14", MonthFirst, "2026-03-14"},
		{"2026/3/4", DayFirst, "2026-03-04"},
		{"14.03.2026", DayFirst, "2026-03-14"},
		{"14/03/2026", DayFirst, "2026-03-14"},
		{"4/3/2026", DayFirst, "2026-03-04"},
		{"4/3/2026", MonthFirst, "2026-04-03"},
		{"03/14/2026", MonthFirst, "2026-03-14"},
		{"03/14/2026", DayFirst, "2026-03-14"}, // no 14th month: the other order
		{"14-3-26", DayFirst, "2026-03-14"},
		{"1.1.99", DayFirst, "1999-01-01"},
		{"14 March 2026", MonthFirst, "2026-03-14"},
		{"March 14, 2026", DayFirst, "2026-03-14"},
		{"14 Mar 2026", DayFirst, "2026-03-14"},
		{"14 mars 2026", DayFirst, "2026-03-14"},
		{"3 juin 2026", DayFirst, "2026-06-03"},
		{"3 juillet 2026", DayFirst, "2026-07-03"},
		{"14 de marzo de 2026", DayFirst, "2026-03-14"},
		{"6 окт. 2025 г.", DayFirst, "2025-10-06"},
		{"14 de 2026", DayFirst, "!"},
		{"14 marzo 2026", DayFirst, "2026-03-14"},
		{"14 марта 2026", DayFirst, "2026-03-14"},
		{"2026 March 14", DayFirst, "2026-03-14"},
		{"31/04/2026", DayFirst, "!"},
		{"29.02.2026", DayFirst, "!"},
		{"29.02.2028", DayFirst, "2028-02-29"},
		{"13/13/2026", DayFirst, "!"},
		{"0/3/2026", DayFirst, "!"},
		{"14/03", DayFirst, "!"},
		{"next Tuesday", DayFirst, "!"},
		{"14 March April 2026", DayFirst, "!"},
		{"14/03/202", DayFirst, "!"},
		{"14/03/1850", DayFirst, "!"},
	} {
		got, ok := ReadDate(c.text, c.order)
		switch {
		case c.want == "!" && ok:
			t.Errorf("ReadDate(%q, %v) = %q: want not a date", c.text, c.order, got)
		case c.want != "!" && (!ok || got != c.want):
			t.Errorf("ReadDate(%q, %v) = %q, %v: want %q", c.text, c.order, got, ok, c.want)
		}
	}
}

// TestDatesAsTheWindowWritesThemReadBack: a date field shows its date in
// the window's language (CLDR's medium and long forms) and reads the same
// text back when it loses the focus, for every month of the year.
func TestDatesAsTheWindowWritesThemReadBack(t *testing.T) {
	for _, cal := range []locales.Translator{en_GB.New(), en_US.New(), fr.New(), es.New(), ru.New()} {
		order := DayFirst
		if cal.Locale() == "en_US" {
			order = MonthFirst
		}
		for m := time.January; m <= time.December; m++ {
			day := time.Date(2026, m, 28, 0, 0, 0, 0, time.UTC)
			for _, text := range []string{cal.FmtDateMedium(day), cal.FmtDateLong(day)} {
				if got, ok := ReadDate(text, order); !ok || got != day.Format(time.DateOnly) {
					t.Errorf("%s: %q read as %q, %v", cal.Locale(), text, got, ok)
				}
			}
		}
	}
}
