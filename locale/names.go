package locale

import (
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Country is the name of a country (ISO 3166 code) in the language, from
// CLDR; the code itself when CLDR does not know it.
func (t *Translator) Country(code string) string {
	region, err := language.ParseRegion(strings.ToUpper(code))
	if err != nil {
		return code
	}
	if name := display.Regions(t.tag).Name(region); name != "" {
		return name
	}
	return code
}

// LanguageName is the name of a language in this one ("French",
// "français" in French).
func (t *Translator) LanguageName(code string) string {
	if name := display.Languages(t.tag).Name(language.Make(code)); name != "" {
		return name
	}
	return code
}

// Collator orders names the language's way: accents and other scripts in
// their place, case ignored. A collator is not safe for concurrent use:
// make one per sort.
func (t *Translator) Collator() *collate.Collator {
	return collate.New(t.tag, collate.IgnoreCase, collate.Loose)
}

// SortStrings sorts names in the language's order.
func (t *Translator) SortStrings(names []string) {
	c := t.Collator()
	sort.SliceStable(names, func(i, j int) bool { return c.CompareString(names[i], names[j]) < 0 })
}
