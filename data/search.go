package data

import (
	"context"
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
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " ")
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
	if match != "" {
		where = append(where, `(o.pk IN (SELECT rowid FROM organisation_fts WHERE organisation_fts MATCH ?)
			OR o.id IN (SELECT c.organisation_id FROM contact_fts JOIN contact c ON c.pk = contact_fts.rowid
			            WHERE contact_fts MATCH ? `+contactArchived+`))`)
		args = append(args, match, match)
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
	if match != "" {
		if err := s.annotateMatchedContacts(ctx, out, match, contactArchived); err != nil {
			return nil, err
		}
	}
	sortBy(out, func(r OrganisationRow) string { return r.Name })
	return out, nil
}

// annotateMatchedContacts fills MatchedContacts for the rows found through a contact.
func (s *Store) annotateMatchedContacts(ctx context.Context, out []OrganisationRow, match, contactArchived string) error {
	index := make(map[string]int, len(out))
	for i, r := range out {
		index[r.ID] = i
	}
	rows, err := s.read.QueryContext(ctx, `SELECT c.organisation_id, c.name FROM contact_fts
		JOIN contact c ON c.pk = contact_fts.rowid WHERE contact_fts MATCH ? `+contactArchived, match)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var org, name string
		if err := rows.Scan(&org, &name); err != nil {
			return err
		}
		if i, ok := index[org]; ok && len(out[i].MatchedContacts) < maxMatchedContactsShown {
			out[i].MatchedContacts = append(out[i].MatchedContacts, name)
		}
	}
	return rows.Err()
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
