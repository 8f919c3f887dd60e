package data

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"
)

// A letter or two typed in the search box matches most of a large
// register: "j" finds 7,400 organisations through 60,000 people, and
// reading every match from the full-text index takes 6–8 ms, growing with
// the register. The list shows a screen of them. FirstOrganisations gives
// that screen without reading every match: it asks the index for a screen's
// worth of each kind of record, and when there are more, walks the list in
// its order and matches each organisation and its people in memory until
// the screen is full. The window then reads the whole result in the
// background, for the count and for scrolling.

// FirstScreen is how many rows the window asks FirstOrganisations for: a
// screen of the list on a large monitor, with room to scroll a little.
const FirstScreen = 40

// walkBudget bounds the people's text a walk looks through in memory (in
// bytes) before it gives up and reads every match from the index instead:
// a word that few people have would otherwise walk the whole register to
// fill a screen. firstWalkBudget is the walk before the index is asked: a
// common word fills a screen within it. (Variables, so that a test can
// make every walk give up.)
var walkBudget, firstWalkBudget = 1 << 20, 64 << 10

// orgCost is what looking at an organisation costs a walk, in the bytes of
// text that take as long to search: a word nobody has is ruled out of
// each by the signatures, but the list is long.
const orgCost = 32

// FirstOrganisations gives the first n of the organisations Organisations
// gives for the filter, in the same order with the same contacts named,
// and says whether they are all of them.
//
// It walks the list in its order, matching in memory, for a few dozen
// organisations: a common word fills the screen there. Otherwise it asks
// the index for n matches of each kind of record: when it has fewer, those
// are all of them (a rare word). Otherwise the walk goes on, and one that
// finds too little in too much text gives way to reading every match.
func (s *Store) FirstOrganisations(ctx context.Context, f OrganisationFilter, n int) ([]OrganisationRow, bool, error) {
	match := matchQuery(f.Query)
	if match == "" {
		rows, err := s.Organisations(ctx, f)
		return firstOf(rows, n), len(rows) <= n, err
	}
	cache, err := s.lockedList(ctx)
	if err != nil {
		return nil, false, err
	}
	defer cache.mu.Unlock()
	if err := cache.people.ready(ctx, s.read, cache.orgPK); err != nil {
		return nil, false, err
	}
	w := cache.newWalk(searchWords(f.Query), f, n)
	if w.run(firstWalkBudget) {
		return w.rows, w.all, nil
	}
	m := s.matching(ctx, match, n)
	if m.cut && m.err == nil {
		if w.run(walkBudget) {
			return w.rows, w.all, nil
		}
		m = s.matching(ctx, match, 0)
	}
	switch {
	case unsearchable(m.err):
		return nil, true, nil
	case m.err != nil:
		return nil, false, m.err
	}
	hits, named := cache.hitsOf(m, f.Archived)
	rows := cache.rows(f, hits, named)
	return firstOf(rows, n), len(rows) <= n, nil
}

func firstOf(rows []OrganisationRow, n int) []OrganisationRow {
	if len(rows) > n {
		return rows[:n:n]
	}
	return rows
}

// listWalk goes down the list in its order and keeps the organisations
// that pass the filter and whose own text or one of whose people's has
// every word, until it has n of them or reaches the end (all).
type listWalk struct {
	c       *listCache
	people  *peopleByOrg
	orgSig  []wordStarts
	words   []string
	longest string // the rarest word, most likely
	sig     int
	bit     uint
	signed  bool
	f       OrganisationFilter
	n       int
	next    int // the index in the list to go on from
	scanned int // bytes of people's text looked through, and orgCost for each organisation
	rows    []OrganisationRow
	all     bool
}

func (c *listCache) newWalk(words []string, f OrganisationFilter, n int) *listWalk {
	w := &listWalk{c: c, people: c.people.byOrganisation(), orgSig: c.signatures(), words: words, f: f, n: n}
	w.longest = slices.MaxFunc(words, func(a, b string) int { return len(a) - len(b) })
	w.sig, w.bit, w.signed = startSignatureBit(w.longest)
	return w
}

// run walks on until the walk is done (true) or has looked through
// budget bytes of people's text in all (false).
func (w *listWalk) run(budget int) bool {
	c := w.c
	for ; w.next < len(c.orgs); w.next++ {
		if w.scanned > budget {
			return false
		}
		i := w.next
		w.scanned += orgCost
		pk := c.pkAt[i]
		// The signatures first: they rule out most organisations for any
		// but the commonest words, and are small.
		ownMay := !w.signed || w.orgSig[pk].has(w.sig, w.bit)
		peopleMay := !w.signed || w.people.signed(pk, w.sig, w.bit)
		if (!ownMay && !peopleMay) || !w.f.admits(&c.orgs[i]) {
			continue
		}
		found := ownMay && matchesWords(c.orgText[pk], w.words)
		var names []string
		// All the organisation's people's text in one string: one search
		// of it tells whether anyone there may match.
		var blob string
		if peopleMay {
			blob = w.people.text(pk)
		}
		w.scanned += len(blob)
		if startsAWord(blob, w.longest) {
			for _, pk := range w.people.of(pk) {
				p := c.people.contacts[pk]
				if (p.archived && !w.f.Archived) || !matchesWords(p.text, w.words) {
					continue
				}
				found = true
				if len(names) < maxMatchedContactsShown {
					names = append(names, p.name)
				}
			}
		}
		if found {
			r := c.orgs[i]
			r.MatchedContacts = names
			if w.rows = append(w.rows, r); len(w.rows) == w.n {
				w.next++
				return true
			}
		}
	}
	w.all = true
	return true
}

// matchesWords says whether every word starts a word of the folded text,
// as the full-text index matches "word"* (its tokenizer breaks words where
// isWordBreak does).
func matchesWords(text string, words []string) bool {
	for _, w := range words {
		if !startsAWord(text, w) {
			return false
		}
	}
	return true
}

func startsAWord(text, w string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return false
		}
		at := from + i
		if before, _ := utf8.DecodeLastRuneInString(text[:at]); at == 0 || isWordBreak(before) {
			return true
		}
		_, size := utf8.DecodeRuneInString(text[at:])
		from = at + size
	}
}
