package data

import "context"

// AnnexCourse is a course held in a reporting period with its participants
// counted, one line of the list of courses annexed to a questionnaire reply.
type AnnexCourse struct {
	ID, Title         string
	FirstDay, LastDay string // YYYY-MM-DD
	Joint             bool
	Participants      int
	BySector          map[string]int // sector code → participants
	BySex             map[string]int // sex code ("" not recorded) → participants
}

// AnnexCourses calls yield for each course held with a first day in
// [from, to], oldest first, until yield returns an error. The courses and
// their counts are those TrainingFiguresForPeriod adds up (the same rules,
// TrainingCountingRules), so the list's lines sum to the period's figures.
//
// The lines are handed over one at a time rather than as a slice so that a
// writer can stream a list of thousands of courses straight into a file.
// The counts come from the figures kept in memory (figureCache): reading
// every participant of the period again would cost seconds on a large
// register, and could count by rules that drift from the figures'.
func (s *Store) AnnexCourses(ctx context.Context, from, to string, yield func(AnnexCourse) error) error {
	cache, err := s.lockedFigures(ctx)
	if err != nil {
		return err
	}
	counted := map[string]TrainingFigures{}
	for id, c := range cache.courses {
		if c.held && !c.archived && c.firstDay >= from && c.firstDay <= to {
			counted[id] = c.figures
		}
	}
	cache.mu.Unlock()

	rows, err := s.read.QueryContext(ctx, `SELECT id, title, first_day, last_day FROM course
		WHERE status = 'held' AND archived = 0 AND first_day BETWEEN ? AND ?
		ORDER BY first_day, title`, from, to)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c AnnexCourse
		if err := rows.Scan(&c.ID, &c.Title, &c.FirstDay, &c.LastDay); err != nil {
			return err
		}
		// A course saved since the figures were read counts nobody yet;
		// the copies keep the figures in memory safe from the caller.
		f := counted[c.ID]
		c.Joint, c.Participants = f.JointCourses > 0, f.Participants
		c.BySector, c.BySex = copyCounts(f.BySector), copyCounts(f.BySex)
		if err := yield(c); err != nil {
			return err
		}
	}
	return rows.Err()
}

func copyCounts(m map[string]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, n := range m {
		out[k] = n
	}
	return out
}
