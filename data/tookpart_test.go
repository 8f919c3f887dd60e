package data

import (
	"testing"
)

func TestTookPartInListsCoursesWithCompletionAndMeetings(t *testing.T) {
	ctx := t.Context()
	s := newStore(t)
	org := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ana := Contact{OrganisationID: org.ID, Name: "Ana Lungu"}
	ion := Contact{OrganisationID: org.ID, Name: "Ion Rusu"}
	for _, c := range []*Contact{&ana, &ion} {
		if err := s.SaveContact(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	course := func(title, first, last string) Course {
		c := Course{Title: title, FirstDay: first, LastDay: last, Status: "held", Completion: 100}
		if err := s.SaveCourse(ctx, &c); err != nil {
			t.Fatal(err)
		}
		if err := s.AddParticipants(ctx, c.ID, []string{ana.ID, ion.ID}); err != nil {
			t.Fatal(err)
		}
		return c
	}
	early := course("Identification of victims", "2024-03-04", "2024-03-05")
	late := course("Joint investigations", "2025-10-06", "2025-10-07")
	archived := course("Cancelled course", "2025-11-03", "2025-11-03")
	if err := s.SetCourseArchived(ctx, archived.ID, true); err != nil {
		t.Fatal(err)
	}
	// Ana attends both days of the early course, one of two of the late one.
	marks := func(c Course, days ...string) {
		ps, _ := s.Participants(ctx, c.ID, false)
		var m []Mark
		for _, p := range ps {
			if p.ContactID == ana.ID {
				for _, d := range days {
					m = append(m, Mark{ParticipantID: p.ID, Day: d, Mark: "present"})
				}
			}
		}
		if err := s.SetMarks(ctx, c.ID, m); err != nil {
			t.Fatal(err)
		}
	}
	marks(early, "2024-03-04", "2024-03-05")
	marks(late, "2025-10-06")
	meeting := Meeting{Day: "2025-05-20", Place: "Chișinău", Participants: []string{ana.ID}}
	if err := s.SaveMeeting(ctx, &meeting); err != nil {
		t.Fatal(err)
	}

	got, err := s.TookPartIn(ctx, ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Courses) != 2 || got.Courses[0].Course.ID != late.ID || got.Courses[0].Completed || !got.Courses[0].Recorded ||
		got.Courses[1].Course.ID != early.ID || !got.Courses[1].Completed {
		t.Errorf("Ana's courses %+v: want the late one (not completed), then the early one (completed)", got.Courses)
	}
	if len(got.Meetings) != 1 || got.Meetings[0].ID != meeting.ID {
		t.Errorf("Ana's meetings %+v", got.Meetings)
	}
	if other, _ := s.TookPartIn(ctx, ion.ID); len(other.Meetings) != 0 || len(other.Courses) != 2 {
		t.Errorf("Ion took part in %+v", other)
	}
}

// TestCoursesOfOrganisationCountThePeopleOfTheDay: a person who moved to
// another agency after a course still counts for the agency of the day.
func TestCoursesOfOrganisationCountThePeopleOfTheDay(t *testing.T) {
	ctx := t.Context()
	s := newStore(t)
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "La Strada", Sector: "ngo"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Lungu"})
	ion := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ion Rusu"})
	eva := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Eva Ceban"})
	early := mustSaveCourse(t, s, Course{Title: "Identification", Status: "held", FirstDay: "2024-03-04", Completion: 100})
	mustAddParticipants(t, s, early.ID, ana, ion, eva)
	mustSetMarks(t, s, early.ID, Mark{participantOf(t, s, early.ID, ana).ID, "2024-03-04", "present"},
		Mark{participantOf(t, s, early.ID, ion).ID, "2024-03-04", "absent"})
	// Ion moves to the NGO; the next course is after the move.
	ion.OrganisationID, ion.MovedOn = ngo.ID, "2025-01-01"
	if err := s.SaveContact(ctx, &ion); err != nil {
		t.Fatal(err)
	}
	late := mustSaveCourse(t, s, Course{Title: "Joint investigations", Status: "planned", FirstDay: "2025-10-06"})
	mustAddParticipants(t, s, late.ID, ion)

	got, err := s.CoursesOfOrganisation(ctx, police.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Course.ID != early.ID || got[0].People != 2 || got[0].Completed != 1 || !got[0].Recorded {
		t.Errorf("the police's courses %+v: want the early one, two people, one completed", got)
	}
	got, _ = s.CoursesOfOrganisation(ctx, ngo.ID)
	if len(got) != 2 || got[0].Course.ID != late.ID || got[0].People != 1 || got[0].Recorded || got[1].People != 1 {
		t.Errorf("the NGO's courses %+v: want the late one first (Ion), then the early one (Eva)", got)
	}
}
