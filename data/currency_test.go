package data

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestAssetsAskTheirCurrency(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	for _, tc := range []struct {
		name  string
		stat  Statistic
		field string
	}{
		{"no currency", Statistic{Measure: AssetsMeasure, Value: 120_000}, "assets_confiscated/currency"},
		{"not a currency", Statistic{Measure: AssetsMeasure, Value: 120_000, Currency: "LEI"}, "assets_confiscated/currency"},
		{"a count with a currency", Statistic{Measure: "convicted", Value: 3, Currency: "EUR"}, "convicted/currency"},
		{"offences by sex", Statistic{Measure: CasesMeasure, Breakdown: "sex:female", Value: 3}, "cases_recorded/sex:female"},
		{"assets by sex", Statistic{Measure: AssetsMeasure, Breakdown: "sex:male", Value: 3, Currency: "EUR"}, "assets_confiscated/sex:male"},
		{"an unknown country", Statistic{Measure: "convicted", Breakdown: "country:XX", Value: 3}, "convicted/country:XX"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.SetStatistics(ctx, 2025, []Statistic{tc.stat})
			ve, ok := err.(*ValidationError)
			if !ok {
				t.Fatalf("err = %v, want a ValidationError", err)
			}
			if _, ok := ve.For(tc.field); !ok {
				t.Errorf("no problem on %q: %v", tc.field, ve)
			}
			if got, _ := s.Statistics(ctx, 2025); len(got) != 0 {
				t.Errorf("%d figures written", len(got))
			}
		})
	}
	// A currency in small letters is kept as its code.
	if err := s.SetStatistics(ctx, 2025, []Statistic{{Measure: AssetsMeasure, Value: 120_000, Currency: " mdl "}}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Statistics(ctx, 2025)
	if len(got) != 1 || got[0].Currency != "MDL" || got[0].Value != 120_000 {
		t.Errorf("read back %+v, want 120000 MDL", got)
	}
}

func TestAssetsAddUpInOneCurrencyOnly(t *testing.T) {
	stats := []Statistic{
		{Year: 2023, Measure: AssetsMeasure, Value: 50_000, Currency: "MDL"},
		{Year: 2024, Measure: AssetsMeasure, Value: 70_000, Currency: "MDL"},
		{Year: 2025, Measure: AssetsMeasure, Value: 9_000, Currency: "EUR"},
	}
	one := statisticsFigure(stats, AssetsMeasure, "2023-01-01", "2024-12-31")
	if one.Total != 120_000 || one.Unit != "MDL" || one.Unadded || len(one.Rows) != 2 {
		t.Errorf("2023–2024: %+v, want 120000 MDL over two years", one)
	}
	mixed := statisticsFigure(stats, AssetsMeasure, "2023-01-01", "2025-12-31")
	want := []FigureRow{{Code: "2023", Label: "2023 (MDL)", Value: 50_000}, {Code: "2024", Label: "2024 (MDL)", Value: 70_000}, {Code: "2025", Label: "2025 (EUR)", Value: 9_000}}
	if !mixed.Unadded || mixed.Total != 0 || mixed.Unit != "" {
		t.Errorf("2023–2025: %+v, want no total and no single currency", mixed)
	}
	if d := cmp.Diff(want, mixed.Rows); d != "" {
		t.Errorf("2023–2025 rows (-want +got):\n%s", d)
	}
	if none := statisticsFigure(stats, AssetsMeasure, "2020-01-01", "2020-12-31"); !none.Unknown || none.Unadded {
		t.Errorf("2020: %+v, want not available", none)
	}
	// Two years in different currencies are not compared by the year-on-year rule.
	for _, f := range CheckQuality(stats, map[string]bool{RuleSourceNamed: true}) {
		if f.Measure == AssetsMeasure && f.Year == 2025 {
			t.Errorf("finding %+v compares MDL with EUR", f)
		}
	}
	stats[2].Currency = "MDL"
	found := false
	for _, f := range CheckQuality(stats, map[string]bool{RuleSourceNamed: true}) {
		found = found || (f.Rule == RuleYearChange && f.Measure == AssetsMeasure && f.Year == 2025)
	}
	if !found {
		t.Error("70000 MDL then 9000 MDL: no year-on-year finding")
	}
}

func TestCountryCurrency(t *testing.T) {
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for country, want := range map[string]string{"MD": "MDL", "FR": "EUR", "KZ": "KZT", "PA": "PAB", "": "", "??": ""} {
		if got := CountryCurrency(country, day); got != want && !(country == "PA" && got == "USD") {
			t.Errorf("CountryCurrency(%q) = %q, want %q", country, got, want)
		}
	}
}
