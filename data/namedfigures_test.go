package data

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNamedFiguresOnAnEmptyRegisterAreZero(t *testing.T) {
	s := newStore(t)
	seen := map[string]bool{}
	for _, f := range NamedFigures {
		if seen[f.Name] {
			t.Errorf("%s is named twice", f.Name)
		}
		seen[f.Name] = true
		if f.Title == "" || f.Rule == "" {
			t.Errorf("%s has no title or counting rule", f.Name)
		}
		v, err := f.Compute(s.Period(context.Background(), "2025-01-01", "2025-12-31"))
		if err != nil || v.Total != 0 {
			t.Errorf("%s on an empty register: %+v, %v", f.Name, v, err)
		}
		for _, r := range v.Rows { // fixed lines (government / non-government …) may stand at zero
			if r.Value != 0 {
				t.Errorf("%s on an empty register has %s = %d", f.Name, r.Label, r.Value)
			}
		}
	}
}

func TestNamedFiguresKnownAnswers(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police", MechanismRole: "chair"})
	mustSaveOrg(t, s, Organisation{Name: "NGO", Sector: "ngo", MechanismRole: "member"})
	if err := s.SetStatistics(ctx, 2024, []Statistic{{Measure: "convicted", Value: 7, SourceID: police.ID}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStatistics(ctx, 2025, []Statistic{{Measure: "convicted", Value: 9}}); err != nil {
		t.Fatal(err)
	}
	c := Campaign{Title: "x", FirstDay: "2025-02-01", Channels: []string{"radio", "tv"}, Reach: 1000, ReachMethod: "ratings"}
	if err := s.SaveCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	noChannel := Campaign{Title: "y", FirstDay: "2026-03-01"}
	if err := s.SaveCampaign(ctx, &noChannel); err != nil {
		t.Fatal(err)
	}
	compute := func(name, from, to string) FigureValue {
		t.Helper()
		f, ok := NamedFigureByName(name)
		if !ok {
			t.Fatalf("no figure %s", name)
		}
		v, err := f.Compute(s.Period(ctx, from, to))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		name, from, to string
		want           FigureValue
	}{
		{"mechanism.members_by_sector", "2025-01-01", "2025-12-31", FigureValue{Total: 2,
			Rows: []FigureRow{{Code: "police", Label: "Police", Value: 1}, {Code: "ngo", Label: "NGO", Value: 1}}}},
		{"mechanism.members", "2025-01-01", "2025-12-31", FigureValue{Total: 2,
			Rows: []FigureRow{{Code: "chair", Label: "Chair", Value: 1}, {Code: "member", Label: "Member", Value: 1}}}},
		{"statistics.convicted", "2024-01-01", "2025-12-31", FigureValue{Total: 16,
			Rows: []FigureRow{{Code: "2024", Label: "2024", Value: 7}, {Code: "2025", Label: "2025", Value: 9}}}},
		{"statistics.convicted", "2025-01-01", "2025-12-31", FigureValue{Total: 9, Rows: []FigureRow{{Code: "2025", Label: "2025", Value: 9}}}},
		{"campaigns.reach", "2025-01-01", "2025-12-31", FigureValue{Total: 1000}},
		{"campaigns.by_channel", "2025-01-01", "2025-12-31", FigureValue{Total: 1,
			Rows: []FigureRow{{Code: "tv", Label: "TV", Value: 1}, {Code: "radio", Label: "Radio", Value: 1}}, Several: true}},
		{"campaigns.by_channel", "2026-01-01", "2026-12-31", FigureValue{Total: 1,
			Rows: []FigureRow{{Code: "none", Label: "No channel recorded", Value: 1}}, Several: true}},
	} {
		if d := cmp.Diff(tc.want, compute(tc.name, tc.from, tc.to)); d != "" {
			t.Errorf("%s %s–%s (-want +got):\n%s", tc.name, tc.from, tc.to, d)
		}
	}
}

// TestEveryBreakdownAddsUpOrSaysTheRest: on the sample register, over
// several periods, the lines of every named figure add up to its total;
// where an item can count under several lines, no line exceeds the total
// and every item is under one line at least (a "none" line included).
func TestEveryBreakdownAddsUpOrSaysTheRest(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if err := s.GenerateSample(ctx, SmallSample, 11); err != nil {
		t.Fatal(err)
	}
	if err := s.GenerateTrainingSample(ctx, SmallTrainingSample, 11); err != nil {
		t.Fatal(err)
	}
	if err := s.GenerateCoordinationSample(ctx, SmallCoordinationSample, 11); err != nil {
		t.Fatal(err)
	}
	broken := 0
	for _, period := range [][2]string{{"2024-01-01", "2024-12-31"}, {"2025-01-01", "2025-12-31"},
		{"2020-01-01", "2026-12-31"}, {"2026-07-01", "2026-07-31"}} {
		p := s.Period(ctx, period[0], period[1])
		for _, f := range NamedFigures {
			v, err := f.Compute(p)
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			if len(v.Rows) == 0 || v.Unadded { // amounts in several currencies have no total: each line names its own
				continue
			}
			broken++
			sum := 0
			for _, r := range v.Rows {
				sum += r.Value
				if r.Value > v.Total {
					t.Errorf("%s %v: line %s is %d, more than the total %d", f.Name, period, r.Label, r.Value, v.Total)
				}
			}
			if !v.Several && sum != v.Total {
				t.Errorf("%s %v: the lines add up to %d, the total is %d: %+v", f.Name, period, sum, v.Total, v.Rows)
			}
			if v.Several && sum < v.Total {
				t.Errorf("%s %v: the lines add up to %d, less than the %d items they break down: %+v", f.Name, period, sum, v.Total, v.Rows)
			}
		}
	}
	if broken < 20 {
		t.Errorf("only %d breakdowns had lines: the sample does not exercise the rule", broken)
	}
}

// TestStatisticsFigureWithOnlyABreakdown: a year with only its breakdown
// by sex entered counts the sum of the parts and says so; a year with a
// total counts the total; a year with nothing is left out, and a period
// with nothing at all is not available.
func TestStatisticsFigureWithOnlyABreakdown(t *testing.T) {
	all := []Statistic{
		{Year: 2024, Measure: "convicted", Value: 10},
		{Year: 2024, Measure: "convicted", Breakdown: "sex:male", Value: 7},
		{Year: 2025, Measure: "convicted", Breakdown: "sex:female", Value: 3},
		{Year: 2025, Measure: "convicted", Breakdown: "sex:male", Value: 5},
		{Year: 2025, Measure: "investigated", Value: 99},
	}
	v := statisticsFigure(all, "convicted", "2023-01-01", "2025-12-31")
	if v.Total != 18 || v.Unknown || len(v.Rows) != 2 || v.Rows[0].Value != 10 || v.Rows[1].Value != 8 ||
		!strings.Contains(v.Rows[1].Label, "sum of the breakdown by sex") || strings.Contains(v.Rows[0].Label, "sum") {
		t.Errorf("convicted 2023–2025: %+v", v)
	}
	if len(v.Missing) != 1 || v.Missing[0] != "2023" {
		t.Errorf("2023 has nothing entered, but the figure says %v is missing", v.Missing)
	}
	if v := statisticsFigure(all, "convicted", "2026-01-01", "2026-12-31"); !v.Unknown || v.Total != 0 || len(v.Rows) != 0 || len(v.Missing) != 0 {
		t.Errorf("a year with nothing entered: %+v", v)
	}
}
