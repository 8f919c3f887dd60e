package data

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
)

var overviewRegister struct {
	once sync.Once
	path string
	err  error
}

// overviewLarge is the register of issue 14's targets: 10,000
// organisations, 100,000 contacts, 5,000 courses, 250,000 marks, 2,000
// campaigns, 20 years of statistics (LargeTrainingSample and
// LargeCoordinationSample on the large register), built once per process.
func overviewLarge(b *testing.B) string {
	b.Helper()
	trainings := largeTrainingRegister(b)
	overviewRegister.once.Do(func() {
		path := filepath.Join(filepath.Dir(trainings), "overview.db")
		if overviewRegister.err = copyFile(trainings, path); overviewRegister.err != nil {
			return
		}
		ctx := context.Background()
		s, err := Open(ctx, path, Options{Device: "bench"})
		if err != nil {
			overviewRegister.err = err
			return
		}
		if overviewRegister.err = s.GenerateCoordinationSample(ctx, LargeCoordinationSample, 1); overviewRegister.err != nil {
			s.Close()
			return
		}
		// Counted once, the courses' figures are saved on closing, as in a
		// register in use (one just generated has never counted them).
		if _, overviewRegister.err = s.TrainingFiguresForPeriod(ctx, "2025-01-01", "2025-12-31"); overviewRegister.err != nil {
			s.Close()
			return
		}
		overviewRegister.err = s.Close()
		overviewRegister.path = path
	})
	if overviewRegister.err != nil {
		b.Fatalf("building the Overview's register: %v", overviewRegister.err)
	}
	return overviewRegister.path
}

// BenchmarkOverviewFigures is everything the Overview counts for a year
// (Store.Overview): its cards (the named figures), what needs attention,
// the months, the plan and the statistics of every year. first_after_opening opens the
// register each time (outside the timer) as a user does in the morning;
// again counts on a register already open (after a change elsewhere).
func BenchmarkOverviewFigures(b *testing.B) {
	path := overviewLarge(b)
	ctx := context.Background()
	count := func(b *testing.B, s *Store) {
		o, err := s.Overview(ctx, "2025-11-27", "2025-01-01", "2025-12-31", []string{"investigated", "prosecuted", "convicted", "victims_identified"})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(o.Figures["training.courses"].Total), "courses")
		b.ReportMetric(float64(len(o.Attention)), "attention")
	}
	b.Run("first_after_opening", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			s, err := Open(ctx, path, Options{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			count(b, s)
			b.StopTimer()
			s.Close()
			b.StartTimer()
		}
	})
	b.Run("again", func(b *testing.B) {
		s, err := Open(ctx, path, Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		count(b, s)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			count(b, s)
		}
	})
}
