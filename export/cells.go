package export

import (
	"strings"
	"time"
)

// cellText neutralises text that a spreadsheet would read as a formula
// (starting with =, +, - or @, also after spaces): a leading apostrophe
// makes it plain text, so a name typed by someone cannot run in the
// coordinator's spreadsheet program.
func cellText(s string) string {
	t := strings.TrimLeft(s, " \t\r\n")
	if t != "" && strings.ContainsRune("=+-@", rune(t[0])) {
		return "'" + s
	}
	return s
}

// dateOf reads a YYYY-MM-DD date, or nil.
func dateOf(day string) *time.Time {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return nil
	}
	return &d
}
