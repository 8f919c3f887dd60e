package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Certificate is a certificate of attendance issued to a participant who
// met the course's completion rule.
type Certificate struct {
	ID               string
	ParticipantID    string
	Number           string // unique in the register: year and sequence, 2026-0042
	Code             string // short verification code printed on the certificate
	IssuedOn         string // YYYY-MM-DD
	Name             string // the participant, as on the course
	OrganisationName string
	DaysAttended     int
	Days             int
}

var certificateTable = table{
	entity: "certificate",
	label:  "number",
	fields: []Field{refField("participant_id", "Participant", "participant"), textField("number", "Certificate number"),
		textField("code", "Verification code"), dateField("issued_on", "Issued on")},
}

// codeAlphabet leaves out letters and digits that read alike (0/O, 1/I/L).
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

func verificationCode() (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	var s strings.Builder
	for i, x := range b {
		if i == 4 {
			s.WriteByte('-')
		}
		s.WriteByte(codeAlphabet[int(x)%len(codeAlphabet)])
	}
	return s.String(), nil
}

// IssueCertificates issues a certificate to every participant of the course
// who met its completion rule and has none yet, as one undoable change, and
// returns the certificates of all who met it (those issued before included),
// by name.
func (s *Store) IssueCertificates(ctx context.Context, courseID string) ([]Certificate, error) {
	return s.issue(ctx, courseID, "")
}

// IssueCertificate issues one participant's certificate; someone who did not
// meet the completion rule is refused with a message that says so.
func (s *Store) IssueCertificate(ctx context.Context, courseID, participantID string) (Certificate, error) {
	certs, err := s.issue(ctx, courseID, participantID)
	if err != nil {
		return Certificate{}, err
	}
	return certs[0], nil
}

func (s *Store) issue(ctx context.Context, courseID, only string) ([]Certificate, error) {
	course, err := s.Course(ctx, courseID)
	if err != nil {
		return nil, err
	}
	participants, err := s.Participants(ctx, courseID, false)
	if err != nil {
		return nil, err
	}
	marks, err := s.Attendance(ctx, courseID)
	if err != nil {
		return nil, err
	}
	var eligible []Participant
	for _, p := range participants {
		if only != "" && p.ID != only {
			continue
		}
		if course.Completed(marks[p.ID]) {
			eligible = append(eligible, p)
		} else if only != "" {
			return nil, &ValidationError{Errors: []FieldError{{Field: "certificate", Key: "error.not_completed",
				Template: "{{.Name}} was present on {{.Attended}} of {{.Days}} days; the course asks for {{.Rule}} %",
				Data: map[string]any{"Name": p.Name, "Attended": attendedDays(course, marks[p.ID]),
					"Days": len(course.Days()), "Rule": course.Completion}}}}
		}
	}
	if only != "" && len(eligible) == 0 {
		return nil, ErrNotFound
	}
	year := course.LastDay[:4]
	err = s.writeTx(ctx, func(tx *sql.Tx) error {
		var next int
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(CAST(substr(number, 6) AS INTEGER)), 0) + 1
			FROM certificate WHERE number LIKE ?`, year+"-%").Scan(&next); err != nil {
			return err
		}
		var change int64
		at := s.timestamp()
		for _, p := range eligible {
			var existing string
			err := tx.QueryRowContext(ctx, "SELECT id FROM certificate WHERE participant_id = ?", p.ID).Scan(&existing)
			if err == nil {
				continue
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if change == 0 {
				if change, err = s.newChange(ctx, tx, "create", summaryOf(sumCertificates, "Course", course.Title)); err != nil {
					return err
				}
			}
			code, err := verificationCode()
			if err != nil {
				return err
			}
			v := values{"participant_id": p.ID, "number": fmt.Sprintf("%s-%04d", year, next), "code": code,
				"issued_on": s.now().Format(time.DateOnly)}
			next++
			if err := certificateTable.insert(ctx, tx, change, uuid.NewString(), v, at); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.certificates(ctx, course, eligible, marks)
}

func attendedDays(c Course, marks map[string]string) int {
	n := 0
	for _, d := range c.Days() {
		if m := marks[d]; m == "present" || m == "late" {
			n++
		}
	}
	return n
}

func (s *Store) certificates(ctx context.Context, c Course, ps []Participant, marks map[string]map[string]string) ([]Certificate, error) {
	var out []Certificate
	for _, p := range ps {
		cert := Certificate{ParticipantID: p.ID, Name: p.Name, OrganisationName: p.OrganisationName,
			DaysAttended: attendedDays(c, marks[p.ID]), Days: len(c.Days())}
		err := s.read.QueryRowContext(ctx, "SELECT id, number, code, issued_on FROM certificate WHERE participant_id = ?", p.ID).
			Scan(&cert.ID, &cert.Number, &cert.Code, &cert.IssuedOn)
		if err != nil {
			return nil, err
		}
		out = append(out, cert)
	}
	return out, nil
}
