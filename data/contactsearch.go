package data

import "context"

// ContactHit is a person found by SearchContacts, with their organisation.
type ContactHit struct {
	ID               string
	Name             string
	Position         string
	OrganisationName string
	Sector           string
}

// SearchContacts finds current contacts whose name, position or e-mail has
// words starting with the typed ones, in the order of the user's language,
// at most limit of them (type-ahead pickers show the first few).
func (s *Store) SearchContacts(ctx context.Context, typed string, limit int) ([]ContactHit, error) {
	match := matchQuery(typed)
	if match == "" {
		return nil, nil
	}
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, c.name, c.position, o.name, o.sector
		FROM contact_fts JOIN contact c ON c.pk = contact_fts.rowid
		JOIN organisation o ON o.id = c.organisation_id
		WHERE contact_fts MATCH ? AND c.archived = 0 AND o.archived = 0 LIMIT ?`, match, limit)
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
		if err := rows.Scan(&h.ID, &h.Name, &h.Position, &h.OrganisationName, &h.Sector); err != nil {
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
	return out, nil
}
