package sheets

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Limits bound what reading one file may cost. The defaults hold the
// largest lists a ministry keeps (a contact list of 100,000 people is
// about 15 MB as xlsx and 120 MB unpacked) with room to spare.
type Limits struct {
	FileBytes int64 // the file as it is on disk
	// UnpackedBytes bounds all the parts of a workbook unpacked, PartBytes
	// any one part other than a worksheet (worksheets are read a row at a
	// time; shared strings, styles and the rest are held whole).
	UnpackedBytes, PartBytes int64
	// Ratio is the most a part of over a megabyte may grow when unpacked:
	// workbooks compress 5 to 30 times, a bomb a thousand (the same bound
	// as Apache POI's ZipSecureFile).
	Ratio         int64
	Rows, Columns int // of one sheet, header included
}

// DefaultLimits are the bounds of every import.
var DefaultLimits = Limits{
	FileBytes:     100 << 20,
	UnpackedBytes: 400 << 20,
	PartBytes:     100 << 20,
	Ratio:         100,
	Rows:          200_000,
	Columns:       500,
}

// MaxCellLength is the most text a cell may hold, as Excel counts it
// (UTF-16 code units): no spreadsheet program writes more, and the
// register keeps no longer text.
const MaxCellLength = excelize.TotalCellChars

// Error says where a file cannot be read and why; nothing was taken from it.
type Error struct {
	Sheet  string // the worksheet, for a workbook
	Row    int    // from 1 (the line, for a CSV file); 0 for the whole file
	Column int    // from 1; 0 for a whole row or file
	Reason string
}

func (e *Error) Error() string {
	where := ""
	switch {
	case e.Sheet != "" && e.Row > 0 && e.Column > 0:
		where = fmt.Sprintf("sheet “%s”, cell %s: ", e.Sheet, CellName(e.Column, e.Row))
	case e.Sheet != "" && e.Row > 0:
		where = fmt.Sprintf("sheet “%s”, row %d: ", e.Sheet, e.Row)
	case e.Sheet != "":
		where = fmt.Sprintf("sheet “%s”: ", e.Sheet)
	case e.Row > 0 && e.Column > 0:
		where = fmt.Sprintf("line %d, column %s: ", e.Row, ColumnName(e.Column))
	case e.Row > 0:
		where = fmt.Sprintf("line %d: ", e.Row)
	}
	return where + e.Reason
}

// ColumnName is a column's letters (1 → A, 27 → AA).
func ColumnName(col int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return ""
	}
	return name
}

// CellName is a cell's reference (2, 7 → B7).
func CellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return ""
	}
	return name
}

// megabytes writes a size for a message.
func megabytes(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", max(1, n>>10))
	}
	return fmt.Sprintf("%d MB", n>>20)
}
