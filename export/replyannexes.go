package export

import (
	"strconv"
	"strings"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// xlsxAnnexes are the annex sheets of a reply's workbook, in order. Each
// starts with a line saying what it lists, then a header kept in view.
var xlsxAnnexes = []struct {
	name  string
	write func(b *book, st sheetStyles, c ReplyContent, sheet string) error
}{
	{locale.Mark("Annex 1 Members"), writeMembersAnnex},
	{locale.Mark("Annex 2 Courses"), writeCoursesAnnex},
	{locale.Mark("Annex 3 Campaigns"), writeCampaignsAnnex},
	{locale.Mark("Annex 4 Agreements"), writeAgreementsAnnex},
	{locale.Mark("Annex 5 Plan actions"), writeActionsAnnex},
	{locale.Mark("Annex 6 Statistics"), writeStatisticsAnnex},
}

func writeMembersAnnex(b *book, st sheetStyles, c ReplyContent, sheet string) error {
	tr := c.tr()
	s := newStreamSheet(b, sheet, []float64{44, 12, 26, 12, 12, 14}, 2)
	s.add(styled(st.label, tr.L("Member organisations of the national coordination mechanism on {{.Day}}", map[string]any{"Day": dayIn(tr, c.AnnexDay)})))
	s.add(st.headerRow(tr.L("Organisation"), tr.L("Acronym"), tr.L("Sector"), tr.L("Government"), tr.L("Role"), tr.L("Member since"))...)
	for _, o := range c.Annexes.Members {
		s.add(o.Name, o.Acronym, sectorText(tr, o.Sector), yesNo(tr, o.Government()), codeText(tr, "mechanism", o.MechanismRole), st.day(o.MemberSince))
	}
	if len(c.Annexes.Members) == 0 {
		s.add(styled(st.note, tr.L("No member organisations recorded")))
	}
	return s.flush()
}

// courseSexes are the course list's columns by sex, "not recorded" last.
var courseSexes = append(append([]data.Code{}, data.Sexes...), data.Code{Code: "", Label: "Sex not recorded"})

// sexText is a column of courseSexes in the document's language.
func sexText(tr *locale.Translator, sex data.Code) string {
	if sex.Code == "" {
		return tr.L(sex.Label)
	}
	return codeText(tr, "sex", sex.Code)
}

// writeCoursesAnnex streams the courses held in the period, one row each:
// its days as dates, whether it was joint, and its participants in total,
// by sector and by sex, all numbers; a row of totals closes the list.
func writeCoursesAnnex(b *book, st sheetStyles, c ReplyContent, sheet string) error {
	tr := c.tr()
	sectors := c.Annexes.CourseSectors
	widths := []float64{50, 12, 12, 8, 12}
	header := []string{tr.L("Course"), tr.L("First day"), tr.L("Last day"), tr.L("Joint"), tr.L("Participants")}
	for _, sec := range sectors {
		widths, header = append(widths, 12), append(header, sectorText(tr, sec.Code))
	}
	for _, sex := range courseSexes {
		widths, header = append(widths, 10), append(header, sexText(tr, sex))
	}
	s := newStreamSheet(b, sheet, widths, 2)
	s.add(styled(st.label, tr.L("Training courses held with a first day from {{.Period}}; participants counted as in the reply's training figures",
		map[string]any{"Period": c.period()})))
	s.add(st.headerRow(header...)...)

	var courses, joint, participants int
	bySector, bySex := make([]int, len(sectors)), make([]int, len(courseSexes))
	row := make([]any, len(header))
	err := c.Annexes.Courses(func(k data.AnnexCourse) error {
		courses++
		row[0], row[1], row[2], row[3], row[4] = k.Title, st.day(k.FirstDay), st.day(k.LastDay), yesNo(tr, k.Joint), k.Participants
		if k.Joint {
			joint++
		}
		participants += k.Participants
		for i, sec := range sectors {
			row[5+i] = k.BySector[sec.Code]
			bySector[i] += k.BySector[sec.Code]
		}
		for i, sex := range courseSexes {
			row[5+len(sectors)+i] = k.BySex[sex.Code]
			bySex[i] += k.BySex[sex.Code]
		}
		s.add(row...)
		return s.err
	})
	if err != nil {
		return err
	}
	if courses == 0 {
		s.add(styled(st.note, tr.L("No courses held in the period")))
	}
	total := []any{styled(st.label, tr.N("Total: {{.Count}} course", courses)), nil, nil, joint, participants}
	for _, n := range bySector {
		total = append(total, n)
	}
	for _, n := range bySex {
		total = append(total, n)
	}
	s.add(total...)
	return s.flush()
}

func writeCampaignsAnnex(b *book, st sheetStyles, c ReplyContent, sheet string) error {
	tr := c.tr()
	s := newStreamSheet(b, sheet, []float64{44, 12, 12, 36, 36, 12, 10}, 2)
	s.add(styled(st.label, tr.L("Awareness campaigns that ran on at least one day from {{.Period}}", map[string]any{"Period": c.period()})))
	s.add(st.headerRow(tr.L("Campaign"), tr.L("First day"), tr.L("Last day"), tr.L("Channels"), tr.L("Target groups"), tr.L("Reach"), tr.L("Evaluated"))...)
	for _, k := range c.Annexes.Campaigns {
		s.add(k.Title, st.day(k.FirstDay), st.day(k.LastDay), codeLabels(tr, "channel", k.Channels),
			codeLabels(tr, "target_group", k.TargetGroups), k.Reach, yesNo(tr, k.Evaluated))
	}
	if len(c.Annexes.Campaigns) == 0 {
		s.add(styled(st.note, tr.L("No campaigns in the period")))
	}
	return s.flush()
}

func writeAgreementsAnnex(b *book, st sheetStyles, c ReplyContent, sheet string) error {
	tr := c.tr()
	s := newStreamSheet(b, sheet, []float64{48, 28, 18, 30, 12, 12}, 2)
	s.add(styled(st.label, tr.L("Cooperation agreements signed by {{.End}}, with their status on {{.Day}}",
		map[string]any{"End": dayIn(tr, c.Reply.To), "Day": dayIn(tr, c.AnnexDay)})))
	s.add(st.headerRow(tr.L("Agreement"), tr.L("Kind"), tr.L("Level"), tr.L("Partner countries"), tr.L("Signed"), tr.L("Status"))...)
	for _, a := range c.Annexes.Agreements {
		s.add(a.Title, codeText(tr, "agreement_kind", a.Kind), codeText(tr, "agreement_level", a.Level),
			codeLabels(tr, "country", a.PartnerCountries), st.day(a.SignedOn), codeText(tr, "agreement_status", a.Status))
	}
	if len(c.Annexes.Agreements) == 0 {
		s.add(styled(st.note, tr.L("No agreements signed by the end of the period")))
	}
	return s.flush()
}

func writeActionsAnnex(b *book, st sheetStyles, c ReplyContent, sheet string) error {
	tr := c.tr()
	s := newStreamSheet(b, sheet, []float64{30, 14, 50, 36, 12, 14}, 2)
	s.add(styled(st.label, tr.L("Actions of the national plans of action whose years meet the period, with their status on {{.Day}}",
		map[string]any{"Day": dayIn(tr, c.AnnexDay)})))
	s.add(st.headerRow(tr.L("Plan"), tr.L("Pillar"), tr.L("Action"), tr.L("Lead"), tr.L("Deadline"), tr.L("Status"))...)
	for _, a := range c.Annexes.Actions {
		s.add(a.Plan, codeText(tr, "pillar", a.Pillar), a.Activity, a.Lead, st.day(a.Deadline),
			codeText(tr, "action_status", a.Status))
	}
	if len(c.Annexes.Actions) == 0 {
		s.add(styled(st.note, tr.L("No plan of action covers the period")))
	}
	return s.flush()
}

// writeStatisticsAnnex writes one row per measure and part of its
// breakdown and one column per year of the period; a year without a figure
// entered stays empty, which is not the same as zero.
func writeStatisticsAnnex(b *book, st sheetStyles, c ReplyContent, sheet string) error {
	tr := c.tr()
	years := c.Annexes.Years
	widths := []float64{26, 30}
	header := []string{tr.L("Measure"), tr.L("Breakdown")}
	for _, y := range years {
		widths, header = append(widths, 8), append(header, strconv.Itoa(y))
	}
	s := newStreamSheet(b, sheet, widths, 2)
	s.add(styled(st.label, tr.L("Yearly statistics as entered for each calendar year of the period (counts, and the value of assets in the currency named; empty: not entered)")))
	s.add(st.headerRow(header...)...)
	lines := c.Annexes.statisticLines(tr)
	for _, l := range lines {
		row := []any{l.Measure, l.Breakdown}
		for _, y := range years {
			if v, ok := l.ByYear[y]; ok {
				row = append(row, v)
			} else {
				row = append(row, nil)
			}
		}
		s.add(row...)
	}
	if len(lines) == 0 {
		s.add(styled(st.note, tr.L("No statistics entered for the years of the period")))
	}
	if notes := c.Annexes.statisticNotes(tr); len(notes) > 0 {
		s.add()
		s.add(styled(st.label, tr.L("Notes of the agencies")))
		for _, n := range notes {
			s.add(styled(st.wrap, n))
		}
	}
	return s.flush()
}

// codeLabels writes codes of a named list by their labels, comma separated.
func codeLabels(tr *locale.Translator, list string, codes []string) string {
	return strings.Join(codeTexts(tr, list, codes), ", ")
}

// yesNo writes a yes or no in the document's language.
func yesNo(tr *locale.Translator, yes bool) string {
	if yes {
		return codeText(tr, "yes_no", "yes")
	}
	return codeText(tr, "yes_no", "no")
}
