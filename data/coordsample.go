package data

import (
	"context"
	"fmt"
	"math/rand/v2"
)

// CoordinationSampleSize says how large a generated set of campaigns,
// agreements, statistics and plan actions is.
type CoordinationSampleSize struct {
	Campaigns, Agreements, StatisticYears, Actions, Meetings int
}

// LargeCoordinationSample is the size the benchmarks of issue 4 run on.
var LargeCoordinationSample = CoordinationSampleSize{Campaigns: 2000, Agreements: 1000, StatisticYears: 20, Actions: 300, Meetings: 500}

// GenerateCoordinationSample adds fictional campaigns, agreements, yearly
// statistics and a plan of action, through the same saves as the window.
// The same size and seed give the same records (but for their ids).
func (s *Store) GenerateCoordinationSample(ctx context.Context, size CoordinationSampleSize, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, seed^0x5bd1e995))
	pick := func(list []Code) string { return list[r.IntN(len(list))].Code }
	orgs, err := s.Organisations(ctx, OrganisationFilter{})
	if err != nil {
		return err
	}
	org := func() string {
		if len(orgs) == 0 {
			return ""
		}
		return orgs[r.IntN(len(orgs))].ID
	}
	countries := Countries()
	for i := 0; i < size.Campaigns; i++ {
		year := 2007 + r.IntN(20)
		c := Campaign{Title: fmt.Sprintf("Campaign %d: %s", i+1, []string{"Know your rights", "Safe migration",
			"Fair recruitment", "Stop demand", "Ask for help"}[r.IntN(5)]),
			FirstDay: fmt.Sprintf("%d-%02d-%02d", year, 1+r.IntN(12), 1+r.IntN(28)), Channels: []string{pick(Channels), pick(Channels)},
			TargetGroups: []string{pick(TargetGroups)}, Forms: []string{pick(FormsOfExploitation)}, Lead: org(),
			Reach: r.IntN(100000), ReachMethod: "estimate of the lead agency", Evaluated: r.IntN(3) == 0}
		c.LastDay = c.FirstDay
		if err := s.SaveCampaign(ctx, &c); err != nil {
			return fmt.Errorf("campaign %d: %w", i, err)
		}
	}
	for i := 0; i < size.Agreements; i++ {
		a := Agreement{Title: fmt.Sprintf("Agreement %d on %s", i+1, pick(AgreementSubjects)), Kind: pick(AgreementKinds),
			Level: pick(AgreementLevels), Subjects: []string{pick(AgreementSubjects)}, Parties: []string{org()},
			SignedOn: fmt.Sprintf("%d-%02d-%02d", 2005+r.IntN(21), 1+r.IntN(12), 1+r.IntN(28)), Status: "in_force"}
		if International(a.Level) {
			a.PartnerCountries = []string{countries[r.IntN(len(countries))].Code}
		}
		if err := s.SaveAgreement(ctx, &a); err != nil {
			return fmt.Errorf("agreement %d: %w", i, err)
		}
	}
	for y := 0; y < size.StatisticYears; y++ {
		var stats []Statistic
		for _, m := range Measures {
			total := 20 + r.IntN(200)
			stats = append(stats, Statistic{Measure: m.Code, Value: total, SourceID: org()})
			female := r.IntN(total + 1)
			stats = append(stats, Statistic{Measure: m.Code, Breakdown: "sex:female", Value: female},
				Statistic{Measure: m.Code, Breakdown: "sex:male", Value: total - female})
		}
		if err := s.SetStatistics(ctx, 2006+y, stats); err != nil {
			return err
		}
	}
	if size.Meetings > 0 {
		if err := s.sampleBody(ctx, orgs); err != nil {
			return err
		}
	}
	var people []string
	if size.Meetings > 0 {
		hits, err := s.SearchContacts(ctx, "a", 200)
		if err != nil {
			return err
		}
		for _, h := range hits {
			people = append(people, h.ID)
		}
	}
	for i := 0; i < size.Meetings; i++ {
		m := Meeting{Day: fmt.Sprintf("%d-%02d-%02d", 2006+r.IntN(20), 1+r.IntN(12), 1+r.IntN(28)),
			Place: "Ministry", Agenda: fmt.Sprintf("Meeting %d: progress of the plan", i+1)}
		for j := 0; j < 8 && len(people) > 0; j++ {
			m.Participants = append(m.Participants, people[r.IntN(len(people))])
		}
		if err := s.SaveMeeting(ctx, &m); err != nil {
			return fmt.Errorf("meeting %d: %w", i, err)
		}
	}
	if size.Actions > 0 {
		p := Plan{Title: "National Action Plan (sample)", FirstYear: 2024, LastYear: 2026, Authority: "Government", Status: "adopted"}
		if err := s.SavePlan(ctx, &p); err != nil {
			return err
		}
		for i := 0; i < size.Actions; i++ {
			a := Action{PlanID: p.ID, Pillar: pick(Pillars), Activity: fmt.Sprintf("Action %d", i+1), Lead: org(),
				Deadline: fmt.Sprintf("%d-%02d-28", 2024+r.IntN(3), 1+r.IntN(12)), Status: pick(ActionStatuses)}
			if err := s.SaveAction(ctx, &a); err != nil {
				return err
			}
		}
	}
	return nil
}

// sampleBody names the sample's coordination body, chaired by its first
// ministry and served by its national rapporteur's office.
func (s *Store) sampleBody(ctx context.Context, orgs []OrganisationRow) error {
	b := Body{Name: "National Committee for Combating Trafficking in Persons",
		LegalBasis: "Government Decision No. 472 of 2008", Established: "2008-06-12"}
	for _, o := range orgs {
		switch {
		case o.Sector == "ministry" && b.Chair == "":
			b.Chair = o.ID
		case o.Sector == "national_rapporteur" && b.Secretariat == "":
			b.Secretariat = o.ID
		}
	}
	return s.SaveBody(ctx, b)
}
