package export

import (
	"fmt"
	"strconv"

	"github.com/ncm-register/ncm-register/data"
)

// OverviewCard is one key figure of the Overview, as the window and the
// brief show it: a title, the number, and a line of detail written from
// DetailFormat (English, translated by the window) and its arguments.
type OverviewCard struct {
	Key, Title   string
	Figure       string // the named figure whose rule the card follows
	Value        string // "not available" where nothing was entered, never 0
	DetailFormat string
	DetailArgs   []any
}

// Detail is the card's line of detail in English.
func (c OverviewCard) Detail() string { return fmt.Sprintf(c.DetailFormat, c.DetailArgs...) }

// OverviewCards writes the Overview's cards from its count for the period
// ending on to: every number is a named figure of the reply's, or the
// statistics of the latest year entered up to the period's end.
func OverviewCards(ov data.Overview, to string) []OverviewCard {
	f := ov.Figures
	count := func(name string) string {
		if v := f[name]; v.Unknown {
			return data.NotAvailable
		}
		return formatCount(f[name].Total)
	}
	row := func(name string, codes ...string) string {
		n := 0
		for _, r := range f[name].Rows {
			for _, c := range codes {
				if r.Code == c {
					n += r.Value
				}
			}
		}
		return formatCount(n)
	}
	cards := []OverviewCard{
		{"courses", "Training courses held", "training.courses", count("training.courses"), "%s joint", []any{row("training.courses", "joint")}},
		{"persons", "Persons trained", "training.unique_persons", count("training.unique_persons"), "each person counted once", nil},
		{"participations", "Participations by sex", "training.participants_by_sex", count("training.participants_by_sex"),
			"women %s · men %s · other %s", []any{row("training.participants_by_sex", "female"), row("training.participants_by_sex", "male"),
				row("training.participants_by_sex", "", "other")}},
		{"government", "Government / non-government", "training.participants_government",
			row("training.participants_government", "government") + " / " + row("training.participants_government", "non_government"),
			"participations", nil},
		{"campaigns", "Awareness campaigns", "campaigns.by_channel", count("campaigns.by_channel"), "reach %s", []any{count("campaigns.reach")}},
		{"meetings", "Meetings of the body", "mechanism.meetings", count("mechanism.meetings"), "held so far", nil},
		{"agreements", "Agreements in force", "agreements.by_level", count("agreements.by_level"), "at the end of the period", nil},
		{"plan", "Plan actions done", "plan.actions_by_status", row("plan.actions_by_status", "done") + " / " + count("plan.actions_by_status"),
			"ongoing %s · overdue %s", []any{row("plan.actions_by_status", "ongoing"), count("plan.actions_overdue")}},
	}
	victims := OverviewCard{Key: "statistics", Title: "Victims identified", Figure: "statistics.victims_identified",
		Value: data.NotAvailable, DetailFormat: "no statistics entered"}
	if year := LatestStatisticsYear(ov, to); year > 0 {
		value := func(m string) string {
			if n, ok := ov.ByMeasure[m][year]; ok {
				return formatCount(n)
			}
			return "–"
		}
		victims.Value, victims.DetailFormat, victims.DetailArgs = value("victims_identified"), "in %d · %s convicted", []any{year, value("convicted")}
	}
	return append(cards, victims)
}

// LatestStatisticsYear is the latest year with statistics entered up to
// the end of the period ending on to, 0 when there is none: the year of the
// Overview's statistics card.
func LatestStatisticsYear(ov data.Overview, to string) int {
	end, _ := strconv.Atoi(to[:min(4, len(to))])
	year := 0
	for _, y := range ov.Years {
		if y <= end {
			year = y
		}
	}
	return year
}
