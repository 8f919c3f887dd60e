package export

import (
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// Calendar writes courses as all-day events of an iCalendar file, for
// calendar programs. Each course keeps its id as the event's UID, so that
// importing the file again updates the events rather than doubling them.
// The calendar's name, as calendar programs list it, and the word before
// a course's topics are in tr's language (nil: English); the rest is the
// courses' own words. The product id is for programs, not people: it
// stays the same in every language.
func Calendar(w io.Writer, tr *locale.Translator, courses []data.Course, now time.Time) error {
	tr = orEnglish(tr)
	cal := ics.NewCalendar()
	cal.SetProductId("-//NCM Register//Training courses//EN")
	cal.SetName(tr.L("Training courses — NCM Register"))
	cal.SetMethod(ics.MethodPublish)
	for _, c := range courses {
		first, err1 := time.Parse(time.DateOnly, c.FirstDay)
		last, err2 := time.Parse(time.DateOnly, c.LastDay)
		if err1 != nil || err2 != nil {
			continue
		}
		e := cal.AddEvent(c.ID + "@ncm-register")
		e.SetDtStampTime(now.UTC())
		e.SetAllDayStartAt(first)
		e.SetAllDayEndAt(last.AddDate(0, 0, 1)) // the end of an all-day event is the day after
		e.SetSummary(c.Title)
		if c.Venue != "" {
			e.SetLocation(c.Venue)
		}
		if len(c.Topics) > 0 {
			e.SetDescription(tr.L("Topics: {{.Topics}}", map[string]any{"Topics": strings.Join(c.Topics, "; ")}))
		}
		e.SetStatus(map[string]ics.ObjectStatus{"planned": ics.ObjectStatusTentative,
			"held": ics.ObjectStatusConfirmed, "cancelled": ics.ObjectStatusCancelled}[c.Status])
	}
	// RFC 5545 ends lines with CRLF, whatever system writes the file.
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}
