package data

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// qualityStats are figures with known problems:
//
//	2022 investigated 8
//	2023 investigated 100 (more than doubled), prosecuted 40, convicted 50
//	     (more than prosecuted); victims identified 20, by sex 12 + 10 = 22
//	2024 investigated 30 (fell by more than half), prosecuted 45 (more
//	     than investigated); convicted by sex only, 5 + 6 = 11 (fell by more
//	     than half from 50)
//
// Every measure names its source but 2024's convicted (by sex only).
func qualityStats(source string) []Statistic {
	s := func(year int, measure, breakdown string, value int) Statistic {
		return Statistic{Year: year, Measure: measure, Breakdown: breakdown, Value: value, SourceID: source}
	}
	stats := []Statistic{
		s(2022, "investigated", "", 8),
		s(2023, "investigated", "", 100), s(2023, "prosecuted", "", 40), s(2023, "convicted", "", 50),
		s(2023, "victims_identified", "", 20), s(2023, "victims_identified", "sex:female", 12), s(2023, "victims_identified", "sex:male", 10),
		s(2024, "investigated", "", 30), s(2024, "prosecuted", "", 45),
		s(2024, "convicted", "sex:female", 5), s(2024, "convicted", "sex:male", 6),
	}
	stats[len(stats)-1].SourceID, stats[len(stats)-2].SourceID = "", ""
	return stats
}

type found struct {
	Rule    string
	Year    int
	Measure string
}

func foundOf(fs []QualityFinding) []found {
	var out []found
	for _, f := range fs {
		out = append(out, found{f.Rule, f.Year, f.Measure})
	}
	return out
}

func TestCheckQualityFindsWhatEachRuleLooksFor(t *testing.T) {
	t.Parallel()
	all := CheckQuality(qualityStats("police"), nil)
	want := []found{
		{RuleYearChange, 2023, "investigated"},
		{RuleJusticeFunnel, 2023, "convicted"},
		{RuleBreakdownSum, 2023, "victims_identified"},
		{RuleYearChange, 2024, "investigated"},
		{RuleJusticeFunnel, 2024, "prosecuted"},
		{RuleYearChange, 2024, "convicted"}, // 50, then 11 by sex
		{RuleSourceNamed, 2024, "convicted"},
	}
	if d := cmp.Diff(want, foundOf(all)); d != "" {
		t.Fatalf("findings (-want +got):\n%s", d)
	}
	messages := map[found]string{}
	for _, f := range all {
		messages[found{f.Rule, f.Year, f.Measure}] = f.Message
	}
	for k, msg := range map[found]string{
		{RuleYearChange, 2023, "investigated"}:         "Persons investigated 2023: 100, against 8 in 2022",
		{RuleJusticeFunnel, 2023, "convicted"}:         "Persons convicted 2023: 50, more than the 40 persons prosecuted",
		{RuleBreakdownSum, 2023, "victims_identified"}: "Victims identified 2023: the total is 20, but by sex they add up to 22",
		{RuleSourceNamed, 2024, "convicted"}:           "Persons convicted 2024: no source agency named",
	} {
		if messages[k] != msg {
			t.Errorf("%v says %q, want %q", k, messages[k], msg)
		}
	}

	// Each rule switched off finds nothing more.
	for _, r := range QualityRules {
		for _, f := range CheckQuality(qualityStats("police"), map[string]bool{r.Name: true}) {
			if f.Rule == r.Name {
				t.Errorf("%s is off but found %v", r.Name, f)
			}
		}
	}
}

func TestCheckQualityLeavesSmallCountsAndLoneYearsAlone(t *testing.T) {
	t.Parallel()
	stats := []Statistic{
		{Year: 2020, Measure: "victims_assisted", Value: 1, SourceID: "x"},
		{Year: 2021, Measure: "victims_assisted", Value: 4, SourceID: "x"},  // four times, but small
		{Year: 2023, Measure: "victims_assisted", Value: 90, SourceID: "x"}, // no 2022 to compare with
		{Year: 2023, Measure: "prosecuted", Value: 9, SourceID: "x"},        // no investigated that year
	}
	if got := CheckQuality(stats, nil); len(got) != 0 {
		t.Errorf("found %v", got)
	}
}

func TestQualityRulesSwitchOffAsAnUndoableSetting(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := t.Context()
	org := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	if err := s.SetStatistics(ctx, 2023, qualityStats(org.ID)[1:7]); err != nil {
		t.Fatal(err)
	}
	got, err := s.QualityFindings(ctx, "2023-01-01", "2023-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]found{{RuleJusticeFunnel, 2023, "convicted"}, {RuleBreakdownSum, 2023, "victims_identified"}}, foundOf(got)); d != "" {
		t.Fatalf("findings of 2023 (-want +got):\n%s", d)
	}
	if err := s.SetQualityRuleOff(ctx, RuleJusticeFunnel, true); err != nil {
		t.Fatal(err)
	}
	got, _ = s.QualityFindings(ctx, "2023-01-01", "2023-12-31")
	if d := cmp.Diff([]found{{RuleBreakdownSum, 2023, "victims_identified"}}, foundOf(got)); d != "" {
		t.Errorf("with the funnel rule off (-want +got):\n%s", d)
	}
	if got, _ := s.QualityFindings(ctx, "2024-01-01", "2024-12-31"); len(got) != 0 {
		t.Errorf("2024 has no figures but found %v", got)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if off, _ := s.QualityRulesOff(ctx); off[RuleJusticeFunnel] {
		t.Error("undo left the rule off")
	}
	if err := s.SetQualityRuleOff(ctx, "no_such_rule", true); invalidFields(err) == nil {
		t.Errorf("an unknown rule: %v", err)
	}
}

// TestTheSampleStatisticsPassEveryCheck: the sample tells a plausible
// story, whatever its seed.
func TestTheSampleStatisticsPassEveryCheck(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := t.Context()
	if err := s.GenerateSample(ctx, SmallSample, 1); err != nil {
		t.Fatal(err)
	}
	orgs, err := s.Organisations(ctx, OrganisationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for seed := uint64(1); seed <= 30; seed++ {
		r := rand.New(rand.NewPCG(seed, seed))
		if err := s.sampleStatistics(ctx, r, orgs, func() string { return orgs[0].ID }, 20); err != nil {
			t.Fatal(err)
		}
		found, err := s.QualityFindings(ctx, "", "")
		if err != nil {
			t.Fatal(err)
		}
		if len(found) > 0 {
			t.Fatalf("seed %d: %d findings, the first %q", seed, len(found), found[0].Message)
		}
	}
	stats, _ := s.AllStatistics(ctx)
	for _, st := range stats {
		if st.Breakdown != "" || st.Measure != "convicted" {
			continue
		}
		o, err := s.Organisation(ctx, st.SourceID)
		if err != nil || o.Sector != "judiciary" {
			t.Errorf("convictions of %d come from %q (%v), not a court", st.Year, o.Name, err)
		}
	}
}
