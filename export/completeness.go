package export

import (
	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// Completeness says what a reply still lacks: questions without an answer
// (a narrative, or yes/no for a yes/no question), and bound figures that are
// zero or missing for the period.
type Completeness struct {
	Unanswered  []string // question ids
	ZeroFigures []string // "question id: figure name"
	// NotAvailable are bound figures nobody entered for the period, or for
	// some of its years: "question id: figure name: not available for 2023".
	NotAvailable []string
	Questions    int
}

// CheckCompleteness compares a template with a reply's answers and figures.
func CheckCompleteness(t Template, answers map[string]data.Answer, figures map[string]data.FigureValue) Completeness {
	return CheckCompletenessIn(english(), t, answers, figures)
}

// CheckCompletenessIn is CheckCompleteness with its notes in a language.
func CheckCompletenessIn(tr *locale.Translator, t Template, answers map[string]data.Answer, figures map[string]data.FigureValue) Completeness {
	tr = orEnglish(tr)
	var c Completeness
	for _, s := range t.Sections {
		for _, q := range s.Questions {
			c.Questions++
			a := answers[q.ID]
			if a.Narrative == "" && (q.Kind != "yes_no" || a.YesNo == "") {
				c.Unanswered = append(c.Unanswered, q.ID)
			}
			for _, b := range q.Bindings {
				v, ok := figures[b]
				switch {
				case ok && v.Unknown:
					c.NotAvailable = append(c.NotAvailable, q.ID+": "+b+": "+tr.L(data.NotAvailable))
				case ok && len(v.Missing) > 0:
					c.NotAvailable = append(c.NotAvailable, q.ID+": "+b+": "+missingNote(tr, v))
				case !ok || (v.Total == 0 && !v.Unadded):
					c.ZeroFigures = append(c.ZeroFigures, q.ID+": "+b)
				}
			}
		}
	}
	return c
}

// SilentAgencies are the member agencies the template asks questions of
// (by their sector) that have not contributed to the reply.
func SilentAgencies(t Template, members []data.Organisation, contributions []data.Contribution) []data.Organisation {
	asked := map[string]bool{}
	for _, s := range t.Sections {
		for _, q := range s.Questions {
			for _, sector := range q.AskedOf {
				asked[sector] = true
			}
		}
	}
	sent := map[string]bool{}
	for _, c := range contributions {
		sent[c.OrganisationID] = true
	}
	var out []data.Organisation
	for _, o := range members {
		if asked[o.Sector] && !sent[o.ID] {
			out = append(out, o)
		}
	}
	return out
}
