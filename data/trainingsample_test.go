package data

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The records of a training sample: the same for the same seed, exactly the
// marks asked for, every course valid, every mark on a day of its course.
func TestTrainingSampleRecords(t *testing.T) {
	t.Parallel()
	orgs, contacts := SampleRecords(SmallSample, 1)
	orgByID := map[string]Organisation{}
	for _, o := range orgs {
		orgByID[o.ID] = o
	}
	var people []Participant
	for _, c := range contacts {
		o := orgByID[c.OrganisationID]
		people = append(people, Participant{ContactID: c.ID, Name: c.Name, Sex: c.Sex,
			OrganisationID: o.ID, OrganisationName: o.Name, Sector: o.Sector})
	}
	size := TrainingSampleSize{Courses: 120, Marks: 2500}
	courses, participants, marks, err := trainingSampleRecords(people, size, 7)
	if err != nil {
		t.Fatal(err)
	}
	c2, p2, m2, err := trainingSampleRecords(people, size, 7)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(courses, c2); d != "" {
		t.Errorf("courses differ for the same seed:\n%s", d)
	}
	if !slices.Equal(participants, p2) || !slices.Equal(marks, m2) {
		t.Error("participants or marks differ for the same seed")
	}
	if c3, _, _, _ := trainingSampleRecords(people, size, 8); cmp.Equal(courses, c3) {
		t.Error("another seed gave the same courses")
	}
	if len(courses) != size.Courses || len(marks) != size.Marks {
		t.Errorf("%d courses and %d marks, want %+v", len(courses), len(marks), size)
	}

	inRegister := func(string, string) (bool, error) { return true, nil }
	courseOf := map[string]Course{}
	dayOf := map[string]bool{} // course id/day
	statuses := map[string]int{}
	for _, c := range courses {
		if _, err := normaliseCourse(c, inRegister); err != nil {
			t.Errorf("course %q does not pass validation: %v", c.Title, err)
		}
		courseOf[c.ID] = c
		for _, d := range c.Days() {
			dayOf[c.ID+"/"+d] = true
		}
		statuses[c.Status]++
	}
	if statuses["held"] < size.Courses*3/4 || statuses["planned"] == 0 || statuses["cancelled"] == 0 {
		t.Errorf("statuses %v: want mostly held, some planned and cancelled", statuses)
	}
	first := courses[0]
	if first.Title != TrainingSampleLargeCourse || len(first.Days()) != 10 || first.Status != "held" {
		t.Errorf("first course %q, %d days, %s", first.Title, len(first.Days()), first.Status)
	}
	onCourse := map[string]Participant{}
	seen := map[string]bool{}
	perCourse := map[string]int{}
	for _, p := range participants {
		if seen[p.CourseID+"/"+p.ContactID] {
			t.Errorf("%s twice on course %s", p.Name, p.CourseID)
		}
		seen[p.CourseID+"/"+p.ContactID] = true
		onCourse[p.ID] = p
		perCourse[p.CourseID]++
	}
	if perCourse[first.ID] != len(people) { // 500 when the register has that many
		t.Errorf("the large course has %d participants, want all %d people", perCourse[first.ID], len(people))
	}
	for _, m := range marks {
		p, ok := onCourse[m.ParticipantID]
		c := courseOf[p.CourseID]
		if !ok || c.Status != "held" || !dayOf[c.ID+"/"+m.Day] || !codeKnown(Marks, m.Mark) {
			t.Fatalf("mark %+v: participant known %v, course %s %s..%s", m, ok, c.Status, c.FirstDay, c.LastDay)
		}
	}
	if _, _, _, err := trainingSampleRecords(people, TrainingSampleSize{Courses: 2, Marks: 1_000_000}, 7); err == nil {
		t.Error("a million marks on two courses: no error")
	}
}

// Stored: one change that Undo takes back, with figures to count.
func TestGenerateTrainingSample(t *testing.T) {
	t.Parallel()
	s := sampleStore(t)
	before := trainingCounts(t, s)
	size := TrainingSampleSize{Courses: 6, Marks: 400} // the first 400 marks: the large course, partly
	if err := s.GenerateTrainingSample(t.Context(), size, 7); err != nil {
		t.Fatal(err)
	}
	after := trainingCounts(t, s)
	if after["course"] != size.Courses || after["attendance"] != size.Marks || after["change"] != before["change"]+1 {
		t.Errorf("%d courses, %d marks, %d changes added; want %d, %d, 1",
			after["course"], after["attendance"], after["change"]-before["change"], size.Courses, size.Marks)
	}
	large, err := s.Courses(t.Context(), CourseFilter{Query: TrainingSampleLargeCourse})
	if err != nil || len(large) != 1 {
		t.Fatalf("the large course: %v, %v", large, err)
	}
	ps := mustParticipants(t, s, large[0].ID, false)
	att := mustAttendance(t, s, large[0].ID)
	marked := 0
	for _, byDay := range att {
		marked += len(byDay)
	}
	if len(ps) != SmallSample.Contacts || marked != size.Marks || len(att) != size.Marks/10 {
		t.Errorf("large course: %d participants, %d marks on %d of them; want %d, %d on %d",
			len(ps), marked, len(att), SmallSample.Contacts, size.Marks, size.Marks/10)
	}
	f, err := s.TrainingFiguresForPeriod(t.Context(), "2019-01-01", "2026-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if f.Courses == 0 || f.Participants <= f.Courses || f.JointCourses == 0 || f.Government == 0 || f.NonGovernment == 0 {
		t.Errorf("figures of the sample: %+v", f)
	}
	if last, _, _ := s.LastUndoable(t.Context()); last.Summary != "Load sample courses" {
		t.Errorf("LastUndoable = %q", last.Summary)
	}
}
