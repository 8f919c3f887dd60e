package data

import (
	"context"
	"slices"
)

// ContactHit is a person found by SearchContacts, with their organisation.
type ContactHit struct {
	ID               string
	Name             string
	Position         string
	OrganisationName string
	Sector           string
	Archived         bool // the person, or their organisation, is archived
}

// SearchContacts finds current contacts whose name, position or e-mail has
// words starting with the typed ones, in the order of the user's language,
// at most limit of them (type-ahead pickers show the first few).
func (s *Store) SearchContacts(ctx context.Context, typed string, limit int) ([]ContactHit, error) {
	return s.searchPeople(ctx, typed, limit, false)
}

// SearchPeople is SearchContacts with the archived people too (not those
// merged into another), after the current ones and marked: a course
// entered late may have had someone who has left since.
func (s *Store) SearchPeople(ctx context.Context, typed string, limit int) ([]ContactHit, error) {
	return s.searchPeople(ctx, typed, limit, true)
}

func (s *Store) searchPeople(ctx context.Context, typed string, limit int, archived bool) ([]ContactHit, error) {
	match := matchQuery(typed)
	if match == "" {
		return nil, nil
	}
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, c.name, c.position, o.name, o.sector, c.archived OR o.archived
		FROM contact_fts JOIN contact c ON c.pk = contact_fts.rowid
		JOIN organisation o ON o.id = c.organisation_id
		WHERE contact_fts MATCH ? AND ((c.archived = 0 AND o.archived = 0) OR (? AND c.merged_into = ''))
		ORDER BY c.archived OR o.archived LIMIT ?`, match, archived, limit)
	if unsearchable(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ContactHit
	for rows.Next() {
		var h ContactHit
		if err := rows.Scan(&h.ID, &h.Name, &h.Position, &h.OrganisationName, &h.Sector, &h.Archived); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		if unsearchable(err) {
			return nil, nil
		}
		return nil, err
	}
	sortBy(out, func(h ContactHit) string { return h.Name })
	slices.SortStableFunc(out, func(a, b ContactHit) int { // the current people first
		switch {
		case a.Archived == b.Archived:
			return 0
		case b.Archived:
			return -1
		}
		return 1
	})
	return out, nil
}
