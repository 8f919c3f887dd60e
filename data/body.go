package data

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"
	"time"
)

// Body is the national coordination body: there is one per register.
type Body struct {
	Name        string
	LegalBasis  string
	Established string // YYYY-MM-DD
	Chair       string // organisation id
	Secretariat string // organisation id
	Notes       string
}

// bodyID is the id of the body's one record.
const bodyID = "body"

var bodyTable = table{entity: "body", fields: []Field{textField("name", "Name"), textField("legal_basis", "Legal basis"),
	dateField("established", "Established"), refField("chair", "Chair", "organisation"),
	refField("secretariat", "Secretariat", "organisation"), textField("notes", "Notes")}}

// GetBody reads the coordination body (empty before it is first saved).
func (s *Store) GetBody(ctx context.Context) (Body, error) {
	var b Body
	err := s.read.QueryRowContext(ctx, "SELECT name, legal_basis, established, chair, secretariat, notes FROM body WHERE id = ?", bodyID).
		Scan(&b.Name, &b.LegalBasis, &b.Established, &b.Chair, &b.Secretariat, &b.Notes)
	if errors.Is(err, sql.ErrNoRows) {
		return Body{}, nil
	}
	return b, err
}

// SaveBody validates and stores the coordination body.
func (s *Store) SaveBody(ctx context.Context, b Body) error {
	var v validator
	b.Name, b.LegalBasis, b.Notes = strings.TrimSpace(b.Name), strings.TrimSpace(b.LegalBasis), strings.TrimSpace(b.Notes)
	v.required("name", b.Name)
	b.Established = v.dateNotFuture("established", b.Established, s.now())
	exists := s.recordExists(ctx)
	for field, id := range map[string]string{"chair": b.Chair, "secretariat": b.Secretariat} {
		if err := v.references(field, "organisation", []string{id}, exists); err != nil {
			return err
		}
	}
	if err := v.err(); err != nil {
		return err
	}
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM body WHERE id = ?", bodyID).Scan(&n); err != nil {
		return err
	}
	return s.saveRecord(ctx, bodyTable, bodyID, n == 0, values{"name": b.Name, "legal_basis": b.LegalBasis,
		"established": b.Established, "chair": b.Chair, "secretariat": b.Secretariat, "notes": b.Notes}, nil)
}

// Members lists the organisations in the coordination mechanism: the chair
// first, then members, then observers, each by name.
func (s *Store) Members(ctx context.Context) ([]Organisation, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+organisationColumns+
		" FROM organisation WHERE mechanism_role <> '' AND archived = 0")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Organisation
	for rows.Next() {
		o, err := scanOrganisation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sortBy(out, func(o Organisation) string { return o.Name })
	rank := map[string]int{"chair": 0, "member": 1, "observer": 2}
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].MechanismRole] < rank[out[j].MechanismRole] })
	return out, nil
}

// Meeting is a meeting of the coordination body.
type Meeting struct {
	ID           string
	Day          string // YYYY-MM-DD
	Place        string
	Participants []string // contact ids
	Agenda       string
	Decisions    string
	Archived     bool
}

var meetingTable = table{entity: "meeting", label: "day",
	fields: []Field{dateField("day", "Day"), textField("place", "Place"),
		refsField("participants", "Participants", "contact"), textField("agenda", "Agenda"),
		textField("decisions", "Decisions"), archivedField}}

func (m Meeting) values() values {
	return values{"day": m.Day, "place": m.Place, "participants": joinLines(m.Participants), "agenda": m.Agenda,
		"decisions": m.Decisions, "archived": boolText(m.Archived)}
}

// SaveMeeting validates m and creates or updates it.
func (s *Store) SaveMeeting(ctx context.Context, m *Meeting) error {
	var v validator
	n := *m
	n.Place, n.Agenda, n.Decisions = strings.TrimSpace(n.Place), strings.TrimSpace(n.Agenda), strings.TrimSpace(n.Decisions)
	if strings.TrimSpace(n.Day) == "" {
		v.add("day", "error.required", "Required", nil)
	}
	n.Day = v.date("day", n.Day)
	n.Participants = lines(n.Participants)
	if err := v.references("participants", "contact", n.Participants, s.recordExists(ctx)); err != nil {
		return err
	}
	if err := v.err(); err != nil {
		return err
	}
	if err := s.saveWithID(ctx, meetingTable, &n.ID, n.values(), nil); err != nil {
		return err
	}
	*m = n
	return nil
}

// SetMeetingArchived archives or restores a meeting.
func (s *Store) SetMeetingArchived(ctx context.Context, id string, archived bool) error {
	return s.setArchived(ctx, meetingTable, id, archived)
}

// Meetings lists the meetings of [from, to] (empty for open), newest first.
func (s *Store) Meetings(ctx context.Context, from, to string) ([]Meeting, error) {
	if to == "" {
		to = "9999-12-31"
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+withLinks(meetingTable, "id, day, place, participants, agenda, decisions, archived")+` FROM meeting
		WHERE archived = 0 AND day >= ? AND day <= ? ORDER BY day DESC`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Meeting
	for rows.Next() {
		var m Meeting
		var participants string
		if err := rows.Scan(&m.ID, &m.Day, &m.Place, &participants, &m.Agenda, &m.Decisions, &m.Archived); err != nil {
			return nil, err
		}
		m.Participants = splitLines(participants)
		out = append(out, m)
	}
	return out, rows.Err()
}

// MechanismFigures count the coordination mechanism, for the questionnaire.
type MechanismFigures struct {
	Members                   int
	ByRole                    map[string]int
	BySector                  map[string]int
	Government, NonGovernment int
	MeetingsHeld              int // meetings of the period that have already taken place
}

// MechanismCountingRules says in words how MechanismFigures count.
const MechanismCountingRules = "Members are the organisations of the register with a role in the mechanism (chair, member or " +
	"observer) that are not archived, as they stand when counted. Meetings count when their day falls in the period and " +
	"is not after the day of counting."

// MechanismFiguresForPeriod counts the members now and the meetings held in [from, to].
func (s *Store) MechanismFiguresForPeriod(ctx context.Context, from, to string) (MechanismFigures, error) {
	members, err := s.Members(ctx)
	if err != nil {
		return MechanismFigures{}, err
	}
	return s.mechanismFigures(ctx, members, from, to)
}

// mechanismFigures counts the members listed and the meetings held in [from, to].
func (s *Store) mechanismFigures(ctx context.Context, members []Organisation, from, to string) (MechanismFigures, error) {
	f := MechanismFigures{ByRole: map[string]int{}, BySector: map[string]int{}}
	for _, o := range members {
		f.Members++
		f.ByRole[o.MechanismRole]++
		f.BySector[o.Sector]++
		if o.Government() {
			f.Government++
		} else {
			f.NonGovernment++
		}
	}
	if today := s.now().Format(time.DateOnly); to > today {
		to = today
	}
	meetings, err := s.Meetings(ctx, from, to)
	f.MeetingsHeld = len(meetings)
	return f, err
}
