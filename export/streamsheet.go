package export

import (
	"github.com/xuri/excelize/v2"
)

// streamSheet writes a worksheet row after row through excelize's
// StreamWriter, which keeps the sheet on disk rather than as cells in
// memory: a reply's annexes run to thousands of rows. Every text, the
// register's and the program's alike, goes through book.text, so nothing
// written can turn into a formula and nothing is cut. The first error is
// kept and returned by flush, so a sheet reads as its layout.
type streamSheet struct {
	b      *book
	name   string
	sw     *excelize.StreamWriter
	widths []float64
	row    int
	err    error
	// continued, when set, splits a text too tall for one row over the rows
	// below it, this cell standing in the first column of each row added.
	continued any
}

// newStreamSheet starts a sheet with its column widths (from column A) and
// the number of rows kept in view at the top while scrolling.
func newStreamSheet(b *book, name string, widths []float64, frozenRows int) *streamSheet {
	s := &streamSheet{b: b, name: name, widths: widths}
	idx, err := b.f.GetSheetIndex(name)
	if err == nil && idx < 0 {
		_, err = b.f.NewSheet(name)
	}
	if s.err = err; err != nil {
		return s
	}
	total := 0.0
	for _, w := range widths {
		total += w
	}
	if s.err = printSetup(b.f, name, total > pageWidth, frozenRows, b.tr); s.err != nil {
		return s
	}
	if s.sw, s.err = b.f.NewStreamWriter(name); s.err != nil {
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

// splitTall makes the sheet one that is read on, like a document: a text
// taller than a row continues in the rows below, marked in the first
// column, rather than being kept in one row cut short on screen.
func (s *streamSheet) splitTall(marker any) { s.continued = marker }

func (s *streamSheet) keep(err error) {
	if s.err == nil && err != nil {
		s.err = err
	}
}

// add writes the next row (or rows, when a text is split); nil leaves a
// cell empty.
func (s *streamSheet) add(cells ...any) {
	s.row++
	if s.err != nil {
		return
	}
	rows := [][]any{append([]any(nil), cells...)} // callers reuse their slice
	for i, c := range cells {
		text, style, ok := textIn(c)
		if !ok {
			continue
		}
		parts := []string{text}
		if layout, wraps := s.layout(i, style); wraps && s.continued != nil {
			parts = layout.split(text)
		}
		for j, part := range parts {
			v, err := s.b.textAt(cellRef{sheet: s.name, col: i + 1, row: s.row + j}, part, style)
			if err != nil {
				s.err = err
				return
			}
			for len(rows) <= j {
				more := make([]any, len(cells))
				more[0] = s.continued
				rows = append(rows, more)
			}
			rows[j][i] = v
		}
	}
	for j, r := range rows {
		if j > 0 {
			s.row++
		}
		start := cell(1, s.row)
		if height := s.height(r); height > lineHeight {
			s.keep(s.sw.SetRow(start, r, excelize.RowOpts{Height: height}))
		} else {
			s.keep(s.sw.SetRow(start, r))
		}
	}
}

// textIn is the text of a cell given to add, and its style.
func textIn(c any) (string, int, bool) {
	switch v := c.(type) {
	case string:
		return v, 0, true
	case excelize.Cell:
		text, ok := v.Value.(string)
		return text, v.StyleID, ok
	}
	return "", 0, false
}

// layout is how column i lays out text of a style, and whether it wraps.
func (s *streamSheet) layout(i, style int) (textLayout, bool) {
	size := s.b.wrapping(style)
	if size == 0 || i >= len(s.widths) {
		return textLayout{}, false
	}
	return layoutFor(s.widths[i], size), true
}

// height is what the row's wrapped texts need, at most a row's height.
func (s *streamSheet) height(cells []any) float64 {
	height := 0.0
	for i, c := range cells {
		if text, style, ok := textIn(c); ok {
			if layout, wraps := s.layout(i, style); wraps {
				height = max(height, layout.height(text))
			}
		}
	}
	return height
}

// skip leaves a row empty.
func (s *streamSheet) skip() { s.row++ }

func (s *streamSheet) flush() error {
	if s.err != nil {
		return s.err
	}
	return s.sw.Flush()
}
