package data

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"
)

// TestCourseTakenOutAndBack: a course goes out to a trainer's new
// register, attendance is marked there, and comes back; the course's
// figures equal those of the same marks entered on the coordinator's
// laptop directly. An edit made meanwhile on the coordinator's laptop
// stays, with no question.
func TestCourseTakenOutAndBack(t *testing.T) {
	ctx := t.Context()
	var courseID string
	var people []string
	seed := func(s *Store) {
		police := mustSaveOrg(t, s, Organisation{Name: "National Police", Sector: "police"})
		ngo := mustSaveOrg(t, s, Organisation{Name: "La Strada", Sector: "ngo"})
		trainer := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Olga Munteanu"})
		for i, name := range []string{"Ana Rusu", "Ion Popa", "Maria Lungu"} {
			org := police.ID
			if i == 2 {
				org = ngo.ID
			}
			c := mustSaveContact(t, s, Contact{OrganisationID: org, Name: name, Sex: []string{"female", "male", "female"}[i]})
			people = append(people, c.ID)
		}
		course := mustSaveCourse(t, s, Course{Title: "Identifying victims", Status: "held", FirstDay: "2026-03-02",
			LastDay: "2026-03-03", Trainers: []string{trainer.ID}, Organisers: []string{ngo.ID}})
		courseID = course.ID
		if err := s.AddParticipants(ctx, courseID, people); err != nil {
			t.Fatal(err)
		}
		mustSaveOrg(t, s, Organisation{Name: "Customs Service", Sector: "customs"}) // not the course's
	}
	l := laptopsFrom(t, seed, "coordinator", "direct")
	coord, direct := l[0], l[1]

	p, err := coord.TakeCourseOut(ctx, courseID)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "course"+PackageExtension)
	if err := writePackageFile(file, p, testPassphrase); err != nil {
		t.Fatal(err)
	}
	if _, err := coord.PlanReceive(ctx, p, false); !errors.Is(err, ErrCoursePackage) {
		t.Errorf("a course received as changes: %v", err)
	}
	read, err := ReadPackage(file, testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	trainer, err := OpenCourseOut(ctx, filepath.Join(t.TempDir(), "venue.db"), read, Options{Device: "trainer"})
	if err != nil {
		t.Fatal(err)
	}
	defer trainer.Close()
	if reg, _ := trainer.RegisterID(ctx); reg != p.Register {
		t.Errorf("the trainer's register is %q, not a copy of %q", reg, p.Register)
	}
	orgs, _ := trainer.Organisations(ctx, OrganisationFilter{})
	if len(orgs) != 2 {
		t.Errorf("the trainer's register holds %d organisations, want the course's 2", len(orgs))
	}
	if _, ok, _ := trainer.LastUndoable(ctx); ok {
		t.Error("taking the course out can be undone on the trainer's laptop")
	}

	parts, err := trainer.Participants(ctx, courseID, false)
	if err != nil || len(parts) != 3 {
		t.Fatalf("participants on the trainer's laptop: %v, %v", parts, err)
	}
	var marks []Mark
	for i, pt := range parts {
		marks = append(marks, Mark{ParticipantID: pt.ID, Day: "2026-03-02", Mark: "present"})
		if i < 2 {
			marks = append(marks, Mark{ParticipantID: pt.ID, Day: "2026-03-03", Mark: "present"})
		} else {
			marks = append(marks, Mark{ParticipantID: pt.ID, Day: "2026-03-03", Mark: "absent"})
		}
	}
	if err := trainer.SetMarks(ctx, courseID, marks); err != nil {
		t.Fatal(err)
	}
	if err := direct.SetMarks(ctx, courseID, marks); err != nil {
		t.Fatal(err)
	}
	// Meanwhile the coordinator corrects the venue.
	course, _ := coord.Course(ctx, courseID)
	course.Venue = "Chișinău, Ministry of Interior"
	if err := coord.SaveCourse(ctx, &course); err != nil {
		t.Fatal(err)
	}

	back, err := trainer.MakePackage(ctx, p.From)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Changes) != 1 {
		t.Errorf("the trainer sends back %d changes, want the attendance only", len(back.Changes))
	}
	plan, err := coord.PlanReceive(ctx, back, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Conflicts) != 0 || len(plan.New) != 6 {
		t.Fatalf("coming back: %d new, questions %+v", len(plan.New), plan.Conflicts)
	}
	receive(t, coord, plan, keepHere, false)

	got, err := coord.TrainingFiguresForCourse(ctx, courseID)
	if err != nil {
		t.Fatal(err)
	}
	want, err := direct.TrainingFiguresForCourse(ctx, courseID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) || got.Participants != 3 {
		t.Errorf("figures after the round trip %+v, entered directly %+v", got, want)
	}
	a, _ := coord.Attendance(ctx, courseID)
	b, _ := direct.Attendance(ctx, courseID)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("attendance after the round trip %v, entered directly %v", a, b)
	}
	if c, _ := coord.Course(ctx, courseID); c.Venue != "Chișinău, Ministry of Interior" {
		t.Errorf("the coordinator's correction was lost: venue %q", c.Venue)
	}
}
