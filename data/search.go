package data

import (
	"context"
	"encoding/json"
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

// matchQuery turns what the user typed into an FTS5 query: every word must
// start a word of the record. Punctuation is dropped, so nothing the user
// types can break the query syntax.
func matchQuery(typed string) string {
	words := strings.FieldsFunc(typed, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	for i, w := range words {
		words[i] = wordQuery(w)
	}
	return strings.Join(words, " AND ")
}

// wordQuery matches the records with a word that starts with w.
//
// SQLite's tokenizer (unicode61 remove_diacritics) takes accents off Latin
// letters only, so "ελληνικη" would not find "Ελληνική", nor "υπουργείο" a
// name written in capitals ("ΥΠΟΥΡΓΕΙΟ"), which Greek writes without accents.
// A Greek word is therefore looked for in each of its usual spellings: with
// no accent, with the accent (tonos) on one of its vowels, or a diaeresis on
// ι or υ (with or without an accent elsewhere).
func wordQuery(w string) string {
	spellings := greekSpellings(w)
	if len(spellings) == 0 {
		return `"` + w + `"*`
	}
	for i, sp := range spellings {
		spellings[i] = `"` + sp + `"*`
	}
	return "(" + strings.Join(spellings, " OR ") + ")"
}

// maxGreekSpellings bounds the spellings tried for one (very long) word.
const maxGreekSpellings = 64

var (
	greekTonos     = map[rune]rune{'α': 'ά', 'ε': 'έ', 'η': 'ή', 'ι': 'ί', 'ο': 'ό', 'υ': 'ύ', 'ω': 'ώ'}
	greekDiaeresis = map[rune]rune{'ι': 'ϊ', 'υ': 'ϋ'}
	greekBoth      = map[rune]rune{'ι': 'ΐ', 'υ': 'ΰ'}
)

// greekSpellings lists the lower-case spellings of a word with Greek letters
// (see wordQuery); nil for other words.
func greekSpellings(w string) []string {
	if !strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Greek, r) }) {
		return nil
	}
	bare := []rune(Fold(w))
	if len(bare) == 0 {
		return nil
	}
	out := []string{string(bare)}
	with := func(marks map[int]rune) {
		if len(out) < maxGreekSpellings {
			v := append([]rune(nil), bare...)
			for i, r := range marks {
				v[i] = r
			}
			out = append(out, string(v))
		}
	}
	for i, r := range bare {
		if a, ok := greekTonos[r]; ok {
			with(map[int]rune{i: a})
		}
	}
	for j, r := range bare {
		d, ok := greekDiaeresis[r]
		if !ok {
			continue
		}
		with(map[int]rune{j: d})
		with(map[int]rune{j: greekBoth[r]})
		for i, r2 := range bare {
			if a, ok := greekTonos[r2]; ok && i != j {
				with(map[int]rune{j: d, i: a})
			}
		}
	}
	return out
}

// maxMatchedContactsShown bounds the names shown per organisation in the list.
const maxMatchedContactsShown = 3

// Organisations lists the organisations that pass the filter, in the order
// of the user's language.
func (s *Store) Organisations(ctx context.Context, f OrganisationFilter) ([]OrganisationRow, error) {
	var where []string
	var args []any
	if !f.Archived {
		where = append(where, "o.archived = 0")
	}
	for _, eq := range []struct{ col, val string }{{"o.sector", f.Sector}, {"o.level", f.Level}, {"o.region", f.Region}} {
		if eq.val != "" {
			where = append(where, eq.col+" = ?")
			args = append(args, eq.val)
		}
	}
	switch f.Mechanism {
	case MechanismAny:
	case MechanismMembers:
		where = append(where, "o.mechanism_role <> ''")
	case MechanismNone:
		where = append(where, "o.mechanism_role = ''")
	default:
		where = append(where, "o.mechanism_role = ?")
		args = append(args, f.Mechanism)
	}
	match := matchQuery(f.Query)
	if strings.TrimSpace(f.Query) != "" && match == "" {
		return nil, nil // only punctuation: nothing can match
	}
	contactArchived := "AND c.archived = 0"
	if f.Archived {
		contactArchived = ""
	}
	var viaContacts map[string][]string
	if match != "" {
		// The contacts that match are read once: they tell which
		// organisations match through a contact and are named in the list.
		// (Reading them in the query below and again for the names took
		// two passes over the contacts, the largest part of a search.)
		var err error
		if viaContacts, err = s.matchedContacts(ctx, match, contactArchived); err != nil {
			return nil, err
		}
		ids := make([]string, 0, len(viaContacts))
		for id := range viaContacts {
			ids = append(ids, id)
		}
		idList, err := json.Marshal(ids)
		if err != nil {
			return nil, err
		}
		where = append(where, `(o.pk IN (SELECT rowid FROM organisation_fts WHERE organisation_fts MATCH ?)
			OR o.id IN (SELECT value FROM json_each(?)))`)
		args = append(args, match, string(idList))
	}
	q := "SELECT o.id, o.name, o.acronym, o.sector, o.level, o.region, o.mechanism_role, o.archived FROM organisation o"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OrganisationRow
	for rows.Next() {
		var r OrganisationRow
		if err := rows.Scan(&r.ID, &r.Name, &r.Acronym, &r.Sector, &r.Level, &r.Region, &r.MechanismRole, &r.Archived); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].MatchedContacts = viaContacts[out[i].ID]
	}
	sortBy(out, func(r OrganisationRow) string { return r.Name })
	return out, nil
}

// matchedContacts finds the contacts that match, by organisation id, with
// the names of the first few of each organisation.
func (s *Store) matchedContacts(ctx context.Context, match, contactArchived string) (map[string][]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT c.organisation_id, c.name FROM contact_fts
		JOIN contact c ON c.pk = contact_fts.rowid WHERE contact_fts MATCH ? `+contactArchived, match)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var org, name string
		if err := rows.Scan(&org, &name); err != nil {
			return nil, err
		}
		if names := out[org]; len(names) < maxMatchedContactsShown {
			out[org] = append(names, name)
		}
	}
	return out, rows.Err()
}

// Regions lists the regions named in the register, for the region filter.
func (s *Store) Regions(ctx context.Context) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT DISTINCT region FROM organisation WHERE region <> ''")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	sortBy(out, func(s string) string { return s })
	return out, rows.Err()
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
