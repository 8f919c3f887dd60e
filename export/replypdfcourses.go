package export

import (
	"strconv"

	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/core"

	"github.com/ncm-register/ncm-register/data"
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
		joint := "no"
		if k.Joint {
			s.joint++
			joint = "yes"
		}
		if a.n <= pdfListLimit {
			days := k.FirstDay
			if k.LastDay != "" && k.LastDay != k.FirstDay {
				days += " to " + k.LastDay
			}
			a.list = append(a.list, []string{k.Title, days, joint, formatCount(k.Participants)})
		}
		return nil
	})
	return a, err
}

// pdfCourses summarises the courses by year, and lists them when few.
func pdfCourses(m core.Maroto, a annexCourses) error {
	pdfAnnexTitle(m, "Annex 2. Training courses", "Held with a first day in the period; participants counted as in the training figures.")
	if a.n == 0 {
		pdfEmpty(m, "No courses held in the period.")
		return nil
	}
	rows := make([][]string, len(a.years))
	for i, y := range a.years {
		s := a.byYear[y]
		rows[i] = []string{strconv.Itoa(y), formatCount(s.courses), formatCount(s.joint), formatCount(s.participants),
			formatCount(s.female), formatCount(s.male), formatCount(s.other), formatCount(s.unrecorded)}
	}
	pdfTable(m, []pdfColumn{{"Year", 1, false}, {"Courses", 2, true}, {"Joint", 1, true}, {"Participants", 2, true},
		{"Female", 1, true}, {"Male", 1, true}, {"Other", 1, true}, {"Sex not recorded", 3, true}}, rows)
	if len(a.months) > 0 {
		if err := pdfChart(m, monthChart(a.months)); err != nil {
			return err
		}
	}
	if a.n > pdfListLimit {
		pdfSummarised(m, a.n, "courses", "Annex 2 Courses")
		return nil
	}
	m.AddRows(row.New(3))
	pdfTable(m, []pdfColumn{{"Course", 6, false}, {"Days", 3, false}, {"Joint", 1, false}, {"Participants", 2, true}}, a.list)
	return nil
}
