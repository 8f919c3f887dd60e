package data

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzMatchQuery types anything into the search box: no string makes the
// list fail, and a query without a letter or digit finds nothing.
func FuzzMatchQuery(f *testing.F) {
	for _, seed := range []string{
		"jose", "JOSÉ", "jo", "мвд", "γιωργος", "ΕΛΛΗΝΙΚΉ", "ραϊσα",
		`"`, `*`, `"jose"*`, `jose OR perez`, `NEAR(a b)`, `-x`, `^x`, `name:x`, `{name}: x`, `(`, `)`,
		"a\x00b", "\xff\xfe", "ʹ", "x\u0301", "١٢٣", "ǅ", "İstanbul", "ß", "日本語", "🙂",
	} {
		f.Add(seed)
	}
	// A register smaller than the small sample keeps each run quick.
	s := newStore(f)
	if err := s.GenerateSample(f.Context(), SampleSize{Organisations: 30, Contacts: 60}, 1); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		for _, archived := range []bool{false, true} {
			rows, err := s.Organisations(t.Context(), OrganisationFilter{Query: typed, Archived: archived})
			if err != nil {
				t.Fatalf("Organisations(%q) (match %s): %v", typed, matchQuery(typed), err)
			}
			if strings.TrimSpace(typed) != "" && !strings.ContainsFunc(typed, func(r rune) bool {
				return unicode.IsLetter(r) || unicode.IsNumber(r)
			}) && len(rows) > 0 {
				t.Fatalf("Organisations(%q) found %d rows for a query without words", typed, len(rows))
			}
		}
	})
}
