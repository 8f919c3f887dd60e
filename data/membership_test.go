package data

import (
	"testing"
)

// TestACourseEnteredAfterAMoveCountsThePersonWhereTheyWere: Ana moves from
// the police to an NGO on 1 June 2025; courses entered after the move
// count her where she was on each course's first day.
func TestACourseEnteredAfterAMoveCountsThePersonWhereTheyWere(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := t.Context()
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "La Strada", Sector: "ngo"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Lungu", Position: "Inspector"})
	ana.OrganisationID, ana.MovedOn, ana.Position = ngo.ID, "2025-06-01", "Case manager"
	if err := s.SaveContact(ctx, &ana); err != nil {
		t.Fatal(err)
	}
	if ana.OrganisationID != ngo.ID {
		t.Fatalf("after the move Ana is at %s", ana.OrganisationID)
	}
	got, err := s.Memberships(ctx, ana.ID)
	if err != nil || len(got) != 1 {
		t.Fatalf("memberships %+v, %v", got, err)
	}
	if m := got[0]; m.OrganisationID != police.ID || m.Position != "Inspector" || m.From != "" || m.To != "2025-05-31" {
		t.Errorf("the police membership kept: %+v", m)
	}
	for _, tt := range []struct {
		first, sector string
	}{
		{"2025-03-01", "police"},
		{"2025-05-31", "police"}, // her last day there
		{"2025-06-01", "ngo"},    // the day she moved
		{"2026-02-01", "ngo"},
	} {
		c := mustSaveCourse(t, s, Course{Title: "Course of " + tt.first, Status: "held", FirstDay: tt.first})
		mustAddParticipants(t, s, c.ID, ana)
		p := participantOf(t, s, c.ID, ana)
		if p.Sector != tt.sector {
			t.Errorf("a course on %s counts Ana as %s (%s), want %s", tt.first, p.Sector, p.OrganisationName, tt.sector)
		}
		f, err := s.TrainingFiguresForCourse(ctx, c.ID)
		if err != nil || f.BySector[tt.sector] != 1 {
			t.Errorf("figures of the course on %s: %+v, %v", tt.first, f.BySector, err)
		}
	}
}

func TestAMoveIsCheckedAndUndone(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := t.Context()
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "La Strada", Sector: "ngo"})
	social := mustSaveOrg(t, s, Organisation{Name: "Social Assistance", Sector: "social_services"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Lungu"})

	for _, day := range []string{"2027-01-01", "1 June", "2025-13-01"} { // the future (today is 2026-11-27), not dates
		moved := ana
		moved.OrganisationID, moved.MovedOn = ngo.ID, day
		if err := s.SaveContact(ctx, &moved); !contains(invalidFields(err), "moved_on") {
			t.Errorf("moved on %q: %v", day, err)
		}
	}
	moved := ana
	moved.OrganisationID, moved.MovedOn = ngo.ID, "2025-06-01"
	if err := s.SaveContact(ctx, &moved); err != nil {
		t.Fatal(err)
	}
	again := moved
	again.OrganisationID, again.MovedOn = social.ID, "2025-06-01" // the day she joined the NGO
	if err := s.SaveContact(ctx, &again); !contains(invalidFields(err), "moved_on") {
		t.Errorf("a second move on the day of the first: %v", err)
	}
	again.MovedOn = "2026-01-10"
	if err := s.SaveContact(ctx, &again); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Memberships(ctx, ana.ID)
	if len(got) != 2 || got[0].OrganisationID != ngo.ID || got[0].From != "2025-06-01" || got[0].To != "2026-01-09" {
		t.Fatalf("memberships after two moves: %+v", got)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	now, _ := s.Contact(ctx, ana.ID)
	got, _ = s.Memberships(ctx, ana.ID)
	if now.OrganisationID != ngo.ID || len(got) != 1 {
		t.Errorf("after undoing the second move: at %s with %d memberships", now.OrganisationID, len(got))
	}
}

// TestTheTrainerCorrectsAParticipantsOrganisation: the organisation a
// participant is counted under on a course can be corrected, as an
// undoable change; the figures follow, the person's own record does not.
func TestTheTrainerCorrectsAParticipantsOrganisation(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := t.Context()
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "La Strada", Sector: "ngo"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Lungu"})
	c := mustSaveCourse(t, s, Course{Title: "Identification", Status: "held", FirstDay: "2025-03-04"})
	mustAddParticipants(t, s, c.ID, ana)
	p := participantOf(t, s, c.ID, ana)
	before, _ := s.TrainingFiguresForPeriod(ctx, "2025-01-01", "2025-12-31")
	if err := s.CorrectParticipantOrganisation(ctx, p.ID, ngo.ID); err != nil {
		t.Fatal(err)
	}
	if got := participantOf(t, s, c.ID, ana); got.OrganisationID != ngo.ID || got.OrganisationName != "La Strada" || got.Sector != "ngo" {
		t.Errorf("after the correction: %+v", got)
	}
	after, _ := s.TrainingFiguresForPeriod(ctx, "2025-01-01", "2025-12-31")
	if before.BySector["police"] != 1 || after.BySector["ngo"] != 1 || after.BySector["police"] != 0 {
		t.Errorf("figures by sector before %v, after %v", before.BySector, after.BySector)
	}
	if person, _ := s.Contact(ctx, ana.ID); person.OrganisationID != police.ID {
		t.Error("correcting the course moved the person in the register")
	}
	history, _ := s.History(ctx, p.ID)
	if len(history) == 0 || history[0].Summary != "Correct the organisation of “Ana Lungu” on a course to “La Strada”" {
		t.Errorf("the participant's history %+v", history)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if got := participantOf(t, s, c.ID, ana); got.OrganisationID != police.ID {
		t.Errorf("after undo: %+v", got)
	}
	if err := s.CorrectParticipantOrganisation(ctx, p.ID, "no-such-organisation"); invalidFields(err) == nil {
		t.Errorf("an organisation not in the register: %v", err)
	}
}

// TestAMergedPersonKeepsTheirMoves: merging two records of one person
// keeps the organisations the merged-away record had left.
func TestAMergedPersonKeepsTheirMoves(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := t.Context()
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "La Strada", Sector: "ngo"})
	keep := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Ana Lungu"})
	drop := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "LUNGU Ana"})
	drop.OrganisationID, drop.MovedOn = ngo.ID, "2025-06-01"
	if err := s.SaveContact(ctx, &drop); err != nil {
		t.Fatal(err)
	}
	if err := s.MergeContacts(ctx, &keep, drop.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Memberships(ctx, keep.ID)
	if len(got) != 1 || got[0].OrganisationID != police.ID || got[0].To != "2025-05-31" {
		t.Errorf("the kept record's memberships after the merge: %+v", got)
	}
	c := mustSaveCourse(t, s, Course{Title: "Before the move", Status: "held", FirstDay: "2025-03-01"})
	mustAddParticipants(t, s, c.ID, keep)
	if p := participantOf(t, s, c.ID, keep); p.Sector != "police" {
		t.Errorf("a course before the move counts the merged person as %s", p.Sector)
	}
}
