package export

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/locale"
)

// replyCharts are drawn on the Charts sheet, each from a figure of the
// reply (so a final reply charts its frozen figures).
var replyCharts = []struct {
	figure, title, category, unit string
	kind                          excelize.ChartType
}{
	{"training.participants_by_sector", locale.Mark("Training participants by sector"), locale.Mark("Sector"), locale.Mark("Participants"), excelize.Bar},
	{"campaigns.by_channel", locale.Mark("Awareness campaigns by channel"), locale.Mark("Channel"), locale.Mark("Campaigns"), excelize.Col},
}

var zero = 0.0

// writeCharts lays each charted figure's breakdown out in two columns of a
// plain sheet and draws a native Excel chart from those cells: a chart
// cannot point into a sheet still being streamed, and the numbers stay
// beside it for anyone who wants to check or re-chart them.
func writeCharts(b *book, st sheetStyles, c ReplyContent, sheet string) error {
	tr := c.tr()
	f := b.f
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	if err := printSetup(f, sheet, true, 0, tr); err != nil { // charts beside their figures: landscape
		return err
	}
	if err := f.SetColWidth(sheet, "A", "A", 30); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "B", "B", 14); err != nil {
		return err
	}
	row := 1
	for _, ch := range replyCharts {
		v := c.Figures[ch.figure]
		set := func(cell string, value any, style int) error { return b.set(sheet, cell, value, style) }
		title := tr.L("{{.Chart}}, {{.Period}}", map[string]any{"Chart": tr.L(ch.title), "Period": c.period()})
		if err := set(fmt.Sprintf("A%d", row), title, st.label); err != nil {
			return err
		}
		header := row + 1
		if err := set(fmt.Sprintf("A%d", header), tr.L(ch.category), st.header); err != nil {
			return err
		}
		if err := set(fmt.Sprintf("B%d", header), tr.L(ch.unit), st.header); err != nil {
			return err
		}
		for i, r := range v.Rows {
			if err := set(fmt.Sprintf("A%d", header+1+i), rowText(tr, r), st.wrap); err != nil {
				return err
			}
			if err := f.SetCellInt(sheet, fmt.Sprintf("B%d", header+1+i), int64(r.Value)); err != nil {
				return err
			}
		}
		first, last := header+1, header+len(v.Rows)
		most := 0
		for _, r := range v.Rows {
			most = max(most, r.Value)
		}
		if len(v.Rows) == 0 {
			if err := set(fmt.Sprintf("A%d", header+1), tr.L("None in the period"), st.note); err != nil {
				return err
			}
			row = header + 3
			continue
		}
		chart := &excelize.Chart{
			Type: ch.kind,
			Series: []excelize.ChartSeries{{
				// Quoted: the sheet's name is in the document's language.
				Name:       fmt.Sprintf("'%s'!$B$%d", sheet, header),
				Categories: fmt.Sprintf("'%s'!$A$%d:$A$%d", sheet, first, last),
				Values:     fmt.Sprintf("'%s'!$B$%d:$B$%d", sheet, first, last),
			}},
			Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
			Legend: excelize.ChartLegend{Position: "none"},
			// A bar chart draws its first category at the bottom; reversed,
			// the bars read from the top in the order of the table beside.
			XAxis: excelize.ChartAxis{ReverseOrder: ch.kind == excelize.Bar},
			// Counts: whole-number steps from 0, as the window's charts
			// (LibreOffice otherwise picks steps of 0.5 for small counts).
			YAxis: excelize.ChartAxis{MajorUnit: niceStep(float64(most), 6, true), Minimum: &zero,
				NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}, MajorGridLines: true},
			Dimension: excelize.ChartDimension{Width: 640, Height: uint(max(320, 40+22*len(v.Rows)))},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		}
		if err := f.AddChart(sheet, fmt.Sprintf("D%d", row), chart); err != nil {
			return err
		}
		// Leave room below for the taller of the table and the chart
		// (rows of 20 pixels).
		row = max(last+3, row+int(chart.Dimension.Height)/20+2)
	}
	return nil
}
