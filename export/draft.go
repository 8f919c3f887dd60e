package export

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ncm-register/ncm-register/data"
)

// DraftNarrative writes, from the figures bound to a question, plain
// sentences that the replying officer then edits: one per figure, with its
// largest parts named, largest first, and what the others add up to. An
// empty register drafts sentences that say so.
func DraftNarrative(q Question, figures map[string]data.FigureValue) string {
	var sentences []string
	for _, name := range q.Bindings {
		f, ok := data.NamedFigureByName(name)
		if !ok {
			continue
		}
		v := figures[name]
		s := fmt.Sprintf("%s: %s.", f.Title, FigureTotal(v))
		if v.Unknown {
			s = fmt.Sprintf("%s: %s (none entered for the period).", f.Title, data.NotAvailable)
		} else if v.Total == 0 && len(v.Rows) == 0 {
			s = fmt.Sprintf("%s: none recorded for the period.", f.Title)
		}
		if parts := draftParts(v); parts != "" {
			s = strings.TrimSuffix(s, ".") + " (" + parts + ")."
		}
		if note := missingNote(v); note != "" {
			s = strings.TrimSuffix(s, ".") + "; " + note + "."
		}
		sentences = append(sentences, s)
	}
	return strings.Join(sentences, " ")
}

// draftedParts is how many lines of a breakdown a drafted sentence names.
const draftedParts = 6

// draftParts names a breakdown's lines, largest first (in the figure's own
// order where equal), and the lines beyond the sixth by their number and
// what they add up to: "and 18 others, 40 in all".
func draftParts(v data.FigureValue) string {
	rows := make([]data.FigureRow, 0, len(v.Rows))
	for _, r := range v.Rows {
		if r.Value > 0 {
			rows = append(rows, r)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Value > rows[j].Value })
	var parts []string
	for i, r := range rows {
		if i == draftedParts {
			rest := 0
			for _, o := range rows[i:] {
				rest += o.Value
			}
			parts = append(parts, fmt.Sprintf("and %d others, %s in all", len(rows)-i, formatCount(rest)))
			break
		}
		parts = append(parts, r.Label+" "+formatCount(r.Value))
	}
	return strings.Join(parts, ", ")
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
