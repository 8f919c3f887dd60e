package sheets

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// Workbook is an xlsx file opened within limits.
type Workbook struct {
	f   *excelize.File
	lim Limits
}

// OpenXLSX reads a workbook. Before anything is unpacked it checks the
// file's size and what each part declares it unpacks to (Go's zip reader
// holds a part to its declared size), so a bomb is refused at once.
// tempDir is where excelize may put large sheets while they are read ("":
// the system's); the caller keeps it private and cleans it.
func OpenXLSX(ctx context.Context, r io.Reader, lim Limits, tempDir string) (*Workbook, error) {
	raw, err := readBounded(r, lim.FileBytes)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkParts(raw, lim); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{
		UnzipSizeLimit: lim.UnpackedBytes, UnzipXMLSizeLimit: 16 << 20, TmpDir: tempDir})
	if err != nil {
		return nil, &Error{Reason: "the file is not a readable xlsx workbook (" + err.Error() + ")"}
	}
	return &Workbook{f: f, lim: lim}, nil
}

// ReadBounded reads a whole file from outside into memory, refusing one
// larger than the limits allow (for a caller that reads it more than once,
// in another encoding say).
func ReadBounded(r io.Reader, lim Limits) ([]byte, error) { return readBounded(r, lim.FileBytes) }

// readBounded reads a whole file, refusing one over max bytes.
func readBounded(r io.Reader, max int64) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, &Error{Reason: "the file cannot be read (" + err.Error() + ")"}
	}
	if int64(len(raw)) > max {
		return nil, &Error{Reason: fmt.Sprintf("the file is larger than %s, more than any list this program reads", megabytes(max))}
	}
	return raw, nil
}

// checkParts refuses a workbook whose parts declare more than the limits.
func checkParts(raw []byte, lim Limits) error {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return &Error{Reason: "the file is not an xlsx workbook (it is not a zip archive)"}
	}
	var total uint64
	for _, p := range zr.File {
		size := p.UncompressedSize64
		total += size
		worksheet := strings.HasPrefix(strings.ToLower(p.Name), "xl/worksheets/")
		switch {
		case total > uint64(lim.UnpackedBytes):
			return &Error{Reason: fmt.Sprintf("the workbook would unpack to more than %s; it is refused as a possible decompression bomb",
				megabytes(lim.UnpackedBytes))}
		case !worksheet && size > uint64(lim.PartBytes):
			return &Error{Reason: fmt.Sprintf("its part %s would unpack to %s, more than %s; it is refused as a possible decompression bomb",
				p.Name, megabytes(int64(size)), megabytes(lim.PartBytes))}
		case size > 1<<20 && size > p.CompressedSize64*uint64(lim.Ratio):
			return &Error{Reason: fmt.Sprintf("its part %s would unpack to %s from %s, far more than a workbook compresses; "+
				"it is refused as a possible decompression bomb", p.Name, megabytes(int64(size)), megabytes(int64(p.CompressedSize64)))}
		}
	}
	return nil
}

// Close removes what reading left in the temporary folder.
func (w *Workbook) Close() error { return w.f.Close() }

// Sheets are the workbook's sheet names, in order.
func (w *Workbook) Sheets() []string { return w.f.GetSheetList() }

// Has says whether the workbook has a sheet of that name.
func (w *Workbook) Has(sheet string) bool {
	i, err := w.f.GetSheetIndex(sheet)
	return err == nil && i >= 0
}

// Rows reads a sheet a row at a time, each cell's text as shown (or as
// stored, when raw), refusing a sheet of more rows or columns than the
// limits and a cell longer than a spreadsheet cell holds. Empty rows in
// the middle are kept, as empty slices, so row i is line i+1.
func (w *Workbook) Rows(ctx context.Context, sheet string, raw bool) ([][]string, error) {
	if !w.Has(sheet) {
		return nil, &Error{Sheet: sheet, Reason: "the workbook has no such sheet"}
	}
	it, err := w.f.Rows(sheet)
	if err != nil {
		return nil, &Error{Sheet: sheet, Reason: "the sheet cannot be read (" + err.Error() + ")"}
	}
	defer it.Close()
	var out [][]string
	for it.Next() {
		if len(out)%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if len(out) >= w.lim.Rows {
			return nil, &Error{Sheet: sheet, Reason: fmt.Sprintf("the sheet has more than %d rows, more than this program reads at once; "+
				"split it into several files", w.lim.Rows)}
		}
		cols, err := it.Columns(excelize.Options{RawCellValue: raw})
		if err != nil {
			return nil, &Error{Sheet: sheet, Row: len(out) + 1, Reason: "the row cannot be read (" + err.Error() + ")"}
		}
		if err := checkRow(cols, w.lim); err != nil {
			err.Sheet, err.Row = sheet, len(out)+1
			return nil, err
		}
		out = append(out, cols)
	}
	if err := it.Error(); err != nil {
		return nil, &Error{Sheet: sheet, Reason: "the sheet cannot be read (" + err.Error() + ")"}
	}
	return out, nil
}

// checkRow refuses a row of too many columns or a cell too long.
func checkRow(cols []string, lim Limits) *Error {
	if len(cols) > lim.Columns {
		// The cells past the last one with text do not count.
		last := len(cols) - 1
		for last >= 0 && strings.TrimSpace(cols[last]) == "" {
			last--
		}
		if last >= lim.Columns {
			return &Error{Column: last + 1, Reason: fmt.Sprintf("the row has text in column %s, beyond the %d columns this program reads",
				ColumnName(last+1), lim.Columns)}
		}
	}
	for i, c := range cols {
		if len(c) > MaxCellLength/2 { // no text under 16,384 bytes can reach the limit
			if n := utf16Length(c); n > MaxCellLength {
				return &Error{Column: i + 1, Reason: fmt.Sprintf("the cell holds %d characters, more than the %d a spreadsheet cell holds", n, MaxCellLength)}
			}
		}
	}
	return nil
}

func utf16Length(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// IsLimit says whether err is a file refused by the limits or unreadable,
// rather than a cancellation.
func IsLimit(err error) bool {
	var e *Error
	return errors.As(err, &e)
}
