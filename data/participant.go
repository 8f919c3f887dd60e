package data

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Participant is a person on a course, with the name, organisation and
// sector they had on the day they were added: a later move to another
// agency does not rewrite past courses.
type Participant struct {
	ID               string
	CourseID         string
	ContactID        string
	Name             string
	OrganisationID   string
	OrganisationName string
	Sector           string
	Sex              string
	Status           string // a code of ParticipantStatuses
	StatusOn         string // the day the status was set
	Archived         bool   // removed from the course; kept for the history
}

var participantTable = table{
	entity: "participant",
	fields: []Field{internal(refField("course_id", "Course", "course")), refField("contact_id", "Person", "contact"),
		textField("name", "Name"), refField("organisation_id", "Organisation", "organisation"),
		textField("organisation_name", "Organisation on the day"), codeField("sector", "Sector", "sector"),
		codeField("sex", "Sex", "sex"), codeField("status", "Status", "participant_status"), dateField("status_on", "Status since"),
		Field{Name: "archived", Label: "Removed from the course", Kind: KindFlag}},
}

func (p Participant) values() values {
	return values{"course_id": p.CourseID, "contact_id": p.ContactID, "name": p.Name,
		"organisation_id": p.OrganisationID, "organisation_name": p.OrganisationName,
		"sector": p.Sector, "sex": p.Sex, "status": p.Status, "status_on": p.StatusOn, "archived": boolText(p.Archived)}
}

// AddParticipants puts people of the register on a course, as one undoable
// change. Someone already on the course (or named twice) is refused with a
// message naming them, and then nobody is added. Someone removed from the
// course is put back as they were: the same participation, with its
// organisation of the day and its attendance marks.
func (s *Store) AddParticipants(ctx context.Context, courseID string, contactIDs []string) error {
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		course, err := courseTable.load(ctx, tx, courseID)
		if err != nil {
			return err
		}
		var v validator
		var adding, back []Participant
		seen := map[string]bool{}
		for _, id := range contactIDs {
			var p Participant
			var current string
			err := tx.QueryRowContext(ctx, `SELECT name, sex, organisation_id FROM contact WHERE id = ?`, id).
				Scan(&p.Name, &p.Sex, &current)
			if errors.Is(err, sql.ErrNoRows) {
				v.add("participants", "error.no_record", "One of these is no longer in the register", nil)
				continue
			}
			if err != nil {
				return err
			}
			// Counted where they were on the course's first day, however
			// long after it the course is entered.
			if p.OrganisationID, err = organisationOn(ctx, tx, id, current, course["first_day"]); err != nil {
				return err
			}
			if err := tx.QueryRowContext(ctx, "SELECT name, sector FROM organisation WHERE id = ?", p.OrganisationID).
				Scan(&p.OrganisationName, &p.Sector); err != nil {
				return err
			}
			var existing string
			var removed bool
			err = tx.QueryRowContext(ctx, "SELECT id, archived FROM participant WHERE course_id = ? AND contact_id = ?", courseID, id).
				Scan(&existing, &removed)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if removed && !seen[id] {
				seen[id] = true
				p.ID = existing
				back = append(back, p)
				continue
			}
			if existing != "" || seen[id] {
				v.add("participants", "error.participant_twice", "{{.Name}} is already a participant of this course",
					map[string]any{"Name": p.Name})
				continue
			}
			seen[id] = true
			p.ID, p.CourseID, p.ContactID = uuid.NewString(), courseID, id
			p.Status, p.StatusOn = statusOnAdding(course["status"]), s.now().Format(time.DateOnly)
			adding = append(adding, p)
		}
		if err := v.err(); err != nil {
			return err
		}
		all := append(append([]Participant(nil), adding...), back...)
		if len(all) == 0 {
			return nil
		}
		summary := summaryOf(sumAddParticipant, "Name", all[0].Name, "Course", course["title"])
		if len(all) > 1 {
			summary = summaryOf(sumAddParticipants, "Count", strconv.Itoa(len(all)), "Course", course["title"])
		}
		change, err := s.newChange(ctx, tx, "create", summary)
		if err != nil {
			return err
		}
		at := s.timestamp()
		for _, p := range adding {
			if err := participantTable.insert(ctx, tx, change, p.ID, p.values(), at); err != nil {
				return err
			}
		}
		for _, p := range back {
			old, err := participantTable.load(ctx, tx, p.ID)
			if err != nil {
				return err
			}
			next := copyValues(old)
			next["archived"] = "0"
			if _, err := participantTable.update(ctx, tx, change, p.ID, old, next, at); err != nil {
				return err
			}
		}
		return nil
	})
}

// AddFocalPoints puts every current contact of the organisations on the
// course, leaving out those already on it.
func (s *Store) AddFocalPoints(ctx context.Context, courseID string, organisationIDs []string) error {
	if len(organisationIDs) == 0 {
		return nil
	}
	args := []any{courseID}
	for _, id := range organisationIDs {
		args = append(args, id)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT id FROM contact WHERE archived = 0
		AND id NOT IN (SELECT contact_id FROM participant WHERE course_id = ?)
		AND organisation_id IN (?`+strings.Repeat(", ?", len(organisationIDs)-1)+")", args...)
	if err != nil {
		return err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return s.AddParticipants(ctx, courseID, ids)
}

// SetParticipantArchived takes a participant off a course (or puts them
// back); their attendance stays in the register.
func (s *Store) SetParticipantArchived(ctx context.Context, id string, archived bool) error {
	return s.setArchived(ctx, participantTable, id, archived)
}

// CorrectParticipantOrganisation sets the organisation a participant is
// counted under on their course (and its sector), where the one taken on
// adding them was wrong: an undoable change, in the History. The person's
// own organisation in the register is left as it is.
func (s *Store) CorrectParticipantOrganisation(ctx context.Context, participantID, organisationID string) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		old, err := participantTable.load(ctx, tx, participantID)
		if err != nil {
			return err
		}
		var name, sector string
		err = tx.QueryRowContext(ctx, "SELECT name, sector FROM organisation WHERE id = ?", organisationID).Scan(&name, &sector)
		if errors.Is(err, sql.ErrNoRows) {
			return &ValidationError{Errors: []FieldError{{Field: "organisation_id", Key: "error.no_record",
				Template: "One of these is no longer in the register"}}}
		}
		if err != nil {
			return err
		}
		next := copyValues(old)
		next["organisation_id"], next["organisation_name"], next["sector"] = organisationID, name, sector
		change, err := s.newChange(ctx, tx, "update", summaryOf(sumCorrectOrg, "Name", old["name"], "Organisation", name))
		if err != nil {
			return err
		}
		changed, err := participantTable.update(ctx, tx, change, participantID, old, next, s.timestamp())
		if err == nil && !changed {
			err = errNoChange // the same organisation: nothing for Undo to take back
		}
		return err
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	return err
}

// Participants lists a course's participants by name.
func (s *Store) Participants(ctx context.Context, courseID string, withArchived bool) ([]Participant, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, course_id, contact_id, name, organisation_id,
		organisation_name, sector, sex, status, status_on, archived FROM participant WHERE course_id = ? AND (archived = 0 OR ?)`,
		courseID, withArchived)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Participant
	for rows.Next() {
		var p Participant
		if err := rows.Scan(&p.ID, &p.CourseID, &p.ContactID, &p.Name, &p.OrganisationID,
			&p.OrganisationName, &p.Sector, &p.Sex, &p.Status, &p.StatusOn, &p.Archived); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sortBy(out, func(p Participant) string { return p.Name })
	return out, nil
}
