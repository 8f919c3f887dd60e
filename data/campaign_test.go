package data

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCampaignValidation(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	for _, tc := range []struct {
		name  string
		c     Campaign
		field string
	}{
		{"title", Campaign{FirstDay: "2025-01-01"}, "title"},
		{"first day", Campaign{Title: "x"}, "first_day"},
		{"last before first", Campaign{Title: "x", FirstDay: "2025-05-01", LastDay: "2025-04-01"}, "last_day"},
		{"budget without currency", Campaign{Title: "x", FirstDay: "2025-01-01", Budget: 5000}, "currency"},
		{"reach without its method", Campaign{Title: "x", FirstDay: "2025-01-01", Reach: 100000}, "reach_method"},
		{"negative reach", Campaign{Title: "x", FirstDay: "2025-01-01", Reach: -5}, "reach"},
		{"unknown channel", Campaign{Title: "x", FirstDay: "2025-01-01", Channels: []string{"pigeon"}}, "channels"},
		{"unknown lead", Campaign{Title: "x", FirstDay: "2025-01-01", Lead: "gone"}, "lead"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c
			err := s.SaveCampaign(ctx, &c)
			ve, ok := err.(*ValidationError)
			if !ok {
				t.Fatalf("err = %v", err)
			}
			if _, ok := ve.For(tc.field); !ok {
				t.Errorf("no problem on %s: %v", tc.field, ve)
			}
			if d := cmp.Diff(tc.c, c); d != "" {
				t.Errorf("a failed save changed the struct:\n%s", d)
			}
		})
	}
}

func TestCampaignFigures(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	save := func(c Campaign) {
		t.Helper()
		if err := s.SaveCampaign(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	save(Campaign{Title: "Know your rights abroad", FirstDay: "2024-11-01", LastDay: "2025-02-28", Channels: []string{"social_media", "radio"},
		TargetGroups: []string{"migrants"}, Reach: 250000, ReachMethod: "platform statistics", Evaluated: true})
	save(Campaign{Title: "School week", FirstDay: "2025-10-06", LastDay: "2025-10-10", Channels: []string{"school_sessions"},
		TargetGroups: []string{"youth", "teachers"}, Reach: 3200, ReachMethod: "attendance lists"})
	save(Campaign{Title: "Old posters", FirstDay: "2023-03-01", Channels: []string{"outdoor"}})
	f, err := s.CampaignFiguresForPeriod(ctx, "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	want := CampaignFigures{Campaigns: 2, Reach: 253200, Evaluated: 1, NotEvaluated: 1,
		ByChannel: map[string]int{"social_media": 1, "radio": 1, "school_sessions": 1},
		ByGroup:   map[string]int{"migrants": 1, "youth": 1, "teachers": 1}}
	if d := cmp.Diff(want, f); d != "" {
		t.Errorf("figures (-want +got):\n%s", d)
	}
	list, _ := s.Campaigns(ctx, CampaignFilter{Channel: "radio"})
	if len(list) != 1 || list[0].Title != "Know your rights abroad" {
		t.Errorf("radio campaigns %+v", list)
	}
}
