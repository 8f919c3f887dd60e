package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ncm-register/ncm-register/data/scratch"
	"github.com/ncm-register/ncm-register/data/sheets"
)

// SheetRow is one line of a typed-up sign-in sheet: a name, perhaps the
// organisation, and the marks of the days that the sheet has columns for.
type SheetRow struct {
	Line         int // in the file, from 1 (the header is line 1)
	Name         string
	Organisation string
	Marks        map[string]string // course day → mark
}

// SheetError says where a typed-up sheet cannot be read. Nothing was changed.
type SheetError struct {
	Line   int    // 0 when the problem is the whole file
	Column string // a spreadsheet column letter, or ""
	Reason string
}

func (e *SheetError) Error() string {
	switch {
	case e.Line == 0:
		return e.Reason
	case e.Column == "":
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return fmt.Sprintf("line %d, column %s: %s", e.Line, e.Column, e.Reason)
}

// maxSheetLines bounds a typed-up sheet: it lists the people of one
// course, and each line becomes a row of the review.
const maxSheetLines = 2000

// sheetMarks are the ways people type attendance on a sheet.
var sheetMarks = map[string]string{
	"x": "present", "✓": "present", "✔": "present", "p": "present", "present": "present", "yes": "present", "1": "present",
	"l": "late", "late": "late",
	"e": "excused", "excused": "excused",
	"a": "absent", "absent": "absent", "no": "absent", "0": "absent", "-": "absent",
}

// ReadSheet reads a typed-up sign-in sheet (a .csv or .xlsx file, first
// sheet) for a course. The first line names the columns: one for the name
// ("Name", "Full name" or "Participant"), optionally one for the
// organisation, and one per day, headed by the date (2026-03-02 or
// 02/03/2026) or "Day 1", "Day 2" …; a day's cell holds x, P, L, E, A (or
// the words) or nothing. Any problem is reported with its line and column.
//
// The file is read within sheets.DefaultLimits; reading stops when ctx is
// cancelled.
func ReadSheet(ctx context.Context, r io.Reader, fileName string, c Course) ([]SheetRow, error) {
	lim := sheets.DefaultLimits
	lim.Rows = maxSheetLines
	tmp, _ := scratch.Dir()
	table, err := sheets.Read(ctx, r, fileName, sheets.Options{Limits: lim, TempDir: tmp})
	var e *sheets.Error
	if errors.As(err, &e) {
		return nil, &SheetError{Line: e.Row, Column: sheets.ColumnName(e.Column), Reason: e.Reason}
	}
	if err != nil {
		return nil, err
	}
	records := table.Rows
	if len(records) == 0 {
		return nil, &SheetError{Reason: "the file is empty"}
	}
	nameCol, orgCol := -1, -1
	dayCols := map[int]string{}
	days := c.Days()
	for i, h := range records[0] {
		key := Fold(h)
		switch {
		case key == "name" || key == "full name" || key == "participant" || key == "names":
			nameCol = i
		case key == "organisation" || key == "organization" || key == "agency":
			orgCol = i
		default:
			if day, ok := headerDay(key, days); ok {
				dayCols[i] = day
			} else if key != "" && key != "no." && key != "no" && key != "#" && key != "signature" {
				if _, err := time.Parse(time.DateOnly, strings.TrimSpace(h)); err == nil {
					return nil, &SheetError{Line: 1, Column: columnName(i), Reason: fmt.Sprintf("%s is not a day of the course (%s to %s)", h, c.FirstDay, c.LastDay)}
				}
			}
		}
	}
	if nameCol < 0 {
		return nil, &SheetError{Line: 1, Reason: fmt.Sprintf("no column headed “Name” among %q", records[0])}
	}
	var rows []SheetRow
	for n, rec := range records[1:] {
		line := n + 2
		cell := func(i int) string {
			if i < 0 || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		row := SheetRow{Line: line, Name: strings.Join(strings.Fields(cell(nameCol)), " "), Organisation: cell(orgCol), Marks: map[string]string{}}
		for i, day := range dayCols {
			v := Fold(cell(i))
			if v == "" {
				continue
			}
			mark, ok := sheetMarks[v]
			if !ok {
				return nil, &SheetError{Line: line, Column: columnName(i), Reason: fmt.Sprintf("“%s” is not a mark (use x or P, L, E, A)", cell(i))}
			}
			row.Marks[day] = mark
		}
		if row.Name == "" {
			if len(row.Marks) > 0 {
				return nil, &SheetError{Line: line, Column: columnName(nameCol), Reason: "marks without a name"}
			}
			continue // an unused blank row of the printed sheet
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// headerDay reads a day column's header: a date of the course or "Day N".
func headerDay(key string, days []string) (string, bool) {
	// ISO, day/month/year as most countries write it, and mm-dd-yy, which
	// is how excelize shows a date cell of the default format.
	for _, layout := range []string{time.DateOnly, "02/01/2006", "2/1/2006", "02.01.2006", "01-02-06"} {
		if d, err := time.Parse(layout, key); err == nil {
			for _, day := range days {
				if day == d.Format(time.DateOnly) {
					return day, true
				}
			}
		}
	}
	var n int
	if _, err := fmt.Sscanf(key, "day %d", &n); err == nil && n >= 1 && n <= len(days) {
		return days[n-1], true
	}
	return "", false
}

func columnName(i int) string { return sheets.ColumnName(i + 1) }
