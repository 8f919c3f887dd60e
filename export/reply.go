package export

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// ReplyContent is everything one document of a questionnaire reply shows,
// read from the register once (LoadReply, off the window's thread) and then
// written as a workbook (ReplyXLSX), a PDF (ReplyPDF) or both.
type ReplyContent struct {
	Reply    data.Reply
	Template Template
	// Country is the register's country, an ISO 3166 code ("" when not set
	// in Settings): the documents name it in their language.
	Country string
	// State is the country's English name kept by a reply finalised before
	// the code was kept; it names the country when Country is "".
	State string
	// Officer and OfficerOrganisation name the replying officer ("" when none).
	Officer, OfficerOrganisation string
	Answers                      map[string]data.Answer      // by question id
	Figures                      map[string]data.FigureValue // by figure name: live for a draft, frozen for a final reply
	Contributions                []data.Contribution         // by question id, then agency
	Annexes                      ReplyAnnexes
	// Today is the day the document is made (YYYY-MM-DD): the date of a draft.
	Today string
	// AnnexDay is the day the annexes were drawn from the register: today
	// for a draft, the day it was finalised for a final reply.
	AnnexDay string
	// Language is the language the documents are written in (nil for
	// English): the scaffolding, the figures' titles and rules, the dates.
	Language *locale.Translator
}

// tr is the language of the reply's documents.
func (c ReplyContent) tr() *locale.Translator { return orEnglish(c.Language) }

// ReplyAnnexes are the lists drawn from the register for the reply's
// period: as the register is on the day the document is made for a draft,
// as it was when finalised for a final reply.
type ReplyAnnexes struct {
	Members []data.Organisation // the mechanism's members now, chair first
	// Courses hands the courses held in the period to yield one at a time,
	// so that thousands of them go into a file without being held in memory.
	Courses func(yield func(data.AnnexCourse) error) error
	// CourseSectors are the sectors of the participants counted in the
	// period, in the order of data.Sectors: the course list's columns.
	CourseSectors []data.Code
	Campaigns     []data.Campaign  // running on a day of the period, oldest first
	Agreements    []data.Agreement // signed by the end of the period, oldest first
	Actions       []ReplyAction    // of the plans whose years meet the period
	Years         []int            // the calendar years the period touches
	Statistics    []data.Statistic // of those years, by year, measure and breakdown
}

// ReplyAction is an action of a plan of action, with the names the annex shows.
type ReplyAction struct {
	data.Action
	Plan string // the plan's title
	Lead string // the lead organisation's name
}

// replyChartFigures are drawn as charts in the workbook, whatever the
// template binds, so LoadReply always asks for them.
var replyChartFigures = []string{"training.participants_by_sector", "campaigns.by_channel"}

// LoadReply reads a reply and everything its documents show: the reply for
// template t, its answers, the figures of every binding of t (frozen for a
// final reply), the agencies' contributions and the annexes of its period.
func LoadReply(ctx context.Context, s *data.Store, t Template, replyID string) (ReplyContent, error) {
	c := ReplyContent{Template: t, Today: time.Now().Format(time.DateOnly)}
	var err error
	if c.Reply, err = s.GetReply(ctx, replyID); err != nil {
		return c, err
	}
	if c.Reply.TemplateID != t.ID {
		return c, fmt.Errorf("the reply answers the questionnaire %q, not %q", c.Reply.TemplateID, t.ID)
	}
	frozen, err := s.FrozenDocument(ctx, replyID)
	if err != nil {
		return c, err
	}
	if frozen != nil {
		if err := c.thaw(frozen); err != nil {
			return c, err
		}
	} else {
		c.AnnexDay = c.Today
		c.Country = s.Country(ctx)
		if c.Officer, c.OfficerOrganisation, err = replyOfficer(ctx, s, c.Reply.Officer); err != nil {
			return c, err
		}
	}
	if c.Answers, err = s.Answers(ctx, replyID); err != nil {
		return c, err
	}
	// The figures and the annexes load side by side (on a large register
	// each takes about 50 ms, and on two cores they take that together),
	// sharing the lists both draw on: the members, campaigns, agreements.
	period := s.Period(ctx, c.Reply.From, c.Reply.To)
	var figuresErr error
	figuresDone := make(chan struct{})
	go func() {
		defer close(figuresDone)
		c.Figures, figuresErr = s.ReplyFiguresIn(period, replyID, replyFigureNames(t))
	}()
	if c.Contributions, err = s.Contributions(ctx, replyID); err == nil && frozen == nil {
		c.Annexes, err = loadAnnexes(ctx, s, period)
	}
	<-figuresDone
	return c, errors.Join(figuresErr, err)
}

// replyFigureNames are the figures bound anywhere in t, and those charted.
func replyFigureNames(t Template) []string {
	names := t.Bindings()
	for _, n := range replyChartFigures {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names
}

// replyOfficer names the replying officer and their organisation; a
// contact no longer in the register leaves both empty.
func replyOfficer(ctx context.Context, s *data.Store, contactID string) (name, organisation string, err error) {
	if contactID == "" {
		return "", "", nil
	}
	p, err := s.Contact(ctx, contactID)
	if errors.Is(err, data.ErrNotFound) {
		return "", "", nil
	}
	if err != nil {
		return "", "", err
	}
	o, err := s.Organisation(ctx, p.OrganisationID)
	if errors.Is(err, data.ErrNotFound) {
		return p.Name, "", nil
	}
	return p.Name, o.Name, err
}

func loadAnnexes(ctx context.Context, s *data.Store, p *data.Period) (ReplyAnnexes, error) {
	from, to := p.From, p.To
	var a ReplyAnnexes
	var err error
	if a.Members, err = p.Members(); err != nil {
		return a, err
	}
	a.Courses = func(yield func(data.AnnexCourse) error) error { return s.AnnexCourses(ctx, from, to, yield) }
	training, err := p.Training()
	if err != nil {
		return a, err
	}
	for _, sector := range data.SectorCodes() {
		if training.BySector[sector.Code] > 0 {
			a.CourseSectors = append(a.CourseSectors, sector)
		}
	}
	campaigns, err := p.CampaignList()
	if err != nil {
		return a, err
	}
	// A copy: the period's list is shared with the figures.
	a.Campaigns = slices.Clone(campaigns)
	sort.SliceStable(a.Campaigns, func(i, j int) bool { return a.Campaigns[i].FirstDay < a.Campaigns[j].FirstDay })
	if a.Agreements, err = signedBy(p, to); err != nil {
		return a, err
	}
	if a.Actions, err = planActions(ctx, s, from, to); err != nil {
		return a, err
	}
	a.Years, a.Statistics, err = statisticsOf(ctx, s, from, to)
	return a, err
}

// signedBy lists the agreements signed on or before day, oldest first,
// whatever their status now (the annex shows it).
func signedBy(p *data.Period, day string) ([]data.Agreement, error) {
	all, err := p.AgreementList()
	if err != nil {
		return nil, err
	}
	var out []data.Agreement
	for _, a := range all {
		if a.SignedOn != "" && a.SignedOn <= day {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].SignedOn < out[j].SignedOn })
	return out, nil
}

// planActions lists the actions of every plan whose years meet the period,
// each plan's by pillar then deadline.
func planActions(ctx context.Context, s *data.Store, from, to string) ([]ReplyAction, error) {
	plans, err := s.Plans(ctx)
	if err != nil {
		return nil, err
	}
	firstYear, lastYear := yearOf(from), yearOf(to)
	var out []ReplyAction
	var leads []string
	for _, p := range plans {
		if p.LastYear < firstYear || p.FirstYear > lastYear {
			continue
		}
		actions, err := s.Actions(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		for _, a := range actions {
			out = append(out, ReplyAction{Action: a, Plan: p.Title, Lead: a.Lead}) // its name below
			if a.Lead != "" {
				leads = append(leads, a.Lead)
			}
		}
	}
	slices.Sort(leads)
	names, err := s.OrganisationNames(ctx, slices.Compact(leads))
	for i := range out {
		out[i].Lead = names[out[i].Lead] // an organisation no longer in the register: no name
	}
	return out, err
}

// statisticsOf reads the yearly statistics of the calendar years the
// period touches.
func statisticsOf(ctx context.Context, s *data.Store, from, to string) ([]int, []data.Statistic, error) {
	var years []int
	for y := yearOf(from); y <= yearOf(to); y++ {
		years = append(years, y)
	}
	all, err := s.AllStatistics(ctx)
	if err != nil {
		return nil, nil, err
	}
	var out []data.Statistic
	for _, st := range all {
		if len(years) > 0 && st.Year >= years[0] && st.Year <= years[len(years)-1] {
			out = append(out, st)
		}
	}
	return years, out, nil
}

func yearOf(day string) int {
	if len(day) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(day[:4])
	return y
}

// replyDay is the date a reply is dated: the day it was finalised, or the
// day the document is made for a draft.
func (c ReplyContent) replyDay() string {
	if c.final() {
		if t, err := time.Parse(time.RFC3339, c.Reply.FinalisedAt); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return c.Today
}

func (c ReplyContent) final() bool { return c.Reply.Status == "final" }

// period writes the reply's period for a sentence of a workbook.
func (c ReplyContent) period() string {
	return c.tr().L("{{.From}} to {{.To}}", map[string]any{"From": dayIn(c.tr(), c.Reply.From), "To": dayIn(c.tr(), c.Reply.To)})
}

// statusText says what state the reply is in, in the words of its cover.
func (c ReplyContent) statusText() string {
	if c.final() {
		return c.tr().L("Final: the figures are as frozen when the reply was finalised")
	}
	return c.tr().L("Draft: not yet finalised; the figures are computed from the register as it stands")
}

// officerText is the replying officer with their organisation.
func (c ReplyContent) officerText() string {
	switch {
	case c.Officer == "":
		return c.tr().L("Not named")
	case c.OfficerOrganisation == "":
		return c.Officer
	}
	return c.Officer + ", " + c.OfficerOrganisation
}

// stateText is the register's country, by its name in the document's
// language.
func (c ReplyContent) stateText() string {
	switch {
	case c.Country != "":
		return c.tr().Country(c.Country)
	case c.State != "":
		return c.State
	}
	return c.tr().L("Not set (Settings: country of the register)")
}

// contributionsTo are the agencies' answers to one question.
func (c ReplyContent) contributionsTo(questionID string) []data.Contribution {
	var out []data.Contribution
	for _, k := range c.Contributions {
		if k.QuestionID == questionID {
			out = append(out, k)
		}
	}
	return out
}

// yesNoText writes a yes/no answer as a reply shows it.
func yesNoText(tr *locale.Translator, v string) string {
	if v == "" {
		return ""
	}
	return codeText(tr, "yes_no", v)
}

// statisticLabel names a measure and, for a breakdown, its group and part.
func statisticLabel(tr *locale.Translator, measure, breakdown string) (string, string) {
	m := codeText(tr, "measure", measure)
	if breakdown == "" {
		return m, tr.L("Total")
	}
	for _, g := range data.Breakdowns(measure) {
		for _, p := range g.Parts {
			if g.Name+":"+p.Code == breakdown {
				return m, tr.L("{{.Breakdown}}: {{.Part}}", map[string]any{"Breakdown": tr.L(g.Label), "Part": breakdownPartText(tr, g, p)})
			}
		}
	}
	return m, breakdown
}

// breakdownPartText is a part of a statistics breakdown in the document's
// language: a form of exploitation, a sex, an age group.
func breakdownPartText(tr *locale.Translator, g data.BreakdownGroup, p data.Code) string {
	if g.Name == "form" {
		return codeText(tr, "form", p.Code)
	}
	return tr.L(p.Label)
}

// statisticLine is one measure, or one part of its breakdown, of the
// statistics annex, with its value for each year it was entered.
type statisticLine struct {
	Measure, Breakdown string // as the annex shows them
	ByYear             map[int]int
}

// statisticLines orders the statistics as the register's forms do: each
// measure's total, then its breakdowns; lines without any figure entered
// in the period are left out.
// statisticNotes are the notes kept with the statistics of the period, a
// line each: "Persons convicted 2024: cases still under appeal not included".
func (a ReplyAnnexes) statisticNotes(tr *locale.Translator) []string {
	var out []string
	for _, m := range data.Measures {
		for _, y := range a.Years {
			for _, st := range a.Statistics {
				if st.Measure == m.Code && st.Year == y && strings.TrimSpace(st.Note) != "" {
					out = append(out, fmt.Sprintf("%s %d: %s", codeText(tr, "measure", m.Code), y, strings.TrimSpace(st.Note)))
				}
			}
		}
	}
	return out
}

func (a ReplyAnnexes) statisticLines(tr *locale.Translator) []statisticLine {
	entered := map[string]map[int]int{}
	var currencies []string // of the value of assets, each a line
	for _, st := range a.Statistics {
		key := st.Measure + "/" + st.Breakdown
		if st.Currency != "" {
			key += "/" + st.Currency
			if !slices.Contains(currencies, st.Currency) {
				currencies = append(currencies, st.Currency)
			}
		}
		if entered[key] == nil {
			entered[key] = map[int]int{}
		}
		entered[key][st.Year] = st.Value
	}
	var out []statisticLine
	add := func(measure, breakdown string) {
		if byYear := entered[measure+"/"+breakdown]; byYear != nil {
			m, b := statisticLabel(tr, measure, breakdown)
			out = append(out, statisticLine{Measure: m, Breakdown: b, ByYear: byYear})
		}
	}
	for _, m := range data.Measures {
		if m.Code == data.AssetsMeasure {
			slices.Sort(currencies)
			for _, c := range currencies {
				if byYear := entered[m.Code+"//"+c]; byYear != nil {
					out = append(out, statisticLine{Measure: codeText(tr, "measure", m.Code) + " (" + c + ")", Breakdown: tr.L("Total"), ByYear: byYear})
				}
			}
			continue
		}
		add(m.Code, "")
		for _, g := range data.Breakdowns(m.Code) {
			for _, p := range g.Parts {
				add(m.Code, g.Name+":"+p.Code)
			}
		}
	}
	return out
}
