package export

import (
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// xlsxWriter wraps an excelize file and keeps the first error, so that a
// workbook laid out cell by cell reads as its layout rather than as a
// column of error checks; the caller looks at err once, before writing.
type xlsxWriter struct {
	f   *excelize.File
	err error
}

func (x *xlsxWriter) keep(err error) {
	if x.err == nil && err != nil {
		x.err = err
	}
}

func (x *xlsxWriter) renameFirst(name string) { x.keep(x.f.SetSheetName("Sheet1", name)) }

func (x *xlsxWriter) newSheet(name string) {
	_, err := x.f.NewSheet(name)
	x.keep(err)
}

func (x *xlsxWriter) style(s *excelize.Style) int {
	id, err := x.f.NewStyle(s)
	x.keep(err)
	return id
}

func (x *xlsxWriter) setStr(sheet, cell, v string) { x.keep(x.f.SetCellStr(sheet, cell, v)) }

func (x *xlsxWriter) setValue(sheet, cell string, v any) { x.keep(x.f.SetCellValue(sheet, cell, v)) }

func (x *xlsxWriter) setRow(sheet, cell string, row []any) {
	x.keep(x.f.SetSheetRow(sheet, cell, &row))
}

func (x *xlsxWriter) setStyle(sheet, from, to string, style int) {
	x.keep(x.f.SetCellStyle(sheet, from, to, style))
}

func (x *xlsxWriter) colWidth(sheet, col string, width float64) {
	x.keep(x.f.SetColWidth(sheet, col, col, width))
}

func (x *xlsxWriter) hideCol(sheet, col string) { x.keep(x.f.SetColVisible(sheet, col, false)) }

// hide makes a sheet "very hidden": Excel's and LibreOffice's menus do not
// offer to show it, so the identity it holds is not edited by mistake.
func (x *xlsxWriter) hide(sheet string) {
	x.keep(x.f.SetSheetVisible(sheet, false, true))
}

func (x *xlsxWriter) freezeHeader(sheet string) {
	x.keep(x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
}

// protect locks a sheet's cells except those styled unlocked, without a
// password: it keeps questions from being changed by a slip, and the
// import checks the structure anyway.
func (x *xlsxWriter) protect(sheet string) {
	x.keep(x.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true}))
}

func (x *xlsxWriter) validate(sheet, cell string, set func(*excelize.DataValidation) error) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cell
	x.keep(set(dv))
	x.keep(x.f.AddDataValidation(sheet, dv))
}

func (x *xlsxWriter) activate(sheet string) {
	i, err := x.f.GetSheetIndex(sheet)
	x.keep(err)
	x.f.SetActiveSheet(i)
}

// rowHeight is the height, in points, that a cell's wrapped text needs in a
// column of width characters. Excel fits the height of such a row when it
// opens the file, LibreOffice does not: it shows one line and cuts the rest,
// so the height is written. The estimate errs on the tall side (a column of
// width w holds about w characters of 11-point text).
func rowHeight(text string, width float64) float64 {
	const lineHeight = 15.0
	perLine := max(1, int(width*1.1))
	lines := 0
	for _, paragraph := range strings.Split(text, "\n") {
		lines += max(1, (utf8.RuneCountInString(paragraph)+perLine-1)/perLine)
	}
	return float64(lines) * lineHeight
}

// fitRow sets a row's height to what its wrapped cells need, when that is
// more than one line.
func (x *xlsxWriter) fitRow(sheet string, row int, cells map[string]float64) {
	height := 0.0
	for text, width := range cells {
		height = max(height, rowHeight(text, width))
	}
	if height > 15 {
		x.keep(x.f.SetRowHeight(sheet, row, height))
	}
}
