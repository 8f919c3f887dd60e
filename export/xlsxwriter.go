package export

import (
	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/locale"
)

// xlsxWriter wraps an excelize file and keeps the first error, so that a
// workbook laid out cell by cell reads as its layout rather than as a
// column of error checks; the caller looks at err once, before writing.
type xlsxWriter struct {
	*book
	err error
}

func newXLSXWriter(f *excelize.File, tr *locale.Translator) *xlsxWriter {
	return &xlsxWriter{book: newBook(f, tr)}
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

// put writes a value in a style; text goes through book.text, so it cannot
// become a formula and is never cut.
func (x *xlsxWriter) put(sheet, cell string, v any, style int) {
	if x.err == nil {
		x.keep(x.set(sheet, cell, v, style))
	}
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

// fitRow sets a row's height to what its wrapped cells need, when that is
// more than one line (and at most a row's height).
func (x *xlsxWriter) fitRow(sheet string, row int, cells map[string]float64) {
	height := 0.0
	for text, width := range cells {
		height = max(height, rowHeight(text, width))
	}
	if height > lineHeight {
		x.keep(x.f.SetRowHeight(sheet, row, height))
	}
}
