package data

import (
	"context"
)

// DirectoryEntry is one focal point as the directory lists it, with the
// organisation it belongs to.
type DirectoryEntry struct {
	Organisation Organisation
	Contact      Contact
}

// Directory lists the focal points (not archived) of the organisations
// given, in that order (the list on screen, filtered and sorted), each
// organisation's people by name in the user's language. With no ids it
// lists every organisation that is not archived, by name. Organisations
// without focal points are listed once with an empty Contact, so that the
// directory names them too.
func (s *Store) Directory(ctx context.Context, organisationIDs []string) ([]DirectoryEntry, error) {
	orgs, err := s.directoryOrganisations(ctx, organisationIDs)
	if err != nil {
		return nil, err
	}
	people := map[string][]Contact{}
	rows, err := s.read.QueryContext(ctx, "SELECT "+contactColumns+" FROM contact WHERE archived = 0")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, err
		}
		people[c.OrganisationID] = append(people[c.OrganisationID], c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []DirectoryEntry
	for _, o := range orgs {
		list := people[o.ID]
		if len(list) == 0 {
			out = append(out, DirectoryEntry{Organisation: o})
			continue
		}
		sortBy(list, func(c Contact) string { return c.Name })
		for _, c := range list {
			out = append(out, DirectoryEntry{Organisation: o, Contact: c})
		}
	}
	return out, nil
}

// directoryOrganisations reads the organisations of a directory in order.
func (s *Store) directoryOrganisations(ctx context.Context, ids []string) ([]Organisation, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+organisationColumns+" FROM organisation WHERE archived = 0 OR ?", len(ids) > 0)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := map[string]Organisation{}
	var all []Organisation
	for rows.Next() {
		o, err := scanOrganisation(rows)
		if err != nil {
			return nil, err
		}
		byID[o.ID] = o
		all = append(all, o)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		sortBy(all, func(o Organisation) string { return o.Name })
		return all, nil
	}
	out := make([]Organisation, 0, len(ids))
	for _, id := range ids {
		if o, ok := byID[id]; ok {
			out = append(out, o)
			delete(byID, id) // each once
		}
	}
	return out, nil
}
