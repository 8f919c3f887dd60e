package export

import (
	"bytes"
	"context"
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

// TestTheReplyPDFCarriesTheOverviewsCharts: a reply over 2024–2025 of the
// sample draws, beside their tables, the participations by sector, the
// campaigns by channel, the participants per month, the plan by pillar and
// status, and the statistics over the years; a reply over a year with
// nothing recorded draws none.
func TestTheReplyPDFCarriesTheOverviewsCharts(t *testing.T) {
	ctx := context.Background()
	s := openReplyStore(t)
	tpl, err := DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	images := func(from, to string) int {
		t.Helper()
		reply := data.Reply{TemplateID: tpl.ID, TemplateVersion: tpl.Version, From: from, To: to}
		if err := s.CreateReply(ctx, &reply); err != nil {
			t.Fatal(err)
		}
		c, err := LoadReply(ctx, s, tpl, reply.ID)
		if err != nil {
			t.Fatal(err)
		}
		var pdf bytes.Buffer
		if err := ReplyPDF(&pdf, c); err != nil {
			t.Fatal(err)
		}
		return bytes.Count(pdf.Bytes(), []byte("/Subtype /Image"))
	}
	if n := images("2024-01-01", "2025-12-31"); n != 0 {
		t.Errorf("an empty register: %d images, want none", n)
	}
	for _, gen := range []func() error{
		func() error { return s.GenerateSample(ctx, data.SmallSample, 5) },
		func() error { return s.GenerateTrainingSample(ctx, data.SmallTrainingSample, 5) },
		func() error { return s.GenerateCoordinationSample(ctx, data.SmallCoordinationSample, 5) },
	} {
		if err := gen(); err != nil {
			t.Fatal(err)
		}
	}
	if n := images("2024-01-01", "2025-12-31"); n != 5 {
		t.Errorf("2024–2025 of the sample: %d images, want the five charts", n)
	}
	// Over a single year the statistics are one point, not a line: no
	// chart; and a breakdown with nothing in it draws none either.
	figures, err := s.OverviewFigures(ctx, "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	want := 3 // sectors, months, the plan
	if figures["campaigns.by_channel"].Total > 0 {
		want++
	}
	if n := images("2025-01-01", "2025-12-31"); n != want {
		t.Errorf("2025 of the sample: %d images, want %d", n, want)
	}
}
