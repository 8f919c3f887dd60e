package export

import (
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/ncm-register/ncm-register/data"
)

// Calendar writes courses as all-day events of an iCalendar file, for
// calendar programs. Each course keeps its id as the event's UID, so that
// importing the file again updates the events rather than doubling them.
// name is the calendar's name, as calendar programs list it.
func Calendar(w io.Writer, courses []data.Course, now time.Time, name string) error {
	cal := ics.NewCalendar()
	cal.SetProductId("-//NCM Register//Training courses//EN")
	cal.SetName(name)
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
			e.SetDescription("Topics: " + strings.Join(c.Topics, "; "))
		}
		e.SetStatus(map[string]ics.ObjectStatus{"planned": ics.ObjectStatusTentative,
			"held": ics.ObjectStatusConfirmed, "cancelled": ics.ObjectStatusCancelled}[c.Status])
	}
	// RFC 5545 ends lines with CRLF, whatever system writes the file.
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}
