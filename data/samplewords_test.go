package data

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestTheCoordinationSampleReadsAsPeopleWriteIt: no numbered placeholder
// titles, no codes in the text, a meeting in the last complete year and a
// plan that covers it.
func TestTheCoordinationSampleReadsAsPeopleWriteIt(t *testing.T) {
	t.Parallel()
	s := sampleStore(t)
	ctx := t.Context()
	if err := s.GenerateCoordinationSample(ctx, SmallCoordinationSample, 3); err != nil {
		t.Fatal(err)
	}
	placeholder := regexp.MustCompile(`\b(Agreement|Action|Campaign|Meeting) \d+\b|_`)
	check := func(what, text string) {
		t.Helper()
		if text == "" || placeholder.MatchString(text) {
			t.Errorf("%s reads %q", what, text)
		}
	}
	agreements, err := s.Agreements(ctx, AgreementFilter{})
	if err != nil || len(agreements) != SmallCoordinationSample.Agreements {
		t.Fatalf("%d agreements, %v", len(agreements), err)
	}
	abroad := 0
	for _, a := range agreements {
		check("an agreement", a.Title)
		if len(a.PartnerCountries) > 0 {
			abroad++
			partner := labelIn(Countries(), a.PartnerCountries[0])
			if !strings.Contains(a.Title, "the Government of "+partner) || !strings.Contains(a.Title, "Moldova") {
				t.Errorf("an agreement with %s is titled %q", partner, a.Title)
			}
		}
	}
	if abroad == 0 || abroad == len(agreements) {
		t.Errorf("%d of %d agreements with other countries; the sample should have both kinds", abroad, len(agreements))
	}
	campaigns, _ := s.Campaigns(ctx, CampaignFilter{})
	for _, c := range campaigns {
		check("a campaign", c.Title)
	}
	plans, _ := s.Plans(ctx)
	last := s.now().Year() - 1
	if len(plans) != 1 || plans[0].FirstYear > last || plans[0].LastYear < last {
		t.Fatalf("plans %+v: want one that covers %d", plans, last)
	}
	check("the plan", plans[0].Title)
	actions, _ := s.Actions(ctx, plans[0].ID)
	for _, a := range actions {
		check("an action", a.Activity)
	}
	meetings, _ := s.Meetings(ctx, strconv.Itoa(last)+"-01-01", strconv.Itoa(last)+"-12-31")
	if len(meetings) == 0 {
		t.Errorf("no meeting of the body in %d, the last complete year", last)
	}
	for _, m := range meetings {
		check("a meeting's agenda", m.Agenda)
	}
}
