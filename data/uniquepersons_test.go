package data

import (
	"context"
	"testing"
)

// TestUniquePersonsTrainedCountsEachPersonOnce: a person on two courses of
// the period counts once; someone absent on every day of a course with
// attendance counts nowhere; a course outside the period or not held adds
// nobody; and on the sample register the count never exceeds the
// participants the figures count.
func TestUniquePersonsTrainedCountsEachPersonOnce(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "NGO", Sector: "ngo"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana"})
	ion := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Ion"})
	maria := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Maria"})
	course := func(title, day, status string, people ...string) Course {
		t.Helper()
		c := Course{Title: title, Status: status, FirstDay: day, Pillars: []string{"protection"}}
		if err := s.SaveCourse(ctx, &c); err != nil {
			t.Fatal(err)
		}
		if err := s.AddParticipants(ctx, c.ID, people); err != nil {
			t.Fatal(err)
		}
		return c
	}
	course("Identification", "2025-03-10", "held", ana.ID, ion.ID) // no attendance: both count
	marked := course("Interviews", "2025-06-02", "held", ana.ID, maria.ID)
	course("Planned", "2025-09-01", "planned", maria.ID)
	course("Next year", "2026-02-01", "held", maria.ID)
	markFirstDay(t, s, marked, func(p Participant) bool { return p.Name == "Maria" })
	n, err := s.UniquePersonsTrained(ctx, "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	f, _ := s.TrainingFiguresForPeriod(ctx, "2025-01-01", "2025-12-31")
	if n != 2 || f.Participants != 3 {
		t.Errorf("persons trained %d, participations %d; want 2 persons (Ana twice, Ion; Maria absent) in 3 participations", n, f.Participants)
	}

	big := newStore(t)
	if err := big.GenerateSample(ctx, SmallSample, 5); err != nil {
		t.Fatal(err)
	}
	if err := big.GenerateTrainingSample(ctx, SmallTrainingSample, 5); err != nil {
		t.Fatal(err)
	}
	for _, year := range []string{"2024", "2025", "2026"} {
		n, err := big.UniquePersonsTrained(ctx, year+"-01-01", year+"-12-31")
		f, _ := big.TrainingFiguresForPeriod(ctx, year+"-01-01", year+"-12-31")
		if err != nil || n > f.Participants || (f.Participants > 0 && n == 0) {
			t.Errorf("%s: %d persons for %d participations (%v)", year, n, f.Participants, err)
		}
	}
}
