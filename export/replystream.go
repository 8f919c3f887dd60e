package export

import (
	"github.com/xuri/excelize/v2"
)

// streamSheet writes a worksheet row after row through excelize's
// StreamWriter, which keeps the sheet on disk rather than as cells in
// memory: a reply's annexes run to thousands of rows. Every text, the
// register's and the program's alike, goes through cellText, so nothing
// written can turn into a formula. The first error is kept and returned by
// flush, so a sheet reads as its layout.
type streamSheet struct {
	f      *excelize.File
	sw     *excelize.StreamWriter
	widths []float64
	wraps  map[int]float64 // style id → its font size if its text wraps, else 0
	row    int
	err    error
}

// newStreamSheet starts a sheet with its column widths (from column A) and
// the number of rows kept in view at the top while scrolling.
func newStreamSheet(f *excelize.File, name string, widths []float64, frozenRows int) *streamSheet {
	s := &streamSheet{f: f, widths: widths, wraps: map[int]float64{}}
	idx, err := f.GetSheetIndex(name)
	if err == nil && idx < 0 {
		_, err = f.NewSheet(name)
	}
	if s.err = err; err != nil {
		return s
	}
	if s.sw, s.err = f.NewStreamWriter(name); s.err != nil {
		return s
	}
	for i, w := range widths {
		s.keep(s.sw.SetColWidth(i+1, i+1, w))
	}
	if frozenRows > 0 {
		top, _ := excelize.CoordinatesToCellName(1, frozenRows+1)
		s.keep(s.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: frozenRows, TopLeftCell: top, ActivePane: "bottomLeft"}))
	}
	return s
}

func (s *streamSheet) keep(err error) {
	if s.err == nil && err != nil {
		s.err = err
	}
}

// add writes the next row; nil leaves a cell empty.
func (s *streamSheet) add(cells ...any) {
	s.row++
	if s.err != nil {
		return
	}
	for i, c := range cells {
		switch v := c.(type) {
		case string:
			cells[i] = cellText(v)
		case excelize.Cell:
			if text, ok := v.Value.(string); ok {
				v.Value = cellText(text)
				cells[i] = v
			}
		}
	}
	start, _ := excelize.CoordinatesToCellName(1, s.row)
	if height := s.height(cells); height > 15 {
		s.keep(s.sw.SetRow(start, cells, excelize.RowOpts{Height: height}))
		return
	}
	s.keep(s.sw.SetRow(start, cells))
}

// height is what the row's wrapped texts need (see rowHeight), a smaller
// font taking fewer and lower lines.
func (s *streamSheet) height(cells []any) float64 {
	height := 0.0
	for i, c := range cells {
		v, ok := c.(excelize.Cell)
		text, isText := v.Value.(string)
		if !ok || !isText || i >= len(s.widths) {
			continue
		}
		if size := s.wrapping(v.StyleID); size > 0 {
			height = max(height, rowHeight(text, s.widths[i]*11/size)*size/11)
		}
	}
	return height
}

// wrapping is the font size of a style whose text wraps, or 0.
func (s *streamSheet) wrapping(style int) float64 {
	size, known := s.wraps[style]
	if !known {
		if st, err := s.f.GetStyle(style); err == nil && st.Alignment != nil && st.Alignment.WrapText {
			size = 11
			if st.Font != nil && st.Font.Size > 0 {
				size = st.Font.Size
			}
		}
		s.wraps[style] = size
	}
	return size
}

// skip leaves a row empty.
func (s *streamSheet) skip() { s.row++ }

func (s *streamSheet) flush() error {
	if s.err != nil {
		return s.err
	}
	return s.sw.Flush()
}

// replyStyles are the cell styles of a reply's workbook, made once.
type replyStyles struct {
	title, header, label, question, wrap, note, date, top int
}

func newReplyStyles(f *excelize.File) (replyStyles, error) {
	var st replyStyles
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
func (st replyStyles) day(d string) any {
	if t := dateOf(d); t != nil {
		return styled(st.date, *t)
	}
	return nil
}

// headerRow styles every cell of a header.
func (st replyStyles) headerRow(titles ...string) []any {
	row := make([]any, len(titles))
	for i, t := range titles {
		row[i] = styled(st.header, t)
	}
	return row
}
