package export

import (
	"strconv"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// OverviewCard is one key figure of the Overview, as the window and the
// brief show it, in their language.
type OverviewCard struct {
	Key, Title string
	Figure     string // the named figure whose rule the card follows
	Value      string // "not available" where nothing was entered, never 0
	Detail     string // a line under the value
}

// OverviewCards writes the Overview's cards from its count for the period
// ending on to: every number is a named figure of the reply's, or the
// statistics of the latest year entered up to the period's end.
func OverviewCards(tr *locale.Translator, ov data.Overview, to string) []OverviewCard {
	tr = orEnglish(tr)
	f := ov.Figures
	count := func(name string) string {
		if v := f[name]; v.Unknown {
			return tr.L(data.NotAvailable)
		}
		return tr.Count(f[name].Total)
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
		return tr.Count(n)
	}
	cards := []OverviewCard{
		{"courses", tr.L("Training courses held"), "training.courses", count("training.courses"),
			tr.L("{{.Joint}} joint", map[string]any{"Joint": row("training.courses", "joint")})},
		{"persons", tr.L("Persons trained"), "training.unique_persons", count("training.unique_persons"), tr.L("each person counted once")},
		{"participations", tr.L("Participations by sex"), "training.participants_by_sex", count("training.participants_by_sex"),
			tr.L("women {{.Women}} · men {{.Men}} · other {{.Other}}", map[string]any{"Women": row("training.participants_by_sex", "female"),
				"Men": row("training.participants_by_sex", "male"), "Other": row("training.participants_by_sex", "", "other")})},
		{"government", tr.L("Government / non-government"), "training.participants_government",
			row("training.participants_government", "government") + " / " + row("training.participants_government", "non_government"),
			tr.L("participations")},
		{"campaigns", tr.L("Awareness campaigns"), "campaigns.by_channel", count("campaigns.by_channel"),
			tr.L("reach {{.Reach}}", map[string]any{"Reach": count("campaigns.reach")})},
		{"meetings", tr.L("Meetings of the body"), "mechanism.meetings", count("mechanism.meetings"), tr.L("held so far")},
		{"agreements", tr.L("Agreements in force"), "agreements.by_level", count("agreements.by_level"), tr.L("at the end of the period")},
		{"plan", tr.L("Plan actions done"), "plan.actions_by_status", row("plan.actions_by_status", "done") + " / " + count("plan.actions_by_status"),
			tr.L("ongoing {{.Ongoing}} · overdue {{.Overdue}}", map[string]any{"Ongoing": row("plan.actions_by_status", "ongoing"),
				"Overdue": count("plan.actions_overdue")})},
	}
	victims := OverviewCard{Key: "statistics", Title: tr.L("Victims identified"), Figure: "statistics.victims_identified",
		Value: tr.L(data.NotAvailable), Detail: tr.L("no statistics entered")}
	if year := LatestStatisticsYear(ov, to); year > 0 {
		value := func(m string) string {
			if n, ok := ov.ByMeasure[m][year]; ok {
				return tr.Count(n)
			}
			return "–"
		}
		victims.Value = value("victims_identified")
		victims.Detail = tr.L("in {{.Year}} · {{.Convicted}} convicted", map[string]any{"Year": year, "Convicted": value("convicted")})
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
