package export

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// DraftNarrative writes, from the figures bound to a question, plain
// sentences that the replying officer then edits: one per figure, with its
// largest parts named, largest first, and what the others add up to. An
// empty register drafts sentences that say so.
func DraftNarrative(q Question, figures map[string]data.FigureValue) string {
	return DraftNarrativeIn(english(), q, figures)
}

// DraftNarrativeIn is DraftNarrative in a language: the window's, for the
// officer who edits it.
func DraftNarrativeIn(tr *locale.Translator, q Question, figures map[string]data.FigureValue) string {
	tr = orEnglish(tr)
	var sentences []string
	for _, name := range q.Bindings {
		if _, ok := data.NamedFigureByName(name); !ok {
			continue
		}
		title, _ := figureText(tr, name)
		v := figures[name]
		words := map[string]any{"Figure": title, "Total": FigureTotalIn(tr, v), "Parts": draftParts(tr, v), "Missing": missingNote(tr, v)}
		var s string
		switch {
		case v.Unknown:
			s = tr.L("{{.Figure}}: {{.Total}} (none entered for the period).", words)
		case v.Total == 0 && len(v.Rows) == 0:
			s = tr.L("{{.Figure}}: none recorded for the period.", words)
		case words["Parts"] != "" && words["Missing"] != "":
			s = tr.L("{{.Figure}}: {{.Total}} ({{.Parts}}); {{.Missing}}.", words)
		case words["Parts"] != "":
			s = tr.L("{{.Figure}}: {{.Total}} ({{.Parts}}).", words)
		case words["Missing"] != "":
			s = tr.L("{{.Figure}}: {{.Total}}; {{.Missing}}.", words)
		default:
			s = tr.L("{{.Figure}}: {{.Total}}.", words)
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
func draftParts(tr *locale.Translator, v data.FigureValue) string {
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
			parts = append(parts, tr.N("and {{.Count}} other, {{.Total}} in all", len(rows)-i, map[string]any{"Total": tr.Count(rest)}))
			break
		}
		parts = append(parts, rowText(tr, r)+" "+tr.Count(r.Value))
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
