package data

import (
	"os"
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// The collator orders names the way the user's language does (accents and
// other scripts in their place, case ignored), rather than by byte value.
var (
	collatorTag = language.English
)

// SetCollationLanguage chooses the language whose order lists follow. Call
// it before the first list is read.
func SetCollationLanguage(tag language.Tag) { collatorTag = tag }

func init() {
	for _, env := range []string{"LC_ALL", "LC_COLLATE", "LANG"} {
		if v := os.Getenv(env); v != "" && v != "C" && v != "POSIX" {
			if tag, err := language.Parse(trimEncoding(v)); err == nil {
				collatorTag = tag
			}
			return
		}
	}
}

func trimEncoding(locale string) string {
	for i, r := range locale {
		if r == '.' || r == '@' {
			return locale[:i]
		}
	}
	return locale
}

// sortBy sorts items by a name in the collation language. Keys are made once
// per item; a collator is not safe for concurrent use, so each call has its own.
func sortBy[T any](items []T, name func(T) string) {
	c := collate.New(collatorTag, collate.IgnoreCase, collate.Loose)
	var buf collate.Buffer
	keys := make([][]byte, len(items))
	for i, it := range items {
		keys[i] = c.KeyFromString(&buf, name(it))
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return string(keys[idx[a]]) < string(keys[idx[b]]) })
	sorted := make([]T, len(items))
	for i, j := range idx {
		sorted[i] = items[j]
	}
	copy(items, sorted)
}
