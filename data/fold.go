package data

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold makes the form of a name used to compare and search names: lower
// case, without accents in any script, with runs of spaces made one.
// "  José  PÉREZ" and "jose perez" fold alike, and so do "Łukasz" and
// "lukasz", "Ελληνική" and "ελληνικη".
func Fold(s string) string {
	out := s
	if !isASCII(s) {
		// Making the transformer chain costs more than folding a name with
		// it (a large import folds 200,000 texts): chains are reused.
		t := foldChains.Get().(transform.Transformer)
		t.Reset()
		folded, _, err := transform.String(t, s)
		foldChains.Put(t)
		if err == nil {
			out = unaccented.Replace(strings.ToLower(folded))
		}
	} else {
		out = strings.ToLower(s)
	}
	return strings.Join(strings.Fields(out), " ")
}

var foldChains = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// unaccented spells the letters that carry their mark in the letter itself
// (Unicode does not decompose them) the way people type them without it.
var unaccented = strings.NewReplacer(
	"ł", "l", "ø", "o", "đ", "d", "ð", "d", "ħ", "h", "ŧ", "t", "ŀ", "l", "ı", "i",
	"ß", "ss", "æ", "ae", "œ", "oe", "þ", "th",
)
