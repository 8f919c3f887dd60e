package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Checks on the yearly statistics, in the way DHIS2's validation rules
// work: each rule is named, can be switched off for the register, and
// finds figures worth a second look. A finding never stops a save: the
// figures may be right (a case investigated one year is tried the next),
// and the person entering them is the one who can tell.

// QualityRule is one check, with what it looks for in words.
type QualityRule struct {
	Name  string // stable, kept in the register's settings when switched off
	Title string
	Rule  string
}

// Quality rule names.
const (
	RuleBreakdownSum  = "breakdown_sum"
	RuleJusticeFunnel = "justice_funnel"
	RuleYearChange    = "year_change"
	RuleSourceNamed   = "source_named"
)

// QualityRules are every check, in the order they are shown.
var QualityRules = []QualityRule{
	{RuleBreakdownSum, "Breakdowns add up to their totals",
		"For each year and measure, each breakdown entered (by sex, by age, by form of exploitation) adds up to the total entered."},
	{RuleJusticeFunnel, "No more convicted than prosecuted, no more prosecuted than investigated",
		"In the same year, the persons convicted are at most those prosecuted, and those prosecuted at most those investigated. " +
			"A warning only: a case investigated one year may be tried the next."},
	{RuleYearChange, "No sudden change from one year to the next",
		fmt.Sprintf("A measure that more than doubles, or falls by more than half, from one year to the next, where either year counts at least %d.", yearChangeFloor)},
	{RuleSourceNamed, "Every figure names its source", "Each measure entered for a year names the agency its figures come from."},
}

// yearChangeFloor keeps small counts out of the year-on-year rule: 2 after
// 1 is no news.
const yearChangeFloor = 10

// QualityFinding is what a rule found about a measure in a year.
type QualityFinding struct {
	Rule    string
	Year    int
	Measure string
	Message string // in English
}

// settingQualityOff names the rules switched off, comma-separated.
const settingQualityOff = "quality.off"

// QualityRulesOff lists the rules switched off for this register.
func (s *Store) QualityRulesOff(ctx context.Context) (map[string]bool, error) {
	v, err := s.Setting(ctx, settingQualityOff)
	off := map[string]bool{}
	for _, name := range strings.Split(v, ",") {
		if name != "" {
			off[name] = true
		}
	}
	return off, err
}

// SetQualityRuleOff switches a rule off or on again, as an undoable change.
func (s *Store) SetQualityRuleOff(ctx context.Context, rule string, off bool) error {
	if !slices.ContainsFunc(QualityRules, func(r QualityRule) bool { return r.Name == rule }) {
		return &ValidationError{Errors: []FieldError{{Field: "rule", Key: "error.unknown_code",
			Template: "“{{.Value}}” is not one of the choices", Data: map[string]any{"Value": rule}}}}
	}
	current, err := s.QualityRulesOff(ctx)
	if err != nil {
		return err
	}
	current[rule] = off
	var names []string
	for _, r := range QualityRules { // in a fixed order, so that the same choice reads the same
		if current[r.Name] {
			names = append(names, r.Name)
		}
	}
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		return s.setSettings(ctx, tx, summaryOf(sumDataChecks), []string{settingQualityOff},
			map[string]string{settingQualityOff: strings.Join(names, ",")})
	})
}

// QualityFindings runs the rules that are on over every year's statistics
// and gives what they found in the years of [from, to] (YYYY-MM-DD; empty
// for every year).
func (s *Store) QualityFindings(ctx context.Context, from, to string) ([]QualityFinding, error) {
	off, err := s.QualityRulesOff(ctx)
	if err != nil {
		return nil, err
	}
	all, err := s.AllStatistics(ctx)
	if err != nil {
		return nil, err
	}
	var out []QualityFinding
	for _, f := range CheckQuality(all, off) {
		if y := strconv.Itoa(f.Year); from == "" || (y >= from[:4] && y <= to[:4]) {
			out = append(out, f)
		}
	}
	return out, nil
}

// CheckQuality runs the rules not switched off over the statistics, and
// gives the findings by year, then measure, then rule.
func CheckQuality(stats []Statistic, off map[string]bool) []QualityFinding {
	var out []QualityFinding
	if !off[RuleBreakdownSum] {
		for _, w := range StatisticWarnings(stats) {
			out = append(out, QualityFinding{Rule: RuleBreakdownSum, Year: w.Year, Measure: w.Measure, Message: w.Message})
		}
	}
	years := map[int]bool{}
	for _, st := range stats {
		years[st.Year] = true
	}
	figure := func(measure string, year int) FigureValue {
		y := strconv.Itoa(year)
		return statisticsFigure(stats, measure, y+"-01-01", y+"-12-31")
	}
	total := func(measure string, year int) (int, bool) {
		v := figure(measure, year)
		return v.Total, !v.Unknown
	}
	if !off[RuleJusticeFunnel] {
		for year := range years {
			for _, pair := range [][2]string{{"convicted", "prosecuted"}, {"prosecuted", "investigated"}} {
				more, okMore := total(pair[0], year)
				fewer, okFewer := total(pair[1], year)
				if okMore && okFewer && more > fewer {
					out = append(out, QualityFinding{Rule: RuleJusticeFunnel, Year: year, Measure: pair[0],
						Message: fmt.Sprintf("%s %d: %d, more than the %d %s", measureLabel(pair[0]), year, more,
							fewer, strings.ToLower(measureLabel(pair[1])))})
				}
			}
		}
	}
	if !off[RuleYearChange] {
		for year := range years {
			if !years[year-1] {
				continue
			}
			for _, m := range Measures {
				now, okNow := total(m.Code, year)
				before, okBefore := total(m.Code, year-1)
				if !okNow || !okBefore || max(now, before) < yearChangeFloor ||
					figure(m.Code, year).Unit != figure(m.Code, year-1).Unit { // amounts in two currencies do not compare
					continue
				}
				if now > 2*before || 2*now < before {
					out = append(out, QualityFinding{Rule: RuleYearChange, Year: year, Measure: m.Code,
						Message: fmt.Sprintf("%s %d: %d, against %d in %d", m.Label, year, now, before, year-1)})
				}
			}
		}
	}
	if !off[RuleSourceNamed] {
		type key struct {
			year    int
			measure string
		}
		sourced := map[key]bool{} // the source is named with a measure's year, on any of its figures
		for _, st := range stats {
			k := key{st.Year, st.Measure}
			sourced[k] = sourced[k] || st.SourceID != ""
		}
		for k, ok := range sourced {
			if !ok {
				out = append(out, QualityFinding{Rule: RuleSourceNamed, Year: k.year, Measure: k.measure,
					Message: fmt.Sprintf("%s %d: no source agency named", measureLabel(k.measure), k.year)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		if a.Measure != b.Measure {
			return measureOrder(a.Measure) < measureOrder(b.Measure)
		}
		return ruleOrder(a.Rule) < ruleOrder(b.Rule)
	})
	return out
}

func measureLabel(code string) string {
	if l := labelIn(Measures, code); l != "" {
		return l
	}
	return code
}

func measureOrder(code string) int {
	return slices.IndexFunc(Measures, func(m Code) bool { return m.Code == code })
}

func ruleOrder(name string) int {
	return slices.IndexFunc(QualityRules, func(r QualityRule) bool { return r.Name == name })
}
