package data

import (
	"os"
	"sort"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// The collator orders names the way the user's language does (accents and
// other scripts in their place, case ignored), rather than by byte value.
var (
	collatorTag = language.English
)

// SetCollationLanguage chooses the language whose order lists follow: the
// window's, which can change while lists are read.
func SetCollationLanguage(tag language.Tag) {
	sortKeys.Lock()
	defer sortKeys.Unlock()
	collatorTag = tag
}

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

// sortKeys remembers the collation key of each name sorted, for the
// language it was made in. The list is sorted again at every keystroke of a
// search, and making the keys took a third of the time of listing 10,000
// organisations; names seldom change, so their keys are made once.
var sortKeys struct {
	sync.Mutex
	tag  language.Tag
	keys map[string][]byte
}

// maxSortKeys bounds the memory the keys take (names of deleted records
// stay until the map is emptied).
const maxSortKeys = 200_000

// sortBy sorts items by a name in the collation language.
func sortBy[T any](items []T, name func(T) string) {
	keys := make([][]byte, len(items))
	sortKeys.Lock()
	if sortKeys.tag != collatorTag || len(sortKeys.keys) > maxSortKeys {
		sortKeys.tag, sortKeys.keys = collatorTag, map[string][]byte{}
	}
	var c *collate.Collator // not safe for concurrent use: one per call, made when needed
	var buf collate.Buffer
	for i, it := range items {
		n := name(it)
		k, ok := sortKeys.keys[n]
		if !ok {
			if c == nil {
				c = collate.New(collatorTag, collate.IgnoreCase, collate.Loose)
			}
			// KeyFromString's result lives in buf; keep a copy.
			k = append([]byte(nil), c.KeyFromString(&buf, n)...)
			buf.Reset()
			sortKeys.keys[n] = k
		}
		keys[i] = k
	}
	sortKeys.Unlock()
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
