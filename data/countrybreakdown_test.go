package data

import (
	"context"
	"testing"
)

func TestForeignNationalsByCountry(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	year := []Statistic{
		{Measure: "victims_identified", Value: 40},
		{Measure: "victims_identified", Breakdown: "citizenship:national", Value: 30},
		{Measure: "victims_identified", Breakdown: "citizenship:foreign", Value: 10},
		{Measure: "victims_identified", Breakdown: "country:UA", Value: 6},
		{Measure: "victims_identified", Breakdown: "country:RO", Value: 3},
	}
	if err := s.SetStatistics(ctx, 2025, year); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Statistics(ctx, 2025)
	if w := StatisticWarnings(got); len(w) != 0 {
		t.Errorf("9 of 10 foreign nationals by country: warnings %+v, want none (the rest: country not known)", w)
	}
	if v := statisticsFigure(got, "victims_identified", "2025-01-01", "2025-12-31"); v.Total != 40 {
		t.Errorf("total %d, want 40", v.Total)
	}
	year[3].Value = 9 // 12 by country, of 10 foreign nationals
	w := StatisticWarnings(year2(year))
	if len(w) != 1 || w[0].Group != CountryGroup || w[0].Total != 10 || w[0].Sum != 12 {
		t.Errorf("12 by country of 10: warnings %+v, want one on the countries", w)
	}
	// Countries alone give no total: they break down the foreign nationals,
	// not the measure.
	onlyCountries := []Statistic{{Year: 2025, Measure: "convicted", Breakdown: "country:UA", Value: 2}}
	if v := statisticsFigure(onlyCountries, "convicted", "2025-01-01", "2025-12-31"); !v.Unknown {
		t.Errorf("only a country entered: %+v, want not available", v)
	}
}

// year2 gives figures the year 2025, as SetStatistics would.
func year2(stats []Statistic) []Statistic {
	out := make([]Statistic, len(stats))
	for i, st := range stats {
		st.Year = 2025
		out[i] = st
	}
	return out
}
