package data

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"
)

// ParticipantStatuses say where a participant of a course stands, from
// being put forward to having come. The figures count the attended only.
var ParticipantStatuses = []Code{
	{StatusNominated, "Nominated"},
	{StatusInvited, "Invited"},
	{StatusConfirmed, "Confirmed"},
	{StatusDeclined, "Declined"},
	{StatusAttended, "Attended"},
	{StatusNoShow, "Did not come"},
}

// The statuses of a participant.
const (
	StatusNominated = "nominated" // put forward by their agency
	StatusInvited   = "invited"
	StatusConfirmed = "confirmed" // expected: on the sign-in sheet
	StatusDeclined  = "declined"
	StatusAttended  = "attended" // present or late on a day, or said so by hand: counted
	StatusNoShow    = "no_show"  // marked, and never present
)

// Expected tells whether a participant is on the sign-in sheet: confirmed,
// or already marked (attended, or absent so far, who may yet come on a
// later day).
func (p Participant) Expected() bool {
	return p.Status == StatusConfirmed || p.Status == StatusAttended || p.Status == StatusNoShow
}

// statusOnAdding is the status of someone put on a course: attended on a
// course already held (entered afterwards, from its list), confirmed on one
// still to come.
func statusOnAdding(courseStatus string) string {
	if courseStatus == "held" {
		return StatusAttended
	}
	return StatusConfirmed
}

// statusFromMarks is the status a participant's marks give: attended when
// present or late on a day, did not come when marked but never so; "" when
// there is no mark, which leaves the status as it was.
func statusFromMarks(marks map[string]string) string {
	if len(marks) == 0 {
		return ""
	}
	for _, m := range marks {
		if m == "present" || m == "late" {
			return StatusAttended
		}
	}
	return StatusNoShow
}

// SetParticipantStatus sets the status of participants of a course, dated
// today, as one undoable change.
func (s *Store) SetParticipantStatus(ctx context.Context, participantIDs []string, status string) error {
	if !codeKnown(ParticipantStatuses, status) {
		return &ValidationError{Errors: []FieldError{{Field: "status", Key: "error.unknown_code",
			Template: "“{{.Value}}” is not one of the choices", Data: map[string]any{"Value": status}}}}
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		var change int64
		for _, id := range participantIDs {
			old, err := participantTable.load(ctx, tx, id)
			if err != nil {
				return err
			}
			if old["status"] == status {
				continue
			}
			if change == 0 {
				summary := summaryOf(sumStatus, "Name", old["name"], "Status", status)
				if len(participantIDs) > 1 {
					summary = summaryOf(sumStatuses, "Count", strconv.Itoa(len(participantIDs)), "Status", status)
				}
				if change, err = s.newChange(ctx, tx, "update", summary); err != nil {
					return err
				}
			}
			if err := s.updateStatus(ctx, tx, change, id, old, status); err != nil {
				return err
			}
		}
		if change == 0 {
			return errNoChange
		}
		return nil
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	return err
}

// updateStatus writes a participant's new status, dated today, in change.
func (s *Store) updateStatus(ctx context.Context, tx *sql.Tx, change int64, id string, old values, status string) error {
	next := copyValues(old)
	next["status"], next["status_on"] = status, s.now().Format(time.DateOnly)
	_, err := participantTable.update(ctx, tx, change, id, old, next, s.timestamp())
	return err
}

// statusesFromMarks brings the statuses of participants whose marks
// changed in change up to date with their marks.
func (s *Store) statusesFromMarks(ctx context.Context, tx *sql.Tx, change int64, participantIDs map[string]bool) error {
	for id := range participantIDs {
		rows, err := tx.QueryContext(ctx, "SELECT day, mark FROM attendance WHERE participant_id = ?", id)
		if err != nil {
			return err
		}
		marks := map[string]string{}
		for rows.Next() {
			var day, mark string
			if err := rows.Scan(&day, &mark); err != nil {
				rows.Close()
				return err
			}
			marks[day] = mark
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		status := statusFromMarks(marks)
		if status == "" {
			continue
		}
		old, err := participantTable.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if old["status"] != status {
			if err := s.updateStatus(ctx, tx, change, id, old, status); err != nil {
				return err
			}
		}
	}
	return nil
}
