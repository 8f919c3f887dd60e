package export

import (
	"fmt"
	"testing"
)

// overviewCharts are the five charts the Overview shows, at their largest
// expected sizes.
func overviewCharts() []Chart {
	sectors := make([]string, 24)
	participants := make([]float64, 24)
	for i := range sectors {
		sectors[i] = fmt.Sprintf("Sector %d: employers' and workers' organisations", i+1)
		participants[i] = float64(240 - 9*i)
	}
	months := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	courses, lastYear := make([]float64, 12), make([]float64, 12)
	for i := range months {
		courses[i], lastYear[i] = float64(i%5+1), float64((i+2)%4+1)
	}
	years := years(2006, 2025)
	lines := make([]ChartSeries, 5)
	for s := range lines {
		lines[s].Name = fmt.Sprintf("Series %d", s+1)
		for y := range years {
			lines[s].Values = append(lines[s].Values, float64(10*(s+1)+y))
		}
	}
	return []Chart{
		{Title: "Training participants by sector", Kind: ChartBars, Whole: true, Categories: sectors,
			Series: []ChartSeries{{Name: "Participants", Values: participants}}},
		{Title: "Courses per month", Kind: ChartColumns, Whole: true, Categories: months,
			Series: []ChartSeries{{Name: "This year", Values: courses}, {Name: "Last year", Values: lastYear}}},
		{Title: "Awareness campaigns by channel", Kind: ChartColumns, Whole: true,
			Categories: []string{"Radio", "Television", "Press", "Social media", "Posters", "Leaflets", "Events", "Other"},
			Series:     []ChartSeries{{Name: "Campaigns", Values: []float64{4, 2, 3, 9, 5, 6, 2, 1}}}},
		{Title: "Plan actions by pillar", Kind: ChartStackedBars, Whole: true,
			Categories: []string{"Prevention", "Protection", "Prosecution", "Partnership"},
			Series: []ChartSeries{{Name: "Done", Values: []float64{6, 3, 2, 1}}, {Name: "Under way", Values: []float64{4, 5, 1, 2}},
				{Name: "Late", Values: []float64{1, 2, 3, 1}}, {Name: "Not started", Values: []float64{2, 1, 1, 3}}}},
		{Title: "Cases by year", Kind: ChartLines, Whole: true, Categories: years, Series: lines},
	}
}

// BenchmarkChartDraw draws the Overview's five charts at 480×260 pt,
// scale 1; one iteration is one Overview. Target: under 100 ms.
func BenchmarkChartDraw(b *testing.B) {
	charts := overviewCharts()
	for b.Loop() {
		for _, c := range charts {
			if _, err := c.Draw(480, 260, ChartStyle{Scale: 1}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
