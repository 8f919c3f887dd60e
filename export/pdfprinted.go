package export

import (
	"fmt"
	"iter"

	"github.com/ncm-register/ncm-register/locale"
)

// UnprintableScriptError refuses a PDF document one of whose texts is
// written in a script that the PDF library cannot lay out (Arabic, Hebrew,
// Syriac, Thaana, N’Ko): it would print the letters left to right and, for
// Arabic, unjoined, a name that reads wrongly on a certificate. It is
// returned before anything is written.
type UnprintableScriptError struct {
	Record string // what holds the text: "certificate 2026-0042", "participant 3"
	Field  string // which of its texts: "name", "organisation"
	Text   string // the text, shortened when long
	Script string // "Arabic", "Hebrew", …
	Joined bool   // whether the script's letters join
}

func (e *UnprintableScriptError) Error() string {
	why := "its letters would come out in the wrong order"
	if e.Joined {
		why = "its letters would come out unjoined and in the wrong order"
	}
	return fmt.Sprintf("the %s “%s” of %s is written in %s script, which PDF documents cannot print yet; %s",
		e.Field, e.Text, e.Record, e.Script, why)
}

// printed is a text that someone typed and a document prints, named for
// a refusal.
type printed struct {
	record, field, text string
}

// fontNeeds is what a document's texts need of the fonts beyond DejaVu.
type fontNeeds struct {
	scripts, cjk bool
}

// fontsFor reads the language a document is written in (nil: English) and
// every text it prints that someone typed: it refuses the first in a
// script the documents cannot print, and says which fallback fonts the
// others need.
func fontsFor(tr *locale.Translator, texts iter.Seq[printed]) (fontNeeds, error) {
	var need fontNeeds
	if tr != nil {
		family, u, bad := languageFamily(tr.Tag())
		if bad {
			return need, &UnprintableScriptError{Record: "the document", Field: "language", Text: tr.LanguageName(tr.Code()),
				Script: u.name, Joined: u.joined}
		}
		need.add(family)
	}
	for p := range texts {
		if s, bad := unshapedIn(p.text); bad {
			return need, &UnprintableScriptError{Record: p.record, Field: p.field, Text: shortQuote(p.text),
				Script: s.name, Joined: s.joined}
		}
		need.add(familyFor(p.text))
	}
	return need, nil
}

// add notes that a text in family is printed.
func (need *fontNeeds) add(family string) {
	switch family {
	case scriptsFamily:
		need.scripts = true
	case cjkFamily:
		need.cjk = true
	}
}

// shortQuote keeps a long text (an answer of several paragraphs) to the
// start a message can quote.
func shortQuote(s string) string {
	const most = 60
	if r := []rune(s); len(r) > most {
		return string(r[:most]) + "…"
	}
	return s
}
