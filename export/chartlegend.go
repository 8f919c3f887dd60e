package export

import (
	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// drawLegend writes the series names in a row (wrapping to more rows when
// needed) along the top of area, each after a swatch of its colour, and
// returns the height it took. Above the plot, it never covers data, and
// it reads in the order the series are given.
func (c Chart) drawLegend(dc draw.Canvas, area vg.Rectangle, th chartTheme) vg.Length {
	sty := chartText(labelSize, th.text, xfont.WeightNormal, xfont.StyleNormal)
	sty.YAlign = text.YCenter
	const swatch, gap, spacing = vg.Length(7), vg.Length(3), vg.Length(10)
	row := sty.Height("Hg") + 2
	x, y := area.Min.X, area.Max.Y-row/2
	for i, s := range c.Series {
		name := shorten(sty, s.Name, area.Size().X/2-swatch-gap)
		w := swatch + gap + sty.Width(name)
		if x > area.Min.X && x+w > area.Max.X {
			x, y = area.Min.X, y-row
		}
		c.drawSwatch(dc, i, vg.Point{X: x, Y: y}, swatch)
		dc.FillText(sty, vg.Point{X: x + swatch + gap, Y: y}, name)
		x += w + spacing
	}
	return area.Max.Y - y + row/2
}

// drawSwatch draws series i's sign centred on the left of at: a short
// line for a line chart, a square for bars.
func (c Chart) drawSwatch(dc draw.Canvas, i int, at vg.Point, size vg.Length) {
	if c.Kind == ChartLines {
		dc.StrokeLines(draw.LineStyle{Color: seriesColour(i), Width: lineWidth},
			[]vg.Point{{X: at.X, Y: at.Y}, {X: at.X + size, Y: at.Y}})
		return
	}
	dc.FillPolygon(seriesColour(i), []vg.Point{
		{X: at.X, Y: at.Y - size/2}, {X: at.X + size, Y: at.Y - size/2},
		{X: at.X + size, Y: at.Y + size/2}, {X: at.X, Y: at.Y + size/2},
	})
}
