package export

import (
	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// chartMargin keeps text off the edge of the image, where the window's
// rounded corners or the PDF's frame would touch it.
const chartMargin = 6

// render draws the whole chart on dc: title at the top, note at the
// bottom, legend under the title (outside the data, so it never covers a
// bar), and the plot, or the empty frame, in what is left. It returns the
// plot and where it was drawn, nil for an empty chart (see CategoryAt).
func (c Chart) render(dc draw.Canvas, th chartTheme) (*plot.Plot, draw.Canvas) {
	dc.SetColor(th.background)
	dc.Fill(dc.Rectangle.Path())

	area := dc.Rectangle
	area.Min.X += chartMargin
	area.Max.X -= chartMargin
	area.Min.Y += chartMargin
	area.Max.Y -= chartMargin
	width := area.Size().X

	if c.Title != "" {
		sty := chartText(titleSize, th.text, xfont.WeightBold, xfont.StyleNormal)
		sty.YAlign = text.YTop
		dc.FillText(sty, vg.Point{X: area.Min.X, Y: area.Max.Y}, shorten(sty, c.Title, width))
		area.Max.Y -= sty.Height(c.Title) + 4
	}
	if c.Note != "" {
		sty := chartText(noteSize, th.muted, xfont.WeightNormal, xfont.StyleItalic)
		sty.YAlign = text.YBottom
		dc.FillText(sty, vg.Point{X: area.Min.X, Y: area.Min.Y}, shorten(sty, c.Note, width))
		area.Min.Y += sty.Height(c.Note) + 3
	}
	empty := c.empty()
	if len(c.Series) > 1 && !empty {
		area.Max.Y -= c.drawLegend(dc, area, th) + 4
	}
	if area.Size().Y < 20 {
		return nil, dc // no room left for data: title and note only
	}
	plotArea := draw.Canvas{Canvas: dc.Canvas, Rectangle: area}
	if empty {
		c.drawEmpty(plotArea, th)
		return nil, plotArea
	}
	p := c.plot(plotArea, th)
	p.Draw(plotArea)
	return p, plotArea
}

// drawEmpty draws the frame a chart would have and says in its middle
// that nothing was recorded, so an empty period reads as a fact and not
// as a chart that failed to draw.
func (c Chart) drawEmpty(dc draw.Canvas, th chartTheme) {
	dc.StrokeLines(draw.LineStyle{Color: th.grid, Width: 1}, []vg.Point{
		dc.Min, {X: dc.Max.X, Y: dc.Min.Y}, dc.Max, {X: dc.Min.X, Y: dc.Max.Y}, dc.Min,
	})
	say := c.Empty
	if say == "" {
		say = chartNothing
	}
	sty := chartText(labelSize+1, th.muted, xfont.WeightNormal, xfont.StyleNormal)
	sty.XAlign, sty.YAlign = text.XCenter, text.YCenter
	dc.FillText(sty, dc.Center(), shorten(sty, say, dc.Size().X-8))
}
