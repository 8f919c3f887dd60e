package data

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
)

// The training benchmarks run on LargeTrainingSample (5,000 courses,
// 250,000 attendance marks) generated on top of the large register (100,000
// contacts to draw participants from). The file is built once per test
// process, in the large register's temporary folder, which TestMain removes.
// See docs/performance.md for the targets and figures.

var largeTrainings struct {
	once sync.Once
	path string
	err  error
}

func largeTrainingRegister(b *testing.B) string {
	b.Helper()
	full, _ := largeRegisters(b)
	largeTrainings.once.Do(func() {
		largeTrainings.err = buildLargeTrainingRegister(full)
	})
	if largeTrainings.err != nil {
		b.Fatalf("building the large training register: %v", largeTrainings.err)
	}
	return largeTrainings.path
}

func buildLargeTrainingRegister(full string) error {
	ctx := context.Background()
	path := filepath.Join(large.dir, "trainings.db")
	if err := copyFile(full, path); err != nil {
		return err
	}
	s, err := Open(ctx, path, Options{Device: "bench"})
	if err != nil {
		return err
	}
	if err := s.GenerateTrainingSample(ctx, LargeTrainingSample, 1); err != nil {
		s.Close()
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	largeTrainings.path = path
	return nil
}

func openLargeTrainings(b *testing.B) *Store {
	b.Helper()
	s, err := Open(context.Background(), largeTrainingRegister(b), Options{Device: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkTrainingFiguresForPeriod is the figures of the questionnaire
// reply and of the Trainings area's totals: one year, and every year, from
// the per-course figures kept in memory (counted once: see "cold" below).
func BenchmarkTrainingFiguresForPeriod(b *testing.B) {
	s := openLargeTrainings(b)
	ctx := context.Background()
	b.Run("cold", func(b *testing.B) {
		// Every course counted from the file, as at the first figures
		// after opening the register.
		for b.Loop() {
			s.figures.mu.Lock()
			s.figures.built = false
			s.figures.mu.Unlock()
			if _, err := s.TrainingFiguresForPeriod(ctx, "2025-01-01", "2025-12-31"); err != nil {
				b.Fatal(err)
			}
		}
	})
	if _, err := s.TrainingFiguresForPeriod(ctx, "2025-01-01", "2025-12-31"); err != nil {
		b.Fatal(err)
	}
	for _, p := range []struct{ name, from, to string }{
		{"one_year", "2025-01-01", "2025-12-31"},
		{"all_years", "0001-01-01", "9999-12-31"},
	} {
		b.Run(p.name, func(b *testing.B) {
			var f TrainingFigures
			var err error
			for b.Loop() {
				if f, err = s.TrainingFiguresForPeriod(ctx, p.from, p.to); err != nil {
					b.Fatal(err)
				}
			}
			if f.Courses == 0 || f.Participants == 0 {
				b.Fatalf("figures %+v: nothing counted", f)
			}
			b.ReportMetric(float64(f.Courses), "courses")
			b.ReportMetric(float64(f.Participants), "participants")
		})
	}
}

// BenchmarkTrainingFiguresForCourse is the figures shown on the course of
// 500 participants × 10 days.
func BenchmarkTrainingFiguresForCourse(b *testing.B) {
	s := openLargeTrainings(b)
	ctx := context.Background()
	id := sampleID(1, 3, 0) // TrainingSampleLargeCourse
	var f TrainingFigures
	var err error
	for b.Loop() {
		if f, err = s.TrainingFiguresForCourse(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
	if f.Courses != 1 || f.Participants == 0 {
		b.Fatalf("figures %+v", f)
	}
	b.ReportMetric(float64(f.Participants), "participants")
}

// BenchmarkOpenCourse is what the course window reads to draw its
// attendance grid, for the course of 500 participants × 10 days: the
// course, its participants sorted by name, and its marks. "first" makes
// the collation keys of the names anew each time, as when the course is
// opened for the first time since the program started; "again" reuses them.
// The drawing of the grid is measured in the ui package.
func BenchmarkOpenCourse(b *testing.B) {
	s := openLargeTrainings(b)
	ctx := context.Background()
	id := sampleID(1, 3, 0) // TrainingSampleLargeCourse
	for _, tt := range []struct {
		name  string
		fresh bool
	}{{"first", true}, {"again", false}} {
		b.Run(tt.name, func(b *testing.B) {
			var c Course
			var ps []Participant
			var att map[string]map[string]string
			var err error
			for b.Loop() {
				if tt.fresh {
					sortKeys.Lock()
					sortKeys.keys = map[string][]byte{}
					sortKeys.Unlock()
				}
				if c, err = s.Course(ctx, id); err != nil {
					b.Fatal(err)
				}
				if ps, err = s.Participants(ctx, id, false); err != nil {
					b.Fatal(err)
				}
				if att, err = s.Attendance(ctx, id); err != nil {
					b.Fatal(err)
				}
			}
			marks := 0
			for _, byDay := range att {
				marks += len(byDay)
			}
			if c.Title != TrainingSampleLargeCourse || len(c.Days()) != 10 || len(ps) != 500 || marks != 5000 {
				b.Fatalf("course %q: %d days, %d participants, %d marks; want 10, 500, 5000", c.Title, len(c.Days()), len(ps), marks)
			}
			b.ReportMetric(float64(len(ps)), "participants")
			b.ReportMetric(float64(marks), "marks")
		})
	}
}

// BenchmarkTrainingFiguresAfterMark is the figures of a year read again
// after one mark changed: the touched course is counted anew, the others
// come from memory.
func BenchmarkTrainingFiguresAfterMark(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "marks.db") // a copy: this benchmark writes
	if err := copyFile(largeTrainingRegister(b), path); err != nil {
		b.Fatal(err)
	}
	s, err := Open(ctx, path, Options{Device: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	courses, err := s.Courses(ctx, CourseFilter{From: "2025-01-01", To: "2025-12-31", Status: "held"})
	if err != nil {
		b.Fatal(err)
	}
	if err != nil || len(courses) == 0 {
		b.Fatalf("courses of 2025: %d, %v", len(courses), err)
	}
	c := courses[0]
	ps, err := s.Participants(ctx, c.ID, false)
	if err != nil || len(ps) == 0 {
		b.Fatalf("participants: %v", err)
	}
	if _, err := s.TrainingFiguresForPeriod(ctx, "2025-01-01", "2025-12-31"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		mark := []string{"present", "absent"}[i%2]
		if err := s.SetMarks(ctx, c.ID, []Mark{{ParticipantID: ps[0].ID, Day: c.FirstDay, Mark: mark}}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.TrainingFiguresForPeriod(ctx, "2025-01-01", "2025-12-31"); err != nil {
			b.Fatal(err)
		}
	}
}
