package export

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/data/scratch"
	"github.com/ncm-register/ncm-register/locale"
)

// maxCellUnits is how much text one spreadsheet cell holds: 32,767 UTF-16
// code units in Excel (an emoji takes two). excelize cuts longer text
// without a word, so every text is measured before it is written.
const maxCellUnits = excelize.TotalCellChars

// formulaLike says whether a spreadsheet would read text typed into a cell
// as a formula: it starts with =, +, - or @, also after spaces.
func formulaLike(s string) bool {
	for i := 0; i < len(s); i++ { // every cell passes here: no cutset set built each time
		switch s[i] {
		case ' ', '\t', '\r', '\n':
			continue
		case '=', '+', '-', '@':
			return true
		}
		return false
	}
	return false
}

// book is one workbook being written, and the one way text enters it: every
// text cell of every sheet, streamed or laid out cell by cell, goes through
// book.text. Text that looks like a formula keeps its characters as typed
// ("- Law 241/2005" shows no apostrophe) but gets a style with Excel's
// quote prefix, so neither Excel nor LibreOffice turns it into a formula,
// even when someone edits the cell later.
type book struct {
	f      *excelize.File
	tr     *locale.Translator // the workbook's language: its footers' words
	quoted map[int]int        // style id → the same style with the quote prefix
	wraps  map[int]float64    // style id → its font size if its text wraps, else 0
}

func newBook(f *excelize.File, tr *locale.Translator) *book {
	return &book{f: f, tr: orEnglish(tr), quoted: map[int]int{}, wraps: map[int]float64{}}
}

// TextTooLongError refuses a text longer than a spreadsheet cell holds,
// rather than letting the spreadsheet library cut it without a word.
type TextTooLongError struct {
	Sheet, Cell string
	Units       int // its length in UTF-16 code units, as Excel counts
}

func (e *TextTooLongError) Error() string {
	return fmt.Sprintf("sheet “%s”, cell %s: the text is %d characters long, more than the %d a spreadsheet cell holds; "+
		"shorten it in the register and export again", e.Sheet, e.Cell, e.Units, maxCellUnits)
}

// text is the cell that holds s in the given style at sheet!cell: the style
// swapped for its quoted twin when s looks like a formula, and an error
// when s is too long for a cell.
func (b *book) text(sheet, cell, s string, style int) (excelize.Cell, error) {
	return b.textAt(cellRef{sheet: sheet, name: cell}, s, style)
}

// cellRef is where a text goes: a cell's name, or its column and row, for a
// streamed sheet that names a cell only when it has to refuse it (a name
// for each of a million cells cost a tenth of a large directory's time).
type cellRef struct {
	sheet    string
	name     string
	col, row int
}

func (r cellRef) String() string {
	if r.name != "" {
		return r.name
	}
	return cell(r.col, r.row)
}

func (b *book) textAt(at cellRef, s string, style int) (excelize.Cell, error) {
	if len(s) > maxCellUnits/2 { // no text under 16,384 bytes can reach the limit
		if n := data.TextLength(s); n > maxCellUnits {
			return excelize.Cell{}, &TextTooLongError{Sheet: at.sheet, Cell: at.String(), Units: n}
		}
	}
	if formulaLike(s) {
		style = b.quotedStyle(style)
	}
	return excelize.Cell{StyleID: style, Value: s}, nil
}

// quotedStyle is style with Excel's quotePrefix set. excelize's Style has
// no such field, so the twin is a copy of the style's cell format with the
// attribute added, appended to the workbook's formats. excelize looks a new
// style up from the first format on, so it still finds the original.
func (b *book) quotedStyle(style int) int {
	if id, ok := b.quoted[style]; ok {
		return id
	}
	xfs := b.f.Styles.CellXfs
	if xfs == nil || style < 0 || style >= len(xfs.Xf) {
		return style
	}
	xf := xfs.Xf[style]
	yes := true
	xf.QuotePrefix = &yes
	xfs.Xf = append(xfs.Xf, xf)
	xfs.Count = len(xfs.Xf)
	b.quoted[style] = len(xfs.Xf) - 1
	return b.quoted[style]
}

// set writes one value into a sheet laid out cell by cell: text through
// text, anything else as it is, in the given style.
func (b *book) set(sheet, cell string, v any, style int) error {
	if s, ok := v.(string); ok {
		c, err := b.text(sheet, cell, s, style)
		if err != nil {
			return err
		}
		if err := b.f.SetCellStr(sheet, cell, s); err != nil {
			return err
		}
		style = c.StyleID
	} else if err := b.f.SetCellValue(sheet, cell, v); err != nil {
		return err
	}
	return b.f.SetCellStyle(sheet, cell, cell, style)
}

// wrapping is the font size of a style whose text wraps, or 0.
func (b *book) wrapping(style int) float64 {
	size, known := b.wraps[style]
	if !known {
		if st, err := b.f.GetStyle(style); err == nil && st.Alignment != nil && st.Alignment.WrapText {
			size = 11
			if st.Font != nil && st.Font.Size > 0 {
				size = st.Font.Size
			}
		}
		b.wraps[style] = size
	}
	return size
}

// dateOf reads a YYYY-MM-DD date, or nil.
func dateOf(day string) *time.Time {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return nil
	}
	return &d
}

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// newWorkbook is an empty workbook whose spill files (the rows of a large
// sheet, which excelize writes to disk) go to the private scratch folder,
// removed at the next start if the program dies while writing.
func newWorkbook() *excelize.File {
	dir, err := scratch.Dir()
	if err != nil {
		dir = "" // the system's temporary folder
	}
	f := excelize.NewFile(excelize.Options{TmpDir: dir})
	f.SetZipWriter(fastZip)
	return f
}

// fastZip compresses a workbook's parts at deflate's fastest level: a
// directory of 100,000 people spent a quarter of its time compressing at
// the default level, for a file a few percent smaller.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return zw
}
