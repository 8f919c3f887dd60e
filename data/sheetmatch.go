package data

import (
	"context"
	"strings"
)

// How a line of a typed-up sheet matches the register.
const (
	SheetParticipant = "participant" // already on the course
	SheetRegister    = "register"    // one person of the register: will be added
	SheetNew         = "new"         // nobody of that name: to add as a new person
	SheetAmbiguous   = "ambiguous"   // several people of that name: the user chooses
)

// SheetMatch is a line of a typed-up sheet and who it is.
type SheetMatch struct {
	Row           SheetRow
	Status        string
	ParticipantID string       // for SheetParticipant
	ContactID     string       // for SheetRegister
	Archived      bool         // for SheetRegister: the person is archived in the register
	Candidates    []ContactHit // for SheetAmbiguous
}

// MatchSheet finds who each line is: a participant of the course, else one
// person of the register with that name (narrowed by the organisation when
// the sheet has one), else nobody or several. Names compare without case,
// accents or extra spaces. Nothing is changed.
func (s *Store) MatchSheet(ctx context.Context, courseID string, rows []SheetRow) ([]SheetMatch, error) {
	participants, err := s.Participants(ctx, courseID, false)
	if err != nil {
		return nil, err
	}
	onCourse := map[string][]Participant{}
	for _, p := range participants {
		onCourse[Fold(p.Name)] = append(onCourse[Fold(p.Name)], p)
	}
	var out []SheetMatch
	for _, row := range rows {
		m := SheetMatch{Row: row}
		key := Fold(row.Name)
		if ps := narrowParticipants(onCourse[key], row.Organisation); len(ps) == 1 {
			m.Status, m.ParticipantID = SheetParticipant, ps[0].ID
			out = append(out, m)
			continue
		}
		hits, err := s.SearchPeople(ctx, row.Name, 50)
		if err != nil {
			return nil, err
		}
		var same []ContactHit
		for _, h := range hits {
			if Fold(h.Name) == key && orgMatches(h.OrganisationName, row.Organisation) {
				same = append(same, h)
			}
		}
		switch len(same) {
		case 0:
			m.Status = SheetNew
		case 1:
			m.Status, m.ContactID, m.Archived = SheetRegister, same[0].ID, same[0].Archived
		default:
			m.Status, m.Candidates = SheetAmbiguous, same
		}
		out = append(out, m)
	}
	return out, nil
}

func narrowParticipants(ps []Participant, org string) []Participant {
	if len(ps) <= 1 || org == "" {
		return ps
	}
	var out []Participant
	for _, p := range ps {
		if orgMatches(p.OrganisationName, org) {
			out = append(out, p)
		}
	}
	return out
}

// orgMatches tells whether an organisation written on a sheet (perhaps
// shortened) names the organisation of the register.
func orgMatches(registered, written string) bool {
	w := Fold(written)
	return w == "" || strings.Contains(Fold(registered), w)
}

// ApplySheet records what the lines matched: people of the register are
// added to the course, then the marks of every matched line are set, as
// two undoable changes. Lines that are new or ambiguous are left for the
// user (New person…, or a choice among the candidates given as ContactID).
func (s *Store) ApplySheet(ctx context.Context, courseID string, matches []SheetMatch) error {
	var add []string
	for _, m := range matches {
		if m.Status == SheetRegister && m.ContactID != "" {
			add = append(add, m.ContactID)
		}
	}
	if err := s.AddParticipants(ctx, courseID, add); err != nil {
		return err
	}
	participants, err := s.Participants(ctx, courseID, false)
	if err != nil {
		return err
	}
	byContact := map[string]string{}
	for _, p := range participants {
		byContact[p.ContactID] = p.ID
	}
	var marks []Mark
	for _, m := range matches {
		id := m.ParticipantID
		if m.Status == SheetRegister {
			id = byContact[m.ContactID]
		}
		if id == "" {
			continue
		}
		for day, mark := range m.Row.Marks {
			marks = append(marks, Mark{ParticipantID: id, Day: day, Mark: mark})
		}
	}
	return s.SetMarks(ctx, courseID, marks)
}
