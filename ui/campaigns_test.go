package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestCampaignTypedValidatedAndCounted(t *testing.T) {
	w := openWindow(t, withSample)
	showArea(t, w, "Campaigns")
	c := w.ws.campaigns
	menuItem(t, w, "New").Action() // Ctrl+N in Campaigns
	test.Type(c.title, "Know your rights before you go")
	c.first.SetDate(dateOf("2025-03-01"))
	c.last.SetDate(dateOf("2025-05-31"))
	c.chans.checks[4].SetChecked(true) // social media
	test.Type(c.reach, "250 000")
	w.ws.save()
	if msg := c.fields.message("reach_method"); !strings.Contains(msg, "how the reach was estimated") {
		t.Errorf("reach method message %q", msg)
	}
	test.Type(c.method, "platform statistics")
	test.Type(c.budget, "12x")
	w.ws.save()
	if msg := c.fields.message("budget"); !strings.Contains(msg, "not a whole number") {
		t.Errorf("budget message %q", msg)
	}
	c.budget.SetText("")
	w.ws.save()
	if len(c.campaigns) != 1 {
		t.Fatalf("campaigns %d", len(c.campaigns))
	}
	f, err := w.store.CampaignFiguresForPeriod(context.Background(), "2025-01-01", "2025-12-31")
	if err != nil || f.Reach != 250000 || f.ByChannel["social_media"] != 1 || f.NotEvaluated != 1 {
		t.Errorf("figures %+v, %v", f, err)
	}
	if text := describeCampaignFigures(f); !strings.Contains(text, "Estimated reach: 250,000") || !strings.Contains(text, "Social media: 1") {
		t.Errorf("figures shown as %q", text)
	}
	menuItem(t, w, "Undo").Action()
	if len(c.campaigns) != 0 {
		t.Errorf("undo left %d campaigns", len(c.campaigns))
	}
}
