package data

import "context"

// UniquePersonsRule says in words how UniquePersonsTrained counts.
const UniquePersonsRule = TrainingCountingRules + " A person counted on several courses of the period counts once."

// UniquePersonsTrained counts the persons trained in [from, to]: those the
// training figures count on the courses held in the period (the attended),
// each person once however many courses they took part in.
func (s *Store) UniquePersonsTrained(ctx context.Context, from, to string) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, uniquePersonsQuery, from, to).Scan(&n)
	return n, err
}

// uniquePersonsQuery reads, for the courses held in [?, ?], the partial
// index of their attended participants (migration 0025) and nothing else.
const uniquePersonsQuery = `
	SELECT count(DISTINCT p.contact_id)
	FROM course c JOIN participant p ON p.course_id = c.id AND p.archived = 0 AND p.status = 'attended'
	WHERE c.status = 'held' AND c.archived = 0 AND c.first_day BETWEEN ? AND ?`
