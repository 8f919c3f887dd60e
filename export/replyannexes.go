package export

import (
	"strconv"
	"strings"

	"github.com/ncm-register/ncm-register/data"
)

// xlsxAnnexes are the annex sheets of a reply's workbook, in order. Each
// starts with a line saying what it lists, then a header kept in view.
var xlsxAnnexes = []struct {
	name  string
	write func(b *book, st sheetStyles, c ReplyContent, sheet string) error
}{
	{"Annex 1 Members", writeMembersAnnex},
	{"Annex 2 Courses", writeCoursesAnnex},
	{"Annex 3 Campaigns", writeCampaignsAnnex},
	{"Annex 4 Agreements", writeAgreementsAnnex},
	{"Annex 5 Plan actions", writeActionsAnnex},
	{"Annex 6 Statistics", writeStatisticsAnnex},
}

func writeMembersAnnex(b *book, st sheetStyles, c ReplyContent, sheet string) error {
	s := newStreamSheet(b, sheet, []float64{44, 12, 26, 12, 12, 14}, 2)
	s.add(styled(st.label, "Member organisations of the national coordination mechanism on "+c.AnnexDay))
	s.add(st.headerRow("Organisation", "Acronym", "Sector", "Government", "Role", "Member since")...)
	for _, o := range c.Annexes.Members {
		gov := "no"
		if o.Government() {
			gov = "yes"
		}
		s.add(o.Name, o.Acronym, sectorName(o.Sector), gov, codeLabel(data.MechanismRoles, o.MechanismRole), st.day(o.MemberSince))
	}
	if len(c.Annexes.Members) == 0 {
		s.add(styled(st.note, "No member organisations recorded"))
	}
	return s.flush()
}

// courseSexes are the course list's columns by sex, "not recorded" last.
var courseSexes = append(append([]data.Code{}, data.Sexes...), data.Code{Code: "", Label: "Sex not recorded"})

// writeCoursesAnnex streams the courses held in the period, one row each:
// its days as dates, whether it was joint, and its participants in total,
// by sector and by sex, all numbers; a row of totals closes the list.
func writeCoursesAnnex(b *book, st sheetStyles, c ReplyContent, sheet string) error {
	sectors := c.Annexes.CourseSectors
	widths := []float64{50, 12, 12, 8, 12}
	header := []string{"Course", "First day", "Last day", "Joint", "Participants"}
	for _, sec := range sectors {
		widths, header = append(widths, 12), append(header, sec.Label)
	}
	for _, sex := range courseSexes {
		widths, header = append(widths, 10), append(header, sex.Label)
	}
	s := newStreamSheet(b, sheet, widths, 2)
	s.add(styled(st.label, "Training courses held with a first day from "+c.period()+
		"; participants counted as in the reply's training figures"))
	s.add(st.headerRow(header...)...)

	var courses, joint, participants int
	bySector, bySex := make([]int, len(sectors)), make([]int, len(courseSexes))
	row := make([]any, len(header))
	err := c.Annexes.Courses(func(k data.AnnexCourse) error {
		courses++
		row[0], row[1], row[2], row[3], row[4] = k.Title, st.day(k.FirstDay), st.day(k.LastDay), "no", k.Participants
		if k.Joint {
			row[3] = "yes"
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
		s.add(styled(st.note, "No courses held in the period"))
	}
	total := []any{styled(st.label, "Total: "+plural(courses, "course")), nil, nil, joint, participants}
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
	s := newStreamSheet(b, sheet, []float64{44, 12, 12, 36, 36, 12, 10}, 2)
	s.add(styled(st.label, "Awareness campaigns that ran on at least one day from "+c.period()))
	s.add(st.headerRow("Campaign", "First day", "Last day", "Channels", "Target groups", "Reach", "Evaluated")...)
	for _, k := range c.Annexes.Campaigns {
		evaluated := "no"
		if k.Evaluated {
			evaluated = "yes"
		}
		s.add(k.Title, st.day(k.FirstDay), st.day(k.LastDay), codeLabels(data.Channels, k.Channels),
			codeLabels(data.TargetGroups, k.TargetGroups), k.Reach, evaluated)
	}
	if len(c.Annexes.Campaigns) == 0 {
		s.add(styled(st.note, "No campaigns in the period"))
	}
	return s.flush()
}

func writeAgreementsAnnex(b *book, st sheetStyles, c ReplyContent, sheet string) error {
	s := newStreamSheet(b, sheet, []float64{48, 28, 18, 30, 12, 12}, 2)
	s.add(styled(st.label, "Cooperation agreements signed by "+c.Reply.To+", with their status on "+c.AnnexDay))
	s.add(st.headerRow("Agreement", "Kind", "Level", "Partner countries", "Signed", "Status")...)
	for _, a := range c.Annexes.Agreements {
		s.add(a.Title, codeLabel(data.AgreementKinds, a.Kind), codeLabel(data.AgreementLevels, a.Level),
			codeLabels(data.Countries(), a.PartnerCountries), st.day(a.SignedOn), codeLabel(data.AgreementStatuses, a.Status))
	}
	if len(c.Annexes.Agreements) == 0 {
		s.add(styled(st.note, "No agreements signed by the end of the period"))
	}
	return s.flush()
}

func writeActionsAnnex(b *book, st sheetStyles, c ReplyContent, sheet string) error {
	s := newStreamSheet(b, sheet, []float64{30, 14, 50, 36, 12, 14}, 2)
	s.add(styled(st.label, "Actions of the national plans of action whose years meet the period, with their status on "+c.AnnexDay))
	s.add(st.headerRow("Plan", "Pillar", "Action", "Lead", "Deadline", "Status")...)
	for _, a := range c.Annexes.Actions {
		s.add(a.Plan, codeLabel(data.Pillars, a.Pillar), a.Activity, a.Lead, st.day(a.Deadline),
			codeLabel(data.ActionStatuses, a.Status))
	}
	if len(c.Annexes.Actions) == 0 {
		s.add(styled(st.note, "No plan of action covers the period"))
	}
	return s.flush()
}

// writeStatisticsAnnex writes one row per measure and part of its
// breakdown and one column per year of the period; a year without a figure
// entered stays empty, which is not the same as zero.
func writeStatisticsAnnex(b *book, st sheetStyles, c ReplyContent, sheet string) error {
	years := c.Annexes.Years
	widths := []float64{26, 30}
	header := []string{"Measure", "Breakdown"}
	for _, y := range years {
		widths, header = append(widths, 8), append(header, strconv.Itoa(y))
	}
	s := newStreamSheet(b, sheet, widths, 2)
	s.add(styled(st.label, "Yearly statistics as entered for each calendar year of the period (counts, and the value of assets in the currency named; empty: not entered)"))
	s.add(st.headerRow(header...)...)
	lines := c.Annexes.statisticLines()
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
		s.add(styled(st.note, "No statistics entered for the years of the period"))
	}
	if notes := c.Annexes.statisticNotes(); len(notes) > 0 {
		s.add()
		s.add(styled(st.label, "Notes of the agencies"))
		for _, n := range notes {
			s.add(styled(st.wrap, n))
		}
	}
	return s.flush()
}

// codeLabels writes codes of a list by their labels, comma separated.
func codeLabels(list []data.Code, codes []string) string {
	return strings.Join(codeLabelList(list, codes), ", ")
}

// plural writes a count with its noun: 1 course, 2 courses.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return formatCount(n) + " " + noun + "s"
}
