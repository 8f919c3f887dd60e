package data

import (
	"cmp"
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
//
// The statistics tell a plausible story, one the data checks pass: fewer
// prosecuted than investigated and fewer convicted than prosecuted, counts
// that drift from year to year rather than jump, each from the agency that
// would hold it.
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
	lastYear := s.now().Year() - 1 // the last complete year
	for i := 0; i < size.Campaigns; i++ {
		year := max(2007, lastYear-19+r.IntN(20))
		c := Campaign{Title: fmt.Sprintf("%s (%d)", pickOf(r, sampleCampaignTitles), year),
			FirstDay: fmt.Sprintf("%d-%02d-%02d", year, 1+r.IntN(12), 1+r.IntN(28)), Channels: []string{pick(Channels), pick(Channels)},
			TargetGroups: []string{pick(TargetGroups)}, Forms: []string{pick(FormsOfExploitation)}, Lead: org(),
			Reach: r.IntN(100000), ReachMethod: "estimate of the lead agency", Evaluated: r.IntN(3) == 0}
		c.LastDay = c.FirstDay
		if err := s.SaveCampaign(ctx, &c); err != nil {
			return fmt.Errorf("campaign %d: %w", i, err)
		}
	}
	name := map[string]string{}
	for _, o := range orgs {
		name[o.ID] = o.Name
	}
	state := labelIn(countries, s.Country(ctx))
	if state == "" {
		state = labelIn(countries, SampleCountry)
	}
	for i := 0; i < size.Agreements; i++ {
		subject := pick(AgreementSubjects)
		a := Agreement{Kind: pick(AgreementKinds), Level: pick(AgreementLevels), Subjects: []string{subject},
			SignedOn: fmt.Sprintf("%d-%02d-%02d", 2005+r.IntN(lastYear-2004), 1+r.IntN(12), 1+r.IntN(28)), Status: "in_force"}
		var partner string
		if International(a.Level) {
			c := countries[r.IntN(len(countries))]
			a.PartnerCountries, partner = []string{c.Code}, c.Label
			a.Parties = []string{org()}
		} else {
			a.Parties = []string{org(), org()}
		}
		a.Title = sampleAgreementTitle(a.Kind, subject, []string{name[a.Parties[0]], name[a.Parties[len(a.Parties)-1]]}, state, partner)
		if err := s.SaveAgreement(ctx, &a); err != nil {
			return fmt.Errorf("agreement %d: %w", i, err)
		}
	}
	if err := s.sampleStatistics(ctx, r, orgs, org, size.StatisticYears); err != nil {
		return err
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
		year := lastYear - r.IntN(min(20, lastYear-2007)) // the first in the last complete year
		if i == 0 {
			year = lastYear
		}
		m := Meeting{Day: fmt.Sprintf("%d-%02d-%02d", year, 1+r.IntN(12), 1+r.IntN(28)),
			Place: "Government House, meeting room 2", Agenda: pickOf(r, sampleAgendas)}
		for j := 0; j < 8 && len(people) > 0; j++ {
			m.Participants = append(m.Participants, people[r.IntN(len(people))])
		}
		if err := s.SaveMeeting(ctx, &m); err != nil {
			return fmt.Errorf("meeting %d: %w", i, err)
		}
	}
	if size.Actions > 0 {
		p := Plan{Title: fmt.Sprintf("National Action Plan against Trafficking in Persons %d–%d", lastYear-1, lastYear+1),
			FirstYear: lastYear - 1, LastYear: lastYear + 1, Authority: "Government", Status: "adopted"}
		if err := s.SavePlan(ctx, &p); err != nil {
			return err
		}
		used := map[string]int{}
		for i := 0; i < size.Actions; i++ {
			pillar := pick(Pillars)
			a := Action{PlanID: p.ID, Pillar: pillar, Activity: sampleActivity(pillar, used[pillar]), Lead: org(),
				Deadline: fmt.Sprintf("%d-%02d-28", lastYear-1+r.IntN(3), 1+r.IntN(12)), Status: pick(ActionStatuses)}
			used[pillar]++
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

// sampleStatistics writes years of statistics from 2006: investigations
// drifting by at most a fifth a year, a half or so of them prosecuted and
// of those a half or so convicted; victims identified drifting likewise,
// most of them assisted; each measure sourced from an agency of the sector
// that counts it (police, prosecution, courts, social services), or any.
// Offences recorded are fewer than the persons investigated (a case may
// have several); the assets confiscated are in the country's currency.
func (s *Store) sampleStatistics(ctx context.Context, r *rand.Rand, orgs []OrganisationRow, any func() string, years int) error {
	bySector := map[string][]string{}
	for _, o := range orgs {
		bySector[o.Sector] = append(bySector[o.Sector], o.ID)
	}
	source := func(sector string) string {
		if ids := bySector[sector]; len(ids) > 0 {
			return ids[r.IntN(len(ids))]
		}
		return any()
	}
	sources := map[string]string{"investigated": "police", "prosecuted": "prosecution", "convicted": "judiciary",
		"victims_identified": "police", "victims_assisted": "social_services"}
	percent := func(n, low, high int) int { return n * (low + r.IntN(high-low+1)) / 100 }
	// drift moves a rate (in percent) by at most five points, within its bounds.
	drift := func(rate, low, high int) int { return min(high, max(low, rate-5+r.IntN(11))) }
	investigated, victims := 60+r.IntN(80), 40+r.IntN(60)
	prosecutedRate, convictedRate, assistedRate := 55, 60, 80
	money := CountryCurrency(cmp.Or(s.Country(ctx), SampleCountry), s.now())
	perConviction := 8_000 + r.IntN(4_000)
	for y := 0; y < years; y++ {
		investigated, victims = max(12, percent(investigated, 85, 120)), max(12, percent(victims, 85, 120))
		prosecutedRate, convictedRate, assistedRate = drift(prosecutedRate, 40, 70), drift(convictedRate, 40, 80), drift(assistedRate, 60, 95)
		prosecuted := investigated * prosecutedRate / 100
		totals := map[string]int{"investigated": investigated, "prosecuted": prosecuted, "convicted": prosecuted * convictedRate / 100,
			"victims_identified": victims, "victims_assisted": victims * assistedRate / 100}
		var stats []Statistic
		for _, m := range Measures {
			total := totals[m.Code]
			switch m.Code {
			case CasesMeasure: // offences: by form, not by sex
				total = percent(investigated, 60, 90)
				sexual := percent(total, 40, 70)
				stats = append(stats, Statistic{Measure: m.Code, Value: total, SourceID: source("police")},
					Statistic{Measure: m.Code, Breakdown: "form:sexual_exploitation", Value: sexual},
					Statistic{Measure: m.Code, Breakdown: "form:forced_labour", Value: total - sexual})
				continue
			case AssetsMeasure: // some ten thousand per conviction, in the country's money
				value := totals["convicted"] * perConviction / 100 * 100
				stats = append(stats, Statistic{Measure: m.Code, Value: value, SourceID: source("prosecution"), Currency: money})
				continue
			}
			female := percent(total, 20, 80)
			stats = append(stats, Statistic{Measure: m.Code, Value: total, SourceID: source(sources[m.Code])},
				Statistic{Measure: m.Code, Breakdown: "sex:female", Value: female},
				Statistic{Measure: m.Code, Breakdown: "sex:male", Value: total - female})
			if m.Code == "victims_identified" { // most of them nationals, the others from two neighbours
				foreign := percent(total, 5, 25)
				near := percent(foreign, 40, 70)
				stats = append(stats, Statistic{Measure: m.Code, Breakdown: "citizenship:national", Value: total - foreign},
					Statistic{Measure: m.Code, Breakdown: "citizenship:foreign", Value: foreign},
					Statistic{Measure: m.Code, Breakdown: "country:UA", Value: near},
					Statistic{Measure: m.Code, Breakdown: "country:RO", Value: foreign - near})
			}
		}
		if err := s.SetStatistics(ctx, 2006+y, stats); err != nil {
			return err
		}
	}
	return nil
}
