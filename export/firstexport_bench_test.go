package export

import (
	"bytes"
	"context"
	"database/sql"
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
)

// forgetSavedFigures removes the figures a register keeps between sessions,
// straight in the closed file (the program itself never needs to).
func forgetSavedFigures(b *testing.B, path string) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("DELETE FROM figure_cache"); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkFirstReplyXLSX is the first export of the reply after the large
// register is opened, as a user meets it: each iteration opens the
// register, exports (timed), and closes it. "counted_before": an earlier
// session counted the figures and kept them in the register (the everyday
// case); "never_counted": nothing kept, every participant read (a register
// just received or made by an older program). The yardstick is
// BenchmarkReplyXLSXRawCells: the same cells through a bare StreamWriter.
func BenchmarkFirstReplyXLSX(b *testing.B) {
	s, tpl, replyID := largeReplyRegister(b)
	path := s.Path()
	s.Close() // each iteration opens it as the window does
	defer func() {
		largeReply.s, largeReply.err = data.Open(context.Background(), path, data.Options{Device: "bench"})
	}()
	ctx := context.Background()

	// session opens the register, its check of every page held back until
	// the export is done (the window starts it after the first frame), and
	// returns what closes it once the check has passed, so that the figures
	// are kept.
	session := func(b *testing.B) (*data.Store, func()) {
		hold := make(chan struct{})
		s, err := data.Open(ctx, path, data.Options{Device: "bench", CheckAfter: hold})
		if err != nil {
			b.Fatal(err)
		}
		return s, func() {
			close(hold)
			if err := s.Checked(ctx); err != nil {
				b.Fatal(err)
			}
			if err := s.Close(); err != nil {
				b.Fatal(err)
			}
		}
	}
	export := func(b *testing.B, s *data.Store, out *bytes.Buffer) {
		c, err := LoadReply(ctx, s, tpl, replyID)
		if err == nil {
			err = ReplyXLSX(out, c)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	for _, kept := range []bool{true, false} {
		name := map[bool]string{true: "counted_before", false: "never_counted"}[kept]
		b.Run(name, func(b *testing.B) {
			var out bytes.Buffer
			var heapMB, rssMB float64
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				if kept {
					s, closeIt := session(b)
					if _, err := s.TrainingFiguresForPeriod(ctx, largeReplyFrom, largeReplyTo); err != nil {
						b.Fatal(err)
					}
					closeIt() // keeps the figures
				} else {
					forgetSavedFigures(b, path)
				}
				s, closeIt := session(b)
				out.Reset()
				runtime.GC()
				debug.FreeOSMemory()
				peak := startPeakMemory()
				b.StartTimer()
				export(b, s, &out)
				b.StopTimer()
				h, r := peak.end()
				heapMB, rssMB = max(heapMB, h), max(rssMB, r)
				closeIt()
				b.StartTimer()
			}
			b.ReportMetric(float64(out.Len())/1e6, "file-MB")
			b.ReportMetric(heapMB, "peak-heap-MB")
			if rssMB > 0 && !largeReply.built {
				b.ReportMetric(rssMB, "peak-RSS-MB")
			}
		})
	}
}

// BenchmarkReplyXLSXRawCells is the yardstick of the reply's export: the
// cells of the reply's workbook, read back once, written by a bare
// excelize StreamWriter, one sheet after another, strings and numbers as
// they are, without styles, charts or page layout.
func BenchmarkReplyXLSXRawCells(b *testing.B) {
	s, tpl, replyID := largeReplyRegister(b)
	ctx := context.Background()
	c, err := LoadReply(ctx, s, tpl, replyID)
	if err != nil {
		b.Fatal(err)
	}
	var book bytes.Buffer
	if err := ReplyXLSX(&book, c); err != nil {
		b.Fatal(err)
	}
	read, err := excelize.OpenReader(&book)
	if err != nil {
		b.Fatal(err)
	}
	type sheet struct {
		name string
		rows [][]any
	}
	var sheets []sheet
	cells := 0
	for _, name := range read.GetSheetList() {
		rows, err := read.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			b.Fatal(err)
		}
		sh := sheet{name: name}
		for _, r := range rows {
			row := make([]any, len(r))
			for i, v := range r {
				if n, err := strconv.ParseFloat(v, 64); err == nil {
					row[i] = n
				} else {
					row[i] = v
				}
			}
			cells += len(r)
			sh.rows = append(sh.rows, row)
		}
		sheets = append(sheets, sh)
	}
	read.Close()

	var out bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		f := excelize.NewFile()
		for i, sh := range sheets {
			if i == 0 {
				if err := f.SetSheetName("Sheet1", sh.name); err != nil {
					b.Fatal(err)
				}
			} else if _, err := f.NewSheet(sh.name); err != nil {
				b.Fatal(err)
			}
			sw, err := f.NewStreamWriter(sh.name)
			if err != nil {
				b.Fatal(err)
			}
			for r, row := range sh.rows {
				cell, _ := excelize.CoordinatesToCellName(1, r+1)
				if err := sw.SetRow(cell, row); err != nil {
					b.Fatal(err)
				}
			}
			if err := sw.Flush(); err != nil {
				b.Fatal(err)
			}
		}
		if err := f.Write(&out); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	b.ReportMetric(float64(cells), "cells")
	b.ReportMetric(float64(out.Len())/1e6, "file-MB")
}
