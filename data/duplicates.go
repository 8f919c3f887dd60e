package data

import (
	"context"
)

// Duplicates lists the pairs of people (people true) or of organisations
// of the register, archived ones left out, that are probably one record,
// best first; in each pair A is the older record.
func (s *Store) Duplicates(ctx context.Context, people bool) ([]Match, error) {
	m, err := s.registerMatcher(ctx, people)
	if err != nil {
		return nil, err
	}
	return m.Duplicates(), nil
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
