package data

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The annex lists the courses the period's figures count, each counted by
// the same rules, so its lines add up to the figures.
func TestAnnexCoursesAddUpToThePeriodFigures(t *testing.T) {
	t.Parallel()
	r := newFiguresRegister(t)
	ctx := t.Context()
	for _, period := range [][2]string{{"2025-01-01", "2025-12-31"}, {"2024-01-01", "2027-12-31"}, {"2030-01-01", "2030-12-31"}} {
		from, to := period[0], period[1]
		sum := none()
		var titles []string
		err := r.s.AnnexCourses(ctx, from, to, func(c AnnexCourse) error {
			titles = append(titles, c.Title)
			sum.Courses++
			if c.Joint {
				sum.JointCourses++
			}
			sum.Participants += c.Participants
			for k, n := range c.BySector {
				sum.BySector[k] += n
			}
			for k, n := range c.BySex {
				sum.BySex[k] += n
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		want, err := r.s.TrainingFiguresForPeriod(ctx, from, to)
		if err != nil {
			t.Fatal(err)
		}
		want.ByOrganisation, want.Government, want.NonGovernment = map[string]int{}, 0, 0
		if diff := cmp.Diff(want, sum); diff != "" {
			t.Errorf("%s to %s: the annex's lines do not add up to the figures (-figures +annex):\n%s", from, to, diff)
		}
		if from == "2025-01-01" {
			// Held ones only (not C4 planned, C5 cancelled, C10 archived), oldest first.
			if diff := cmp.Diff([]string{"C1", "C2", "C8", "C3"}, titles); diff != "" {
				t.Errorf("courses of 2025 (-want +got):\n%s", diff)
			}
		}
	}
}

func TestAnnexCoursesStopsAtTheFirstError(t *testing.T) {
	t.Parallel()
	r := newFiguresRegister(t)
	stop := errors.New("disk full")
	calls := 0
	err := r.s.AnnexCourses(t.Context(), "2000-01-01", "2099-12-31", func(AnnexCourse) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("err = %v after %d lines, want the writer's error after 1", err, calls)
	}
}

// A line's counts are the caller's to change: the figures kept in memory
// stay as they were.
func TestAnnexCoursesHandsOutCopies(t *testing.T) {
	t.Parallel()
	r := newFiguresRegister(t)
	ctx := t.Context()
	before, err := r.s.TrainingFiguresForPeriod(ctx, "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	err = r.s.AnnexCourses(ctx, "2025-01-01", "2025-12-31", func(c AnnexCourse) error {
		c.BySector["police"] += 100
		c.BySex["female"] += 100
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	after, err := r.s.TrainingFiguresForPeriod(ctx, "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("changing an annex line changed the figures (-before +after):\n%s", diff)
	}
}
