package export

import (
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/border"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// signInRowHeight leaves room for a signature (millimetres).
const signInRowHeight = 11

var (
	cellBorder = &props.Cell{BorderType: border.Full, BorderThickness: 0.3}
	headerCell = &props.Cell{BorderType: border.Full, BorderThickness: 0.3,
		BackgroundColor: &props.Color{Red: 230, Green: 234, Blue: 240}}
	bold = props.Text{Style: fontstyle.Bold, Top: 2.5, Left: 1.5, Right: 1.5}
	body = props.Text{Top: 3, Left: 1.5, Right: 1.5}
)

// fullDayIn writes a course day for a sheet on paper, with its weekday
// ("Monday, 2 March 2026", "lundi 2 mars 2026"); other text as it is.
func fullDayIn(tr *locale.Translator, day string) string {
	if d, err := time.Parse(time.DateOnly, day); err == nil {
		return tr.FullDate(d)
	}
	return day
}

// SignInSheets writes one pre-filled sign-in sheet per course day: the
// course, the date and venue, a row per participant expected (confirmed, or
// already marked; not the invited or those who declined: name,
// organisation, a box to sign) and blank rows for people who come without
// being listed. Its words, dates and numbers are in tr's language (nil:
// English).
func SignInSheets(w io.Writer, tr *locale.Translator, c data.Course, participants []data.Participant, blankRows int) error {
	tr = orEnglish(tr)
	participants = slices.DeleteFunc(slices.Clone(participants), func(p data.Participant) bool { return !p.Expected() })
	need, err := fontsFor(tr, signInPrint(c, participants))
	if err != nil {
		return err
	}
	m, err := newPDF(tr.L("Sign-in sheets: {{.Course}}", map[string]any{"Course": c.Title}), true, need)
	if err != nil {
		return err
	}
	days := c.Days()
	for i, day := range days {
		rows := []core.Row{
			textRow(7, tr.L("SIGN-IN SHEET"), props.Text{Size: 8, Style: fontstyle.Bold, Color: &props.Color{Red: 90, Green: 90, Blue: 90}}),
			textAutoRow(c.Title, props.Text{Size: 14, Style: fontstyle.Bold, Bottom: 2}),
			textRow(7, tr.L("Day {{.Day}} of {{.Days}} · {{.Date}}",
				map[string]any{"Day": tr.Count(i + 1), "Days": tr.Count(len(days)), "Date": fullDayIn(tr, day)}), props.Text{Size: 11}),
		}
		if c.Venue != "" {
			rows = append(rows, textRow(7, tr.L("Venue: {{.Venue}}", map[string]any{"Venue": c.Venue}), props.Text{Size: 10}))
		}
		rows = append(rows, row.New(4),
			row.New(9).Add(
				textCol(1, tr.L("No."), bold).WithStyle(headerCell),
				textCol(4, tr.L("Name"), bold).WithStyle(headerCell),
				textCol(4, tr.L("Organisation"), bold).WithStyle(headerCell),
				textCol(3, tr.L("Signature"), bold).WithStyle(headerCell),
			))
		for n, p := range participants {
			rows = append(rows, signInRow(tr, n+1, p.Name, p.OrganisationName))
		}
		for n := 0; n < blankRows; n++ {
			rows = append(rows, signInRow(tr, len(participants)+n+1, "", ""))
		}
		rows = append(rows, row.New(5), textAutoRow(
			tr.L("Participants sign once per day. The list is used for this course's attendance records only."),
			props.Text{Size: 7, Style: fontstyle.Italic}))
		m.AddPages(page.New().Add(rows...))
	}
	if len(days) == 0 {
		m.AddRows(textRow(10, tr.L("{{.Course}}: the course has no valid dates", map[string]any{"Course": c.Title}), props.Text{Align: align.Left}))
	}
	doc, err := m.Generate()
	if err != nil {
		return err
	}
	_, err = w.Write(doc.GetBytes())
	return err
}

// signInPrint is every text the sign-in sheets print that someone typed;
// a participant is named by the row it has on the sheets.
func signInPrint(c data.Course, participants []data.Participant) iter.Seq[printed] {
	return func(yield func(printed) bool) {
		if !yield(printed{"the course", "title", c.Title}) || !yield(printed{"the course", "venue", c.Venue}) {
			return
		}
		for n, p := range participants {
			who := fmt.Sprintf("participant %d on the sheets", n+1)
			if !yield(printed{who, "name", p.Name}) || !yield(printed{who, "organisation", p.OrganisationName}) {
				return
			}
		}
	}
}

func signInRow(tr *locale.Translator, n int, name, organisation string) core.Row {
	return row.New(signInRowHeight).Add(
		textCol(1, tr.Count(n), body).WithStyle(cellBorder),
		textCol(4, strings.TrimSpace(name), body).WithStyle(cellBorder),
		textCol(4, organisation, props.Text{Top: 3, Left: 1.5, Right: 1.5, Size: 8}).WithStyle(cellBorder),
		col.New(3).WithStyle(cellBorder),
	)
}
