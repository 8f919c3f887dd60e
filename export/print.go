package export

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/locale"
)

// printReady sets every shown sheet of a workbook built cell by cell to print as people
// expect from Excel and LibreOffice: on A4, as wide as the page (as many
// pages down as it takes), landscape when the sheet is wide, the frozen
// heading rows repeated on every page, and the sheet's name and the page
// number in the footer. Without it, the reply's cover printed its labels
// and its values on different pages.
func printReady(f *excelize.File, tr *locale.Translator) error {
	for _, sheet := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(sheet); err != nil || !visible {
			continue
		}
		panes, err := f.GetPanes(sheet)
		if err != nil {
			return err
		}
		frozen := 0
		if panes.Freeze {
			frozen = panes.YSplit
		}
		if err := printSetup(f, sheet, wideSheet(f, sheet), frozen, tr); err != nil {
			return err
		}
	}
	return nil
}

// printSetup sets one sheet to print so, its footer in the workbook's
// language. A sheet written as a stream takes it before its stream starts
// (excelize writes the sheet's properties first and the page set-up at
// the end of the stream).
func printSetup(f *excelize.File, sheet string, wide bool, frozenRows int, tr *locale.Translator) error {
	a4, fitWidth, fitHeight := 9, 1, 0
	orientation := "portrait"
	if wide {
		orientation = "landscape"
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation,
		FitToWidth: &fitWidth, FitToHeight: &fitHeight}); err != nil {
		return err
	}
	foot := footer(orEnglish(tr))
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: foot, EvenFooter: foot}); err != nil {
		return err
	}
	if frozenRows > 0 {
		return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(sheet, "'", "''"), frozenRows)})
	}
	return nil
}

// footer is a printed sheet's footer: the sheet's name on the left, the
// page of how many on the right ("Page 2 / 5"), in the workbook's
// language. Excel reads "&" as the start of a code (&P the page, &N the
// pages), so a translation's own ampersand is doubled before the codes go
// in.
func footer(tr *locale.Translator) string {
	page := tr.L("Page {{.Page}} / {{.Pages}}", map[string]any{"Page": "\x00P", "Pages": "\x00N"})
	return "&L&A&R" + strings.ReplaceAll(strings.ReplaceAll(page, "&", "&&"), "\x00", "&")
}

// pageWidth is about as many characters of Excel's default width as an A4
// page holds upright.
const pageWidth = 90

// wideSheet reports whether a sheet's columns add up to more than an A4
// page is wide upright (about 90 characters of Excel's default width).
func wideSheet(f *excelize.File, sheet string) bool {
	dim, err := f.GetSheetDimension(sheet)
	if err != nil || dim == "" {
		return false
	}
	_, last, _ := strings.Cut(dim, ":")
	if last == "" {
		return false
	}
	cols, _, err := excelize.CellNameToCoordinates(last)
	if err != nil {
		return false
	}
	width := 0.0
	for c := 1; c <= cols; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(sheet, name)
		if err != nil {
			return false
		}
		width += w
	}
	return width > pageWidth
}
