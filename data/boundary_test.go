package data

import (
	"strings"
	"testing"
)

// The boundary rules, at the boundary: a campaign over New Year counts in
// both years, with its whole reach in each; a course over the end of a
// period counts in the period it began in, and only there. Both rules are
// in the words shown with the figures.

func TestACampaignOverNewYearCountsInBothYears(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := t.Context()
	over := Campaign{Title: "Winter helpline", FirstDay: "2025-12-15", LastDay: "2026-01-15", Channels: []string{"radio"},
		Reach: 4000, ReachMethod: "calls"}
	endsOnEve := Campaign{Title: "Ends on New Year's Eve", FirstDay: "2025-12-01", LastDay: "2025-12-31", Channels: []string{"tv"}, Reach: 10, ReachMethod: "audience figures"}
	startsOnNewYear := Campaign{Title: "Starts on New Year's Day", FirstDay: "2026-01-01", LastDay: "2026-01-02", Channels: []string{"tv"}, Reach: 100, ReachMethod: "audience figures"}
	for _, c := range []*Campaign{&over, &endsOnEve, &startsOnNewYear} {
		if err := s.SaveCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		from, to         string
		campaigns, reach int
	}{
		{"2025-01-01", "2025-12-31", 2, 4010},
		{"2026-01-01", "2026-12-31", 2, 4100},
		{"2025-12-31", "2025-12-31", 2, 4010}, // the last day alone
		{"2026-01-01", "2026-01-01", 2, 4100}, // the first day alone
		{"2026-01-16", "2026-12-31", 0, 0},    // the day after it ended
	} {
		f, err := s.CampaignFiguresForPeriod(ctx, tt.from, tt.to)
		if err != nil {
			t.Fatal(err)
		}
		if f.Campaigns != tt.campaigns || f.Reach != tt.reach {
			t.Errorf("%s..%s: %d campaigns reaching %d, want %d reaching %d", tt.from, tt.to, f.Campaigns, f.Reach, tt.campaigns, tt.reach)
		}
	}
}

func TestACourseOverTheEndOfAPeriodCountsWhereItBegan(t *testing.T) {
	t.Parallel()
	r := newFiguresRegister(t) // C3 runs from 2025-12-31 to 2026-01-01, two counted
	for _, tt := range []struct {
		from, to              string
		courses, participants int
	}{
		{"2025-12-31", "2025-12-31", 1, 2},
		// Its second day: only C7, which begins that day (a course on the
		// first day of a period counts in it), not C3 again.
		{"2026-01-01", "2026-01-01", 1, 2},
		{"2025-12-01", "2025-12-30", 0, 0}, // the day before it began
	} {
		f, err := r.s.TrainingFiguresForPeriod(t.Context(), tt.from, tt.to)
		if err != nil {
			t.Fatal(err)
		}
		if f.Courses != tt.courses || f.Participants != tt.participants {
			t.Errorf("%s..%s: %d courses, %d participants; want %d, %d", tt.from, tt.to, f.Courses, f.Participants, tt.courses, tt.participants)
		}
	}
	if !strings.Contains(TrainingCountingRules, "counts in the period it began in, and only there") ||
		!strings.Contains(CampaignCountingRules, "counts in both periods, with its whole reach in each") {
		t.Error("the boundary rules are not in the words shown with the figures")
	}
}
