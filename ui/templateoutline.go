package ui

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/ncm-register/ncm-register/export"
)

// outlineItem is a row of the template editor's outline: the questionnaire
// itself (section -1), one of its sections (question -1), or a question.
type outlineItem struct{ section, question int }

var outlineRoot = outlineItem{-1, -1}

func (it outlineItem) isSection() bool  { return it.section >= 0 && it.question < 0 }
func (it outlineItem) isQuestion() bool { return it.question >= 0 }

// outlineOf lists the rows of a template: itself, then each section
// followed by its questions, in the order the reply numbers them.
func outlineOf(t export.Template) []outlineItem {
	items := []outlineItem{outlineRoot}
	for i, sec := range t.Sections {
		items = append(items, outlineItem{i, -1})
		for j := range sec.Questions {
			items = append(items, outlineItem{i, j})
		}
	}
	return items
}

// newSectionID names a section added at the end: the letter after the last
// section's (the built-in runs A to H), else S and the first number free.
func newSectionID(t export.Template) string {
	used := map[string]bool{}
	for _, s := range t.Sections {
		used[s.ID] = true
	}
	if n := len(t.Sections); n == 0 {
		return "A"
	} else if last := t.Sections[n-1].ID; len(last) == 1 && last[0] >= 'A' && last[0] < 'Z' && !used[string(last[0]+1)] {
		return string(last[0] + 1)
	}
	for n := len(t.Sections) + 1; ; n++ {
		if id := "S" + strconv.Itoa(n); !used[id] {
			return id
		}
	}
}

// newQuestionID names a question of section i by the section's id and the
// first number that no question of the template has yet: B2 after B1.
func newQuestionID(t export.Template, i int) string {
	used := map[string]bool{}
	for _, s := range t.Sections {
		for _, q := range s.Questions {
			used[q.ID] = true
		}
	}
	for n := len(t.Sections[i].Questions) + 1; ; n++ {
		if id := fmt.Sprintf("%s%d", t.Sections[i].ID, n); !used[id] {
			return id
		}
	}
}

// addSection puts a new, empty section after the section of at (at the
// end when the questionnaire itself is chosen) and gives its row.
func addSection(t *export.Template, at outlineItem) outlineItem {
	i := len(t.Sections)
	if at.section >= 0 {
		i = at.section + 1
	}
	t.Sections = slices.Insert(t.Sections, i, export.TemplateSection{ID: newSectionID(*t)})
	return outlineItem{i, -1}
}

// addQuestion puts a new question after the question at, or at the end of
// the section at (the last section when the questionnaire itself is
// chosen); ok is false when there is no section to put it in.
func addQuestion(t *export.Template, at outlineItem) (outlineItem, bool) {
	if len(t.Sections) == 0 {
		return at, false
	}
	i := at.section
	if i < 0 {
		i = len(t.Sections) - 1
	}
	j := len(t.Sections[i].Questions)
	if at.isQuestion() {
		j = at.question + 1
	}
	q := export.Question{ID: newQuestionID(*t, i), Kind: "narrative"}
	t.Sections[i].Questions = slices.Insert(t.Sections[i].Questions, j, q)
	return outlineItem{i, j}, true
}

// moveItem moves a section, or a question, one place up (by -1) or down
// (+1). A question at the edge of its section goes to the end of the
// section before, or the start of the one after: the order the reply
// numbers them in. ok is false when it cannot move further.
func moveItem(t *export.Template, it outlineItem, by int) (outlineItem, bool) {
	switch {
	case it.isSection():
		k := it.section + by
		if k < 0 || k >= len(t.Sections) {
			return it, false
		}
		t.Sections[it.section], t.Sections[k] = t.Sections[k], t.Sections[it.section]
		return outlineItem{k, -1}, true
	case it.isQuestion():
		qs := t.Sections[it.section].Questions
		if k := it.question + by; k >= 0 && k < len(qs) {
			qs[it.question], qs[k] = qs[k], qs[it.question]
			return outlineItem{it.section, k}, true
		}
		to := it.section + by
		if to < 0 || to >= len(t.Sections) {
			return it, false
		}
		q := qs[it.question]
		t.Sections[it.section].Questions = slices.Delete(qs, it.question, it.question+1)
		at := 0
		if by < 0 {
			at = len(t.Sections[to].Questions)
		}
		t.Sections[to].Questions = slices.Insert(t.Sections[to].Questions, at, q)
		return outlineItem{to, at}, true
	}
	return it, false
}

// removeItem takes a section (with its questions) or a question out, and
// gives the row to show next: the one that took its place, else the one
// before.
func removeItem(t *export.Template, it outlineItem) outlineItem {
	switch {
	case it.isSection():
		t.Sections = slices.Delete(t.Sections, it.section, it.section+1)
		if it.section < len(t.Sections) {
			return it
		}
		if it.section > 0 {
			return outlineItem{it.section - 1, -1}
		}
		return outlineRoot
	case it.isQuestion():
		qs := t.Sections[it.section].Questions
		t.Sections[it.section].Questions = slices.Delete(qs, it.question, it.question+1)
		if it.question < len(t.Sections[it.section].Questions) {
			return it
		}
		if it.question > 0 {
			return outlineItem{it.section, it.question - 1}
		}
		return outlineItem{it.section, -1}
	}
	return it
}
