package export

import (
	"strconv"

	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/core"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// annexCourses is the reply's Annex 2 as counted from the register: by
// year, by month for its chart, and the list when it is short enough to
// print. It is counted before the document starts, as the fonts of the
// document depend on the titles it lists.
type annexCourses struct {
	n      int // courses held in the period
	years  []int
	byYear map[int]*courseYear
	months []data.MonthFigures
	list   [][]string // title, days, joint, participants: the first pdfListLimit courses
}

// courseYear has every sex column, "not recorded" included, so that they
// add up to the participants (they once showed 8 + 9 of 18).
type courseYear struct{ courses, joint, participants, female, male, other, unrecorded int }

// countAnnexCourses goes once through the courses of the reply's period.
func countAnnexCourses(c ReplyContent) (annexCourses, error) {
	tr := c.tr()
	a := annexCourses{byYear: map[int]*courseYear{}, months: periodMonths(c.Reply.From, c.Reply.To)}
	err := c.Annexes.Courses(func(k data.AnnexCourse) error {
		a.n++
		for i := range a.months {
			if a.months[i].Month == k.FirstDay[:min(7, len(k.FirstDay))] {
				a.months[i].Courses++
				a.months[i].Participants += k.Participants
			}
		}
		y := yearOf(k.FirstDay)
		if a.byYear[y] == nil {
			a.byYear[y] = &courseYear{}
			a.years = append(a.years, y) // the courses come oldest first
		}
		s := a.byYear[y]
		s.courses++
		s.participants += k.Participants
		s.female += k.BySex["female"]
		s.male += k.BySex["male"]
		s.other += k.BySex["other"]
		s.unrecorded += k.BySex[""]
		if k.Joint {
			s.joint++
		}
		if a.n <= pdfListLimit {
			a.list = append(a.list, []string{k.Title, daysIn(tr, k.FirstDay, k.LastDay), yesNo(tr, k.Joint), tr.Count(k.Participants)})
		}
		return nil
	})
	return a, err
}

// pdfCourses summarises the courses by year, and lists them when few.
func pdfCourses(m core.Maroto, tr *locale.Translator, a annexCourses) error {
	pdfAnnexTitle(m, tr.L("Annex 2. Training courses"), tr.L("Held with a first day in the period; participants counted as in the training figures."))
	if a.n == 0 {
		pdfEmpty(m, tr.L("No courses held in the period."))
		return nil
	}
	rows := make([][]string, len(a.years))
	for i, y := range a.years {
		s := a.byYear[y]
		rows[i] = []string{strconv.Itoa(y), tr.Count(s.courses), tr.Count(s.joint), tr.Count(s.participants),
			tr.Count(s.female), tr.Count(s.male), tr.Count(s.other), tr.Count(s.unrecorded)}
	}
	pdfTable(m, []pdfColumn{{tr.L("Year"), 1, false}, {tr.L("Courses"), 2, true}, {tr.L("Joint"), 1, true}, {tr.L("Participants"), 2, true},
		{codeText(tr, "sex", "female"), 1, true}, {codeText(tr, "sex", "male"), 1, true}, {codeText(tr, "sex", "other"), 1, true},
		{tr.L("Sex not recorded"), 3, true}}, rows)
	if len(a.months) > 0 {
		if err := pdfChart(m, monthChart(tr, a.months)); err != nil {
			return err
		}
	}
	if a.n > pdfListLimit {
		pdfSummarised(m, tr, a.n, locale.MarkN("{{.Count}} course"), locale.Mark("Annex 2 Courses"))
		return nil
	}
	m.AddRows(row.New(3))
	pdfTable(m, []pdfColumn{{tr.L("Course"), 6, false}, {tr.L("Days"), 3, false}, {tr.L("Joint"), 1, false}, {tr.L("Participants"), 2, true}}, a.list)
	return nil
}
