package data

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
)

// Campaign is an awareness campaign.
type Campaign struct {
	ID           string
	Title        string
	Forms        []string // codes of FormsOfExploitation
	TargetGroups []string // codes of TargetGroups
	Channels     []string // codes of Channels
	Languages    []string
	FirstDay     string // YYYY-MM-DD
	LastDay      string // YYYY-MM-DD
	Regions      []string
	Lead         string   // organisation id
	Partners     []string // organisation ids
	Budget       int      // whole units of Currency
	Currency     string   // ISO 4217, like EUR
	Materials    []string // "kind: quantity"
	Reach        int      // people reached, as estimated
	ReachMethod  string   // how the reach was estimated
	Evaluated    bool
	EvalMethod   string
	Findings     string
	Pillar       string
	Archived     bool
}

// TargetGroups and Channels are the code lists of campaigns.
var (
	TargetGroups = []Code{{"general_public", "General public"}, {"youth", "Young people and students"},
		{"migrants", "Migrants and job seekers"}, {"at_risk_workers", "Workers in sectors at risk"}, {"employers", "Employers"},
		{"parents", "Parents"}, {"teachers", "Teachers"}, {"officials", "Officials"}, {"buyers", "Buyers of services"},
		{"diaspora", "Diaspora"}}
	Channels = []Code{{"tv", "TV"}, {"radio", "Radio"}, {"print", "Print"}, {"outdoor", "Outdoor"},
		{"social_media", "Social media"}, {"web", "Web"}, {"hotline", "Hotline"}, {"school_sessions", "School sessions"},
		{"community_events", "Community events"}, {"sms", "Text messages"}}
)

var campaignTable = table{
	entity: "campaign",
	label:  "title",
	fields: []Field{textField("title", "Title"), codesField("forms", "Forms of exploitation", "form"),
		codesField("target_groups", "Target groups", "target_group"), codesField("channels", "Channels", "channel"),
		linesField("languages", "Languages"), dateField("first_day", "First day"), dateField("last_day", "Last day"),
		linesField("regions", "Regions"), refField("lead", "Lead", "organisation"),
		refsField("partners", "Partners", "organisation"), numberField("budget", "Budget"),
		textField("currency", "Currency"), linesField("materials", "Materials"), numberField("reach", "Reach"),
		textField("reach_method", "How reach was estimated"), flagField("evaluated", "Evaluated"),
		textField("eval_method", "How it was evaluated"), textField("findings", "Findings"),
		codeField("pillar", "Pillar", "pillar"), archivedField},
}

func (c Campaign) values() values {
	return values{"title": c.Title, "forms": joinLines(c.Forms), "target_groups": joinLines(c.TargetGroups),
		"channels": joinLines(c.Channels), "languages": joinLines(c.Languages), "first_day": c.FirstDay,
		"last_day": c.LastDay, "regions": joinLines(c.Regions), "lead": c.Lead, "partners": joinLines(c.Partners),
		"budget": strconv.Itoa(c.Budget), "currency": c.Currency, "materials": joinLines(c.Materials),
		"reach": strconv.Itoa(c.Reach), "reach_method": c.ReachMethod, "evaluated": boolText(c.Evaluated),
		"eval_method": c.EvalMethod, "findings": c.Findings, "pillar": c.Pillar, "archived": boolText(c.Archived)}
}

func normaliseCampaign(c Campaign, exists func(entity, id string) (bool, error)) (Campaign, error) {
	var v validator
	c.Title = strings.Join(strings.Fields(c.Title), " ")
	v.required("title", c.Title)
	c.Forms, c.TargetGroups, c.Channels = lines(c.Forms), lines(c.TargetGroups), lines(c.Channels)
	for _, f := range c.Forms {
		v.code("forms", f, FormsOfExploitation)
	}
	for _, g := range c.TargetGroups {
		v.code("target_groups", g, TargetGroups)
	}
	for _, ch := range c.Channels {
		v.code("channels", ch, Channels)
	}
	c.Languages, c.Regions, c.Materials, c.Partners = lines(c.Languages), lines(c.Regions), lines(c.Materials), lines(c.Partners)
	c.FirstDay = v.date("first_day", c.FirstDay)
	if strings.TrimSpace(c.LastDay) == "" {
		c.LastDay = c.FirstDay
	} else {
		c.LastDay = v.date("last_day", c.LastDay)
	}
	if c.FirstDay != "" && c.LastDay != "" && c.LastDay < c.FirstDay {
		v.add("last_day", "error.last_before_first", "The last day ({{.Last}}) is before the first day ({{.First}})",
			map[string]any{"First": c.FirstDay, "Last": c.LastDay})
	}
	if c.Budget < 0 {
		v.add("budget", "error.negative", "A count cannot be negative ({{.Value}})", map[string]any{"Value": c.Budget})
	}
	c.Currency = strings.ToUpper(strings.TrimSpace(c.Currency))
	if c.Budget > 0 && len(c.Currency) != 3 {
		v.add("currency", "error.currency", "A budget needs its currency (three letters, like EUR)", nil)
	}
	if c.Reach < 0 {
		v.add("reach", "error.negative", "A count cannot be negative ({{.Value}})", map[string]any{"Value": c.Reach})
	}
	c.ReachMethod = strings.TrimSpace(c.ReachMethod)
	if c.Reach > 0 && c.ReachMethod == "" {
		v.add("reach_method", "error.reach_method", "Say how the reach was estimated, so that the figure can be traced", nil)
	}
	if c.Pillar == "" {
		c.Pillar = "prevention"
	}
	v.code("pillar", c.Pillar, Pillars)
	for field, ids := range map[string][]string{"lead": {c.Lead}, "partners": c.Partners} {
		if err := v.references(field, "organisation", ids, exists); err != nil {
			return c, err
		}
	}
	return c, v.err()
}

// SaveCampaign validates c and creates or updates it with its history entry.
func (s *Store) SaveCampaign(ctx context.Context, c *Campaign) error {
	n, err := normaliseCampaign(*c, s.recordExists(ctx))
	if err != nil {
		return err
	}
	if err := s.saveWithID(ctx, campaignTable, &n.ID, n.values(), nil); err != nil {
		return err
	}
	return readBack(ctx, s.Campaign, n.ID, c)
}

// SetCampaignArchived archives or restores a campaign.
func (s *Store) SetCampaignArchived(ctx context.Context, id string, archived bool) error {
	return s.setArchived(ctx, campaignTable, id, archived)
}

var campaignColumns = withLinks(campaignTable, `id, title, forms, target_groups, channels, languages, first_day, last_day, regions, lead,
	partners, budget, currency, materials, reach, reach_method, evaluated, eval_method, findings, pillar, archived`)

func scanCampaign(row interface{ Scan(...any) error }) (Campaign, error) {
	var c Campaign
	var forms, groups, channels, languages, regions, partners, materials string
	err := row.Scan(&c.ID, &c.Title, &forms, &groups, &channels, &languages, &c.FirstDay, &c.LastDay, &regions, &c.Lead,
		&partners, &c.Budget, &c.Currency, &materials, &c.Reach, &c.ReachMethod, &c.Evaluated, &c.EvalMethod,
		&c.Findings, &c.Pillar, &c.Archived)
	c.Forms, c.TargetGroups, c.Channels = splitLines(forms), splitLines(groups), splitLines(channels)
	c.Languages, c.Regions, c.Partners, c.Materials = splitLines(languages), splitLines(regions), splitLines(partners), splitLines(materials)
	return c, err
}

// Campaign reads one campaign.
func (s *Store) Campaign(ctx context.Context, id string) (Campaign, error) {
	c, err := scanCampaign(s.read.QueryRowContext(ctx, "SELECT "+campaignColumns+" FROM campaign WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	return c, err
}

// CampaignFilter narrows the list of campaigns.
type CampaignFilter struct {
	From, To string // campaigns running at some time in [From, To]
	Channel  string
	Group    string
	Query    string
	Archived bool
}

// Campaigns lists the campaigns that pass the filter, newest first.
func (s *Store) Campaigns(ctx context.Context, f CampaignFilter) ([]Campaign, error) {
	where, args := []string{"1 = 1"}, []any{}
	if !f.Archived {
		where = append(where, "archived = 0")
	}
	if f.From != "" {
		where, args = append(where, "last_day >= ?"), append(args, f.From)
	}
	if f.To != "" {
		where, args = append(where, "first_day <= ?"), append(args, f.To)
	}
	rows, err := s.read.QueryContext(ctx, "SELECT "+campaignColumns+" FROM campaign WHERE "+
		strings.Join(where, " AND ")+" ORDER BY first_day DESC, title", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	words := strings.Fields(Fold(f.Query))
	var out []Campaign
	for rows.Next() {
		c, err := scanCampaign(rows)
		if err != nil {
			return nil, err
		}
		if (f.Channel != "" && !contains(c.Channels, f.Channel)) || (f.Group != "" && !contains(c.TargetGroups, f.Group)) ||
			(len(words) > 0 && !matchesAll(Fold(c.Title), words)) {
			continue
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CampaignFigures count the campaigns of a period, for the questionnaire.
type CampaignFigures struct {
	Campaigns    int
	ByChannel    map[string]int
	ByGroup      map[string]int
	NoChannel    int // campaigns without a channel recorded
	NoGroup      int // campaigns without a target group recorded
	Reach        int // the sum of the campaigns' estimated reach
	Evaluated    int
	NotEvaluated int
}

// CampaignCountingRules says in words how CampaignFigures count.
const CampaignCountingRules = "Campaigns count when they ran on at least one day of the period: one that runs across the end of " +
	"a period (a campaign over New Year) counts in both periods, with its whole reach in each. A campaign counts once under " +
	"each of its channels and target groups; those with none recorded are a line of their own. Reach is the sum of the campaigns' own estimates, each made by the method " +
	"recorded with it; people reached by several campaigns are counted again for each."

// CampaignFiguresForPeriod counts the campaigns that ran in [from, to].
func (s *Store) CampaignFiguresForPeriod(ctx context.Context, from, to string) (CampaignFigures, error) {
	list, err := s.Campaigns(ctx, CampaignFilter{From: from, To: to})
	if err != nil {
		return CampaignFigures{}, err
	}
	return campaignFigures(list), nil
}

// campaignFigures counts the campaigns of a period, listed.
func campaignFigures(list []Campaign) CampaignFigures {
	f := CampaignFigures{ByChannel: map[string]int{}, ByGroup: map[string]int{}}
	for _, c := range list {
		f.Campaigns++
		for _, ch := range c.Channels {
			f.ByChannel[ch]++
		}
		for _, g := range c.TargetGroups {
			f.ByGroup[g]++
		}
		if len(c.Channels) == 0 {
			f.NoChannel++
		}
		if len(c.TargetGroups) == 0 {
			f.NoGroup++
		}
		f.Reach += c.Reach
		if c.Evaluated {
			f.Evaluated++
		} else {
			f.NotEvaluated++
		}
	}
	return f
}
