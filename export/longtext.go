package export

import (
	"strings"
	"unicode/utf8"
)

// A spreadsheet row is at most 409 points tall (Excel's limit; excelize
// refuses a taller row). Text in a wrapping cell is laid out in lines of
// 15 points at 11-point type, so a row shows about 27 lines. Longer text is
// either split over rows (narrative sheets, where a reader reads on) or
// kept whole in a row of the largest height (tables, where a record is one
// row), its cell holding every character either way.
const (
	maxRowHeight = 409.0
	lineHeight   = 15.0 // points, at 11-point type
)

// textLayout is how a wrapping column lays out text: characters per line
// and lines a row can show.
type textLayout struct {
	perLine, maxLines int
	lineHeight        float64
}

// layoutFor is the layout of a column width characters wide (at 11-point
// type) for text of the given font size. The estimate errs on the tall side:
// a column of width w holds about 1.1 w characters of its own type size.
func layoutFor(width, size float64) textLayout {
	lh := lineHeight * size / 11
	return textLayout{
		perLine:    max(1, int(width*11/size*1.1)),
		maxLines:   max(1, int(maxRowHeight/lh)),
		lineHeight: lh,
	}
}

// lines is how many lines a paragraph (text without line breaks) takes.
func (l textLayout) lines(paragraph string) int {
	return max(1, (utf8.RuneCountInString(paragraph)+l.perLine-1)/l.perLine)
}

// height is the row height, in points, that text needs, at most a row's.
func (l textLayout) height(text string) float64 {
	n := 0
	for paragraph := range strings.SplitSeq(text, "\n") {
		n += l.lines(paragraph)
	}
	return min(float64(n)*l.lineHeight, maxRowHeight)
}

// rowHeight is the height, in points, that a cell's wrapped 11-point text
// needs in a column of width characters. Excel fits the height of such a
// row when it opens the file, LibreOffice does not: it shows one line and
// cuts the rest, so the height is written.
func rowHeight(text string, width float64) float64 {
	return layoutFor(width, 11).height(text)
}

// split cuts text into parts that each fit one row: between paragraphs
// where it can, else after a word, else (a word longer than a row) inside
// it. Every character is kept but the line break or the space where a cut
// falls, so the parts read on one from the other.
func (l textLayout) split(text string) []string {
	var parts []string
	var cur strings.Builder
	curLines := 0
	flush := func() {
		parts = append(parts, cur.String())
		cur.Reset()
		curLines = 0
	}
	for paragraph := range strings.SplitSeq(text, "\n") {
		n := l.lines(paragraph)
		if curLines > 0 && curLines+n > l.maxLines {
			flush()
		}
		for n > l.maxLines { // a paragraph taller than a row
			var head string
			head, paragraph = cutAfterWord(paragraph, l.maxLines*l.perLine)
			parts = append(parts, head)
			n = l.lines(paragraph)
		}
		if curLines > 0 {
			cur.WriteByte('\n')
		}
		cur.WriteString(paragraph)
		curLines += n
	}
	if curLines > 0 || len(parts) == 0 {
		flush()
	}
	return parts
}

// cutAfterWord splits s after at most limit characters, at the last space
// in the second half of them when there is one (dropping that space).
func cutAfterWord(s string, limit int) (head, rest string) {
	end, n := 0, 0
	for i := range s {
		if n == limit {
			end = i
			break
		}
		n++
	}
	if n < limit || end == 0 {
		return s, ""
	}
	if sp := strings.LastIndexByte(s[:end], ' '); sp > end/2 {
		return s[:sp], s[sp+1:]
	}
	return s[:end], s[end:]
}
