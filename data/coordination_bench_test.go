package data

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
)

var coordination struct {
	once sync.Once
	path string
	err  error
}

// coordinationRegister is the large register with LargeCoordinationSample
// added, built once per benchmark process (the folder goes with the others
// in TestMain).
func coordinationRegister(b *testing.B) string {
	b.Helper()
	full, _ := largeRegisters(b)
	coordination.once.Do(func() {
		coordination.path = filepath.Join(filepath.Dir(full), "coordination.db")
		if coordination.err = copyFile(full, coordination.path); coordination.err != nil {
			return
		}
		ctx := context.Background()
		s, err := Open(ctx, coordination.path, Options{Device: "bench"})
		if err != nil {
			coordination.err = err
			return
		}
		coordination.err = s.GenerateCoordinationSample(ctx, LargeCoordinationSample, 1)
		s.Close()
	})
	if coordination.err != nil {
		b.Fatalf("building the coordination register: %v", coordination.err)
	}
	return coordination.path
}

// BenchmarkCoordinationAreas is each area's list and period figures on
// 2,000 campaigns, 1,000 agreements, 500 meetings, 20 years of statistics
// and a plan of 300 actions, beside 10,000 organisations and 100,000 contacts.
func BenchmarkCoordinationAreas(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, coordinationRegister(b), Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	plans, err := s.Plans(ctx)
	if err != nil || len(plans) == 0 {
		b.Fatalf("plans: %v", err)
	}
	for _, bm := range []struct {
		name string
		run  func() (int, error)
	}{
		{"campaign_list", func() (int, error) { l, err := s.Campaigns(ctx, CampaignFilter{}); return len(l), err }},
		{"campaign_figures_year", func() (int, error) {
			f, err := s.CampaignFiguresForPeriod(ctx, "2020-01-01", "2020-12-31")
			return f.Campaigns, err
		}},
		{"agreement_list", func() (int, error) { l, err := s.Agreements(ctx, AgreementFilter{}); return len(l), err }},
		{"agreement_figures", func() (int, error) {
			f, err := s.AgreementFiguresForPeriod(ctx, "2025-01-01", "2025-12-31")
			return f.InForce, err
		}},
		{"statistics_year", func() (int, error) { l, err := s.Statistics(ctx, 2020); return len(l), err }},
		{"statistics_all_years_with_warnings", func() (int, error) {
			l, err := s.AllStatistics(ctx)
			_ = StatisticWarnings(l)
			return len(l), err
		}},
		{"meeting_list", func() (int, error) { l, err := s.Meetings(ctx, "", ""); return len(l), err }},
		{"mechanism_figures_year", func() (int, error) {
			f, err := s.MechanismFiguresForPeriod(ctx, "2020-01-01", "2020-12-31")
			return f.Members + f.MeetingsHeld, err
		}},
		{"plan_actions_and_figures", func() (int, error) {
			l, err := s.Actions(ctx, plans[0].ID)
			if err != nil {
				return 0, err
			}
			_, err = s.PlanFiguresOn(ctx, plans[0].ID, "2025-06-30")
			return len(l), err
		}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			var n int
			var err error
			for b.Loop() {
				if n, err = bm.run(); err != nil {
					b.Fatal(err)
				}
			}
			if n == 0 {
				b.Fatal("nothing listed or counted")
			}
			b.ReportMetric(float64(n), "rows")
		})
	}
}
