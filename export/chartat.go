package export

import (
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// CategoryAt tells which category lies under a point of the chart drawn at
// widthPt×heightPt (x from the left, y from the top, in points): the bar,
// the column or the year there, so that a click on it can open what it
// counts; -1 outside the data, or on an empty chart. The chart is laid out
// again, without drawing, exactly as Draw lays it out.
func (c Chart) CategoryAt(widthPt, heightPt, x, y float64) int {
	if c.check(widthPt, heightPt) != nil {
		return -1
	}
	dc := draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: vg.Length(widthPt), Y: vg.Length(heightPt)}}}
	p, area := c.render(dc, chartThemeFor(false))
	if p == nil {
		return -1
	}
	data := p.DataCanvas(area)
	at := vg.Point{X: vg.Length(x), Y: vg.Length(heightPt - y)} // vg counts up from the bottom
	if at.X < data.Min.X || at.X > data.Max.X || at.Y < data.Min.Y || at.Y > data.Max.Y {
		return -1
	}
	n := len(c.Categories)
	axis, along, lo, hi := p.X, at.X, data.Min.X, data.Max.X
	if c.horizontal() {
		axis, along, lo, hi = p.Y, at.Y, data.Min.Y, data.Max.Y
	}
	pos := int(math.Round(axis.Min + float64((along-lo)/(hi-lo))*(axis.Max-axis.Min)))
	if c.horizontal() {
		pos = n - 1 - pos // the first category is drawn at the top
	}
	if pos < 0 || pos >= n {
		return -1
	}
	return pos
}
