package export

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

func TestTheOverviewsChartsDrawTheirFigures(t *testing.T) {
	d := OverviewData{
		Figures: map[string]data.FigureValue{
			"training.participants_by_sector": {Total: 9, Rows: []data.FigureRow{{Code: "police", Label: "Police", Value: 2}, {Code: "ngo", Label: "NGO", Value: 7}, {Code: "health", Label: "Health", Value: 0}}},
			"campaigns.by_channel":            {Total: 2, Several: true, Rows: []data.FigureRow{{Code: "tv", Label: "Television", Value: 2}, {Code: "radio", Label: "Radio", Value: 1}}},
		},
		Months:      []data.MonthFigures{{Month: "2025-01", Courses: 2, Participants: 30}, {Month: "2025-02", Courses: 0, Participants: 0}, {Month: "2025-03", Courses: 1, Participants: 12}},
		PillarState: map[string]map[string]int{"prevention": {"done": 2, "ongoing": 1}, "protection": {"done": 1}},
		Years:       []int{2023, 2024, 2025},
		ByMeasure:   map[string]map[int]int{"investigated": {2023: 40, 2025: 52}, "convicted": {2023: 9, 2024: 11, 2025: 12}},
	}
	charts := OverviewCharts(nil, d)
	if len(charts) != 5 {
		t.Fatalf("%d charts, want 5", len(charts))
	}
	sectors := charts[0]
	if !slices.Equal(sectors.Categories, []string{"NGO", "Police"}) || !slices.Equal(sectors.Series[0].Values, []float64{7, 2}) {
		t.Errorf("sectors: %v %v, want NGO 7, Police 2, largest first, Health (0) left out", sectors.Categories, sectors.Series[0].Values)
	}
	if !slices.Equal(sectors.Codes, []string{"ngo", "police"}) {
		t.Errorf("sector codes %v: a click on a bar must know its sector", sectors.Codes)
	}
	months := charts[1]
	if months.Codes[1] != "2025-02-01/2025-02-28" {
		t.Errorf("February's code %q, want its first and last day", months.Codes[1])
	}
	if !slices.Equal(months.Categories, []string{"Jan", "Feb", "Mar"}) || !slices.Equal(months.Series[0].Values, []float64{30, 0, 12}) ||
		months.Note != "Courses held: Jan 2, Mar 1" {
		t.Errorf("months: %v %v %q", months.Categories, months.Series[0].Values, months.Note)
	}
	if channels := charts[2]; channels.Note == "" || channels.Series[0].Values[0] != 2 {
		t.Errorf("channels: %+v, want television first and a note that campaigns count under each channel", channels)
	}
	plan := charts[3]
	var names []string
	for _, s := range plan.Series {
		names = append(names, s.Name)
	}
	if !slices.Equal(names, []string{"Not started", "Ongoing", "Done", "Delayed", "Dropped"}) || plan.Series[2].Values[0] != 2 ||
		plan.Series[2].Values[1] != 1 || plan.Series[1].Values[0] != 1 || len(plan.Categories) != 4 {
		t.Errorf("plan: %v %+v, want the statuses with actions, a bar per pillar", plan.Categories, plan.Series)
	}
	lines := charts[4]
	investigated := lines.Series[0]
	if investigated.Name != "Persons investigated" || !math.IsNaN(investigated.Values[1]) || investigated.Values[2] != 52 {
		t.Errorf("investigated: %+v, want a gap in 2024 (not entered), never 0", investigated)
	}
	if prosecuted := lines.Series[1]; !math.IsNaN(prosecuted.Values[0]) {
		t.Errorf("prosecuted, never entered: %v, want gaps", prosecuted.Values)
	}
	for _, c := range charts {
		var svg bytes.Buffer
		if err := c.SVG(&svg, 400, 230); err != nil {
			t.Fatalf("%s: %v", c.Title, err)
		}
		if !strings.Contains(svg.String(), c.Title[:20]) {
			t.Errorf("%s: the drawing lacks its title", c.Title)
		}
	}
}

// TestManySectorsEndInOneBar: beyond ten, the smaller sectors are one bar
// saying how many they are, and the bars still add up to the total.
func TestManySectorsEndInOneBar(t *testing.T) {
	var v data.FigureValue
	for i := 1; i <= 14; i++ {
		v.Rows = append(v.Rows, data.FigureRow{Code: fmt.Sprint(i), Label: fmt.Sprint("Sector ", i), Value: i})
		v.Total += i
	}
	c := sectorChart(english(), v)
	if len(c.Categories) != 10 || c.Categories[0] != "Sector 14" || c.Categories[9] != "5 others" {
		t.Fatalf("bars %v", c.Categories)
	}
	sum := 0.0
	for _, x := range c.Series[0].Values {
		sum += x
	}
	if sum != float64(v.Total) || c.Series[0].Values[9] != 1+2+3+4+5 {
		t.Errorf("the bars add up to %v, want %d; the last is %v", sum, v.Total, c.Series[0].Values[9])
	}
}

// TestTwoYearsOfMonthsAreQuarters: beyond twelve months the columns are
// quarters, which add up the months.
func TestTwoYearsOfMonthsAreQuarters(t *testing.T) {
	var months []data.MonthFigures
	for i := 0; i < 24; i++ {
		months = append(months, data.MonthFigures{Month: fmt.Sprintf("%d-%02d", 2024+i/12, i%12+1), Courses: 1, Participants: i})
	}
	c := monthChart(english(), months)
	if len(c.Categories) != 8 || c.Categories[0] != "Q1 2024" || c.Categories[7] != "Q4 2025" || c.Codes[7] != "2025-10-01/2025-12-31" {
		t.Fatalf("categories %v", c.Categories)
	}
	if c.Series[0].Values[0] != 0+1+2 || c.Note != "Courses held: 24" {
		t.Errorf("Q1 2024 %v participants, note %q", c.Series[0].Values[0], c.Note)
	}
}

func TestAnOverviewWithNothingDrawsEmptyCharts(t *testing.T) {
	for _, c := range OverviewCharts(nil, OverviewData{Months: []data.MonthFigures{{Month: "2025-01", Courses: 0, Participants: 0}}}) {
		var svg bytes.Buffer
		if err := c.SVG(&svg, 400, 230); err != nil {
			t.Fatalf("%s: %v", c.Title, err)
		}
		if !strings.Contains(svg.String(), "Nothing recorded for the period") {
			t.Errorf("%s with nothing: does not say so", c.Title)
		}
	}
}

// TestTheOverviewsCardsSayTheirFigures: each card's number is its named
// figure's; a figure nobody entered is not available, never 0; the
// statistics card is the latest year up to the period's end.
func TestTheOverviewsCardsSayTheirFigures(t *testing.T) {
	ov := data.Overview{
		Figures: map[string]data.FigureValue{
			"training.courses":                 {Total: 5, Rows: []data.FigureRow{{Code: "joint", Label: "Joint", Value: 3}, {Code: "not_joint", Label: "Not joint", Value: 2}}},
			"training.unique_persons":          {Total: 61},
			"training.participants_by_sex":     {Total: 80, Rows: []data.FigureRow{{Code: "female", Value: 41}, {Code: "male", Value: 30}, {Code: "", Value: 9}}},
			"training.participants_government": {Total: 80, Rows: []data.FigureRow{{Code: "government", Value: 52}, {Code: "non_government", Value: 28}}},
			"campaigns.by_channel":             {Total: 4},
			"campaigns.reach":                  {Total: 1250000},
			"mechanism.meetings":               {Total: 2},
			"agreements.by_level":              {Total: 9},
			"plan.actions_by_status":           {Total: 24, Rows: []data.FigureRow{{Code: "done", Value: 5}, {Code: "ongoing", Value: 7}}},
			"plan.actions_overdue":             {Total: 3},
		},
		Years:     []int{2024, 2025, 2026},
		ByMeasure: map[string]map[int]int{"victims_identified": {2024: 40, 2025: 37}, "convicted": {2025: 12}},
	}
	got := map[string]string{}
	for _, c := range OverviewCards(nil, ov, "2025-12-31") {
		got[c.Key] = c.Value + " | " + c.Detail
	}
	want := map[string]string{
		"courses":        "5 | 3 joint",
		"persons":        "61 | each person counted once",
		"participations": "80 | women 41 · men 30 · other 9",
		"government":     "52 / 28 | participations",
		"campaigns":      "4 | reach 1,250,000",
		"meetings":       "2 | held so far",
		"agreements":     "9 | at the end of the period",
		"plan":           "5 / 24 | ongoing 7 · overdue 3",
		"statistics":     "37 | in 2025 · 12 convicted", // 2026 is after the period
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
	ov.Figures["campaigns.reach"] = data.FigureValue{Unknown: true}
	ov.Years = nil
	for _, c := range OverviewCards(nil, ov, "2025-12-31") {
		switch c.Key {
		case "campaigns":
			if c.Detail != "reach not available" {
				t.Errorf("reach never entered: %q", c.Detail)
			}
		case "statistics":
			if c.Value != data.NotAvailable {
				t.Errorf("no statistics: %q, want not available", c.Value)
			}
		}
	}
}
