package data

import (
	"context"
	"database/sql"
	"time"

	"github.com/google/uuid"
)

// AddNewParticipant puts on a course someone who is not in the register
// yet: it creates the contact (and, when org has no ID, their organisation)
// and the participant, as one change that one Undo takes back. Problems
// with the organisation come back on fields "organisation_name" and
// "organisation_sector"; problems with the person on the contact's fields.
func (s *Store) AddNewParticipant(ctx context.Context, courseID string, c Contact, org Organisation) (Contact, error) {
	course, err := s.Course(ctx, courseID)
	if err != nil {
		return c, err
	}
	region := s.Country(ctx)
	newOrg := org.ID == ""
	var errs []FieldError
	if newOrg {
		n, err := org.normalise(region)
		if ve, ok := err.(*ValidationError); ok {
			for _, fe := range ve.Errors {
				if fe.Field == "name" || fe.Field == "sector" {
					fe.Field = "organisation_" + fe.Field
					errs = append(errs, fe)
				}
			}
		} else if err != nil {
			return c, err
		}
		n.ID = uuid.NewString()
		org = n
	} else if org, err = s.Organisation(ctx, org.ID); err != nil {
		return c, err
	}
	c.OrganisationID = org.ID
	lookup := func(id string) (string, bool, error) { return org.Country, id == org.ID, nil }
	n, err := normaliseContact(c, lookup, region, s.now())
	if ve, ok := err.(*ValidationError); ok {
		errs = append(errs, ve.Errors...)
	} else if err != nil {
		return c, err
	}
	if len(errs) > 0 {
		return c, &ValidationError{Errors: errs}
	}
	n.ID = uuid.NewString()
	err = s.writeTx(ctx, func(tx *sql.Tx) error {
		if newOrg {
			if err := s.checkDuplicateOrganisation(ctx, tx, org); err != nil {
				ve := err.(*ValidationError)
				ve.Errors[0].Field = "organisation_name"
				return ve
			}
		}
		change, err := s.newChange(ctx, tx, "create", summaryOf(sumQuickAdd, "Name", n.Name, "Course", course.Title))
		if err != nil {
			return err
		}
		at := s.timestamp()
		if newOrg {
			if err := organisationTable.insert(ctx, tx, change, org.ID, org.values(), at); err != nil {
				return err
			}
		}
		if err := contactTable.insert(ctx, tx, change, n.ID, n.values(), at); err != nil {
			return err
		}
		p := Participant{ID: uuid.NewString(), CourseID: courseID, ContactID: n.ID, Name: n.Name,
			OrganisationID: org.ID, OrganisationName: org.Name, Sector: org.Sector, Sex: n.Sex,
			Status: statusOnAdding(course.Status), StatusOn: s.now().Format(time.DateOnly)}
		return participantTable.insert(ctx, tx, change, p.ID, p.values(), at)
	})
	if err != nil {
		return c, err
	}
	return s.Contact(ctx, n.ID)
}
