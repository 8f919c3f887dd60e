package ui

import (
	"strings"
	"testing"

	"github.com/ncm-register/ncm-register/export"
)

// ids writes a template's order as "A:A1,A2 B:B1".
func ids(t export.Template) string {
	var secs []string
	for _, s := range t.Sections {
		var qs []string
		for _, q := range s.Questions {
			qs = append(qs, q.ID)
		}
		secs = append(secs, s.ID+":"+strings.Join(qs, ","))
	}
	return strings.Join(secs, " ")
}

func twoSections() export.Template {
	return export.Template{Sections: []export.TemplateSection{
		{ID: "A", Questions: []export.Question{{ID: "A1"}, {ID: "A2"}}},
		{ID: "B", Questions: []export.Question{{ID: "B1"}}},
	}}
}

// TestOutlineMovesQuestionsAcrossSections: a question at the edge of its
// section moves into the next one, in the order the reply numbers them.
func TestOutlineMovesQuestionsAcrossSections(t *testing.T) {
	for _, tc := range []struct {
		name string
		at   outlineItem
		by   int
		want string
		to   outlineItem
		ok   bool
	}{
		{"within a section", outlineItem{0, 1}, -1, "A:A2,A1 B:B1", outlineItem{0, 0}, true},
		{"down into the next section", outlineItem{0, 1}, 1, "A:A1 B:A2,B1", outlineItem{1, 0}, true},
		{"up into the section before", outlineItem{1, 0}, -1, "A:A1,A2,B1 B:", outlineItem{0, 2}, true},
		{"the first question stays", outlineItem{0, 0}, -1, "A:A1,A2 B:B1", outlineItem{0, 0}, false},
		{"the last question stays", outlineItem{1, 0}, 1, "A:A1,A2 B:B1", outlineItem{1, 0}, false},
		{"a section with its questions", outlineItem{1, -1}, -1, "B:B1 A:A1,A2", outlineItem{0, -1}, true},
		{"the questionnaire itself", outlineRoot, 1, "A:A1,A2 B:B1", outlineRoot, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tpl := twoSections()
			to, ok := moveItem(&tpl, tc.at, tc.by)
			if got := ids(tpl); got != tc.want || to != tc.to || ok != tc.ok {
				t.Errorf("moved to %+v (%v): %s; want %+v (%v): %s", to, ok, got, tc.to, tc.ok, tc.want)
			}
		})
	}
}

func TestOutlineAddsAndRemoves(t *testing.T) {
	tpl := twoSections()
	if it, ok := addQuestion(&tpl, outlineItem{0, 0}); !ok || it != (outlineItem{0, 1}) || ids(tpl) != "A:A1,A3,A2 B:B1" {
		t.Errorf("a question after A1: %+v, %s", it, ids(tpl))
	}
	if it := addSection(&tpl, outlineRoot); it != (outlineItem{2, -1}) || ids(tpl) != "A:A1,A3,A2 B:B1 C:" {
		t.Errorf("a section at the end: %+v, %s", it, ids(tpl))
	}
	if it, _ := addQuestion(&tpl, outlineItem{2, -1}); tpl.Sections[2].Questions[it.question].ID != "C1" {
		t.Errorf("the first question of C is %s", ids(tpl))
	}
	if next := removeItem(&tpl, outlineItem{2, -1}); next != (outlineItem{1, -1}) || ids(tpl) != "A:A1,A3,A2 B:B1" {
		t.Errorf("removing the last section: next %+v, %s", next, ids(tpl))
	}
	if next := removeItem(&tpl, outlineItem{1, 0}); next != (outlineItem{1, -1}) || ids(tpl) != "A:A1,A3,A2 B:" {
		t.Errorf("removing the only question of B: next %+v, %s", next, ids(tpl))
	}
	empty := export.Template{}
	if _, ok := addQuestion(&empty, outlineRoot); ok {
		t.Error("a question was added to a questionnaire without sections")
	}
}
