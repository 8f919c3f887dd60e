package data

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPlanActionsFiguresAndProgress(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	lead := mustSaveOrg(t, s, Organisation{Name: "Ministry", Sector: "ministry"})
	bad := Plan{Title: "Plan", FirstYear: 2026, LastYear: 2024}
	if err := s.SavePlan(ctx, &bad); err == nil {
		t.Fatal("a plan ending before it begins was saved")
	} else if ve, ok := err.(*ValidationError); !ok || ve.Errors[0].Field != "last_year" {
		t.Errorf("err = %v", err)
	}
	p := Plan{Title: "National Action Plan 2024–2026", FirstYear: 2024, LastYear: 2026, Authority: "Government decision 123", Status: "adopted"}
	if err := s.SavePlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	save := func(a Action) Action {
		t.Helper()
		a.PlanID = p.ID
		if err := s.SaveAction(ctx, &a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	late := save(Action{Pillar: "protection", Activity: "Set up a referral hotline", Lead: lead.ID, Deadline: "2025-06-30", Status: "ongoing"})
	save(Action{Pillar: "prevention", Activity: "School sessions", Deadline: "2025-03-01", Status: "done"})
	save(Action{Pillar: "prevention", Activity: "Campaign for job seekers", Deadline: "2026-12-31"})
	save(Action{Pillar: "prosecution", Activity: "Train prosecutors", Deadline: "2024-12-31", Status: "dropped"})
	if err := s.SaveAction(ctx, &Action{PlanID: p.ID, Pillar: "protection"}); err == nil {
		t.Error("an action without an activity was saved")
	}
	f, err := s.PlanFiguresOn(ctx, p.ID, "2025-11-27")
	if err != nil {
		t.Fatal(err)
	}
	want := PlanFigures{Actions: 4, Overdue: 1, ByPillar: map[string]map[string]int{
		"prevention": {"done": 1, "not_started": 1}, "protection": {"ongoing": 1}, "prosecution": {"dropped": 1}}}
	if d := cmp.Diff(want, f); d != "" {
		t.Errorf("figures (-want +got):\n%s", d)
	}
	actions, _ := s.Actions(ctx, p.ID)
	var order []string
	for _, a := range actions {
		order = append(order, a.Pillar+":"+a.Activity)
	}
	if d := cmp.Diff([]string{"prevention:School sessions", "prevention:Campaign for job seekers",
		"protection:Set up a referral hotline", "prosecution:Train prosecutors"}, order); d != "" {
		t.Errorf("actions by pillar then deadline:\n%s", d)
	}
	if err := s.AddProgressNote(ctx, late.ID, "2025-07-15", "Hotline number agreed with the operator"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddProgressNote(ctx, late.ID, "2099-01-01", "from the future"); err == nil {
		t.Error("a progress note dated in the future was accepted")
	}
	notes, _ := s.ProgressNotes(ctx, late.ID)
	if len(notes) != 1 || notes[0].Day != "2025-07-15" {
		t.Errorf("notes %+v", notes)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if notes, _ := s.ProgressNotes(ctx, late.ID); len(notes) != 0 {
		t.Error("undo did not take back the note")
	}
}
