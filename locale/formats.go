package locale

import (
	"strconv"
	"time"

	"github.com/go-playground/locales"
	"golang.org/x/text/language"
)

// calendarFor is the CLDR data of a language: the region's where it has
// its own (English in the United States writes the month first), else the
// language's.
func calendarFor(tag language.Tag) (cal locales.Translator, monthDay bool) {
	base, _ := tag.Base()
	region, conf := tag.Region()
	if conf != language.Exact { // a region guessed from the language is no choice
		region = language.Region{}
	}
	if base.String() == "en" {
		if monthFirstRegions[region.String()] {
			return calendars["en-US"](), true
		}
		return calendars["en-GB"](), false
	}
	if newCalendar, ok := calendars[base.String()]; ok {
		return newCalendar(), monthFirstRegions[region.String()]
	}
	return calendars["en-GB"](), false
}

// monthFirstRegions write dates with the month first.
var monthFirstRegions = map[string]bool{"US": true, "PH": true, "FM": true, "MH": true, "PW": true, "BZ": true}

// MonthFirst says whether the language writes dates in figures with the
// month first (12/31/2026), for reading what is typed.
func (t *Translator) MonthFirst() bool { return t.monthDay }

// Date writes a day as fields and lists show it: the month abbreviated,
// which cannot be read two ways ("2 Jan 2026", "2 janv. 2026",
// "Jan 2, 2026" in the United States).
func (t *Translator) Date(d time.Time) string { return t.cldr.FmtDateMedium(d) }

// LongDate writes a day in full words, for documents ("2 January 2026",
// "2 de enero de 2026", "2 января 2026 г.").
func (t *Translator) LongDate(d time.Time) string { return t.cldr.FmtDateLong(d) }

// FullDate writes a day with its weekday, for sheets on paper ("Monday
// 2 March 2026", "lundi 2 mars 2026").
func (t *Translator) FullDate(d time.Time) string { return t.cldr.FmtDateFull(d) }

// DayColumn writes a day as a column heading, weekday and day and month
// ("Mon 2 Jan", "lun. 2 janv.").
func (t *Translator) DayColumn(d time.Time) string {
	day := strconv.Itoa(d.Day())
	if t.monthDay {
		return t.cldr.WeekdayAbbreviated(d.Weekday()) + " " + t.cldr.MonthAbbreviated(d.Month()) + " " + day
	}
	return t.cldr.WeekdayAbbreviated(d.Weekday()) + " " + day + " " + t.cldr.MonthAbbreviated(d.Month())
}

// DateTime writes a moment of the History: its day and its time.
func (t *Translator) DateTime(d time.Time) string {
	return t.cldr.FmtDateMedium(d) + " " + t.cldr.FmtTimeShort(d)
}

// Month writes a month of a year, for charts and periods ("Jan 2026").
func (t *Translator) Month(m time.Month, year int) string {
	return t.cldr.MonthAbbreviated(m) + " " + strconv.Itoa(year)
}

// MonthShort is a month's abbreviated name ("Jan", "janv.").
func (t *Translator) MonthShort(m time.Month) string { return t.cldr.MonthAbbreviated(m) }

// MonthName is a month's full name as dates write it.
func (t *Translator) MonthName(m time.Month) string { return t.cldr.MonthWide(m) }

// MonthNames are the wide and abbreviated names of the months, January
// first, for reading dates typed with words.
func (t *Translator) MonthNames() (wide, abbreviated []string) {
	return t.cldr.MonthsWide()[1:], t.cldr.MonthsAbbreviated()[1:]
}

// Count writes a whole number with the language's grouping ("1,234",
// "1 234").
func (t *Translator) Count(n int) string { return t.cldr.FmtNumber(float64(n), 0) }

// Number writes a number with decimals digits after the language's
// decimal sign.
func (t *Translator) Number(x float64, decimals int) string {
	return t.cldr.FmtNumber(x, uint64(max(decimals, 0)))
}
