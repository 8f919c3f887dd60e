package export

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

// TestTheBriefHasTwoPagesWithTheOverviewsFigures: the brief of a year of
// the sample, read back with pdftotext: the cards' numbers on the first
// page, what needs attention with its days written out, the five charts'
// images on the second.
func TestTheBriefHasTwoPagesWithTheOverviewsFigures(t *testing.T) {
	ctx := context.Background()
	s := openReplyStore(t)
	for _, gen := range []func() error{
		func() error { return s.GenerateSample(ctx, data.SmallSample, 3) },
		func() error { return s.GenerateTrainingSample(ctx, data.SmallTrainingSample, 3) },
		func() error { return s.GenerateCoordinationSample(ctx, data.SmallCoordinationSample, 3) },
	} {
		if err := gen(); err != nil {
			t.Fatal(err)
		}
	}
	ov, err := s.Overview(ctx, "2025-11-27", "2025-01-01", "2025-12-31", OverviewMeasures)
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if err := OverviewBrief(&pdf, Brief{Country: "Moldova", From: "2025-01-01", To: "2025-12-31", Today: "2025-11-27", Overview: ov}); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, pdf.Bytes())
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2", len(pages))
	}
	first := strings.Join(strings.Fields(pages[0]), " ")
	for _, c := range OverviewCards(nil, ov, "2025-12-31") {
		for _, want := range []string{c.Title, c.Value} {
			if !strings.Contains(first, want) {
				t.Errorf("the first page lacks %q (%s)", want, c.Key)
			}
		}
	}
	for _, want := range []string{"Coordination against trafficking in persons: Moldova", "1 January 2025 to 31 December 2025", "What needs attention"} {
		if !strings.Contains(first, want) {
			t.Errorf("the first page lacks %q", want)
		}
	}
	if len(ov.Attention) > 0 && !strings.Contains(first, strings.Join(strings.Fields(AttentionLine(english(), ov.Attention[0], longDayIn(english(), ov.Attention[0].Day))), " ")) {
		t.Errorf("the first page lacks the first thing needing attention: %q", AttentionLine(english(), ov.Attention[0], longDayIn(english(), ov.Attention[0].Day)))
	}
	if strings.Contains(first, "2025-") {
		t.Errorf("a day left in figures on the first page:\n%s", first)
	}
	if !strings.Contains(pages[1], "The figures in charts") {
		t.Errorf("the second page: %q", pages[1])
	}
	if n := bytes.Count(pdf.Bytes(), []byte("/Subtype /Image")); n < 5 {
		t.Errorf("%d images in the PDF, want the five charts", n)
	}
}
