package export

import (
	"fmt"
	"iter"
)

// replyPrint is every text the reply PDF prints that someone typed: the
// questionnaire in the reply's language (a template may carry any), the cover,
// the answers, the agencies' contributions and the annexes' names and
// titles (the courses as listed, at most pdfListLimit).
func replyPrint(c ReplyContent, courses annexCourses) iter.Seq[printed] {
	return func(yield func(printed) bool) {
		t, tr := c.Template, c.tr()
		code := tr.Code()
		texts := []printed{{"the questionnaire", "title", t.TitleIn(code)}, {"the questionnaire", "resolution", t.ResolutionIn(code)},
			{"the questionnaire", "note", t.NoteIn(code)}, {"the reply", "replying officer", c.Officer},
			{"the reply", "replying officer's organisation", c.OfficerOrganisation}}
		for _, sec := range t.Sections {
			texts = append(texts, printed{"section " + sec.ID + " of the questionnaire", "title", sec.TitleIn(code)})
			for _, q := range sec.Questions {
				texts = append(texts, printed{"question " + q.ID + " of the questionnaire", "text", q.TextIn(code)},
					printed{"question " + q.ID, "answer", c.Answers[q.ID].Narrative})
			}
		}
		for _, k := range c.Contributions {
			who := "the contribution of an agency to question " + k.QuestionID
			texts = append(texts, printed{who, "agency", k.OrganisationName}, printed{who, "answer", k.Narrative})
		}
		for i, o := range c.Annexes.Members {
			texts = append(texts, printed{fmt.Sprintf("member %d of Annex 1", i+1), "name", o.Name})
		}
		for i, k := range courses.list {
			texts = append(texts, printed{fmt.Sprintf("course %d of Annex 2", i+1), "title", k[0]})
		}
		for i, k := range c.Annexes.Campaigns {
			texts = append(texts, printed{fmt.Sprintf("campaign %d of Annex 3", i+1), "title", k.Title})
		}
		for i, a := range c.Annexes.Agreements {
			texts = append(texts, printed{fmt.Sprintf("agreement %d of Annex 4", i+1), "title", a.Title})
		}
		for i, a := range c.Annexes.Actions {
			who := fmt.Sprintf("action %d of Annex 5", i+1)
			texts = append(texts, printed{who, "activity", a.Activity}, printed{who, "lead organisation", a.Lead})
		}
		for i, n := range c.Annexes.statisticNotes(tr) {
			texts = append(texts, printed{fmt.Sprintf("note %d of Annex 6", i+1), "text", n})
		}
		for _, p := range texts {
			if !yield(p) {
				return
			}
		}
	}
}
