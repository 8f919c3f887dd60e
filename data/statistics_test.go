package data

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStatisticsRoundTripAndUndo(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	year := []Statistic{
		{Measure: "victims_identified", Value: 120, SourceID: police.ID, Article: "Art. 165 Criminal Code"},
		{Measure: "victims_identified", Breakdown: "sex:female", Value: 80},
		{Measure: "victims_identified", Breakdown: "sex:male", Value: 38},
		{Measure: "victims_identified", Breakdown: "age:child", Value: 20},
		{Measure: "victims_identified", Breakdown: "age:adult", Value: 100},
		{Measure: "convicted", Value: 12},
	}
	if err := s.SetStatistics(ctx, 2025, year); err != nil {
		t.Fatal(err)
	}
	got, err := s.Statistics(ctx, 2025)
	if err != nil || len(got) != len(year) {
		t.Fatalf("read back %d figures, %v", len(got), err)
	}
	if w := StatisticWarnings(got); len(w) != 1 || w[0].Group != "sex" || w[0].Total != 120 || w[0].Sum != 118 ||
		w[0].Message != "Victims identified 2025: the total is 120, but by sex they add up to 118" {
		t.Errorf("warnings %+v: want one, on sex (120 against 118); ages add up", w)
	}
	// Clearing a figure: the next save without it.
	if err := s.SetStatistics(ctx, 2025, year[:5]); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Statistics(ctx, 2025)
	if len(after) != 5 {
		t.Fatalf("%d figures after leaving convictions out, want 5", len(after))
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	back, _ := s.Statistics(ctx, 2025)
	if d := cmp.Diff(got, back); d != "" {
		t.Errorf("undo did not bring back the convictions (-before +after undo):\n%s", d)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if empty, _ := s.Statistics(ctx, 2025); len(empty) != 0 {
		t.Errorf("undoing the first save leaves %d figures", len(empty))
	}
}

func TestStatisticsRefused(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	for _, tc := range []struct {
		name  string
		year  int
		stats []Statistic
		field string
	}{
		{"negative", 2025, []Statistic{{Measure: "convicted", Value: -1}}, "convicted"},
		{"unknown measure", 2025, []Statistic{{Measure: "arrests", Value: 1}}, "arrests"},
		{"breakdown of another measure", 2025, []Statistic{{Measure: "convicted", Breakdown: "form:begging", Value: 1}}, "convicted/form:begging"},
		{"unknown source", 2025, []Statistic{{Measure: "convicted", Value: 1, SourceID: "nobody"}}, "convicted"},
		{"year", 1066, []Statistic{{Measure: "convicted", Value: 1}}, "year"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := rowCounts(t, s)
			err := s.SetStatistics(ctx, tc.year, tc.stats)
			ve, ok := err.(*ValidationError)
			if !ok {
				t.Fatalf("err = %v, want a ValidationError", err)
			}
			if _, ok := ve.For(tc.field); !ok {
				t.Errorf("no problem on %q: %v", tc.field, ve)
			}
			if after := rowCounts(t, s); after["change"] != before["change"] {
				t.Error("a refused save wrote history")
			}
		})
	}
}

func TestStatisticWarningsOnlyWhereBothAreGiven(t *testing.T) {
	w := StatisticWarnings([]Statistic{
		{Year: 2024, Measure: "prosecuted", Breakdown: "sex:female", Value: 3}, // no total: nothing to compare
		{Year: 2024, Measure: "investigated", Value: 10},                       // no breakdown
		{Year: 2024, Measure: "convicted", Value: 5},
		{Year: 2024, Measure: "convicted", Breakdown: "sex:male", Value: 5},
		{Year: 2023, Measure: "victims_assisted", Value: 7},
		{Year: 2023, Measure: "victims_assisted", Breakdown: "form:forced_labour", Value: 4},
		{Year: 2023, Measure: "victims_assisted", Breakdown: "form:begging", Value: 4},
	})
	if len(w) != 1 || w[0].Year != 2023 || w[0].Group != "form" || w[0].Sum != 8 ||
		!strings.Contains(w[0].Message, "by form of exploitation they add up to 8") {
		t.Errorf("warnings %+v", w)
	}
}

// TestTheBreakdownBySexAndAgeGivesTheOthers: entered, the breakdown by sex
// and age works out the breakdowns by sex and by age, replacing typed
// ones; the source stays; a measure without it keeps its own.
func TestTheBreakdownBySexAndAgeGivesTheOthers(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := t.Context()
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	err := s.SetStatistics(ctx, 2024, []Statistic{
		{Measure: "victims_identified", Breakdown: "sex:female", Value: 99, SourceID: police.ID, Note: "Identified by the police"}, // replaced
		{Measure: "victims_identified", Breakdown: "sex_age:women", Value: 10},
		{Measure: "victims_identified", Breakdown: "sex_age:girls", Value: 4},
		{Measure: "victims_identified", Breakdown: "sex_age:men", Value: 6},
		{Measure: "victims_identified", Breakdown: "sex_age:boys", Value: 1},
		{Measure: "victims_identified", Breakdown: "sex_age:unknown", Value: 2},
		{Measure: "convicted", Breakdown: "sex_age:men", Value: 7},
		{Measure: "convicted", Breakdown: "sex_age:women", Value: 2},
		{Measure: "investigated", Breakdown: "sex:female", Value: 5}, // no breakdown by sex and age: kept
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Statistics(ctx, 2024)
	values := map[string]int{}
	sourced := 0
	for _, st := range got {
		values[st.Measure+"/"+st.Breakdown] = st.Value
		if st.Measure == "victims_identified" && st.SourceID == police.ID && st.Note == "Identified by the police" {
			sourced++
		}
	}
	for key, want := range map[string]int{
		"victims_identified/sex:female": 14, "victims_identified/sex:male": 7, "victims_identified/sex:unknown": 2,
		"victims_identified/age:adult": 16, "victims_identified/age:child": 5, "victims_identified/age:unknown": 2,
		"convicted/sex:female": 2, "convicted/sex:male": 7, "investigated/sex:female": 5,
	} {
		if values[key] != want {
			t.Errorf("%s = %d, want %d", key, values[key], want)
		}
	}
	if _, ok := values["convicted/age:adult"]; ok {
		t.Error("convictions have no breakdown by age, but one was worked out")
	}
	if sourced != 1 {
		t.Errorf("the source and note of victims identified are kept %d times, want once", sourced)
	}
	if w := StatisticWarnings(got); len(w) != 0 {
		t.Errorf("worked-out breakdowns disagree with each other: %v", w)
	}
}

// TestStatisticsByCitizenship: every measure can be broken down by
// citizenship, and a breakdown that does not add up is pointed at.
func TestStatisticsByCitizenship(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := t.Context()
	err := s.SetStatistics(ctx, 2024, []Statistic{
		{Measure: "victims_identified", Value: 30},
		{Measure: "victims_identified", Breakdown: "citizenship:national", Value: 18},
		{Measure: "victims_identified", Breakdown: "citizenship:foreign", Value: 10},
		{Measure: "prosecuted", Value: 9},
		{Measure: "prosecuted", Breakdown: "citizenship:foreign", Value: 2},
		{Measure: "prosecuted", Breakdown: "citizenship:national", Value: 7},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Statistics(ctx, 2024)
	if len(got) != 6 {
		t.Fatalf("%d figures kept, want 6", len(got))
	}
	w := StatisticWarnings(got)
	if len(w) != 1 || w[0].Measure != "victims_identified" || w[0].Group != "citizenship" || w[0].Sum != 28 {
		t.Errorf("warnings %+v: want victims identified, 28 of 30 by citizenship", w)
	}
	if err := s.SetStatistics(ctx, 2024, []Statistic{{Measure: "convicted", Breakdown: "citizenship:stateless", Value: 1}}); invalidFields(err) == nil {
		t.Errorf("an unknown part of the breakdown by citizenship: %v", err)
	}
}
