package data

import (
	"context"
	"database/sql"
	"errors"
)

// Mark is one participant's attendance on one day; an empty Mark clears it.
type Mark struct {
	ParticipantID string
	Day           string // YYYY-MM-DD, a day of the course
	Mark          string // a code of Marks, or empty
}

var attendanceTable = table{
	entity: "attendance",
	label:  "day",
	fields: []Field{refField("participant_id", "Participant", "participant"), dateField("day", "Day"),
		codeField("mark", "Attendance", "mark")},
}

func attendanceID(participantID, day string) string { return participantID + "/" + day }

// SetMarks records attendance on a course as one undoable change. A mark
// for someone not on the course, for a day outside it, or of an unknown kind
// is refused with the others, and nothing is recorded.
func (s *Store) SetMarks(ctx context.Context, courseID string, marks []Mark) error {
	course, err := s.Course(ctx, courseID)
	if err != nil {
		return err
	}
	days := map[string]bool{}
	for _, d := range course.Days() {
		days[d] = true
	}
	err = s.writeTx(ctx, func(tx *sql.Tx) error {
		var v validator
		for _, m := range marks {
			var onCourse string
			err := tx.QueryRowContext(ctx, "SELECT course_id FROM participant WHERE id = ?", m.ParticipantID).Scan(&onCourse)
			switch {
			case errors.Is(err, sql.ErrNoRows) || (err == nil && onCourse != courseID):
				v.add("attendance", "error.not_participant", "This person is not a participant of the course", nil)
			case err != nil:
				return err
			case !days[m.Day]:
				v.add("attendance", "error.day_outside", "{{.Day}} is not a day of the course ({{.First}} to {{.Last}})",
					map[string]any{"Day": m.Day, "First": course.FirstDay, "Last": course.LastDay})
			case m.Mark != "" && !codeKnown(Marks, m.Mark):
				v.add("attendance", "error.unknown_code", "“{{.Value}}” is not one of the choices", map[string]any{"Value": m.Mark})
			}
		}
		if err := v.err(); err != nil {
			return err
		}
		change, err := s.newChange(ctx, tx, "update", summaryOf(sumAttendance, "Course", course.Title))
		if err != nil {
			return err
		}
		at := s.timestamp()
		changed := false
		marked := map[string]bool{} // participants whose status the marks may change
		for _, m := range marks {
			marked[m.ParticipantID] = true
			id := attendanceID(m.ParticipantID, m.Day)
			old, err := attendanceTable.load(ctx, tx, id)
			switch {
			case errors.Is(err, ErrNotFound):
				if m.Mark == "" {
					continue
				}
				err = attendanceTable.insert(ctx, tx, change, id, values{"participant_id": m.ParticipantID, "day": m.Day, "mark": m.Mark}, at)
				changed = true
			case err != nil:
			case m.Mark == "":
				err = attendanceTable.delete(ctx, tx, change, id)
				changed = true
			default:
				next := values{"participant_id": m.ParticipantID, "day": m.Day, "mark": m.Mark}
				var did bool
				did, err = attendanceTable.update(ctx, tx, change, id, old, next, at)
				changed = changed || did
			}
			if err != nil {
				return err
			}
		}
		if !changed {
			return errNoChange // leaves no empty entry in the history
		}
		return s.statusesFromMarks(ctx, tx, change, marked)
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	return err
}

// Attendance reads a course's marks: participant id → day → mark.
func (s *Store) Attendance(ctx context.Context, courseID string) (map[string]map[string]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT a.participant_id, a.day, a.mark FROM attendance a
		JOIN participant p ON p.id = a.participant_id WHERE p.course_id = ?`, courseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[string]string{}
	for rows.Next() {
		var p, day, mark string
		if err := rows.Scan(&p, &day, &mark); err != nil {
			return nil, err
		}
		if out[p] == nil {
			out[p] = map[string]string{}
		}
		out[p][day] = mark
	}
	return out, rows.Err()
}

// Completed tells whether marks meet the course's completion rule: present
// or late on at least Completion percent of its days (DefaultCompletion when 0).
func (c Course) Completed(marks map[string]string) bool {
	days := c.Days()
	if len(days) == 0 {
		return false
	}
	attended := 0
	for _, d := range days {
		if m := marks[d]; m == "present" || m == "late" {
			attended++
		}
	}
	// A course not saved yet has Completion 0, which SaveCourse stores as
	// the default rule; with 0 here everyone, even absent, would complete.
	rule := c.Completion
	if rule == 0 {
		rule = DefaultCompletion
	}
	return attended*100 >= rule*len(days)
}
