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
	// SheetLookalike: nobody of that name, but someone whose name looks
	// like it ("Ion Popesku", "POPESCU Ion", "Ион Попеску"): the user
	// chooses them, or leaves the line out rather than adding a second
	// record of one person.
	SheetLookalike = "lookalike"
)

// SheetMatch is a line of a typed-up sheet and who it is.
type SheetMatch struct {
	Row           SheetRow
	Status        string
	ParticipantID string       // for SheetParticipant
	ContactID     string       // for SheetRegister
	Archived      bool         // for SheetRegister: the person is archived in the register
	Candidates    []ContactHit // for SheetAmbiguous and SheetLookalike, the likeliest first
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
	return out, s.findLookalikes(ctx, out)
}

// maxLookalikes bounds the people offered for a line.
const maxLookalikes = 5

// findLookalikes looks, for each line of nobody of that name, for people of
// the register whose names look like it, with the matching of the
// duplicates finder (case, accents, word order and script aside, a typo).
// The register's people are read only when a line needs them.
func (s *Store) findLookalikes(ctx context.Context, lines []SheetMatch) error {
	var matcher *Matcher
	for i := range lines {
		m := &lines[i]
		if m.Status != SheetNew {
			continue
		}
		if matcher == nil {
			var err error
			if matcher, err = s.registerMatcher(ctx, true); err != nil {
				return err
			}
		}
		hits, err := s.lookalikesIn(ctx, matcher, m.Row.Name)
		if err != nil {
			return err
		}
		if len(hits) > 0 {
			m.Status, m.Candidates = SheetLookalike, hits
		}
	}
	return nil
}

// Lookalikes lists the people of the register (current ones) whose names
// look like name, as the duplicates finder judges, the likeliest first and
// at most a few: before a new person is added, so that one person does not
// get two records.
func (s *Store) Lookalikes(ctx context.Context, name string) ([]ContactHit, error) {
	matcher, err := s.registerMatcher(ctx, true)
	if err != nil {
		return nil, err
	}
	return s.lookalikesIn(ctx, matcher, name)
}

func (s *Store) lookalikesIn(ctx context.Context, matcher *Matcher, name string) ([]ContactHit, error) {
	var ids []string
	for _, found := range matcher.Matches(MatchRecord{ID: "new", Name: name}) {
		if len(ids) < maxLookalikes {
			ids = append(ids, found.B)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	listed, err := s.ListedNames(ctx, true, ids)
	if err != nil {
		return nil, err
	}
	hits := make([]ContactHit, len(ids))
	for i, id := range ids {
		l := listed[id]
		hits[i] = ContactHit{ID: id, Name: l.Name, OrganisationName: l.Organisation, Sector: l.Sector}
	}
	return hits, nil
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
