package data

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var e164 = regexp.MustCompile(`^\+[1-9][0-9]{1,14}$`)

// FuzzPhone: whatever is typed, a number accepted is stored in E.164,
// reads the same when checked again, and shows as a number that parses
// back to it.
func FuzzPhone(f *testing.F) {
	for _, seed := range []struct{ typed, region string }{
		{"+373 22 123 456", ""}, {"022 123 456", "MD"}, {"(0)22-12-34-56", "FR"}, {"+1 (202) 555-0143", "US"},
		{"8 800 555 35 35", "RU"}, {"+44 20 7946 0958 ext. 12", ""}, {"tel:+33-1-23-45-67-89", ""},
		{"+", ""}, {"++373", "MD"}, {"00373 22 123456", "MD"}, {"١٢٣٤٥٦٧", "EG"}, {"+999999999999999999999", ""},
		{"\x00+1", "US"}, {"0", "ZZ"},
	} {
		f.Add(seed.typed, seed.region)
	}
	f.Fuzz(func(t *testing.T, typed, region string) {
		var v validator
		got := v.phone("phones", typed, region)
		if len(v.errs) > 0 {
			return
		}
		if strings.TrimSpace(typed) == "" {
			if got != "" {
				t.Fatalf("an empty number stored as %q", got)
			}
			return
		}
		if !e164.MatchString(got) {
			t.Fatalf("%q (%s) stored as %q, not E.164", typed, region, got)
		}
		var again validator
		if twice := again.phone("phones", got, ""); len(again.errs) > 0 || twice != got {
			t.Fatalf("%q stored as %q, which checks again as %q (%v)", typed, got, twice, again.errs)
		}
		var shown validator
		if back := shown.phone("phones", FormatPhone(got), ""); len(shown.errs) > 0 || back != got {
			t.Fatalf("%q shows as %q, which reads back as %q", got, FormatPhone(got), back)
		}
	})
}

// FuzzEmail: an address accepted has one @, a domain with a dot, no display
// name, and checks again the same.
func FuzzEmail(f *testing.F) {
	for _, seed := range []string{
		"ana@police.gov.md", "Ana Lungu <ana@police.gov.md>", "ana@localhost", "ana@", "@x.md", "a b@c.d",
		`"quoted name"@agency.org`, "ana@[127.0.0.1]", "ana@xn--80ak6aa92e.com", "ана@мвд.рф", "ana@police.gov.md, ion@x.md",
		"=HYPERLINK(\"x\")@a.b", "ana@a..b", "\x00@a.b",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		var v validator
		got := v.email("email", typed)
		if len(v.errs) > 0 || strings.TrimSpace(typed) == "" {
			return
		}
		at := strings.LastIndex(got, "@")
		if at <= 0 || !strings.Contains(got[at+1:], ".") || strings.ContainsAny(got, "<>") {
			t.Fatalf("%q accepted as %q", typed, got)
		}
		var again validator
		if twice := again.email("email", got); len(again.errs) > 0 || twice != got {
			t.Fatalf("%q stored as %q, which checks again as %q (%v)", typed, got, twice, again.errs)
		}
	})
}

// FuzzDate: a date accepted is stored as YYYY-MM-DD, checks again the same,
// and a consent date is never in the future.
func FuzzDate(f *testing.F) {
	for _, seed := range []string{"2026-03-02", " 2026-03-02 ", "2026-02-30", "02/03/2026", "2026-3-2", "0000-01-01",
		"9999-12-31", "2026-03-02T10:00", "+2026-03-02", "２０２６-０３-０２", ""} {
		f.Add(seed)
	}
	now := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, typed string) {
		var v validator
		day := v.date("first_day", typed)
		if len(v.errs) == 0 && day != "" {
			if d, err := time.Parse(time.DateOnly, day); err != nil || d.Format(time.DateOnly) != day {
				t.Fatalf("%q stored as %q", typed, day)
			}
			var again validator
			if twice := again.date("first_day", day); len(again.errs) > 0 || twice != day {
				t.Fatalf("%q stored as %q, which checks again as %q", typed, day, twice)
			}
		}
		var c validator
		consent := c.dateNotFuture("consent", typed, now)
		if len(c.errs) == 0 && consent != "" && consent > now.Format(time.DateOnly) {
			t.Fatalf("a consent date in the future accepted: %q", consent)
		}
	})
}

// FuzzReadSheetXLSX feeds the sign-in sheet reader whole workbooks, not
// only CSV: no file makes it panic, run away, or give a line without a name.
func FuzzReadSheetXLSX(f *testing.F) {
	wb := excelize.NewFile()
	wb.SetSheetRow("Sheet1", "A1", &[]any{"Name", "Organisation", "Day 1", "2026-03-03"})
	wb.SetSheetRow("Sheet1", "A2", &[]any{"José Pérez", "Police", "x", "L"})
	wb.SetSheetRow("Sheet1", "A3", &[]any{"=HYPERLINK(\"x\")", "", "", "A"})
	good, err := wb.WriteToBuffer()
	if err != nil {
		f.Fatal(err)
	}
	wb.Close()
	f.Add(good.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, raw []byte) {
		rows, err := ReadSheet(context.Background(), bytes.NewReader(raw), "f.xlsx", sheetCourse())
		if err != nil {
			return
		}
		for _, r := range rows {
			if r.Name == "" {
				t.Fatalf("a line without a name: %+v", r)
			}
		}
	})
}
