package data

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"
)

// Membership is an organisation a person has left: where they were, with
// what position, from and to which day. The current organisation is the
// contact's own; moving a person keeps the one left as a membership, so
// that a course entered later counts them as they were on its first day.
type Membership struct {
	ID             string
	ContactID      string
	OrganisationID string
	Position       string
	From, To       string // YYYY-MM-DD; From empty: since before the register knew
}

var membershipTable = table{entity: "membership", label: "to_day", fields: []Field{
	internal(refField("contact_id", "Person", "contact")), internal(refField("organisation_id", "Organisation", "organisation")),
	textField("position", "Position"), dateField("from_day", "From"), dateField("to_day", "To")}}

func (m Membership) values() values {
	return values{"contact_id": m.ContactID, "organisation_id": m.OrganisationID, "position": m.Position,
		"from_day": m.From, "to_day": m.To}
}

// Memberships lists the organisations a person has left, the latest first.
func (s *Store) Memberships(ctx context.Context, contactID string) ([]Membership, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, contact_id, organisation_id, position, from_day, to_day
		FROM membership WHERE contact_id = ? ORDER BY to_day DESC`, contactID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Membership
	for rows.Next() {
		var m Membership
		if err := rows.Scan(&m.ID, &m.ContactID, &m.OrganisationID, &m.Position, &m.From, &m.To); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// organisationOn is the organisation a person was at on a day: the one
// they had left by then, if its days cover it, else their current one.
func organisationOn(ctx context.Context, tx *sql.Tx, contactID, current, day string) (string, error) {
	if day == "" {
		return current, nil
	}
	var org string
	err := tx.QueryRowContext(ctx, `SELECT organisation_id FROM membership
		WHERE contact_id = ? AND (from_day = '' OR from_day <= ?) AND to_day >= ? ORDER BY to_day LIMIT 1`,
		contactID, day, day).Scan(&org)
	if errors.Is(err, sql.ErrNoRows) {
		return current, nil
	}
	return org, err
}

// moveContact saves a contact whose organisation changed as one change: the
// contact, and the organisation left kept as a membership ending the day
// before movedOn (today when empty). A move must come after the last one.
func (s *Store) moveContact(ctx context.Context, n Contact, movedOn string) error {
	today := s.now().Format(time.DateOnly)
	if movedOn == "" {
		movedOn = today
	}
	on, err := time.Parse(time.DateOnly, movedOn)
	if err != nil || movedOn > today {
		return &ValidationError{Errors: []FieldError{{Field: "moved_on", Key: "error.moved_on",
			Template: "“{{.Value}}” is not a day of the past or today", Data: map[string]any{"Value": movedOn}}}}
	}
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		old, err := contactTable.load(ctx, tx, n.ID)
		if err != nil {
			return err
		}
		from, lastTo := "", ""
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(to_day), '') FROM membership WHERE contact_id = ?", n.ID).Scan(&lastTo); err != nil {
			return err
		}
		if lastTo != "" {
			left, _ := time.Parse(time.DateOnly, lastTo)
			from = left.AddDate(0, 0, 1).Format(time.DateOnly) // the day they joined their current organisation
			if movedOn <= from {
				return &ValidationError{Errors: []FieldError{{Field: "moved_on", Key: "error.moved_before",
					Template: "The move must come after they joined their current organisation, on {{.Value}}", Data: map[string]any{"Value": from}}}}
			}
		}
		var orgName string
		if err := tx.QueryRowContext(ctx, "SELECT name FROM organisation WHERE id = ?", n.OrganisationID).Scan(&orgName); err != nil {
			return err
		}
		change, err := s.newChange(ctx, tx, "update", summaryOf(sumMove, "Name", n.Name, "Organisation", orgName))
		if err != nil {
			return err
		}
		at := s.timestamp()
		v := n.values()
		v["archived"] = old["archived"]
		for _, f := range contactTable.fields {
			if _, given := v[f.Name]; !given {
				v[f.Name] = old[f.Name]
			}
		}
		if _, err := contactTable.update(ctx, tx, change, n.ID, old, v, at); err != nil {
			return err
		}
		left := Membership{ContactID: n.ID, OrganisationID: old["organisation_id"], Position: old["position"],
			From: from, To: on.AddDate(0, 0, -1).Format(time.DateOnly)}
		return membershipTable.insert(ctx, tx, change, uuid.NewString(), left.values(), at)
	})
}
