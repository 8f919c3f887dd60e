package data

import (
	"context"
	"database/sql"
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
	// One row per participant still on a chosen course (one row of NULLs for
	// a course with nobody on it); attended is NULL for someone without any
	// mark, 1 when present or late on a day, 0 otherwise. Whether a course
	// has attendance recorded is then decided here, from its rows.
	//
	// Why this shape: the query this replaces asked "does the course have
	// marks?" again for every participant row, and ordered the rows by
	// course id, which made SQLite walk every course by id instead of the
	// courses of the period by first day: 150–180 ms for a year of the large
	// sample (docs/performance.md). Only the participants still on a course
	// decide whether it has marks: the marks of someone taken off it stay in
	// the register, and made nobody else on the course count.
	rows, err := s.read.QueryContext(ctx, `
		SELECT c.id, p.sector, p.sex, p.organisation_name,
			(SELECT max(a.mark IN ('present', 'late')) FROM attendance a WHERE a.participant_id = p.id)
		FROM course c LEFT JOIN participant p ON p.course_id = c.id AND p.archived = 0
		WHERE `+courses, args...)
	if err != nil {
		return f, err
	}
	defer rows.Close()
	type person struct {
		sector, sex, org string
		attended         bool
	}
	type course struct {
		marked bool // someone on it has a mark
		people []person
	}
	byCourse := map[string]*course{}
	for rows.Next() {
		var id string
		var sector, sex, org sql.NullString
		var attended sql.NullInt64
		if err := rows.Scan(&id, &sector, &sex, &org, &attended); err != nil {
			return f, err
		}
		c := byCourse[id]
		if c == nil {
			c = &course{}
			byCourse[id] = c
		}
		if !sector.Valid { // nobody on the course
			continue
		}
		c.marked = c.marked || attended.Valid
		c.people = append(c.people, person{sector.String, sex.String, strings.TrimSpace(org.String), attended.Int64 == 1})
	}
	if err := rows.Err(); err != nil {
		return f, err
	}
	for _, c := range byCourse {
		f.Courses++
		sectors := map[string]bool{}
		for _, p := range c.people {
			if c.marked && !p.attended {
				continue
			}
			f.Participants++
			f.BySector[p.sector]++
			f.BySex[p.sex]++
			f.ByOrganisation[p.org]++
			sectors[p.sector] = true
			if IsGovernment(p.sector) {
				f.Government++
			} else {
				f.NonGovernment++
			}
		}
		if len(sectors) >= 2 {
			f.JointCourses++
		}
	}
	return f, nil
}
