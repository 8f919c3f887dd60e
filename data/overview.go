package data

import (
	"context"
	"sort"
	"strconv"
	"time"
)

// OverviewFigureNames are the named figures the Overview shows as cards, in
// their order: each card is the very figure the reply carries for the same
// period, counted by the same rule.
var OverviewFigureNames = []string{
	"training.courses", "training.unique_persons", "training.participants_by_sector",
	"training.participants_by_sex", "training.participants_government",
	"campaigns.by_channel", "campaigns.reach", "mechanism.meetings",
	"agreements.by_level", "plan.actions_by_status", "plan.actions_overdue",
}

// OverviewFigures computes the Overview's figures for [from, to], by name.
func (s *Store) OverviewFigures(ctx context.Context, from, to string) (map[string]FigureValue, error) {
	p := s.Period(ctx, from, to)
	out := make(map[string]FigureValue, len(OverviewFigureNames))
	for _, name := range OverviewFigureNames {
		f, _ := NamedFigureByName(name)
		v, err := f.Compute(p)
		if err != nil {
			return nil, err
		}
		out[name] = v
	}
	return out, nil
}

// MonthFigures are the courses held that began in a month, and the
// participants they count.
type MonthFigures struct {
	Month        string // YYYY-MM
	Courses      int
	Participants int
}

// TrainingByMonth counts the courses held in [from, to] month by month, by
// the rule of the training figures (a course in the month it began in); a
// month without any course is there, with zeros.
func (s *Store) TrainingByMonth(ctx context.Context, from, to string) ([]MonthFigures, error) {
	cache, err := s.lockedFigures(ctx)
	if err != nil {
		return nil, err
	}
	defer cache.mu.Unlock()
	var out []MonthFigures
	index := map[string]int{}
	first, err1 := time.Parse(time.DateOnly, from)
	last, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil {
		return nil, nil
	}
	for m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(last); m = m.AddDate(0, 1, 0) {
		index[m.Format("2006-01")] = len(out)
		out = append(out, MonthFigures{Month: m.Format("2006-01")})
	}
	for _, c := range cache.courses {
		if !c.held || c.archived || c.firstDay < from || c.firstDay > to {
			continue
		}
		if i, ok := index[c.firstDay[:7]]; ok {
			out[i].Courses++
			out[i].Participants += c.figures.Participants
		}
	}
	return out, nil
}

// PillarStatus counts the actions of the current plan (the first of Plans)
// by pillar and status as they stood on day: the Overview's stacked bars.
func (s *Store) PillarStatus(ctx context.Context, day string) (map[string]map[string]int, error) {
	plans, err := s.Plans(ctx)
	if err != nil || len(plans) == 0 {
		return nil, err
	}
	f, err := s.PlanFiguresOn(ctx, plans[0].ID, day)
	return f.ByPillar, err
}

// StatisticsByYear gives, for each measure asked, its figure for each year
// entered (a total, or the sum of a breakdown where only that was entered,
// as the reply counts it); a year not entered is absent, never 0.
func (s *Store) StatisticsByYear(ctx context.Context, measures []string) (years []int, byMeasure map[string]map[int]int, err error) {
	all, err := s.AllStatistics(ctx)
	if err != nil {
		return nil, nil, err
	}
	years, byMeasure = StatisticTotals(all, measures)
	return years, byMeasure, nil
}

// StatisticTotals gives, for each measure asked, its figure for each year
// of stats entered, by the reply's rule (a total, or the sum of a breakdown
// where only that was entered); a year not entered is absent, never 0.
func StatisticTotals(all []Statistic, measures []string) (years []int, byMeasure map[string]map[int]int) {
	seen := map[int]bool{}
	for _, st := range all {
		if !seen[st.Year] {
			seen[st.Year] = true
			years = append(years, st.Year)
		}
	}
	byMeasure = map[string]map[int]int{}
	for _, m := range measures {
		byMeasure[m] = map[int]int{}
		for _, y := range years {
			ys := strconv.Itoa(y)
			if v := statisticsFigure(all, m, ys+"-01-01", ys+"-12-31"); !v.Unknown {
				byMeasure[m][y] = v.Total
			}
		}
	}
	sort.Ints(years)
	return years, byMeasure
}

// Overview is everything the Overview screen shows for a period, counted
// on a day (today): its cards, what needs attention, and its charts' series.
type Overview struct {
	Figures   map[string]FigureValue // by OverviewFigureNames
	Attention []AttentionItem
	Months    []MonthFigures
	ByPillar  map[string]map[string]int // the plan's actions by pillar and status, on the earlier of today and the period's end
	Years     []int                     // the years with statistics
	ByMeasure map[string]map[int]int    // the measures asked, by year entered
}

// Overview counts the Overview of [from, to] on today. (Counting the
// figures and the rest side by side on two goroutines was slower, 108 ms
// against 88 ms: both halves read the same pages through the same pool.)
func (s *Store) Overview(ctx context.Context, today, from, to string, measures []string) (o Overview, err error) {
	if o.Figures, err = s.OverviewFigures(ctx, from, to); err != nil {
		return o, err
	}
	if o.Attention, err = s.Attention(ctx, today, from, to); err != nil {
		return o, err
	}
	if o.Months, err = s.TrainingByMonth(ctx, from, to); err != nil {
		return o, err
	}
	if o.ByPillar, err = s.PillarStatus(ctx, min(to, today)); err != nil {
		return o, err
	}
	o.Years, o.ByMeasure, err = s.StatisticsByYear(ctx, measures)
	return o, err
}
