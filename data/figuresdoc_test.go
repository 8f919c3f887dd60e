package data

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var updateFiguresDoc = flag.Bool("update-figures-doc", false, "rewrite the list of figures in docs/questionnaire.md")

// figuresDoc is the guide that lists every named figure with its rule,
// between these two marks.
const (
	figuresDoc      = "../docs/questionnaire.md"
	figuresDocStart = "<!-- figures: written by TestTheGuideListsEveryFigure -->"
	figuresDocEnd   = "<!-- /figures -->"
)

func figuresDocTable() string {
	var b strings.Builder
	b.WriteString("| Figure | Name | How it is counted |\n|---|---|---|\n")
	for _, f := range NamedFigures {
		b.WriteString("| " + f.Title + " | `" + f.Name + "` | " + strings.ReplaceAll(f.Rule, "|", "\\|") + " |\n")
	}
	return b.String()
}

// TestTheGuideListsEveryFigure: docs/questionnaire.md lists every figure a
// template can bind, with the counting rule the program shows with it.
// Run with -update-figures-doc after changing a figure or its rule.
func TestTheGuideListsEveryFigure(t *testing.T) {
	doc, err := os.ReadFile(figuresDoc)
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	start, end := strings.Index(text, figuresDocStart), strings.Index(text, figuresDocEnd)
	if start < 0 || end < start {
		t.Fatalf("%s lacks the marks %q and %q", figuresDoc, figuresDocStart, figuresDocEnd)
	}
	want := figuresDocStart + "\n\n" + figuresDocTable() + "\n" + figuresDocEnd
	got := text[start : end+len(figuresDocEnd)]
	if got == want {
		return
	}
	if *updateFiguresDoc {
		if err := os.WriteFile(figuresDoc, []byte(text[:start]+want+text[end+len(figuresDocEnd):]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s does not list the figures as they are (go test ./data -run TestTheGuideListsEveryFigure -update-figures-doc)", figuresDoc)
}
