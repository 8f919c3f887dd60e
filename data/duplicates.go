package data

import (
	"context"
	"database/sql"
)

// Duplicates lists the pairs of people (people true) or of organisations
// of the register, archived ones left out, that are probably one record,
// best first; in each pair A is the older record.
func (s *Store) Duplicates(ctx context.Context, people bool) ([]Match, error) {
	m, err := s.registerMatcher(ctx, people)
	if err != nil {
		return nil, err
	}
	entity := "organisation"
	if people {
		entity = "contact"
	}
	distinct, err := s.distinctPairs(ctx, entity)
	if err != nil {
		return nil, err
	}
	all := m.Duplicates()
	out := all[:0]
	for _, p := range all {
		if !distinct[orderedPair(p.A, p.B)] {
			out = append(out, p)
		}
	}
	return out, nil
}

// MarkDistinct records that two records (people or organisations) are not
// one, so that Duplicates no longer lists them.
func (s *Store) MarkDistinct(ctx context.Context, entity, a, b string) error {
	p := orderedPair(a, b)
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO distinct_pair (entity, a, b, at) VALUES (?, ?, ?, ?)",
			entity, p[0], p[1], s.timestamp())
		return err
	})
}

func (s *Store) distinctPairs(ctx context.Context, entity string) (map[[2]string]bool, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT a, b FROM distinct_pair WHERE entity = ?", entity)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[[2]string]bool{}
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, err
		}
		out[p] = true
	}
	return out, rows.Err()
}

func orderedPair(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// registerMatcher holds the register's records that are in use, oldest first.
func (s *Store) registerMatcher(ctx context.Context, people bool) (*Matcher, error) {
	q := `SELECT id, name, acronym, sector, '', phone, email FROM organisation WHERE archived = 0 ORDER BY pk`
	if people {
		q = `SELECT id, name, '', '', organisation_id, phones, emails FROM contact WHERE archived = 0 ORDER BY pk`
	}
	rows, err := s.read.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := NewMatcher(people)
	for rows.Next() {
		var r MatchRecord
		var phones, emails string
		if err := rows.Scan(&r.ID, &r.Name, &r.Acronym, &r.Sector, &r.Organisation, &phones, &emails); err != nil {
			return nil, err
		}
		r.Phones, r.Emails = splitLines(phones), splitLines(emails)
		m.Add(r)
	}
	return m, rows.Err()
}

// Listed is how a record of a pair is listed: its name, and for a person
// the organisation, for an organisation its sector.
type Listed struct {
	Name, Organisation, Sector string
}

// ListedNames reads, in one pass, how the records named are listed (a
// query per record made a large register's duplicates wait seconds).
func (s *Store) ListedNames(ctx context.Context, people bool, ids []string) (map[string]Listed, error) {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	q := `SELECT id, name, '', sector FROM organisation`
	if people {
		q = `SELECT c.id, c.name, o.name, o.sector FROM contact c JOIN organisation o ON o.id = c.organisation_id`
	}
	out := make(map[string]Listed, len(want))
	if len(want) == 0 {
		return out, nil
	}
	rows, err := s.read.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var l Listed
		if err := rows.Scan(&id, &l.Name, &l.Organisation, &l.Sector); err != nil {
			return nil, err
		}
		if want[id] {
			out[id] = l
		}
	}
	return out, rows.Err()
}
