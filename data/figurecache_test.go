package data

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFiguresKeptInStepWithChanges makes changes of every kind that moves
// training figures and checks after each that the figures summed from the
// cache are those a fresh count of the file gives.
func TestFiguresKeptInStepWithChanges(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)
	check := func(step string) {
		t.Helper()
		got, err := s.TrainingFiguresForPeriod(ctx, "2000-01-01", "2099-12-31")
		if err != nil {
			t.Fatal(err)
		}
		fresh := openStore(t, s.Path(), Options{ReadOnly: true})
		defer fresh.Close()
		want, err := fresh.TrainingFiguresForPeriod(ctx, "2000-01-01", "2099-12-31")
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("after %s the cached figures differ from a fresh count (-fresh +cached):\n%s", step, d)
		}
	}
	check("opening")
	c := Course{Title: "Joint course", FirstDay: "2026-03-02", LastDay: "2026-03-03", Status: "held"}
	if err := s.SaveCourse(ctx, &c); err != nil {
		t.Fatal(err)
	}
	check("adding a course")
	rows, _ := s.Organisations(ctx, OrganisationFilter{})
	var ids []string
	for _, r := range rows[:4] {
		cs, _ := s.Contacts(ctx, r.ID, false)
		for _, x := range cs {
			ids = append(ids, x.ID)
		}
	}
	if err := s.AddParticipants(ctx, c.ID, ids); err != nil {
		t.Fatal(err)
	}
	check("adding participants")
	ps, _ := s.Participants(ctx, c.ID, false)
	if err := s.SetMarks(ctx, c.ID, []Mark{{ps[0].ID, "2026-03-02", "present"}, {ps[1].ID, "2026-03-03", "absent"}}); err != nil {
		t.Fatal(err)
	}
	check("the first marks (the others stop counting)")
	if err := s.SetMarks(ctx, c.ID, []Mark{{ps[0].ID, "2026-03-02", ""}}); err != nil {
		t.Fatal(err)
	}
	check("clearing a mark")
	if err := s.SetParticipantArchived(ctx, ps[1].ID, true); err != nil {
		t.Fatal(err)
	}
	check("taking someone off")
	if _, err := s.AddNewParticipant(ctx, c.ID, Contact{Name: "New Person", Sex: "female"}, Organisation{Name: "New NGO", Sector: "ngo"}); err != nil {
		t.Fatal(err)
	}
	check("a new person")
	c.Status = "cancelled"
	if err := s.SaveCourse(ctx, &c); err != nil {
		t.Fatal(err)
	}
	check("cancelling the course")
	for i := 0; i < 7; i++ {
		if _, err := s.Undo(ctx); err != nil {
			t.Fatal(err)
		}
		check(fmt.Sprintf("undo %d", i+1))
	}
	if _, err := s.Course(ctx, c.ID); err != ErrNotFound {
		t.Fatalf("the course should be gone after undoing its creation: %v", err)
	}
}
