package export

import (
	"bytes"
	"fmt"
	"io"
	"iter"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/image"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/extension"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/ncm-register/ncm-register/data"
)

// Brief is what the Overview's two-page brief for a minister says.
type Brief struct {
	Country  string // the register's country, by name ("" when not set)
	From, To string // the period, YYYY-MM-DD
	Today    string // the day it is counted on
	Overview data.Overview
}

// briefAttention is how many lines of what needs attention the brief
// lists; the rest are counted.
const briefAttention = 12

// OverviewBrief writes the brief of a period: on the first page the key
// figures as the Overview shows them and what needs attention; on the
// second the Overview's charts. Every number is the reply's for the same
// period, and the brief says so.
func OverviewBrief(w io.Writer, b Brief) error {
	need, err := fontsFor(briefPrint(b))
	if err != nil {
		return err
	}
	m, err := newPDF("Overview "+b.From+" – "+b.To, true, need)
	if err != nil {
		return err
	}
	heading := "Coordination against trafficking in persons"
	if b.Country != "" {
		heading += ": " + b.Country
	}
	first := page.New().Add(
		textAutoRow(heading, props.Text{Size: 16, Style: fontstyle.Bold, Bottom: 1}),
		textAutoRow(fmt.Sprintf("How the mechanism is doing, %s to %s (counted on %s)", longDay(b.From), longDay(b.To), longDay(b.Today)),
			props.Text{Size: 11, Bottom: 4}),
	)
	first.Add(briefCards(OverviewCards(b.Overview, b.To))...)
	first.Add(row.New(4), textAutoRow("What needs attention", props.Text{Size: 12, Style: fontstyle.Bold, Bottom: 1.5}))
	first.Add(briefAttentionRows(b.Overview.Attention)...)
	first.Add(row.New(4), textAutoRow("Every figure is the figure of the reply to the UNODC questionnaire for the same period, "+
		"counted by the rule the reply states with it. A figure nobody entered reads “not available”, never 0.", replyNote))
	m.AddPages(first)

	second := page.New().Add(textAutoRow("The figures in charts", props.Text{Size: 14, Style: fontstyle.Bold, Bottom: 3}))
	charts := OverviewCharts(OverviewData{Figures: b.Overview.Figures, Months: b.Overview.Months, PillarState: b.Overview.ByPillar,
		Years: b.Overview.Years, ByMeasure: b.Overview.ByMeasure})
	var cols []core.Col
	for i, c := range charts {
		var png bytes.Buffer
		if err := c.PNG(&png, 400, 230, ChartStyle{Scale: 2}); err != nil {
			return err
		}
		cols = append(cols, image.NewFromBytesCol(6, png.Bytes(), extension.Png, props.Rect{Center: true, Percent: 98}))
		if len(cols) == 2 || i == len(charts)-1 {
			second.Add(row.New(50).Add(cols...), row.New(3))
			cols = nil
		}
	}
	m.AddPages(second)
	doc, err := m.Generate()
	if err != nil {
		return err
	}
	_, err = w.Write(doc.GetBytes())
	return err
}

// briefPrint is every text of the brief that someone typed: the lines of
// what needs attention that it lists keep their records' own words.
func briefPrint(b Brief) iter.Seq[printed] {
	return func(yield func(printed) bool) {
		for i, it := range b.Overview.Attention[:min(briefAttention, len(b.Overview.Attention))] {
			if !yield(printed{fmt.Sprintf("line %d of what needs attention", i+1), "text", it.Title}) {
				return
			}
		}
	}
}

// briefCards lays the cards out three to a row: title, number, detail.
func briefCards(cards []OverviewCard) []core.Row {
	var rows []core.Row
	for i := 0; i < len(cards); i += 3 {
		titles, values, details := row.New(6), row.New(11), row.New(7)
		for _, c := range cards[i:min(i+3, len(cards))] {
			titles.Add(textCol(4, c.Title, props.Text{Size: 9, Color: replyGrey}))
			values.Add(textCol(4, c.Value, props.Text{Size: 18, Style: fontstyle.Bold}))
			details.Add(textCol(4, c.Detail(), props.Text{Size: 9}))
		}
		rows = append(rows, titles, values, details, row.New(3))
	}
	return rows
}

// briefAttentionRows lists what needs attention, its days written out, and
// counts what does not fit.
func briefAttentionRows(items []data.AttentionItem) []core.Row {
	if len(items) == 0 {
		return []core.Row{textAutoRow("Nothing: no action overdue, no course or meeting waiting, the statistics entered and checked.", replyCell)}
	}
	var rows []core.Row
	for i, it := range items {
		if i == briefAttention {
			rows = append(rows, textAutoRow(fmt.Sprintf("… and %d more, listed in the program's Overview.", len(items)-i), replyNote))
			break
		}
		rows = append(rows, row.New().Add(col.New(1), textCol(11, attentionLine(it), replyCell)))
	}
	return rows
}

// attentionLine is a line of what needs attention, its day written out.
func attentionLine(it data.AttentionItem) string {
	day := longDay(it.Day)
	switch it.Kind {
	case data.AttentionOverdueAction:
		return "Overdue since " + day + ": " + it.Title
	case data.AttentionCourseThisMonth:
		return "This month, from " + day + ": " + it.Title
	case data.AttentionMeetingSoon:
		return "Meeting of the coordination body on " + day + placeSuffix(it.Title)
	case data.AttentionAgreementExpiring:
		return "Valid until " + day + ": " + it.Title
	case data.AttentionNoAttendance:
		return "Held on " + day + ", no attendance recorded: " + it.Title
	case data.AttentionNoCertificates:
		return "Held on " + day + ", no certificates issued: " + it.Title
	case data.AttentionStatisticsMissing:
		return "No statistics entered for " + it.ID + " yet"
	case data.AttentionAgencySilent:
		return "Has not contributed to the open reply: " + it.Title
	}
	return it.Title // a finding of the data checks, in its own words
}

func placeSuffix(place string) string {
	if place == "" {
		return ""
	}
	return ", " + place
}
