package export

import (
	"unicode"

	"golang.org/x/text/language"
)

// The font families of the PDF documents. DejaVu Sans prints Latin with
// every accent, Greek and Cyrillic, and is every document's default; the
// other two are registered in a document only when its texts need them,
// as each font registered costs every document its parsing (the CJK font
// alone 30 ms) and an embedded copy, used or not.
const (
	fontFamily    = "dejavu"
	scriptsFamily = "notoscripts" // Noto Sans for Armenian, Georgian, Indic scripts, Thai, Lao, Ethiopic, with Latin, Greek, Cyrillic
	cjkFamily     = "cjk"         // WenQuanYi Micro Hei: Han, kana, Hangul, with Latin, Greek, Cyrillic
)

// scriptsFonts are the scripts that print from the Noto fallback font, and
// cjkScripts those that print from the CJK one. Indic scripts print there
// letter by letter: the font's conjuncts and the placing of a vowel sign
// before its consonant need shaping, which the PDF library has not
// (docs/languages.md).
var (
	scriptsFonts = []*unicode.RangeTable{unicode.Armenian, unicode.Georgian, unicode.Devanagari, unicode.Bengali,
		unicode.Tamil, unicode.Thai, unicode.Lao, unicode.Ethiopic}
	cjkScripts = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo}
)

// unshapedScript is a script the documents refuse: written right to left,
// and (all but Hebrew and Thaana) with letters that join, which the PDF
// library prints left to right and unjoined, so a name would read wrongly
// rather than fail to print.
type unshapedScript struct {
	name   string
	iso    string // ISO 15924, as CLDR gives a language's script
	table  *unicode.RangeTable
	joined bool
}

var unshapedScripts = []unshapedScript{
	{"Arabic", "Arab", unicode.Arabic, true},
	{"Hebrew", "Hebr", unicode.Hebrew, false},
	{"Syriac", "Syrc", unicode.Syriac, true},
	{"Thaana", "Thaa", unicode.Thaana, false},
	{"N’Ko", "Nkoo", unicode.Nko, true},
}

// languageFamilies are the families of the scripts (ISO 15924) a
// document's language may be written in, for the words the program
// writes in it: a reply in Georgian needs the Noto fallback even when no
// name in it does.
var languageFamilies = map[string]string{
	"Armn": scriptsFamily, "Geor": scriptsFamily, "Deva": scriptsFamily, "Beng": scriptsFamily, "Taml": scriptsFamily,
	"Thai": scriptsFamily, "Laoo": scriptsFamily, "Ethi": scriptsFamily,
	"Hans": cjkFamily, "Hant": cjkFamily, "Hani": cjkFamily, "Jpan": cjkFamily, "Kore": cjkFamily, "Hira": cjkFamily,
	"Kana": cjkFamily, "Hang": cjkFamily, "Bopo": cjkFamily,
}

// familyFor is the font family a text prints in: the family of the first
// script in it that DejaVu lacks (both fallback fonts carry Latin, Greek and
// Cyrillic too, so a name mixing "Nino" and "ნინო", or "王伟 (Wang Wei)",
// prints whole), and DejaVu for everything else, the scripts refused
// included (they never reach a document: refusal comes first).
func familyFor(s string) string {
	for _, r := range s {
		if r < 0x0530 { // Latin, Greek, Cyrillic and their marks: DejaVu's own
			continue
		}
		switch {
		case unicode.In(r, scriptsFonts...):
			return scriptsFamily
		case unicode.In(r, cjkScripts...):
			return cjkFamily
		}
	}
	return fontFamily
}

// unshapedIn is the first script in s that the documents cannot print,
// and whether it was found.
func unshapedIn(s string) (unshapedScript, bool) {
	for _, r := range s {
		if r < 0x0590 { // below Hebrew, the first of them
			continue
		}
		for _, u := range unshapedScripts {
			if unicode.Is(u.table, r) {
				return u, true
			}
		}
	}
	return unshapedScript{}, false
}

// languageFamily is the family of the words the program writes in a
// language, by the script CLDR writes it in (however sure CLDR is of it),
// or the script refused for it.
func languageFamily(tag language.Tag) (string, unshapedScript, bool) {
	script, _ := tag.Script()
	for _, u := range unshapedScripts {
		if u.iso == script.String() {
			return "", u, true
		}
	}
	if family, ok := languageFamilies[script.String()]; ok {
		return family, unshapedScript{}, false
	}
	return fontFamily, unshapedScript{}, false
}
