package export

import (
	"strings"
	"unicode"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

const ellipsis = "…"

// shorten cuts s to fit in width when drawn in sty, ending it with an
// ellipsis; "" when not even the ellipsis fits. It cuts between
// characters, never before a combining accent, and drops the spaces
// and punctuation the cut leaves at the end ("Employers'…", not
// "Employers' …").
func shorten(sty text.Style, s string, width vg.Length) string {
	if sty.Width(s) <= width {
		return s
	}
	runes := []rune(s)
	// The longest prefix that fits, by bisection: widths grow with the
	// number of characters.
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if sty.Width(cut(runes, mid)) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		if sty.Width(ellipsis) <= width {
			return ellipsis
		}
		return ""
	}
	return cut(runes, lo)
}

// cut is the first n characters of runes and an ellipsis.
func cut(runes []rune, n int) string {
	for n > 0 && n < len(runes) && unicode.Is(unicode.Mn, runes[n]) {
		n-- // keep a letter with its accent
	}
	head := strings.TrimRightFunc(string(runes[:n]), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '-' || r == '(' || r == '/'
	})
	return head + ellipsis
}

// visible is how many characters of s survive shortening, the ellipsis
// not counted.
func visible(short string) int {
	n := len([]rune(short))
	if strings.HasSuffix(short, ellipsis) {
		n--
	}
	return n
}
