package data

import (
	"context"
)

// DirectoryEntry is one focal point as the directory lists it, with the
// organisation it belongs to. The Contact holds what a directory shows:
// name, position, e-mails, phones, languages and roles.
type DirectoryEntry struct {
	Organisation *Organisation // shared by its people's entries
	Contact      Contact
}

// Directory lists the focal points (not archived) of the organisations
// given, in that order (the list on screen, filtered and sorted), each
// organisation's people by name in the user's language. With no ids it
// lists every organisation that is not archived, by name. Organisations
// without focal points are listed once with an empty Contact, so that the
// directory names them too.
func (s *Store) Directory(ctx context.Context, organisationIDs []string) ([]DirectoryEntry, error) {
	var out []DirectoryEntry
	err := s.EachDirectoryEntry(ctx, organisationIDs, func(e DirectoryEntry) error {
		out = append(out, e)
		return nil
	})
	return out, err
}

// EachDirectoryEntry gives the entries of Directory one by one, in the
// same order, reading each organisation's people as it comes to them, so
// that a caller can write the first while the last are being read.
func (s *Store) EachDirectoryEntry(ctx context.Context, organisationIDs []string, each func(DirectoryEntry) error) error {
	orgs, err := s.directoryOrganisations(ctx, organisationIDs)
	if err != nil {
		return err
	}
	conn, err := s.read.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	stmt, err := conn.PrepareContext(ctx, `SELECT id, organisation_id, name, position, emails, phones, languages, roles
		FROM contact WHERE organisation_id = ? AND archived = 0`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i := range orgs {
		o := &orgs[i]
		rows, err := stmt.QueryContext(ctx, o.ID)
		if err != nil {
			return err
		}
		var list []Contact
		for rows.Next() {
			c, err := scanDirectoryContact(rows)
			if err != nil {
				rows.Close()
				return err
			}
			list = append(list, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(list) == 0 {
			if err := each(DirectoryEntry{Organisation: o}); err != nil {
				return err
			}
			continue
		}
		sortBy(list, func(c Contact) string { return c.Name })
		for _, c := range list {
			if err := each(DirectoryEntry{Organisation: o, Contact: c}); err != nil {
				return err
			}
		}
	}
	return nil
}

func scanDirectoryContact(rows interface{ Scan(...any) error }) (Contact, error) {
	var c Contact
	var emails, phones, languages, roles string
	err := rows.Scan(&c.ID, &c.OrganisationID, &c.Name, &c.Position, &emails, &phones, &languages, &roles)
	c.Emails, c.Phones, c.Languages, c.Roles = splitLines(emails), splitLines(phones), splitLines(languages), splitLines(roles)
	return c, err
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
