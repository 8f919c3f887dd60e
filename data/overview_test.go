package data

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTrainingByMonth: the courses of 2025 of the figures register, month
// by month, by the rule of the figures (held, first day in the month).
func TestTrainingByMonth(t *testing.T) {
	r := newFiguresRegister(t)
	got, err := r.s.TrainingByMonth(t.Context(), "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]MonthFigures{
		"2025-01": {"2025-01", 1, 2}, // C1: Ana, Cristina
		"2025-06": {"2025-06", 1, 3}, // C2: Ana, Dmitri, Elena
		"2025-08": {"2025-08", 1, 0}, // C8: nobody recorded
		"2025-12": {"2025-12", 1, 2}, // C3: Ana, Bogdan
	}
	if len(got) != 12 {
		t.Fatalf("%d months, want 12", len(got))
	}
	courses, participants := 0, 0
	for _, m := range got {
		w, ok := want[m.Month]
		if !ok {
			w = MonthFigures{Month: m.Month}
		}
		if m != w {
			t.Errorf("%s: %+v, want %+v", m.Month, m, w)
		}
		courses, participants = courses+m.Courses, participants+m.Participants
	}
	year, err := r.s.TrainingFiguresForPeriod(t.Context(), "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if courses != year.Courses || participants != year.Participants {
		t.Errorf("the months add up to %d courses, %d participants; the year's figures say %d, %d", courses, participants, year.Courses, year.Participants)
	}
}

// TestStatisticsByYear: a year entered by its total, a year entered only by
// a breakdown (its sum), a year not entered (absent, not 0).
func TestStatisticsByYear(t *testing.T) {
	s := newStore(t)
	must(t, s.SetStatistics(t.Context(), 2023, []Statistic{{Measure: "convicted", Value: 7}}))
	must(t, s.SetStatistics(t.Context(), 2024, []Statistic{{Measure: "convicted", Breakdown: "sex:male", Value: 4},
		{Measure: "convicted", Breakdown: "sex:female", Value: 2}, {Measure: "investigated", Value: 30}}))
	years, by, err := s.StatisticsByYear(t.Context(), []string{"convicted", "investigated"})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]int{2023, 2024}, years); d != "" {
		t.Errorf("years (-want +got):\n%s", d)
	}
	want := map[string]map[int]int{"convicted": {2023: 7, 2024: 6}, "investigated": {2024: 30}}
	if d := cmp.Diff(want, by); d != "" {
		t.Errorf("by measure (-want +got):\n%s", d)
	}
}

// TestOverviewFiguresAreTheNamedFigures: each card of the Overview is the
// named figure of the same name, computed anew for the period.
func TestOverviewFiguresAreTheNamedFigures(t *testing.T) {
	r := newFiguresRegister(t)
	got, err := r.s.OverviewFigures(t.Context(), "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(OverviewFigureNames) {
		t.Fatalf("%d figures, want %d", len(got), len(OverviewFigureNames))
	}
	p := r.s.Period(t.Context(), "2025-01-01", "2025-12-31")
	for _, name := range OverviewFigureNames {
		f, ok := NamedFigureByName(name)
		if !ok {
			t.Fatalf("%s is not a named figure", name)
		}
		want, err := f.Compute(p)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, got[name]); d != "" {
			t.Errorf("%s (-named +overview):\n%s", name, d)
		}
	}
	if got["training.courses"].Total != 4 || got["training.unique_persons"].Total == 0 {
		t.Errorf("courses %d, persons trained %d", got["training.courses"].Total, got["training.unique_persons"].Total)
	}
}

// TestPersonsTrainedReadTheIndexOfTheAttended: the count of persons
// trained reads the partial index of attended participants alone (the
// Overview's budget counts on it), not the participants' rows.
func TestPersonsTrainedReadTheIndexOfTheAttended(t *testing.T) {
	s := newStore(t)
	rows, err := s.read.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+uniquePersonsQuery, "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	joined := strings.Join(plan, "\n")
	if !strings.Contains(joined, "COVERING INDEX participant_attended") {
		t.Errorf("the query does not read the index of the attended alone:\n%s", joined)
	}
}

// TestTheParticipationsBehindTheFigures: the lines behind the training
// figures of 2025 are as many as its participations, sector by sector.
func TestTheParticipationsBehindTheFigures(t *testing.T) {
	r := newFiguresRegister(t)
	f, err := r.s.TrainingFiguresForPeriod(t.Context(), "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	all, err := r.s.Participations(t.Context(), "2025-01-01", "2025-12-31", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != f.Participants || len(all) == 0 {
		t.Errorf("%d lines, the figures count %d participations", len(all), f.Participants)
	}
	for sector, n := range f.BySector {
		lines, err := r.s.Participations(t.Context(), "2025-01-01", "2025-12-31", sector)
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) != n {
			t.Errorf("%s: %d lines, the figures count %d", sector, len(lines), n)
		}
		for _, l := range lines {
			if l.Sector != sector || l.Name == "" || l.Course == "" {
				t.Errorf("%s: line %+v", sector, l)
			}
		}
	}
	for i := 1; i < len(all); i++ {
		if all[i].FirstDay < all[i-1].FirstDay {
			t.Errorf("not by course day: %s after %s", all[i].FirstDay, all[i-1].FirstDay)
		}
	}
}
