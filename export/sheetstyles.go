package export

import (
	"github.com/xuri/excelize/v2"
)

// sheetStyles are the cell styles of a workbook (a reply, a list), made once.
type sheetStyles struct {
	title, header, label, question, wrap, note, date, top int
}

func newSheetStyles(f *excelize.File) (sheetStyles, error) {
	var st sheetStyles
	var err error
	style := func(id *int, s *excelize.Style) {
		if err == nil {
			*id, err = f.NewStyle(s)
		}
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	style(&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	style(&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E6EAF0"}}})
	style(&st.label, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}})
	style(&st.question, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top})
	style(&st.wrap, &excelize.Style{Alignment: top})
	style(&st.note, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "555555", Size: 9}, Alignment: top})
	style(&st.date, &excelize.Style{NumFmt: 14, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}})
	// Beside a tall wrapped cell, a label or number stays on its first line.
	style(&st.top, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	return st, err
}

// styled gives a value a style.
func styled(style int, v any) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }

// day is a YYYY-MM-DD date as a real date, or an empty cell.
func (st sheetStyles) day(d string) any {
	if t := dateOf(d); t != nil {
		return styled(st.date, *t)
	}
	return nil
}

// headerRow styles every cell of a header.
func (st sheetStyles) headerRow(titles ...string) []any {
	row := make([]any, len(titles))
	for i, t := range titles {
		row[i] = styled(st.header, t)
	}
	return row
}
