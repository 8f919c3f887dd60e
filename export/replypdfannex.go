package export

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/ncm-register/ncm-register/data"
)

// pdfListLimit is the longest list the PDF prints whole; a longer one is
// summarised, and the workbook holds it whole. Thousands of course rows
// would make a printed reply no one reads, and a slow one to make.
const pdfListLimit = 100

// pdfColumn is a column of a PDF table: its title, its width in twelfths of
// the page, and whether it holds numbers (aligned right).
type pdfColumn struct {
	title  string
	size   int
	number bool
}

// pdfTable writes a bordered table with a shaded header; rows grow with
// their text.
func pdfTable(m core.Maroto, cols []pdfColumn, rows [][]string) {
	header := row.New()
	for _, c := range cols {
		header.Add(textCol(c.size, c.title, replyCellB).WithStyle(headerCell))
	}
	m.AddRows(header)
	for _, r := range rows {
		line := row.New()
		for i, c := range cols {
			style := replyCell
			if c.number {
				style = replyNumber
			}
			line.Add(textCol(c.size, r[i], style).WithStyle(cellBorder))
		}
		m.AddRows(line)
	}
}

func pdfAnnexTitle(m core.Maroto, title, what string) {
	keepWithNext(m, 40)
	m.AddRows(row.New(8), textAutoRow(title, props.Text{Size: 12, Style: fontstyle.Bold, Bottom: 1.5}),
		textAutoRow(what, replyNote))
}

func pdfEmpty(m core.Maroto, what string) { m.AddRows(textAutoRow(what, replyNote)) }

func pdfSummarised(m core.Maroto, n int, what, sheet string) {
	pdfEmpty(m, fmt.Sprintf("%s %s, summarised here; the workbook lists them all (sheet “%s”).", formatCount(n), what, sheet))
}

func pdfAnnexes(m core.Maroto, c ReplyContent, courses annexCourses) error {
	keepWithNext(m, 55)
	m.AddRows(row.New(6), textAutoRow("Annexes", props.Text{Size: 13, Style: fontstyle.Bold, Bottom: 1}))
	pdfMembers(m, c)
	if err := pdfCourses(m, courses); err != nil {
		return err
	}
	pdfCampaigns(m, c)
	pdfAgreements(m, c)
	if err := pdfActions(m, c); err != nil {
		return err
	}
	return pdfStatistics(m, c.Annexes)
}

func pdfMembers(m core.Maroto, c ReplyContent) {
	members := c.Annexes.Members
	pdfAnnexTitle(m, "Annex 1. Member organisations of the coordination mechanism", "On "+longDay(c.AnnexDay)+".")
	switch {
	case len(members) == 0:
		pdfEmpty(m, "No member organisations recorded.")
	case len(members) <= pdfListLimit:
		rows := make([][]string, len(members))
		for i, o := range members {
			rows[i] = []string{strconv.Itoa(i + 1), o.Name, sectorName(o.Sector), codeLabel(data.MechanismRoles, o.MechanismRole), o.MemberSince}
		}
		pdfTable(m, []pdfColumn{{"No.", 1, true}, {"Organisation", 5, false}, {"Sector", 3, false}, {"Role", 1, false}, {"Since", 2, false}}, rows)
	default:
		pdfSummarised(m, len(members), "member organisations", "Annex 1 Members")
		bySector := map[string]int{}
		for _, o := range members {
			bySector[o.Sector]++
		}
		var rows [][]string
		for _, s := range data.SectorCodes() {
			if n := bySector[s.Code]; n > 0 {
				rows = append(rows, []string{s.Label, formatCount(n)})
			}
		}
		pdfTable(m, []pdfColumn{{"Sector", 6, false}, {"Members", 2, true}}, rows)
	}
}

func pdfCampaigns(m core.Maroto, c ReplyContent) {
	campaigns := c.Annexes.Campaigns
	pdfAnnexTitle(m, "Annex 3. Awareness campaigns", "Campaigns that ran on at least one day of the period.")
	switch {
	case len(campaigns) == 0:
		pdfEmpty(m, "No campaigns in the period.")
	case len(campaigns) <= pdfListLimit:
		rows := make([][]string, len(campaigns))
		for i, k := range campaigns {
			evaluated := "no"
			if k.Evaluated {
				evaluated = "yes"
			}
			rows[i] = []string{k.Title, k.FirstDay + " to " + k.LastDay, codeLabels(data.Channels, k.Channels),
				formatCount(k.Reach), evaluated}
		}
		pdfTable(m, []pdfColumn{{"Campaign", 3, false}, {"Days", 2, false}, {"Channels", 3, false}, {"Reach", 2, true},
			{"Evaluated", 2, false}}, rows)
	default:
		pdfSummarised(m, len(campaigns), "campaigns", "Annex 3 Campaigns")
		type year struct{ campaigns, reach, evaluated int }
		byYear := map[int]*year{}
		var years []int
		for _, k := range campaigns { // oldest first
			y := yearOf(k.FirstDay)
			if byYear[y] == nil {
				byYear[y] = &year{}
				years = append(years, y)
			}
			byYear[y].campaigns++
			byYear[y].reach += k.Reach
			if k.Evaluated {
				byYear[y].evaluated++
			}
		}
		rows := make([][]string, len(years))
		for i, y := range years {
			s := byYear[y]
			rows[i] = []string{strconv.Itoa(y), formatCount(s.campaigns), formatCount(s.reach), formatCount(s.evaluated)}
		}
		pdfTable(m, []pdfColumn{{"Year begun", 3, false}, {"Campaigns", 3, true}, {"Reach", 3, true}, {"Evaluated", 3, true}}, rows)
	}
}

func pdfAgreements(m core.Maroto, c ReplyContent) {
	agreements := c.Annexes.Agreements
	pdfAnnexTitle(m, "Annex 4. Cooperation agreements", "Signed by the end of the period, with their status on "+longDay(c.AnnexDay)+".")
	switch {
	case len(agreements) == 0:
		pdfEmpty(m, "No agreements signed by the end of the period.")
	case len(agreements) <= pdfListLimit:
		rows := make([][]string, len(agreements))
		for i, a := range agreements {
			rows[i] = []string{a.Title, codeLabel(data.AgreementLevels, a.Level), codeLabels(data.Countries(), a.PartnerCountries),
				a.SignedOn, codeLabel(data.AgreementStatuses, a.Status)}
		}
		pdfTable(m, []pdfColumn{{"Agreement", 4, false}, {"Level", 2, false}, {"Partner countries", 2, false},
			{"Signed", 2, false}, {"Status", 2, false}}, rows)
	default:
		pdfSummarised(m, len(agreements), "agreements", "Annex 4 Agreements")
		byLevel := map[string][]int{} // level → agreements by status, in the order of AgreementStatuses
		for _, a := range agreements {
			if byLevel[a.Level] == nil {
				byLevel[a.Level] = make([]int, len(data.AgreementStatuses)+1)
			}
			byLevel[a.Level][0]++
			for i, s := range data.AgreementStatuses {
				if a.Status == s.Code {
					byLevel[a.Level][i+1]++
				}
			}
		}
		cols := []pdfColumn{{"Level", 4, false}, {"Agreements", 2, true}}
		for _, s := range data.AgreementStatuses {
			cols = append(cols, pdfColumn{s.Label, 1, true})
		}
		cols[2].size, cols[3].size = 2, 2 // draft, in force: the longer titles
		var rows [][]string
		for _, l := range data.AgreementLevels {
			if counts := byLevel[l.Code]; counts != nil {
				r := []string{l.Label}
				for _, n := range counts {
					r = append(r, formatCount(n))
				}
				rows = append(rows, r)
			}
		}
		pdfTable(m, cols, rows)
	}
}

func pdfActions(m core.Maroto, c ReplyContent) error {
	actions := c.Annexes.Actions
	byPillar := map[string]map[string]int{}
	for _, a := range actions {
		if byPillar[a.Pillar] == nil {
			byPillar[a.Pillar] = map[string]int{}
		}
		byPillar[a.Pillar][a.Status]++
	}
	pdfAnnexTitle(m, "Annex 5. Actions of the national plan of action", "Plans whose years meet the period; status on "+longDay(c.AnnexDay)+".")
	switch {
	case len(actions) == 0:
		pdfEmpty(m, "No plan of action covers the period.")
	case len(actions) <= pdfListLimit:
		rows := make([][]string, len(actions))
		for i, a := range actions {
			rows[i] = []string{codeLabel(data.Pillars, a.Pillar), a.Activity, a.Lead, a.Deadline, codeLabel(data.ActionStatuses, a.Status)}
		}
		pdfTable(m, []pdfColumn{{"Pillar", 2, false}, {"Action", 4, false}, {"Lead", 2, false}, {"Deadline", 2, false},
			{"Status", 2, false}}, rows)
	default:
		pdfSummarised(m, len(actions), "actions", "Annex 5 Plan actions")
		cols := []pdfColumn{{"Pillar", 2, false}, {"Actions", 2, true}}
		for _, s := range data.ActionStatuses {
			cols = append(cols, pdfColumn{s.Label, 1, true})
		}
		cols[2].size, cols[5].size = 2, 2 // not started, delayed: the longer titles
		var rows [][]string
		for _, p := range data.Pillars {
			counts := make([]int, len(data.ActionStatuses)+1)
			for _, a := range actions {
				if a.Pillar != p.Code {
					continue
				}
				counts[0]++
				for i, s := range data.ActionStatuses {
					if a.Status == s.Code {
						counts[i+1]++
					}
				}
			}
			if counts[0] == 0 {
				continue
			}
			r := []string{p.Label}
			for _, n := range counts {
				r = append(r, formatCount(n))
			}
			rows = append(rows, r)
		}
		pdfTable(m, cols, rows)
	}
	if len(actions) == 0 {
		return nil
	}
	return pdfChart(m, planChart(byPillar))
}

// pdfStatistics writes a row per year and a column per measure: totals
// only, which fit the page whatever the length of the period; criminal
// justice in one table, victims in another.
func pdfStatistics(m core.Maroto, a ReplyAnnexes) error {
	pdfAnnexTitle(m, "Annex 6. Statistics by year", "Totals as entered for each calendar year of the period; "+
		"their breakdowns are in the workbook. A dash: not entered.")
	totals := map[string]map[int]string{} // measure → year → total as written
	for _, st := range a.Statistics {
		if st.Breakdown == "" {
			if totals[st.Measure] == nil {
				totals[st.Measure] = map[int]string{}
			}
			totals[st.Measure][st.Year] = strings.TrimSpace(formatCount(st.Value) + " " + st.Currency)
		}
	}
	justice := []string{data.CasesMeasure, "investigated", "prosecuted", "convicted", data.AssetsMeasure}
	victims := []string{"victims_identified", "victims_assisted"}
	written := 0
	for _, table := range [][]string{justice, victims} {
		size := 10 / len(table) // the year takes 2 of the page's 12 columns
		cols := []pdfColumn{{"Year", 2, false}}
		for _, code := range table {
			cols = append(cols, pdfColumn{codeLabel(data.Measures, code), size, true})
		}
		var rows [][]string
		for _, y := range a.Years {
			r, entered := []string{strconv.Itoa(y)}, false
			for _, code := range table {
				v, ok := totals[code][y]
				if !ok {
					r = append(r, "–")
					continue
				}
				r, entered = append(r, v), true
			}
			if entered {
				rows = append(rows, r)
			}
		}
		if len(rows) > 0 {
			if written > 0 {
				m.AddRows(row.New(3))
			}
			pdfTable(m, cols, rows)
			written++
		}
	}
	if written == 0 {
		pdfEmpty(m, "No statistics entered for the years of the period.")
	} else {
		years, by := data.StatisticTotals(a.Statistics, OverviewMeasures)
		if len(years) > 1 { // a line needs two years
			if err := pdfChart(m, statisticsChart(years, by)); err != nil {
				return err
			}
		}
	}
	if notes := a.statisticNotes(); len(notes) > 0 {
		m.AddRows(row.New(2), textAutoRow("Notes of the agencies", props.Text{Size: 9, Style: fontstyle.Bold, Bottom: 1}))
		for _, n := range notes {
			m.AddRows(textAutoRow(n, replyCell))
		}
	}
	return nil
}

// periodMonths are the months of [from, to] for the chart of courses per
// month (which adds them up by quarter or year over a long period).
func periodMonths(from, to string) []data.MonthFigures {
	first, err1 := time.Parse(time.DateOnly, from)
	last, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil {
		return nil
	}
	var out []data.MonthFigures
	for m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(last); m = m.AddDate(0, 1, 0) {
		out = append(out, data.MonthFigures{Month: m.Format("2006-01")})
	}
	return out
}
