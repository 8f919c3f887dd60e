package data

import (
	"context"
	"strings"
)

// Participation is one person counted on one course: a line behind the
// training figures' participations.
type Participation struct {
	ContactID, Name  string
	OrganisationName string // as on the course's first day
	Sector           string // 〃
	CourseID, Course string
	FirstDay         string
}

// Participations lists the participations the training figures count in
// [from, to] (TrainingCountingRules: held courses beginning in the period,
// attended participants), of one sector ("" for all), by course day then
// name: the people behind a figure such as "police: 16".
func (s *Store) Participations(ctx context.Context, from, to, sector string) ([]Participation, error) {
	q := `SELECT p.contact_id, p.name, p.organisation_name, p.sector, c.id, c.title, c.first_day
		FROM course c JOIN participant p ON p.course_id = c.id AND p.archived = 0 AND p.status = 'attended'
		WHERE c.status = 'held' AND c.archived = 0 AND c.first_day BETWEEN ? AND ?`
	args := []any{from, to}
	if sector != "" {
		q += " AND p.sector = ?"
		args = append(args, sector)
	}
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Participation
	for rows.Next() {
		var p Participation
		if err := rows.Scan(&p.ContactID, &p.Name, &p.OrganisationName, &p.Sector, &p.CourseID, &p.Course, &p.FirstDay); err != nil {
			return nil, err
		}
		p.OrganisationName = strings.TrimSpace(p.OrganisationName)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sortBy(out, func(p Participation) string { return p.FirstDay + "\x00" + p.Name })
	return out, nil
}
