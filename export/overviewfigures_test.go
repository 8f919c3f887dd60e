package export

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ncm-register/ncm-register/data"
)

// TestTheOverviewShowsTheReplysFigures: for several periods of the sample,
// every figure of the Overview that the reply carries equals it.
func TestTheOverviewShowsTheReplysFigures(t *testing.T) {
	ctx := context.Background()
	s := openReplyStore(t)
	if err := s.GenerateSample(ctx, data.SmallSample, 7); err != nil {
		t.Fatal(err)
	}
	if err := s.GenerateTrainingSample(ctx, data.SmallTrainingSample, 7); err != nil {
		t.Fatal(err)
	}
	if err := s.GenerateCoordinationSample(ctx, data.SmallCoordinationSample, 7); err != nil {
		t.Fatal(err)
	}
	tpl, err := DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	for _, period := range [][2]string{{"2025-01-01", "2025-12-31"}, {"2024-01-01", "2025-12-31"}, {"2026-01-01", "2026-06-30"}} {
		reply := data.Reply{TemplateID: tpl.ID, TemplateVersion: tpl.Version, From: period[0], To: period[1]}
		if err := s.CreateReply(ctx, &reply); err != nil {
			t.Fatal(err)
		}
		c, err := LoadReply(ctx, s, tpl, reply.ID)
		if err != nil {
			t.Fatal(err)
		}
		overview, err := s.OverviewFigures(ctx, period[0], period[1])
		if err != nil {
			t.Fatal(err)
		}
		shared := 0
		for _, name := range data.OverviewFigureNames {
			v, ok := c.Figures[name]
			if !ok {
				continue
			}
			shared++
			if d := cmp.Diff(v, overview[name]); d != "" {
				t.Errorf("%v %s (-reply +overview):\n%s", period, name, d)
			}
		}
		if shared < 7 {
			t.Errorf("%v: only %d figures of the Overview are in the reply", period, shared)
		}
		if overview["training.courses"].Total == 0 && period[0] == "2025-01-01" {
			t.Errorf("%v: no course in the sample's year: the comparison says little", period)
		}
	}
}
