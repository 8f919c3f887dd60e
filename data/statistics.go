package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Measures of the yearly statistics: offences and persons in criminal
// justice, victims, and the value of the assets confiscated. Counts only,
// and one amount of money.
var Measures = []Code{
	{CasesMeasure, "Offences recorded"},
	{"investigated", "Persons investigated"},
	{"prosecuted", "Persons prosecuted"},
	{"convicted", "Persons convicted"},
	{"victims_identified", "Victims identified"},
	{"victims_assisted", "Victims assisted"},
	{AssetsMeasure, "Value of assets confiscated"},
}

const (
	// CasesMeasure counts offences (cases) of trafficking in persons
	// recorded by the police, as UNODC's data collection asks: offences, not
	// persons, so it is broken down by form of exploitation only.
	CasesMeasure = "cases_recorded"
	// AssetsMeasure is the value of the assets confiscated in trafficking
	// cases in a year, in whole units of the currency given with it; it has
	// no breakdown.
	AssetsMeasure = "assets_confiscated"
)

// FormsOfExploitation break the victims down.
var FormsOfExploitation = []Code{
	{"sexual_exploitation", "Sexual exploitation"},
	{"forced_labour", "Forced labour"},
	{"domestic_servitude", "Domestic servitude"},
	{"begging", "Forced begging"},
	{"forced_criminality", "Forced criminality"},
	{"forced_marriage", "Forced marriage"},
	{"illegal_adoption", "Illegal adoption"},
	{"organ_removal", "Organ removal"},
	{"other", "Other forms"},
	{"mixed", "Mixed forms"},
}

// BreakdownGroup is a way a measure is broken down; its parts should add up
// to the measure's total.
type BreakdownGroup struct {
	Name  string // sex, age, form
	Label string
	Parts []Code // breakdown codes are Name + ":" + part code
}

// Breakdowns lists the groups each measure is broken down by.
func Breakdowns(measure string) []BreakdownGroup {
	sex := BreakdownGroup{"sex", "By sex", []Code{{"female", "Female"}, {"male", "Male"}, {"unknown", "Sex not known"}}}
	form := BreakdownGroup{"form", "By form of exploitation", FormsOfExploitation}
	switch {
	case measure == CasesMeasure:
		return []BreakdownGroup{form}
	case measure == AssetsMeasure:
		return nil
	case !strings.HasPrefix(measure, "victims_"):
		return []BreakdownGroup{sex, sexAge, citizenship, foreignCountries()}
	}
	return []BreakdownGroup{sex,
		{"age", "By age", []Code{{"adult", "Adults"}, {"child", "Children"}, {"unknown", "Age not known"}}},
		sexAge, citizenship, foreignCountries(), form,
	}
}

// CountryGroup is the breakdown of the foreign nationals among a measure's
// persons by their country of citizenship: its parts add up to the foreign
// nationals, or less, the rest being of a country not known.
const CountryGroup = "country"

func foreignCountries() BreakdownGroup {
	return BreakdownGroup{CountryGroup, "Foreign nationals by country", Countries()}
}

// citizenship tells nationals of the country from foreign nationals, as
// UNODC's data collection asks for victims and for persons in criminal
// justice.
var citizenship = BreakdownGroup{"citizenship", "By citizenship", []Code{{"national", "Nationals"},
	{"foreign", "Foreign nationals"}, {"unknown", "Citizenship not known"}}}

// sexAge is the breakdown UNODC's data collection and SDG indicator 16.2.2
// ask for: sex and age at once. When it is entered, the breakdowns by sex
// and by age are worked out from it (see deriveMargins).
var sexAge = BreakdownGroup{"sex_age", "By sex and age", []Code{{"women", "Women"}, {"men", "Men"},
	{"girls", "Girls"}, {"boys", "Boys"}, {"unknown", "Sex or age not known"}}}

// deriveMargins works out the breakdowns by sex and by age of each measure
// from its breakdown by sex and age, where that was entered, replacing any
// typed: women and girls are female, men and boys male; women and men are
// adults, girls and boys children; "sex or age not known" counts as sex not
// known and as age not known. Measures without it keep their own.
func deriveMargins(stats []Statistic) []Statistic {
	cross := map[string]map[string]int{} // measure → part → value
	for _, st := range stats {
		if group, part, _ := strings.Cut(st.Breakdown, ":"); group == sexAge.Name {
			if cross[st.Measure] == nil {
				cross[st.Measure] = map[string]int{}
			}
			cross[st.Measure][part] += st.Value
		}
	}
	if len(cross) == 0 {
		return stats
	}
	var out []Statistic
	dropped := map[string]Statistic{} // measure → a margin dropped with its source, article or note
	for _, st := range stats {
		group, _, _ := strings.Cut(st.Breakdown, ":")
		if cross[st.Measure] != nil && (group == "sex" || (group == "age" && hasGroup(st.Measure, "age"))) {
			if st.SourceID != "" || st.Article != "" || st.Note != "" {
				dropped[st.Measure] = st
			}
			continue // worked out below
		}
		out = append(out, st)
	}
	for measure, st := range dropped { // the measure's source, article and note stay, on another figure
		for i := range out {
			if out[i].Measure == measure {
				out[i].SourceID, out[i].Article, out[i].Note = st.SourceID, st.Article, st.Note
				break
			}
		}
	}
	for _, m := range Measures {
		c, ok := cross[m.Code]
		if !ok {
			continue
		}
		margins := map[string]int{"sex:female": c["women"] + c["girls"], "sex:male": c["men"] + c["boys"], "sex:unknown": c["unknown"]}
		if hasGroup(m.Code, "age") {
			margins["age:adult"], margins["age:child"], margins["age:unknown"] = c["women"]+c["men"], c["girls"]+c["boys"], c["unknown"]
		}
		for _, key := range []string{"sex:female", "sex:male", "sex:unknown", "age:adult", "age:child", "age:unknown"} {
			if v, ok := margins[key]; ok && v > 0 {
				out = append(out, Statistic{Measure: m.Code, Breakdown: key, Value: v})
			}
		}
	}
	return out
}

func hasGroup(measure, group string) bool {
	for _, g := range Breakdowns(measure) {
		if g.Name == group {
			return true
		}
	}
	return false
}

// Statistic is one figure of one year.
type Statistic struct {
	Year      int
	Measure   string // a code of Measures
	Breakdown string // "" for the total, or group:part
	Value     int
	SourceID  string // the organisation the figure comes from
	Article   string // the legal article it was counted under
	Note      string // how it was counted, what it leaves out (kept with the total)
	Currency  string // ISO 4217, of the value of assets confiscated only
}

var statisticTable = table{
	entity: "statistic",
	label:  "measure",
	fields: []Field{numberField("year", "Year"), codeField("measure", "Measure", "measure"),
		textField("breakdown", "Breakdown"), numberField("value", "Value"),
		refField("source_id", "Source", "organisation"), textField("article", "Article of the law"), textField("note", "Note"),
		textField("currency", "Currency")},
}

func statisticID(year int, measure, breakdown string) string {
	return fmt.Sprintf("%d/%s/%s", year, measure, breakdown)
}

func (st Statistic) values() values {
	return values{"year": strconv.Itoa(st.Year), "measure": st.Measure, "breakdown": st.Breakdown,
		"value": strconv.Itoa(st.Value), "source_id": st.SourceID, "article": strings.TrimSpace(st.Article),
		"note": strings.TrimSpace(st.Note), "currency": st.Currency}
}

// validBreakdown tells whether breakdown is one of the measure's.
func validBreakdown(measure, breakdown string) bool {
	if breakdown == "" {
		return true
	}
	group, part, ok := strings.Cut(breakdown, ":")
	if !ok {
		return false
	}
	for _, g := range Breakdowns(measure) {
		if g.Name == group {
			return codeKnown(g.Parts, part)
		}
	}
	return false
}

// StatisticField names the form field of a figure, for the messages of a
// ValidationError ("measure" or "measure/breakdown").
func StatisticField(measure, breakdown string) string {
	if breakdown == "" {
		return measure
	}
	return measure + "/" + breakdown
}

// SetStatistics writes the figures of one year as one undoable change:
// figures given are set, figures of the year not given are cleared. A
// negative count, an unknown measure or breakdown, or a source that is not
// in the register is refused, and nothing is written.
func (s *Store) SetStatistics(ctx context.Context, year int, stats []Statistic) error {
	var v validator
	if year < 1950 || year > 2200 {
		v.add("year", "error.year", "{{.Value}} is not a year", map[string]any{"Value": year})
	}
	exists := s.recordExists(ctx)
	for i := range stats {
		st := &stats[i]
		st.Year = year
		field := StatisticField(st.Measure, st.Breakdown)
		switch {
		case !codeKnown(Measures, st.Measure) || !validBreakdown(st.Measure, st.Breakdown):
			v.add(field, "error.unknown_code", "“{{.Value}}” is not one of the choices", map[string]any{"Value": field})
		case st.Value < 0:
			v.add(field, "error.negative", "A count cannot be negative ({{.Value}})", map[string]any{"Value": st.Value})
		}
		checkCurrency(&v, st)
		if err := v.references(field, "organisation", []string{st.SourceID}, exists); err != nil {
			return err
		}
	}
	if err := v.err(); err != nil {
		return err
	}
	stats = deriveMargins(stats)
	for i := range stats {
		stats[i].Year = year
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		change, err := s.newChange(ctx, tx, "update", summaryOf(sumStatistics, "Year", strconv.Itoa(year)))
		if err != nil {
			return err
		}
		at := s.timestamp()
		keep := map[string]bool{}
		changed := false
		for _, st := range stats {
			id := statisticID(year, st.Measure, st.Breakdown)
			keep[id] = true
			next := st.values()
			old, err := statisticTable.load(ctx, tx, id)
			switch {
			case errors.Is(err, ErrNotFound):
				err = statisticTable.insert(ctx, tx, change, id, next, at)
				changed = true
			case err == nil:
				var did bool
				did, err = statisticTable.update(ctx, tx, change, id, old, next, at)
				changed = changed || did
			}
			if err != nil {
				return err
			}
		}
		rows, err := tx.QueryContext(ctx, "SELECT id FROM statistic WHERE year = ?", year)
		if err != nil {
			return err
		}
		var clear []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			if !keep[id] {
				clear = append(clear, id)
			}
		}
		rows.Close()
		for _, id := range clear {
			if err := statisticTable.delete(ctx, tx, change, id); err != nil {
				return err
			}
			changed = true
		}
		if !changed {
			return errNoChange
		}
		return nil
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	return err
}

// Statistics reads the figures of one year.
func (s *Store) Statistics(ctx context.Context, year int) ([]Statistic, error) {
	return s.statistics(ctx, "WHERE year = ?", year)
}

// AllStatistics reads the figures of every year, for the year-by-year table.
func (s *Store) AllStatistics(ctx context.Context) ([]Statistic, error) {
	return s.statistics(ctx, "")
}

func (s *Store) statistics(ctx context.Context, where string, args ...any) ([]Statistic, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT year, measure, breakdown, value, source_id, article, note, currency FROM statistic "+
		where+" ORDER BY year, measure, breakdown", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Statistic
	for rows.Next() {
		var st Statistic
		if err := rows.Scan(&st.Year, &st.Measure, &st.Breakdown, &st.Value, &st.SourceID, &st.Article, &st.Note, &st.Currency); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// StatisticWarning says that a measure's total and one of its breakdowns
// disagree. Saving stays possible; the warning shows with the figures.
type StatisticWarning struct {
	Year           int
	Measure, Group string
	Total, Sum     int
	Message        string // in English; the parts are in the fields
}

// StatisticWarnings compares, for every year and measure, the total with the
// sum of each breakdown that has figures.
func StatisticWarnings(stats []Statistic) []StatisticWarning {
	type key struct {
		year    int
		measure string
	}
	totals := map[key]int{}
	hasTotal := map[key]bool{}
	sums := map[key]map[string]int{}
	foreign := map[key]int{} // the foreign nationals, whom the countries break down
	hasForeign := map[key]bool{}
	for _, st := range stats {
		k := key{st.Year, st.Measure}
		if st.Breakdown == "" {
			totals[k], hasTotal[k] = st.Value, true
			continue
		}
		if st.Breakdown == "citizenship:foreign" {
			foreign[k], hasForeign[k] = st.Value, true
		}
		group, _, _ := strings.Cut(st.Breakdown, ":")
		if sums[k] == nil {
			sums[k] = map[string]int{}
		}
		sums[k][group] += st.Value
	}
	var out []StatisticWarning
	for k, groups := range sums {
		label := measureLabel(k.measure)
		if sum, ok := groups[CountryGroup]; ok && hasForeign[k] && sum > foreign[k] {
			out = append(out, StatisticWarning{Year: k.year, Measure: k.measure, Group: CountryGroup, Total: foreign[k], Sum: sum,
				Message: fmt.Sprintf("%s %d: %d foreign nationals, but by country they add up to %d", label, k.year, foreign[k], sum)})
		}
		if !hasTotal[k] {
			continue
		}
		for _, g := range Breakdowns(k.measure) {
			sum, ok := groups[g.Name]
			if !ok || sum == totals[k] || g.Name == CountryGroup {
				continue
			}
			out = append(out, StatisticWarning{Year: k.year, Measure: k.measure, Group: g.Name, Total: totals[k], Sum: sum,
				Message: fmt.Sprintf("%s %d: the total is %d, but %s they add up to %d", label, k.year, totals[k], strings.ToLower(g.Label), sum)})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Year != out[j].Year {
			return out[i].Year < out[j].Year
		}
		return out[i].Measure+out[i].Group < out[j].Measure+out[j].Group
	})
	return out
}
