package data

import "context"

// UniquePersonsRule says in words how UniquePersonsTrained counts.
const UniquePersonsRule = TrainingCountingRules + " A person counted on several courses of the period counts once."

// UniquePersonsTrained counts the persons trained in [from, to]: those the
// training figures count on the courses held in the period (present or late
// on a day; on a course without attendance recorded, everyone on it), each
// person once however many courses they took part in.
func (s *Store) UniquePersonsTrained(ctx context.Context, from, to string) (int, error) {
	// The same rule as courseFigures: a course "has attendance" when someone
	// still on it has a mark; attended is NULL without any mark, else 1 for
	// present or late on a day and 0 otherwise.
	var n int
	err := s.read.QueryRowContext(ctx, `
		WITH on_course AS (
			SELECT p.course_id, p.contact_id,
				(SELECT max(a.mark IN ('present', 'late')) FROM attendance a WHERE a.participant_id = p.id) AS attended
			FROM course c JOIN participant p ON p.course_id = c.id AND p.archived = 0
			WHERE c.status = 'held' AND c.archived = 0 AND c.first_day BETWEEN ? AND ?),
		marked AS (SELECT DISTINCT course_id FROM on_course WHERE attended IS NOT NULL)
		SELECT count(DISTINCT contact_id) FROM on_course
		WHERE attended = 1 OR course_id NOT IN (SELECT course_id FROM marked)`, from, to).Scan(&n)
	return n, err
}
