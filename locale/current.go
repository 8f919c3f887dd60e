package locale

import (
	"sync/atomic"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// For is the translator of a language, given as a code or a tag with a
// region ("fr", "en-US"): the closest language with a translation file,
// with the region's dates where they differ. Translators are made once.
func For(tag string) *Translator {
	load()
	if t, ok := loaded.translators.Load(tag); ok {
		return t.(*Translator)
	}
	code := Match(tag)
	t := newTranslator(bundleFor(code), code, tag)
	actual, _ := loaded.translators.LoadOrStore(tag, t)
	return actual.(*Translator)
}

// newTranslator speaks code, the language of a file of bundle, with the
// dates of tag's region where the tag names one.
func newTranslator(bundle *i18n.Bundle, code, tag string) *Translator {
	t := &Translator{code: code, tag: language.Make(code), localizer: i18n.NewLocalizer(bundle, code)}
	parsed, err := language.Parse(tag)
	if region, conf := parsed.Region(); err == nil && conf == language.Exact {
		t.cldr, t.monthDay = calendarFor(language.Make(code + "-" + region.String()))
	} else {
		t.cldr, t.monthDay = calendarFor(t.tag)
	}
	return t
}

// current is the window's translator.
var current atomic.Pointer[Translator]

// Set makes the window speak a language (a code or a tag, as For takes).
func Set(tag string) { current.Store(For(tag)) }

// Current is the window's translator: English until Set.
func Current() *Translator {
	if t := current.Load(); t != nil {
		return t
	}
	return For("en")
}

// L translates a string into the window's language (Translator.L).
func L(msg string, data ...any) string { return Current().L(msg, data...) }

// X translates the string under key into the window's language.
func X(key, fallback string, data ...any) string { return Current().X(key, fallback, data...) }

// N translates a counted string into the window's language (Translator.N).
func N(msg string, count int, data ...any) string { return Current().N(msg, count, data...) }

// XN translates the counted string under key into the window's language.
func XN(key, fallback string, count int, data ...any) string {
	return Current().XN(key, fallback, count, data...)
}

// Mark marks an English string for translation where it is kept in a
// table and translated later (tr.L(entry.title)): the test that writes
// en.json finds the strings passed to L, N, X and Mark.
func Mark(msg string) string { return msg }

// MarkN marks a counted string (a template for N) kept for later.
func MarkN(msg string) string { return msg }
