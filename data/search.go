package data

import (
	"context"
	"database/sql"
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
	words := strings.FieldsFunc(Fold(typed), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	for i, w := range words {
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " AND ")
}

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
	var hits []bool      // by index in cache.orgs; nil when there is no query
	var named [][]string // organisation index → contacts that matched
	if match != "" {
		if hits, named, err = s.search(ctx, cache, match, f.Archived); err != nil {
			if unsearchable(err) {
				return nil, nil
			}
			return nil, err
		}
	}
	var out []OrganisationRow
	if hits != nil { // thousands of rows for a letter or two: the list grows once
		room := 0
		for _, hit := range hits {
			if hit {
				room++
			}
		}
		out = make([]OrganisationRow, 0, room)
	}
	for i, r := range cache.orgs {
		switch {
		case hits != nil && !hits[i],
			r.Archived && !f.Archived,
			f.Sector != "" && r.Sector != f.Sector,
			f.Level != "" && r.Level != f.Level,
			f.Region != "" && r.Region != f.Region,
			!mechanismPasses(f.Mechanism, r.MechanismRole):
			continue
		}
		if named != nil {
			r.MatchedContacts = named[i]
		}
		out = append(out, r)
	}
	return out, nil
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
// in cache.orgs, as hits).
func (s *Store) search(ctx context.Context, cache *listCache, match string, withArchived bool) ([]bool, [][]string, error) {
	hits := make([]bool, len(cache.orgs))
	var named [][]string // made at the first contact found
	err := queryPKs(ctx, s.read, "SELECT rowid FROM organisation_fts WHERE organisation_fts MATCH ?", match, func(pk int64) {
		if i, ok := cache.indexOf(pk); ok {
			hits[i] = true
		}
	})
	if err != nil {
		return nil, nil, err
	}
	if err := cache.people.ready(ctx, s.read, cache.orgPK); err != nil {
		return nil, nil, err
	}
	err = queryPKs(ctx, s.read, "SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?", match, func(pk int64) {
		c, ok := cache.people.entry(pk)
		if !ok || (c.archived && !withArchived) {
			return
		}
		i, ok := cache.indexOf(c.orgPK)
		if !ok {
			return
		}
		hits[i] = true
		if named == nil {
			named = make([][]string, len(cache.orgs))
		}
		switch n := len(named[i]); {
		case n == 0:
			named[i] = append(make([]string, 0, maxMatchedContactsShown), c.name)
		case n < maxMatchedContactsShown:
			named[i] = append(named[i], c.name)
		}
	})
	return hits, named, err
}

// queryPKs runs a query of one integer column and hands each value to fn.
func queryPKs(ctx context.Context, db *sql.DB, q string, arg any, fn func(int64)) error {
	rows, err := db.QueryContext(ctx, q, arg)
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
