package data

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// FigureRow is one line of a figure broken down: a label and its count.
type FigureRow struct {
	Code  string // a stable code (a sector, a channel …), or "" for a total line
	Label string // in English; the reply translates codes where it can
	Value int
	// SumOf is, for a year with no total entered, the label of the
	// breakdown whose parts were added up instead ("By sex"), so that a
	// document can say so in its language.
	SumOf string `json:",omitempty"`
}

// FigureValue is what a named figure gives for a period: a single count, or
// counts broken down. The lines of a breakdown add up to Total, a line
// saying what the rest is where the register leaves some unclassified;
// unless Several: then an item counts under each of its lines (a campaign
// on radio and television), and under a "none" line when it has none, so
// the lines add up to Total or more.
//
// Unknown says that nothing was entered for the period (a statistic no
// agency has given yet): the figure is not available, which is not zero.
// Missing names the years of the period with nothing entered when others
// have figures: the total is what those others add up to.
//
// Unit is the currency of an amount of money ("" for a count). Its years
// are added up only when they are in one currency; otherwise Unadded says
// that each row is in its own, given in its label, and there is no total.
type FigureValue struct {
	Total   int
	Rows    []FigureRow
	Several bool
	Unknown bool     `json:",omitempty"`
	Missing []string `json:",omitempty"`
	Unit    string   `json:",omitempty"`
	Unadded bool     `json:",omitempty"`
}

// NotAvailable is how a figure nobody entered is written, everywhere.
const NotAvailable = "not available"

// NamedFigure is a figure the questionnaire reply can bind a question to:
// a stable name, a title, the rule it is counted by, in words, and how it is
// computed from the register for a period.
type NamedFigure struct {
	Name    string
	Title   string
	Rule    string
	Compute func(p *Period) (FigureValue, error)
}

// Period is a reporting period [From, To] (YYYY-MM-DD) of the register
// whose figures are counted once, however many named figures draw on them:
// a reply binds four figures to the mechanism's counts, four to the
// campaigns', three to the trainings'. The lists the figures are counted
// from are read once too, and a reply's annexes list them: a Period may
// be used from several goroutines, and a second asking waits for the first.
type Period struct {
	ctx        context.Context
	s          *Store
	From, To   string
	members    memo[[]Organisation]
	campaignsL memo[[]Campaign]
	agreeL     memo[[]Agreement]
	mechanism  memo[MechanismFigures]
	training   memo[TrainingFigures]
	campaigns  memo[CampaignFigures]
	agreements memo[AgreementFigures]
	statistics memo[[]Statistic]
}

// Period starts counting the figures of a period.
func (s *Store) Period(ctx context.Context, from, to string) *Period {
	return &Period{ctx: ctx, s: s, From: from, To: to}
}

// memo keeps the result of a count made once.
type memo[T any] struct {
	mu   sync.Mutex
	done bool
	v    T
	err  error
}

func (m *memo[T]) get(count func() (T, error)) (T, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.done {
		m.v, m.err = count()
		m.done = true
	}
	return m.v, m.err
}

// Members lists the members of the coordination body now (Store.Members), read once.
func (p *Period) Members() ([]Organisation, error) {
	return p.members.get(func() ([]Organisation, error) { return p.s.Members(p.ctx) })
}

// CampaignList lists the campaigns that ran in the period, newest first, read once.
func (p *Period) CampaignList() ([]Campaign, error) {
	return p.campaignsL.get(func() ([]Campaign, error) {
		return p.s.Campaigns(p.ctx, CampaignFilter{From: p.From, To: p.To})
	})
}

// AgreementList lists every current agreement (Store.Agreements), read once.
func (p *Period) AgreementList() ([]Agreement, error) {
	return p.agreeL.get(func() ([]Agreement, error) { return p.s.Agreements(p.ctx, AgreementFilter{}) })
}

// Mechanism are the figures of the coordination mechanism for the period, counted once.
func (p *Period) Mechanism() (MechanismFigures, error) {
	return p.mechanism.get(func() (MechanismFigures, error) {
		members, err := p.Members()
		if err != nil {
			return MechanismFigures{}, err
		}
		return p.s.mechanismFigures(p.ctx, members, p.From, p.To)
	})
}

// Training are the figures of the training courses for the period, counted once.
func (p *Period) Training() (TrainingFigures, error) {
	return p.training.get(func() (TrainingFigures, error) { return p.s.TrainingFiguresForPeriod(p.ctx, p.From, p.To) })
}

// Campaigns are the figures of the awareness campaigns for the period, counted once.
func (p *Period) Campaigns() (CampaignFigures, error) {
	return p.campaigns.get(func() (CampaignFigures, error) {
		list, err := p.CampaignList()
		return campaignFigures(list), err
	})
}

// Agreements are the figures of the cooperation agreements for the period, counted once.
func (p *Period) Agreements() (AgreementFigures, error) {
	return p.agreements.get(func() (AgreementFigures, error) {
		all, err := p.AgreementList()
		return agreementFigures(all, p.From, p.To), err
	})
}

// Statistics are every year's statistics (the figures pick their years).
func (p *Period) Statistics() ([]Statistic, error) {
	return p.statistics.get(func() ([]Statistic, error) { return p.s.AllStatistics(p.ctx) })
}

func rowsOf(counts map[string]int, list []Code) []FigureRow {
	var rows []FigureRow
	seen := map[string]bool{}
	for _, c := range list {
		if n, ok := counts[c.Code]; ok && n > 0 {
			rows = append(rows, FigureRow{Code: c.Code, Label: c.Label, Value: n})
			seen[c.Code] = true
		}
	}
	var rest []string
	for code, n := range counts {
		if !seen[code] && n > 0 {
			rest = append(rest, code)
		}
	}
	sort.Strings(rest)
	for _, code := range rest {
		label := code
		if code == "" {
			label = "Not recorded"
		}
		rows = append(rows, FigureRow{Code: code, Label: label, Value: counts[code]})
	}
	return rows
}

func single(n int) FigureValue { return FigureValue{Total: n} }

// several is a breakdown where an item counts under each of its lines, with
// a last line for the items that have none.
func several(total int, rows []FigureRow, noneLabel string, none int) FigureValue {
	if none > 0 {
		rows = append(rows, FigureRow{Code: "none", Label: noneLabel, Value: none})
	}
	return FigureValue{Total: total, Rows: rows, Several: true}
}

func broken(counts map[string]int, list []Code) FigureValue {
	v := FigureValue{Rows: rowsOf(counts, list)}
	for _, r := range v.Rows {
		v.Total += r.Value
	}
	return v
}

var sexCodes = append([]Code{}, Sexes...)

// FigureRowLabels are the lines of breakdowns that no code list names:
// the figures' own (government or not, joint or not, evaluated or not)
// and the lines of what has none ("No channel recorded"). Documents find a
// line's translation here by its English label.
var FigureRowLabels = []Code{
	{"government", "Government"}, {"non_government", "Non-government"},
	{"joint", "Joint"}, {"not_joint", "Not joint"},
	{"evaluated", "Evaluated"}, {"not_evaluated", "Not evaluated"},
	{"no_channel", "No channel recorded"}, {"no_target_group", "No target group recorded"},
	{"no_partner_country", "No partner country (domestic)"}, {"not_recorded", "Not recorded"},
}

// NamedFigures is the registry of the figures a questionnaire template can
// name, in a stable order.
var NamedFigures = []NamedFigure{
	{"mechanism.members", "Member organisations of the coordination mechanism", MechanismCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Mechanism()
			return broken(f.ByRole, MechanismRoles), err
		}},
	{"mechanism.members_by_sector", "Member organisations by sector", MechanismCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Mechanism()
			return broken(f.BySector, SectorCodes()), err
		}},
	{"mechanism.government", "Member organisations, government and non-government", MechanismCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Mechanism()
			return FigureValue{Total: f.Members, Rows: []FigureRow{{Code: "government", Label: "Government", Value: f.Government},
				{Code: "non_government", Label: "Non-government", Value: f.NonGovernment}}}, err
		}},
	{"mechanism.meetings", "Meetings of the coordination body held", MechanismCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Mechanism()
			return single(f.MeetingsHeld), err
		}},
	{"training.courses", "Training courses held", TrainingCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Training()
			return FigureValue{Total: f.Courses, Rows: []FigureRow{{Code: "joint", Label: "Joint", Value: f.JointCourses},
				{Code: "not_joint", Label: "Not joint", Value: f.Courses - f.JointCourses}}}, err
		}},
	{"training.participants_by_sector", "Training participants by sector", TrainingCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Training()
			return broken(f.BySector, SectorCodes()), err
		}},
	{"training.participants_by_sex", "Training participants by sex", TrainingCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Training()
			return broken(f.BySex, sexCodes), err
		}},
	{"training.unique_persons", "Persons trained, each counted once", UniquePersonsRule,
		func(p *Period) (FigureValue, error) {
			n, err := p.s.UniquePersonsTrained(p.ctx, p.From, p.To)
			return single(n), err
		}},
	{"training.participants_government", "Training participants, government and non-government", TrainingCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Training()
			return FigureValue{Total: f.Participants, Rows: []FigureRow{{Code: "government", Label: "Government", Value: f.Government},
				{Code: "non_government", Label: "Non-government", Value: f.NonGovernment}}}, err
		}},
	{"campaigns.by_channel", "Awareness campaigns by channel", CampaignCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Campaigns()
			return several(f.Campaigns, rowsOf(f.ByChannel, Channels), "No channel recorded", f.NoChannel), err
		}},
	{"campaigns.by_target_group", "Awareness campaigns by target group", CampaignCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Campaigns()
			return several(f.Campaigns, rowsOf(f.ByGroup, TargetGroups), "No target group recorded", f.NoGroup), err
		}},
	{"campaigns.reach", "Estimated reach of the awareness campaigns", CampaignCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Campaigns()
			return single(f.Reach), err
		}},
	{"campaigns.evaluated", "Awareness campaigns evaluated", CampaignCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Campaigns()
			return FigureValue{Total: f.Campaigns, Rows: []FigureRow{{Code: "evaluated", Label: "Evaluated", Value: f.Evaluated},
				{Code: "not_evaluated", Label: "Not evaluated", Value: f.NotEvaluated}}}, err
		}},
	{"agreements.by_level", "Cooperation agreements in force by level", AgreementCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Agreements()
			return FigureValue{Total: f.InForce, Rows: rowsOf(f.ByLevel, AgreementLevels)}, err
		}},
	{"agreements.by_partner_country", "Cooperation agreements in force by partner country", AgreementCountingRules,
		func(p *Period) (FigureValue, error) {
			f, err := p.Agreements()
			return several(f.InForce, rowsOf(f.ByPartnerCountry, Countries()), "No partner country (domestic)", f.NoPartnerCountry), err
		}},
	{"plan.actions_by_pillar", "Actions of the national plan by pillar", PlanCountingRules,
		func(p *Period) (FigureValue, error) {
			plans, err := p.s.Plans(p.ctx)
			if err != nil || len(plans) == 0 {
				return FigureValue{}, err
			}
			f, err := p.s.PlanFiguresOn(p.ctx, plans[0].ID, p.To)
			counts := map[string]int{}
			for pillar, byStatus := range f.ByPillar {
				for _, n := range byStatus {
					counts[pillar] += n
				}
			}
			return broken(counts, Pillars), err
		}},
	{"plan.actions_by_status", "Actions of the national plan by status", PlanCountingRules,
		func(p *Period) (FigureValue, error) {
			byPillar, err := p.s.PillarStatus(p.ctx, p.To)
			if err != nil || byPillar == nil {
				return FigureValue{}, err
			}
			counts := map[string]int{}
			for _, byStatus := range byPillar {
				for status, n := range byStatus {
					counts[status] += n
				}
			}
			return broken(counts, ActionStatuses), err
		}},
	{"plan.actions_overdue", "Actions of the national plan overdue", PlanCountingRules,
		func(p *Period) (FigureValue, error) {
			plans, err := p.s.Plans(p.ctx)
			if err != nil || len(plans) == 0 {
				return FigureValue{}, err
			}
			// Overdue on the period's last day, or today if that is to come: a
			// deadline later this year is not missed yet.
			f, err := p.s.PlanFiguresOn(p.ctx, plans[0].ID, min(p.To, p.s.now().Format(time.DateOnly)))
			return single(f.Overdue), err
		}},
}

// A named figure per measure of the statistics: its totals per year of
// the period, the year as the row's code.
func init() {
	for _, m := range Measures {
		measure := m
		rule := "The totals entered for each calendar year of the period, as reported by their source agency; counts only. " +
			"A year with only a breakdown entered counts the sum of its parts, and says so. A year with nothing entered is not available, not zero."
		if measure.Code == AssetsMeasure {
			rule = "The value entered for each calendar year of the period, in whole units of the currency entered with it, as reported by its source agency. " +
				"Years are added up only when they are in one currency; otherwise each year is given in its own, with no total. A year with nothing entered is not available, not zero."
		}
		NamedFigures = append(NamedFigures, NamedFigure{
			Name: "statistics." + measure.Code, Title: measure.Label + ", per year",
			Rule: rule,
			Compute: func(p *Period) (FigureValue, error) {
				all, err := p.Statistics()
				return statisticsFigure(all, measure.Code, p.From, p.To), err
			},
		})
	}
}

// NamedFigureByName finds a figure of the registry.
func NamedFigureByName(name string) (NamedFigure, bool) {
	for _, f := range NamedFigures {
		if f.Name == name {
			return f, true
		}
	}
	return NamedFigure{}, false
}

// statisticsFigure is a measure's figure for the years of [from, to]: the
// total entered for each year; where only a breakdown was entered, the sum
// of the first of the measure's breakdowns that has parts, labelled as such.
func statisticsFigure(all []Statistic, measure, from, to string) FigureValue {
	totals := map[int]int{}
	currencies := map[int]string{}
	parts := map[int]map[string]int{} // year → group → sum of its parts
	for _, st := range all {
		if st.Measure != measure || strconv.Itoa(st.Year) < from[:4] || strconv.Itoa(st.Year) > to[:4] {
			continue
		}
		if st.Breakdown == "" {
			totals[st.Year] = st.Value
			currencies[st.Year] = st.Currency
			continue
		}
		if group, _, _ := strings.Cut(st.Breakdown, ":"); group == CountryGroup {
			continue // a part of the foreign nationals, not of the total
		}
		group, _, _ := strings.Cut(st.Breakdown, ":")
		if parts[st.Year] == nil {
			parts[st.Year] = map[string]int{}
		}
		parts[st.Year][group] += st.Value
	}
	var years []int
	for y := range totals {
		years = append(years, y)
	}
	for y := range parts {
		if _, ok := totals[y]; !ok {
			years = append(years, y)
		}
	}
	sort.Ints(years)
	var v FigureValue
	for _, y := range years {
		year := strconv.Itoa(y)
		if n, ok := totals[y]; ok {
			v.Rows = append(v.Rows, FigureRow{Code: year, Label: year, Value: n})
			v.Total += n
			continue
		}
		for _, g := range Breakdowns(measure) {
			if n, ok := parts[y][g.Name]; ok {
				label := year + " (the sum of the breakdown " + strings.ToLower(g.Label) + "; no total entered)"
				v.Rows = append(v.Rows, FigureRow{Code: year, Label: label, Value: n, SumOf: g.Label})
				v.Total += n
				break
			}
		}
	}
	v.Unknown = len(v.Rows) == 0 // no year of the period entered
	if measure == AssetsMeasure {
		v = inCurrencies(v, currencies)
	}
	if !v.Unknown {
		entered := map[int]bool{}
		for _, y := range years {
			entered[y] = true
		}
		first, _ := strconv.Atoi(from[:4])
		last, _ := strconv.Atoi(to[:4])
		for y := first; y <= last; y++ {
			if !entered[y] {
				v.Missing = append(v.Missing, strconv.Itoa(y))
			}
		}
	}
	return v
}
