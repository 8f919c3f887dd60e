package data

import (
	"slices"
	"testing"
)

// TestWhatNeedsAttention: on 27 November 2026, a register with one of each
// thing that needs attention, and one of each that does not, lists the
// former only, overdue actions first.
func TestWhatNeedsAttention(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "La Strada", Sector: "ngo"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Lungu"})
	ion := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Ion Rusu"})

	plan := Plan{Title: "National plan 2025–2027", FirstYear: 2025, LastYear: 2027, Status: "adopted"}
	must(t, s.SavePlan(ctx, &plan))
	late := Action{PlanID: plan.ID, Pillar: "prevention", Activity: "School sessions", Deadline: "2026-06-30", Status: "ongoing"}
	done := Action{PlanID: plan.ID, Pillar: "protection", Activity: "Shelter standards", Deadline: "2026-03-31", Status: "done"}
	coming := Action{PlanID: plan.ID, Pillar: "prosecution", Activity: "Judges' guide", Deadline: "2026-12-31", Status: "ongoing"}
	for _, a := range []*Action{&late, &done, &coming} {
		must(t, s.SaveAction(ctx, a))
	}

	// Held in the last year: one never marked with someone only confirmed,
	// one marked without certificates, one marked with certificates, one
	// whose list was entered afterwards (everyone attended).
	planned := mustSaveCourse(t, s, Course{Title: "Unmarked", Status: "planned", FirstDay: "2026-05-04"})
	mustAddParticipants(t, s, planned.ID, ana, ion)
	planned.Status = "held"
	must(t, s.SaveCourse(ctx, &planned))
	marked := mustSaveCourse(t, s, Course{Title: "Marked", Status: "held", FirstDay: "2026-06-01"})
	mustAddParticipants(t, s, marked.ID, ana)
	mustSetMarks(t, s, marked.ID, Mark{participantOf(t, s, marked.ID, ana).ID, "2026-06-01", "present"})
	certified := mustSaveCourse(t, s, Course{Title: "Certified", Status: "held", FirstDay: "2026-07-01"})
	mustAddParticipants(t, s, certified.ID, ion)
	mustSetMarks(t, s, certified.ID, Mark{participantOf(t, s, certified.ID, ion).ID, "2026-07-01", "present"})
	if _, err := s.IssueCertificates(ctx, certified.ID); err != nil {
		t.Fatal(err)
	}
	afterwards := mustSaveCourse(t, s, Course{Title: "Entered afterwards", Status: "held", FirstDay: "2026-08-03"})
	mustAddParticipants(t, s, afterwards.ID, ana)
	old := mustSaveCourse(t, s, Course{Title: "Long ago", Status: "planned", FirstDay: "2024-05-06"})
	mustAddParticipants(t, s, old.ID, ion)
	old.Status = "held"
	must(t, s.SaveCourse(ctx, &old))
	thisMonth := mustSaveCourse(t, s, Course{Title: "Referral", Status: "planned", FirstDay: "2026-11-30"})
	mustSaveCourse(t, s, Course{Title: "Called off", Status: "cancelled", FirstDay: "2026-11-10"}) // this month, but not to come

	soon := Meeting{Day: "2026-12-10", Place: "Ministry"}
	later := Meeting{Day: "2027-02-10"}
	for _, m := range []*Meeting{&soon, &later} {
		must(t, s.SaveMeeting(ctx, m))
	}
	expiring := Agreement{Title: "Referral memorandum", Kind: "memorandum", Level: "referral", Parties: []string{police.ID, ngo.ID},
		SignedOn: "2024-01-10", ValidUntil: "2027-01-31", Status: "in_force"}
	lasting := Agreement{Title: "Data protocol", Kind: "protocol", Level: "inter_agency", Parties: []string{police.ID, ngo.ID},
		SignedOn: "2024-01-10", ValidUntil: "2029-01-31", Status: "in_force"}
	for _, a := range []*Agreement{&expiring, &lasting} {
		must(t, s.SaveAgreement(ctx, a))
	}
	must(t, s.SetStatistics(ctx, 2026, []Statistic{{Measure: "prosecuted", Value: 10, SourceID: police.ID},
		{Measure: "convicted", Value: 12, SourceID: police.ID}}))

	// The plan's figures for 2026: by status; overdue counted today, not on
	// 31 December (the judges' guide is not late yet).
	figures, err := s.OverviewFigures(ctx, "2026-01-01", "2026-12-31")
	if err != nil {
		t.Fatal(err)
	}
	byStatus := map[string]int{}
	for _, r := range figures["plan.actions_by_status"].Rows {
		byStatus[r.Code] = r.Value
	}
	if byStatus["ongoing"] != 2 || byStatus["done"] != 1 || figures["plan.actions_by_status"].Total != 3 {
		t.Errorf("actions by status %+v", figures["plan.actions_by_status"])
	}
	if n := figures["plan.actions_overdue"].Total; n != 1 {
		t.Errorf("%d actions overdue, want 1 (the school sessions)", n)
	}

	items, err := s.Attention(ctx, "2026-11-27", "2026-01-01", "2026-12-31")
	if err != nil {
		t.Fatal(err)
	}
	type seen struct{ kind, id string }
	var got []seen
	for _, it := range items {
		got = append(got, seen{it.Kind, it.ID})
	}
	want := []seen{
		{AttentionOverdueAction, late.ID},
		{AttentionCourseThisMonth, thisMonth.ID},
		{AttentionMeetingSoon, soon.ID},
		{AttentionAgreementExpiring, expiring.ID},
		{AttentionNoAttendance, planned.ID},
		{AttentionNoCertificates, marked.ID},
		{AttentionStatisticsMissing, "2025"},
		{AttentionQuality, "2026"}, // 12 convicted of 10 prosecuted
	}
	if !slices.Equal(got, want) {
		t.Errorf("attention:\n got %v\nwant %v", got, want)
	}
	for _, it := range items {
		if it.Kind != AttentionStatisticsMissing && (it.Title == "" || (it.Kind != AttentionQuality && it.Day == "")) {
			t.Errorf("%+v: no title or no day", it)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
