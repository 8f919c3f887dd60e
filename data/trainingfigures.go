package data

import (
	"context"
	"strings"
)

// TrainingFigures are the counts of joint training for a course or a
// period, as the questionnaire reply reports them. The counting rules are
// in TrainingCountingRules.
type TrainingFigures struct {
	Courses        int            // courses held
	JointCourses   int            // of which joint: participants from two or more sectors
	Participants   int            // each person once per course
	BySector       map[string]int // sector code → participants
	BySex          map[string]int // sex code ("" not recorded) → participants
	ByOrganisation map[string]int // organisation name, as on the day → participants
	Government     int
	NonGovernment  int
}

// TrainingCountingRules says in words how TrainingFigures count.
const TrainingCountingRules = "Courses count when held and their first day falls in the period. " +
	"A participant is counted once per course, with the organisation, sector and sex recorded when they were added, " +
	"when present or late on at least one day; for a course without any attendance recorded, every participant counts. " +
	"A course is joint when the participants counted come from two or more sectors."

// TrainingFiguresForPeriod counts the courses held with a first day in [from, to] (YYYY-MM-DD).
func (s *Store) TrainingFiguresForPeriod(ctx context.Context, from, to string) (TrainingFigures, error) {
	return s.trainingFigures(ctx, "c.status = 'held' AND c.archived = 0 AND c.first_day BETWEEN ? AND ?", from, to)
}

// TrainingFiguresForCourse counts one course, whatever its status.
func (s *Store) TrainingFiguresForCourse(ctx context.Context, courseID string) (TrainingFigures, error) {
	return s.trainingFigures(ctx, "c.id = ?", courseID)
}

func (s *Store) trainingFigures(ctx context.Context, courses string, args ...any) (TrainingFigures, error) {
	f := TrainingFigures{BySector: map[string]int{}, BySex: map[string]int{}, ByOrganisation: map[string]int{}}
	rows, err := s.read.QueryContext(ctx, `
		WITH chosen AS (SELECT c.id,
			EXISTS (SELECT 1 FROM attendance a JOIN participant q ON q.id = a.participant_id
			        WHERE q.course_id = c.id) AS has_marks
			FROM course c WHERE `+courses+`)
		SELECT ch.id, p.sector, p.sex, p.organisation_name
		FROM chosen ch LEFT JOIN participant p ON p.course_id = ch.id AND p.archived = 0
			AND (NOT ch.has_marks OR EXISTS (SELECT 1 FROM attendance a
			     WHERE a.participant_id = p.id AND a.mark IN ('present', 'late')))
		ORDER BY ch.id`, args...)
	if err != nil {
		return f, err
	}
	defer rows.Close()
	course, sectors := "", map[string]bool{}
	closeCourse := func() {
		if course != "" {
			f.Courses++
			if len(sectors) >= 2 {
				f.JointCourses++
			}
		}
	}
	for rows.Next() {
		var id string
		var sector, sex, org *string
		if err := rows.Scan(&id, &sector, &sex, &org); err != nil {
			return f, err
		}
		if id != course {
			closeCourse()
			course, sectors = id, map[string]bool{}
		}
		if sector == nil { // a course with nobody counted
			continue
		}
		f.Participants++
		f.BySector[*sector]++
		f.BySex[*sex]++
		f.ByOrganisation[strings.TrimSpace(*org)]++
		sectors[*sector] = true
		if IsGovernment(*sector) {
			f.Government++
		} else {
			f.NonGovernment++
		}
	}
	closeCourse()
	return f, rows.Err()
}
