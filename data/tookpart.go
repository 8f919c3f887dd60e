package data

import (
	"context"
	"slices"
	"strings"
)

// CourseTaken is a course a person took part in, with whether they
// completed it by its attendance rule.
type CourseTaken struct {
	Course    Course
	Completed bool
	Recorded  bool // the course has attendance recorded; if not, completion is not known
}

// TookPart is what a person took part in: courses (the latest first) and
// meetings of the coordination body (the latest first).
type TookPart struct {
	Courses  []CourseTaken
	Meetings []Meeting
}

// TookPartIn lists the courses and meetings of the register that a person
// took part in (neither archived; a participant removed from a course
// does not count).
func (s *Store) TookPartIn(ctx context.Context, contactID string) (TookPart, error) {
	var out TookPart
	rows, err := s.read.QueryContext(ctx, `SELECT p.id, p.course_id FROM participant p JOIN course c ON c.id = p.course_id
		WHERE p.contact_id = ? AND p.archived = 0 AND c.archived = 0`, contactID)
	if err != nil {
		return out, err
	}
	type taken struct{ participant, course string }
	var list []taken
	for rows.Next() {
		var t taken
		if err := rows.Scan(&t.participant, &t.course); err != nil {
			rows.Close()
			return out, err
		}
		list = append(list, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return out, err
	}
	for _, t := range list {
		c, err := s.Course(ctx, t.course)
		if err != nil {
			return out, err
		}
		marks, err := s.Attendance(ctx, t.course)
		if err != nil {
			return out, err
		}
		out.Courses = append(out.Courses, CourseTaken{Course: c, Completed: c.Completed(marks[t.participant]), Recorded: len(marks) > 0})
	}
	slices.SortFunc(out.Courses, func(a, b CourseTaken) int { return strings.Compare(b.Course.FirstDay, a.Course.FirstDay) })
	meetings, err := s.Meetings(ctx, "", "")
	if err != nil {
		return out, err
	}
	for _, m := range meetings {
		if slices.Contains(m.Participants, contactID) {
			out.Meetings = append(out.Meetings, m)
		}
	}
	return out, nil
}
