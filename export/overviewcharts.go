package export

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// OverviewData is what the Overview's charts draw: figures of the period,
// and the statistics of every year.
type OverviewData struct {
	Figures     map[string]data.FigureValue // data.OverviewFigures
	Months      []data.MonthFigures         // data.TrainingByMonth
	PillarState map[string]map[string]int   // data.PillarStatus: pillar → status → actions
	Years       []int                       // data.StatisticsByYear
	ByMeasure   map[string]map[int]int      // 〃
}

// OverviewMeasures are the statistics the Overview draws year by year.
var OverviewMeasures = []string{"investigated", "prosecuted", "convicted", "victims_identified"}

// OverviewCharts are the Overview's charts, in order: participations by
// sector, participants per month, campaigns by channel, the plan's actions
// by pillar and status, and the statistics over the years. Each draws the
// very figure of the reply it summarises (the same named figure), so that
// a bar and the reply's table agree.
func OverviewCharts(tr *locale.Translator, d OverviewData) []Chart {
	tr = orEnglish(tr)
	return []Chart{sectorChart(tr, d.Figures["training.participants_by_sector"]), monthChart(tr, d.Months),
		channelChart(tr, d.Figures["campaigns.by_channel"]), planChart(tr, d.PillarState), statisticsChart(tr, d.Years, d.ByMeasure)}
}

// chartBarsShown is how many bars a chart of a breakdown draws before the
// rest go into one bar: twenty-four sectors in a small chart are
// unreadable.
const chartBarsShown = 10

// rowsChart draws a figure's lines as bars, largest first, the lines of
// none left out, those beyond chartBarsShown in one last bar saying how
// many they are.
func rowsChart(tr *locale.Translator, title string, v data.FigureValue) Chart {
	rows := make([]data.FigureRow, 0, len(v.Rows))
	for _, r := range v.Rows {
		if r.Value > 0 {
			rows = append(rows, r)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Value > rows[j].Value })
	c := Chart{Title: title, Kind: ChartBars, Whole: true, Series: []ChartSeries{{Name: title}}, Empty: tr.L(chartNothing)}
	for i, r := range rows {
		if i == chartBarsShown-1 && len(rows) > chartBarsShown {
			rest := 0
			for _, o := range rows[i:] {
				rest += o.Value
			}
			c.Categories = append(c.Categories, tr.N("{{.Count}} other", len(rows)-i))
			c.Codes = append(c.Codes, "")
			c.Series[0].Values = append(c.Series[0].Values, float64(rest))
			break
		}
		c.Categories = append(c.Categories, rowText(tr, r))
		c.Codes = append(c.Codes, r.Code)
		c.Series[0].Values = append(c.Series[0].Values, float64(r.Value))
	}
	return c
}

func sectorChart(tr *locale.Translator, v data.FigureValue) Chart {
	return rowsChart(tr, tr.L("Training participations by sector"), v)
}

func channelChart(tr *locale.Translator, v data.FigureValue) Chart {
	c := rowsChart(tr, tr.L("Awareness campaigns by channel"), v)
	if v.Several && len(c.Categories) > 0 {
		c.Note = tr.L("A campaign on several channels counts under each.")
	}
	return c
}

// monthChart draws the participants counted per month (per quarter over
// more than a year, per year over more than three); the note under it
// names the courses held in the columns that had some.
func monthChart(tr *locale.Translator, months []data.MonthFigures) Chart {
	title, name := tr.L("Training participants per month"), func(t time.Time) string { return tr.MonthShort(t.Month()) }
	switch {
	case len(months) > 36:
		title, name = tr.L("Training participants per year"), func(t time.Time) string { return strconv.Itoa(t.Year()) }
	case len(months) > 12: // two dozen months' names do not fit under their columns
		title, name = tr.L("Training participants per quarter"), func(t time.Time) string {
			return tr.L("Q{{.Quarter}} {{.Year}}", map[string]any{"Quarter": (int(t.Month()) + 2) / 3, "Year": strconv.Itoa(t.Year())})
		}
	}
	c := Chart{Title: title, Kind: ChartColumns, Whole: true, Series: []ChartSeries{{Name: tr.L("Participants")}}, Empty: tr.L(chartNothing)}
	type column struct {
		label, from, to       string
		courses, participants int
	}
	var columns []column
	for _, m := range months {
		t, err := time.Parse("2006-01", m.Month)
		if err != nil {
			continue
		}
		label, last := name(t), t.AddDate(0, 1, -1).Format(time.DateOnly)
		if len(columns) == 0 || columns[len(columns)-1].label != label {
			columns = append(columns, column{label: label, from: t.Format(time.DateOnly)})
		}
		col := &columns[len(columns)-1]
		col.to, col.courses, col.participants = last, col.courses+m.Courses, col.participants+m.Participants
	}
	var held []string
	courses := 0
	for _, col := range columns {
		c.Categories = append(c.Categories, col.label)
		c.Codes = append(c.Codes, col.from+"/"+col.to)
		c.Series[0].Values = append(c.Series[0].Values, float64(col.participants))
		if col.courses > 0 {
			held = append(held, col.label+" "+tr.Count(col.courses))
			courses += col.courses
		}
	}
	if len(held) == 0 {
		c.Categories, c.Codes, c.Series = nil, nil, nil // nothing held: the chart says so
		return c
	}
	c.Note = tr.L("Courses held: {{.Courses}}", map[string]any{"Courses": strings.Join(held, ", ")})
	if len(held) > 6 { // a longer list would run past the chart
		c.Note = tr.L("Courses held: {{.Courses}}", map[string]any{"Courses": tr.Count(courses)})
	}
	return c
}

// planChart stacks the plan's actions by status, a bar per pillar.
func planChart(tr *locale.Translator, byPillar map[string]map[string]int) Chart {
	c := Chart{Title: tr.L("National plan: actions by pillar and status"), Kind: ChartStackedBars, Whole: true, Empty: tr.L(chartNothing)}
	if len(byPillar) == 0 {
		return c
	}
	for _, p := range data.Pillars {
		c.Categories = append(c.Categories, codeText(tr, "pillar", p.Code))
		c.Codes = append(c.Codes, p.Code)
	}
	// Every status, even one no action has, so that a status keeps its
	// colour from one period to the next.
	for _, st := range data.ActionStatuses {
		s := ChartSeries{Name: codeText(tr, "action_status", st.Code)}
		for _, p := range data.Pillars {
			s.Values = append(s.Values, float64(byPillar[p.Code][st.Code]))
		}
		c.Series = append(c.Series, s)
	}
	return c
}

// statisticsChart draws the criminal justice and victims over the years
// entered; a year a measure was not entered is a gap, not 0.
func statisticsChart(tr *locale.Translator, years []int, byMeasure map[string]map[int]int) Chart {
	c := Chart{Title: tr.L("Criminal justice and victims identified, by year"), Kind: ChartLines, Whole: true, Empty: tr.L(chartNothing)}
	if len(years) == 0 {
		return c
	}
	for _, y := range years {
		c.Categories = append(c.Categories, strconv.Itoa(y))
		c.Codes = append(c.Codes, strconv.Itoa(y))
	}
	for _, m := range OverviewMeasures {
		s := ChartSeries{Name: codeText(tr, "measure", m)}
		for _, y := range years {
			if n, ok := byMeasure[m][y]; ok {
				s.Values = append(s.Values, float64(n))
			} else {
				s.Values = append(s.Values, math.NaN())
			}
		}
		c.Series = append(c.Series, s)
	}
	return c
}
