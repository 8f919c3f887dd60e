package data

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"unicode"
)

// Mechanism filter values besides the role codes.
const (
	MechanismAny     = ""     // no filter
	MechanismMembers = "in"   // chair, member or observer
	MechanismNone    = "none" // not in the mechanism
)

// OrganisationFilter narrows the organisation list; the zero value lists
// every organisation that is not archived.
type OrganisationFilter struct {
	Query     string // words that start names, acronyms, regions, or a contact's name, position, e-mail
	Sector    string
	Level     string
	Region    string
	Mechanism string // MechanismAny, MechanismMembers, MechanismNone or a role code
	Archived  bool   // also list archived organisations (and match archived contacts)
}

// OrganisationRow is what the list shows of an organisation.
type OrganisationRow struct {
	ID            string
	Name          string
	Acronym       string
	Sector        string
	Level         string
	Region        string
	MechanismRole string
	Archived      bool
	// MatchedContacts names the organisation's contacts that the query found
	// (at most a few), so the list can say why an organisation is there.
	MatchedContacts []string
}

// matchQuery turns what the user typed into an FTS5 query: every word,
// folded as the indexed text is (case and accents in any script), must start
// a word of the record. Punctuation is dropped, so nothing the user types
// can break the query syntax.
func matchQuery(typed string) string {
	words := searchWords(typed)
	for i, w := range words {
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " AND ")
}

// searchWords are the words of what the user typed, folded as the indexed
// text is, each to start a word of a record.
func searchWords(typed string) []string {
	return strings.FieldsFunc(Fold(typed), isWordBreak)
}

func isWordBreak(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }

// unsearchable says whether FTS5 refused a query because a letter newer
// than the Unicode tables of SQLite's tokenizer (FuzzMatchQuery found
// U+1CF3) splits a word in the index but not in the query: such a word
// cannot be found, so the search finds nothing rather than failing.
func unsearchable(err error) bool {
	return err != nil && strings.Contains(err.Error(), "phrase queries are not supported")
}

// maxMatchedContactsShown bounds the names shown per organisation in the list.
const maxMatchedContactsShown = 3

// Organisations lists the organisations that pass the filter, in the order
// of the user's language.
func (s *Store) Organisations(ctx context.Context, f OrganisationFilter) ([]OrganisationRow, error) {
	match := matchQuery(f.Query)
	if strings.TrimSpace(f.Query) != "" && match == "" {
		return nil, nil // only punctuation: nothing can match
	}
	cache, err := s.lockedList(ctx)
	if err != nil {
		return nil, err
	}
	defer cache.mu.Unlock()
	var hits *hitSet     // nil when there is no query
	var named [][]string // organisation index → contacts that matched
	if match != "" {
		if hits, named, _, err = s.search(ctx, cache, match, f.Archived, 0); err != nil {
			if unsearchable(err) {
				return nil, nil
			}
			return nil, err
		}
	}
	return cache.rows(f, hits, named), nil
}

// hitSet is the organisations a search hit, by index in the list.
type hitSet struct {
	hit []bool
	at  []int // the indexes hit, each once, in no order
}

func newHitSet(n int) *hitSet { return &hitSet{hit: make([]bool, n)} }

func (h *hitSet) add(i int) {
	if !h.hit[i] {
		h.hit[i] = true
		h.at = append(h.at, i)
	}
}

// rows lists the organisations that pass the filter, of those a search
// hit when hits is not nil, with the contacts it named.
func (c *listCache) rows(f OrganisationFilter, hits *hitSet, named [][]string) []OrganisationRow {
	keep := func(out []OrganisationRow, i int) []OrganisationRow {
		if !f.admits(&c.orgs[i]) { // by pointer: a row is copied only when kept
			return out
		}
		r := c.orgs[i]
		if named != nil {
			r.MatchedContacts = named[i]
		}
		return append(out, r)
	}
	var out []OrganisationRow
	switch {
	case hits == nil:
		for i := range c.orgs {
			out = keep(out, i)
		}
	case len(hits.at) < len(c.orgs)/16: // a rare word: its hits in order, not the whole list
		slices.Sort(hits.at)
		out = make([]OrganisationRow, 0, len(hits.at))
		for _, i := range hits.at {
			out = keep(out, i)
		}
	default: // thousands of rows for a letter or two: the list grows once
		out = make([]OrganisationRow, 0, len(hits.at))
		for i, hit := range hits.hit {
			if hit {
				out = keep(out, i)
			}
		}
	}
	return out
}

// admits says whether an organisation passes the filter's choices other
// than the words typed.
func (f OrganisationFilter) admits(r *OrganisationRow) bool {
	return !(r.Archived && !f.Archived) &&
		(f.Sector == "" || r.Sector == f.Sector) &&
		(f.Level == "" || r.Level == f.Level) &&
		(f.Region == "" || r.Region == f.Region) &&
		mechanismPasses(f.Mechanism, r.MechanismRole)
}

func mechanismPasses(filter, role string) bool {
	switch filter {
	case MechanismAny:
		return true
	case MechanismMembers:
		return role != ""
	case MechanismNone:
		return role == ""
	}
	return role == filter
}

// search marks the organisations that match themselves or through one of
// their contacts, and names the first few contacts that matched (by index
// in cache.orgs, as hits). With a limit, it reads at most that many
// matches of each kind of record, and says if it stopped there (cut).
func (s *Store) search(ctx context.Context, cache *listCache, match string, withArchived bool, limit int) (hits *hitSet, named [][]string, cut bool, err error) {
	if err := cache.people.ready(ctx, s.read, cache.orgPK); err != nil {
		return nil, nil, false, err
	}
	m := s.matching(ctx, match, limit)
	if m.err != nil {
		return nil, nil, false, m.err
	}
	hits, named = cache.hitsOf(m, withArchived)
	return hits, named, m.cut, nil
}

// matches are the rowids of the records the full-text index matched, in
// its order; cut says a limit stopped the reading of either kind.
type matches struct {
	orgs, contacts []int64
	cut            bool
	err            error
}

// matching asks the index which organisations and contacts match, at most
// limit of each when limit > 0. It reads nothing kept in memory, so it
// may run beside a walk of the list (FirstOrganisations).
func (s *Store) matching(ctx context.Context, match string, limit int) matches {
	var m matches
	for _, table := range []string{"organisation_fts", "contact_fts"} {
		q, args := "SELECT rowid FROM "+table+" WHERE "+table+" MATCH ?", []any{match}
		if limit > 0 {
			q, args = q+" LIMIT ?", append(args, limit)
		}
		var pks []int64
		if m.err = queryPKs(ctx, s.find, q, args, func(pk int64) { pks = append(pks, pk) }); m.err != nil {
			return m
		}
		m.cut = m.cut || (limit > 0 && len(pks) >= limit)
		if table == "organisation_fts" {
			m.orgs = pks
		} else {
			m.contacts = pks
		}
	}
	return m
}

// hitsOf marks the organisations matched and names the first few matched
// contacts of each (the people must be ready).
func (c *listCache) hitsOf(m matches, withArchived bool) (hits *hitSet, named [][]string) {
	hits = newHitSet(len(c.orgs))
	for _, pk := range m.orgs {
		if i, ok := c.indexOf(pk); ok {
			hits.add(i)
		}
	}
	for _, pk := range m.contacts {
		p, ok := c.people.entry(pk)
		if !ok || (p.archived && !withArchived) {
			continue
		}
		i, ok := c.indexOf(p.orgPK)
		if !ok {
			continue
		}
		hits.add(i)
		if named == nil {
			named = make([][]string, len(c.orgs))
		}
		switch n := len(named[i]); {
		case n == 0:
			named[i] = append(make([]string, 0, maxMatchedContactsShown), p.name)
		case n < maxMatchedContactsShown:
			named[i] = append(named[i], p.name)
		}
	}
	return hits, named
}

// queryPKs runs a query of one integer column and hands each value to fn.
func queryPKs(ctx context.Context, db *sql.DB, q string, args []any, fn func(int64)) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var pk int64
		if err := rows.Scan(&pk); err != nil {
			return err
		}
		fn(pk)
	}
	return rows.Err()
}

// Regions lists the regions named in the register, for the region filter.
func (s *Store) Regions(ctx context.Context) ([]string, error) {
	out, err := queryStrings(ctx, s.read, "SELECT DISTINCT region FROM organisation WHERE region <> ''")
	sortBy(out, func(s string) string { return s })
	return out, err
}

// Counts are the sizes of the register, for the status line.
type Counts struct{ Organisations, Contacts int }

// Count counts the organisations and contacts that are not archived.
func (s *Store) Count(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.read.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM organisation WHERE archived = 0),
		(SELECT count(*) FROM contact WHERE archived = 0)`).Scan(&c.Organisations, &c.Contacts)
	return c, err
}
