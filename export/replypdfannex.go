package export

import (
	"strconv"
	"strings"
	"time"

	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
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

// pdfSummarised says that a list of n items (a template for tr.N, such as
// "{{.Count}} campaign") is summarised, and where the workbook has it all.
func pdfSummarised(m core.Maroto, tr *locale.Translator, n int, items, sheet string) {
	pdfEmpty(m, tr.L("{{.Items}}, summarised here; the workbook lists them all (sheet “{{.Sheet}}”).",
		map[string]any{"Items": tr.N(items, n), "Sheet": tr.L(sheet)}))
}

func pdfAnnexes(m core.Maroto, c ReplyContent, courses annexCourses) error {
	keepWithNext(m, 55)
	m.AddRows(row.New(6), textAutoRow(c.tr().L("Annexes"), props.Text{Size: 13, Style: fontstyle.Bold, Bottom: 1}))
	pdfMembers(m, c)
	if err := pdfCourses(m, c.tr(), courses); err != nil {
		return err
	}
	pdfCampaigns(m, c)
	pdfAgreements(m, c)
	if err := pdfActions(m, c); err != nil {
		return err
	}
	return pdfStatistics(m, c.tr(), c.Annexes)
}

func pdfMembers(m core.Maroto, c ReplyContent) {
	tr := c.tr()
	members := c.Annexes.Members
	pdfAnnexTitle(m, tr.L("Annex 1. Member organisations of the coordination mechanism"), tr.L("On {{.Day}}.", map[string]any{"Day": longDayIn(tr, c.AnnexDay)}))
	switch {
	case len(members) == 0:
		pdfEmpty(m, tr.L("No member organisations recorded."))
	case len(members) <= pdfListLimit:
		rows := make([][]string, len(members))
		for i, o := range members {
			rows[i] = []string{strconv.Itoa(i + 1), o.Name, sectorText(tr, o.Sector), codeText(tr, "mechanism", o.MechanismRole), dayIn(tr, o.MemberSince)}
		}
		pdfTable(m, []pdfColumn{{tr.L("No."), 1, true}, {tr.L("Organisation"), 5, false}, {tr.L("Sector"), 3, false}, {tr.L("Role"), 1, false}, {tr.L("Since"), 2, false}}, rows)
	default:
		pdfSummarised(m, tr, len(members), locale.MarkN("{{.Count}} member organisation"), locale.Mark("Annex 1 Members"))
		bySector := map[string]int{}
		for _, o := range members {
			bySector[o.Sector]++
		}
		var rows [][]string
		for _, s := range data.SectorCodes() {
			if n := bySector[s.Code]; n > 0 {
				rows = append(rows, []string{sectorText(tr, s.Code), tr.Count(n)})
			}
		}
		pdfTable(m, []pdfColumn{{tr.L("Sector"), 6, false}, {tr.L("Members"), 2, true}}, rows)
	}
}

func pdfCampaigns(m core.Maroto, c ReplyContent) {
	tr := c.tr()
	campaigns := c.Annexes.Campaigns
	pdfAnnexTitle(m, tr.L("Annex 3. Awareness campaigns"), tr.L("Campaigns that ran on at least one day of the period."))
	switch {
	case len(campaigns) == 0:
		pdfEmpty(m, tr.L("No campaigns in the period."))
	case len(campaigns) <= pdfListLimit:
		rows := make([][]string, len(campaigns))
		for i, k := range campaigns {
			rows[i] = []string{k.Title, daysIn(tr, k.FirstDay, k.LastDay), codeLabels(tr, "channel", k.Channels),
				tr.Count(k.Reach), yesNo(tr, k.Evaluated)}
		}
		pdfTable(m, []pdfColumn{{tr.L("Campaign"), 3, false}, {tr.L("Days"), 2, false}, {tr.L("Channels"), 3, false}, {tr.L("Reach"), 2, true},
			{tr.L("Evaluated"), 2, false}}, rows)
	default:
		pdfSummarised(m, tr, len(campaigns), locale.MarkN("{{.Count}} campaign"), locale.Mark("Annex 3 Campaigns"))
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
			rows[i] = []string{strconv.Itoa(y), tr.Count(s.campaigns), tr.Count(s.reach), tr.Count(s.evaluated)}
		}
		pdfTable(m, []pdfColumn{{tr.L("Year begun"), 3, false}, {tr.L("Campaigns"), 3, true}, {tr.L("Reach"), 3, true}, {tr.L("Evaluated"), 3, true}}, rows)
	}
}

func pdfAgreements(m core.Maroto, c ReplyContent) {
	tr := c.tr()
	agreements := c.Annexes.Agreements
	pdfAnnexTitle(m, tr.L("Annex 4. Cooperation agreements"), tr.L("Signed by the end of the period, with their status on {{.Day}}.",
		map[string]any{"Day": longDayIn(tr, c.AnnexDay)}))
	switch {
	case len(agreements) == 0:
		pdfEmpty(m, tr.L("No agreements signed by the end of the period."))
	case len(agreements) <= pdfListLimit:
		rows := make([][]string, len(agreements))
		for i, a := range agreements {
			rows[i] = []string{a.Title, codeText(tr, "agreement_level", a.Level), codeLabels(tr, "country", a.PartnerCountries),
				dayIn(tr, a.SignedOn), codeText(tr, "agreement_status", a.Status)}
		}
		pdfTable(m, []pdfColumn{{tr.L("Agreement"), 4, false}, {tr.L("Level"), 2, false}, {tr.L("Partner countries"), 2, false},
			{tr.L("Signed"), 2, false}, {tr.L("Status"), 2, false}}, rows)
	default:
		pdfSummarised(m, tr, len(agreements), locale.MarkN("{{.Count}} agreement"), locale.Mark("Annex 4 Agreements"))
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
		cols := []pdfColumn{{tr.L("Level"), 4, false}, {tr.L("Agreements"), 2, true}}
		for _, s := range data.AgreementStatuses {
			cols = append(cols, pdfColumn{codeText(tr, "agreement_status", s.Code), 1, true})
		}
		cols[2].size, cols[3].size = 2, 2 // draft, in force: the longer titles
		var rows [][]string
		for _, l := range data.AgreementLevels {
			if counts := byLevel[l.Code]; counts != nil {
				r := []string{codeText(tr, "agreement_level", l.Code)}
				for _, n := range counts {
					r = append(r, tr.Count(n))
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
	tr := c.tr()
	pdfAnnexTitle(m, tr.L("Annex 5. Actions of the national plan of action"), tr.L("Plans whose years meet the period; status on {{.Day}}.",
		map[string]any{"Day": longDayIn(tr, c.AnnexDay)}))
	switch {
	case len(actions) == 0:
		pdfEmpty(m, tr.L("No plan of action covers the period."))
	case len(actions) <= pdfListLimit:
		rows := make([][]string, len(actions))
		for i, a := range actions {
			rows[i] = []string{codeText(tr, "pillar", a.Pillar), a.Activity, a.Lead, dayIn(tr, a.Deadline), codeText(tr, "action_status", a.Status)}
		}
		pdfTable(m, []pdfColumn{{tr.L("Pillar"), 2, false}, {tr.L("Action"), 4, false}, {tr.L("Lead"), 2, false}, {tr.L("Deadline"), 2, false},
			{tr.L("Status"), 2, false}}, rows)
	default:
		pdfSummarised(m, tr, len(actions), locale.MarkN("{{.Count}} action"), locale.Mark("Annex 5 Plan actions"))
		cols := []pdfColumn{{tr.L("Pillar"), 2, false}, {tr.L("Actions"), 2, true}}
		for _, s := range data.ActionStatuses {
			cols = append(cols, pdfColumn{codeText(tr, "action_status", s.Code), 1, true})
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
			r := []string{codeText(tr, "pillar", p.Code)}
			for _, n := range counts {
				r = append(r, tr.Count(n))
			}
			rows = append(rows, r)
		}
		pdfTable(m, cols, rows)
	}
	if len(actions) == 0 {
		return nil
	}
	return pdfChart(m, planChart(tr, byPillar))
}

// pdfStatistics writes a row per year and a column per measure: totals
// only, which fit the page whatever the length of the period; criminal
// justice in one table, victims in another.
func pdfStatistics(m core.Maroto, tr *locale.Translator, a ReplyAnnexes) error {
	pdfAnnexTitle(m, tr.L("Annex 6. Statistics by year"), tr.L("Totals as entered for each calendar year of the period; "+
		"their breakdowns are in the workbook. A dash: not entered."))
	totals := map[string]map[int]string{} // measure → year → total as written
	for _, st := range a.Statistics {
		if st.Breakdown == "" {
			if totals[st.Measure] == nil {
				totals[st.Measure] = map[int]string{}
			}
			totals[st.Measure][st.Year] = strings.TrimSpace(tr.Count(st.Value) + " " + st.Currency)
		}
	}
	justice := []string{data.CasesMeasure, "investigated", "prosecuted", "convicted", data.AssetsMeasure}
	victims := []string{"victims_identified", "victims_assisted"}
	written := 0
	for _, table := range [][]string{justice, victims} {
		size := 10 / len(table) // the year takes 2 of the page's 12 columns
		cols := []pdfColumn{{tr.L("Year"), 2, false}}
		for _, code := range table {
			cols = append(cols, pdfColumn{codeText(tr, "measure", code), size, true})
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
		pdfEmpty(m, tr.L("No statistics entered for the years of the period."))
	} else {
		years, by := data.StatisticTotals(a.Statistics, OverviewMeasures)
		if len(years) > 1 { // a line needs two years
			if err := pdfChart(m, statisticsChart(tr, years, by)); err != nil {
				return err
			}
		}
	}
	if notes := a.statisticNotes(tr); len(notes) > 0 {
		m.AddRows(row.New(2), textAutoRow(tr.L("Notes of the agencies"), props.Text{Size: 9, Style: fontstyle.Bold, Bottom: 1}))
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
