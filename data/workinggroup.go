package data

import (
	"context"
	"strings"
)

// WorkingGroup is a working group of the coordination body.
type WorkingGroup struct {
	ID       string
	Name     string
	Lead     string   // organisation id
	Members  []string // organisation ids
	Mandate  string
	Archived bool
}

var workingGroupTable = table{entity: "working_group", fields: []Field{textField("name", "Name"),
	refField("lead", "Lead", "organisation"), refsField("members", "Members", "organisation"),
	textField("mandate", "Mandate"), archivedField}}

// SaveWorkingGroup validates g and creates or updates it.
func (s *Store) SaveWorkingGroup(ctx context.Context, g *WorkingGroup) error {
	var v validator
	n := *g
	n.Name, n.Mandate = strings.Join(strings.Fields(n.Name), " "), strings.TrimSpace(n.Mandate)
	v.required("name", n.Name)
	n.Members = lines(n.Members)
	exists := s.recordExists(ctx)
	for field, ids := range map[string][]string{"lead": {n.Lead}, "members": n.Members} {
		if err := v.references(field, "organisation", ids, exists); err != nil {
			return err
		}
	}
	if err := v.err(); err != nil {
		return err
	}
	err := s.saveWithID(ctx, workingGroupTable, &n.ID, values{"name": n.Name, "lead": n.Lead,
		"members": joinLines(n.Members), "mandate": n.Mandate, "archived": boolText(n.Archived)}, nil)
	if err == nil {
		*g = n
	}
	return err
}

// WorkingGroups lists the working groups that are not archived, by name.
func (s *Store) WorkingGroups(ctx context.Context) ([]WorkingGroup, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+withLinks(workingGroupTable, "id, name, lead, members, mandate, archived")+" FROM working_group WHERE archived = 0")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []WorkingGroup
	for rows.Next() {
		var g WorkingGroup
		var members string
		if err := rows.Scan(&g.ID, &g.Name, &g.Lead, &members, &g.Mandate, &g.Archived); err != nil {
			return nil, err
		}
		g.Members = splitLines(members)
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sortBy(out, func(g WorkingGroup) string { return g.Name })
	return out, nil
}
