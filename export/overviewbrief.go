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
	"github.com/ncm-register/ncm-register/locale"
)

// Brief is what the Overview's two-page brief for a minister says.
type Brief struct {
	Country  string // the register's country, by name ("" when not set)
	From, To string // the period, YYYY-MM-DD
	Today    string // the day it is counted on
	Overview data.Overview
	Language *locale.Translator // the brief's language; nil for English
}

// briefAttention is how many lines of what needs attention the brief
// lists; the rest are counted.
const briefAttention = 12

// OverviewBrief writes the brief of a period: on the first page the key
// figures as the Overview shows them and what needs attention; on the
// second the Overview's charts. Every number is the reply's for the same
// period, and the brief says so.
func OverviewBrief(w io.Writer, b Brief) error {
	tr := orEnglish(b.Language)
	need, err := fontsFor(tr, briefPrint(b))
	if err != nil {
		return err
	}
	m, err := newPDF(tr.L("Overview {{.From}} – {{.To}}", map[string]any{"From": dayIn(tr, b.From), "To": dayIn(tr, b.To)}), true, need)
	if err != nil {
		return err
	}
	heading := tr.L("Coordination against trafficking in persons")
	if b.Country != "" {
		heading = tr.L("Coordination against trafficking in persons: {{.Country}}", map[string]any{"Country": b.Country})
	}
	first := page.New().Add(
		textAutoRow(heading, props.Text{Size: 16, Style: fontstyle.Bold, Bottom: 1}),
		textAutoRow(tr.L("How the mechanism is doing, {{.From}} to {{.To}} (counted on {{.Today}})",
			map[string]any{"From": longDayIn(tr, b.From), "To": longDayIn(tr, b.To), "Today": longDayIn(tr, b.Today)}),
			props.Text{Size: 11, Bottom: 4}),
	)
	first.Add(briefCards(OverviewCards(tr, b.Overview, b.To))...)
	first.Add(row.New(4), textAutoRow(tr.L("What needs attention"), props.Text{Size: 12, Style: fontstyle.Bold, Bottom: 1.5}))
	first.Add(briefAttentionRows(tr, b.Overview.Attention)...)
	first.Add(row.New(4), textAutoRow(tr.L("Every figure is the figure of the reply to the UNODC questionnaire for the same period, "+
		"counted by the rule the reply states with it. A figure nobody entered reads “not available”, never 0."), replyNote))
	m.AddPages(first)

	second := page.New().Add(textAutoRow(tr.L("The figures in charts"), props.Text{Size: 14, Style: fontstyle.Bold, Bottom: 3}))
	charts := OverviewCharts(tr, OverviewData{Figures: b.Overview.Figures, Months: b.Overview.Months, PillarState: b.Overview.ByPillar,
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
			details.Add(textCol(4, c.Detail, props.Text{Size: 9}))
		}
		rows = append(rows, titles, values, details, row.New(3))
	}
	return rows
}

// briefAttentionRows lists what needs attention, its days written out, and
// counts what does not fit.
func briefAttentionRows(tr *locale.Translator, items []data.AttentionItem) []core.Row {
	if len(items) == 0 {
		return []core.Row{textAutoRow(tr.L("Nothing: no action overdue, no course or meeting waiting, the statistics entered and checked."), replyCell)}
	}
	var rows []core.Row
	for i, it := range items {
		if i == briefAttention {
			rows = append(rows, textAutoRow(tr.N("… and {{.Count}} more, listed in the program's Overview.", len(items)-i), replyNote))
			break
		}
		rows = append(rows, row.New().Add(col.New(1), textCol(11, AttentionLine(tr, it, longDayIn(tr, it.Day)), replyCell)))
	}
	return rows
}

// AttentionLine is a line of what needs attention in a language, its day
// written as day says (the window writes it short, the brief in full).
func AttentionLine(tr *locale.Translator, it data.AttentionItem, day string) string {
	args := map[string]any{"Day": day, "Title": it.Title}
	switch it.Kind {
	case data.AttentionOverdueAction:
		return tr.L("Overdue since {{.Day}}: {{.Title}}", args)
	case data.AttentionCourseThisMonth:
		return tr.L("This month, from {{.Day}}: {{.Title}}", args)
	case data.AttentionMeetingSoon:
		if it.Title == "" {
			return tr.L("Meeting of the coordination body on {{.Day}}", args)
		}
		return tr.L("Meeting of the coordination body on {{.Day}}, {{.Title}}", args)
	case data.AttentionAgreementExpiring:
		return tr.L("Valid until {{.Day}}: {{.Title}}", args)
	case data.AttentionNoAttendance:
		return tr.L("Held on {{.Day}}, no attendance recorded: {{.Title}}", args)
	case data.AttentionNoCertificates:
		return tr.L("Held on {{.Day}}, no certificates issued: {{.Title}}", args)
	case data.AttentionStatisticsMissing:
		return tr.L("No statistics entered for {{.Year}} yet", map[string]any{"Year": it.ID})
	case data.AttentionAgencySilent:
		return tr.L("Has not contributed to the open reply: {{.Title}}", args)
	}
	return it.Title // a finding of the data checks, in its own words
}
