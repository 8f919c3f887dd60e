package sheets

import (
	"context"
	"io"
	"path/filepath"
	"strings"
)

// Options say how to read a file; the zero value detects everything.
type Options struct {
	Limits   Limits // zero: DefaultLimits
	Encoding string // a CSV file's encoding; "" detects it
	TempDir  string // where excelize may put large sheets while reading
}

// Table is the first sheet of a workbook, or a CSV file, as rows of text.
type Table struct {
	Rows  [][]string
	Sheet string // the sheet read, for a workbook
	CSV   *CSV   // how a CSV file was read (its Rows are Table's)
}

// Read reads a list: the first sheet of an .xlsx workbook, or a .csv (or
// .txt) file, by the file's name.
func Read(ctx context.Context, r io.Reader, fileName string, opt Options) (Table, error) {
	lim := opt.Limits
	if lim == (Limits{}) {
		lim = DefaultLimits
	}
	switch strings.ToLower(filepath.Ext(fileName)) {
	case ".csv", ".txt", ".tsv":
		c, err := ReadCSV(ctx, r, lim, opt.Encoding)
		if err != nil {
			return Table{}, err
		}
		return Table{Rows: c.Rows, CSV: &c}, nil
	case ".xlsx", ".xlsm":
		w, err := OpenXLSX(ctx, r, lim, opt.TempDir)
		if err != nil {
			return Table{}, err
		}
		defer w.Close()
		sheets := w.Sheets()
		if len(sheets) == 0 {
			return Table{}, &Error{Reason: "the workbook has no sheet"}
		}
		rows, err := w.Rows(ctx, sheets[0], false)
		return Table{Rows: rows, Sheet: sheets[0]}, err
	}
	return Table{}, &Error{Reason: "only .xlsx and .csv files can be read (save an .xls or .ods file as .xlsx first)"}
}
