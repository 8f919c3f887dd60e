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
// took part in (neither archived; a participant removed from a course,
// who declined or did not come does not count).
func (s *Store) TookPartIn(ctx context.Context, contactID string) (TookPart, error) {
	var out TookPart
	rows, err := s.read.QueryContext(ctx, `SELECT p.id, p.course_id FROM participant p JOIN course c ON c.id = p.course_id
		WHERE p.contact_id = ? AND p.archived = 0 AND c.archived = 0 AND p.status NOT IN ('declined', 'no_show')`, contactID)
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

// OrganisationCourse is a course people of an organisation took part in:
// how many, and how many of them completed it.
type OrganisationCourse struct {
	Course    Course
	People    int
	Completed int
	Recorded  bool // the course has attendance recorded; if not, completion is not known
}

// CoursesOfOrganisation lists the courses (not archived, the latest first)
// that people of an organisation took part in, counting them by the
// organisation they belonged to on the day (a person who has moved since
// still counts for the organisation they were with).
func (s *Store) CoursesOfOrganisation(ctx context.Context, organisationID string) ([]OrganisationCourse, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT p.id, p.course_id FROM participant p JOIN course c ON c.id = p.course_id
		WHERE p.organisation_id = ? AND p.archived = 0 AND c.archived = 0 ORDER BY c.first_day DESC, c.id`, organisationID)
	if err != nil {
		return nil, err
	}
	byCourse := map[string][]string{}
	var order []string
	for rows.Next() {
		var participant, course string
		if err := rows.Scan(&participant, &course); err != nil {
			rows.Close()
			return nil, err
		}
		if _, seen := byCourse[course]; !seen {
			order = append(order, course)
		}
		byCourse[course] = append(byCourse[course], participant)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]OrganisationCourse, 0, len(order))
	for _, id := range order {
		c, err := s.Course(ctx, id)
		if err != nil {
			return nil, err
		}
		marks, err := s.Attendance(ctx, id)
		if err != nil {
			return nil, err
		}
		oc := OrganisationCourse{Course: c, People: len(byCourse[id]), Recorded: len(marks) > 0}
		for _, p := range byCourse[id] {
			if c.Completed(marks[p]) {
				oc.Completed++
			}
		}
		out = append(out, oc)
	}
	return out, nil
}
