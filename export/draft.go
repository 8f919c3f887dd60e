package export

import (
	"fmt"
	"strings"

	"github.com/ncm-register/ncm-register/data"
)

// DraftNarrative writes, from the figures bound to a question, plain
// sentences that the replying officer then edits: one per figure, with its
// largest parts named. An empty register drafts sentences that say so.
func DraftNarrative(q Question, figures map[string]data.FigureValue) string {
	var sentences []string
	for _, name := range q.Bindings {
		f, ok := data.NamedFigureByName(name)
		if !ok {
			continue
		}
		v := figures[name]
		s := fmt.Sprintf("%s: %s.", f.Title, formatCount(v.Total))
		if v.Total == 0 && len(v.Rows) == 0 {
			s = fmt.Sprintf("%s: none recorded for the period.", f.Title)
		}
		var parts []string
		for _, r := range v.Rows {
			if rest, ok := strings.CutPrefix(r.Label, "Of which "); ok {
				// A part of the total, not a breakdown: "6, of which joint 5".
				s = strings.TrimSuffix(s, ".") + fmt.Sprintf(", of which %s %s.", rest, formatCount(r.Value))
			} else if r.Value > 0 {
				parts = append(parts, fmt.Sprintf("%s %s", r.Label, formatCount(r.Value)))
			}
		}
		if len(parts) > 0 {
			if len(parts) > 6 {
				parts = append(parts[:6], fmt.Sprintf("and %d more", len(parts)-6))
			}
			s = strings.TrimSuffix(s, ".") + " (" + strings.Join(parts, ", ") + ")."
		}
		sentences = append(sentences, s)
	}
	return strings.Join(sentences, " ")
}

// formatCount is FormatCount, under the name the writers of this package use.
var formatCount = FormatCount

// FormatCount writes a count with its thousands separated, as reports do:
// 12,345.
func FormatCount(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
