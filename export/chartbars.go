package export

import (
	"math"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// barGroup is the share of a category's row or column that its bars
// take; the rest is the gap that tells one category from the next.
const barGroup = 0.75

// barsPlotter draws the bars or columns of a chart with their figures.
type barsPlotter struct {
	c  Chart
	th chartTheme
	// values is the style of the figures written at the bars' ends;
	// showValues is false when the bars are thinner than those figures.
	values     text.Style
	showValues bool
}

// bars prepares the bars of c, whose categories have slot points each.
func (c Chart) bars(th chartTheme, slot vg.Length) barsPlotter {
	b := barsPlotter{c: c, th: th, values: chartText(valueSize, th.text, xfont.WeightNormal, xfont.StyleNormal)}
	if c.horizontal() {
		b.values.XAlign, b.values.YAlign = text.XLeft, text.YCenter
		// A figure beside a bar thinner than its text would touch the
		// next bar's figure.
		b.showValues = slot*vg.Length(b.thickness()) >= b.values.Height("0")*0.9
	} else {
		b.values.XAlign, b.values.YAlign = text.XCenter, text.YBottom
		b.showValues = true // judged per column, by the figure's width
	}
	return b
}

// thickness is a bar's share of its category's slot.
func (b barsPlotter) thickness() float64 {
	if b.c.Kind == ChartStackedBars || len(b.c.Series) == 0 {
		return barGroup
	}
	return barGroup / float64(len(b.c.Series))
}

// at is the centre of series s's bar in category i, on the category
// axis: the first category at the top of a bar chart, the first series
// at the top (or left) of its group.
func (b barsPlotter) at(s, i int) float64 {
	n := len(b.c.Categories)
	if b.c.Kind == ChartStackedBars {
		s = 0
	}
	t := b.thickness()
	if b.c.horizontal() {
		return float64(n-1-i) + barGroup/2 - (float64(s)+0.5)*t
	}
	return float64(i) - barGroup/2 + (float64(s)+0.5)*t
}

// Plot implements plot.Plotter.
func (b barsPlotter) Plot(dc draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&dc)
	// rect maps a span along the value axis and one across it (data
	// units) to the canvas.
	rect := func(v0, v1, c0, c1 float64) vg.Rectangle {
		if b.c.horizontal() {
			return vg.Rectangle{Min: vg.Point{X: trX(v0), Y: trY(c0)}, Max: vg.Point{X: trX(v1), Y: trY(c1)}}
		}
		return vg.Rectangle{Min: vg.Point{X: trX(c0), Y: trY(v0)}, Max: vg.Point{X: trX(c1), Y: trY(v1)}}
	}
	t := b.thickness()
	for i := range b.c.Categories {
		var up, down float64 // where the next stacked segment starts
		known := false
		for s := range b.c.Series {
			v := b.c.value(s, i)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue // not known: no bar, not a bar of 0
			}
			known = true
			mid := b.at(s, i)
			from := 0.0
			if b.c.Kind == ChartStackedBars {
				if v >= 0 {
					from, up = up, up+v
				} else {
					from, down = down, down+v
				}
			}
			r := rect(from, from+v, mid-t/2, mid+t/2)
			if v != 0 {
				fill(dc, r, seriesColour(s))
			}
			if b.c.Kind == ChartStackedBars {
				b.inside(dc, r, v, seriesColour(s))
			} else if b.showValues {
				b.atEnd(dc, rect(0, v, mid-t/2, mid+t/2), v)
			}
		}
		if b.c.Kind == ChartStackedBars && known && b.showValues {
			mid := b.at(0, i)
			b.atEnd(dc, rect(down, up, mid-t/2, mid+t/2), up+down)
		}
	}
}

// fill paints r (whose corners may come in any order) in clr.
func fill(dc draw.Canvas, r vg.Rectangle, clr interface{ RGBA() (r, g, b, a uint32) }) {
	x0, x1 := min(r.Min.X, r.Max.X), max(r.Min.X, r.Max.X)
	y0, y1 := min(r.Min.Y, r.Max.Y), max(r.Min.Y, r.Max.Y)
	dc.FillPolygon(clr, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
}

// atEnd writes v just past the end of bar r (beyond Max along the value
// axis), when it fits across the bar.
func (b barsPlotter) atEnd(dc draw.Canvas, r vg.Rectangle, v float64) {
	label := formatValue(v)
	sty := b.values
	if b.c.horizontal() {
		at := vg.Point{X: r.Max.X + 2, Y: (r.Min.Y + r.Max.Y) / 2}
		if r.Max.X < r.Min.X { // negative: write it on the left
			at.X, sty.XAlign = r.Max.X-2, text.XRight
		}
		dc.FillText(sty, at, label)
		return
	}
	if sty.Width(label) > abs(r.Max.X-r.Min.X)+3 {
		return // wider than its column: it would run into the next figure
	}
	at := vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: r.Max.Y + 1.5}
	if r.Max.Y < r.Min.Y {
		at.Y, sty.YAlign = r.Max.Y-1.5, text.YTop
	}
	dc.FillText(sty, at, label)
}

// inside writes a stacked segment's figure in its middle, in black or
// white against its colour, when it fits inside the segment.
func (b barsPlotter) inside(dc draw.Canvas, r vg.Rectangle, v float64, clr interface{ RGBA() (r, g, b, a uint32) }) {
	if v == 0 {
		return
	}
	label := formatValue(v)
	sty := b.values
	sty.Color = inkOn(clr)
	sty.XAlign, sty.YAlign = text.XCenter, text.YCenter
	if sty.Width(label)+3 > abs(r.Max.X-r.Min.X) || sty.Height(label) > abs(r.Max.Y-r.Min.Y) {
		return
	}
	dc.FillText(sty, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2}, label)
}

func abs(l vg.Length) vg.Length { return max(l, -l) }

// GlyphBoxes implements plot.GlyphBoxer: the figures at the bars' ends,
// so that gonum plot leaves room for the longest one instead of
// cutting it off at the edge.
func (b barsPlotter) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	if !b.showValues {
		return nil
	}
	var boxes []plot.GlyphBox
	add := func(v, mid float64) {
		label := formatValue(v)
		w, h := b.values.Width(label), b.values.Height(label)
		if b.c.horizontal() {
			box := plot.GlyphBox{X: p.X.Norm(v), Y: p.Y.Norm(mid)}
			box.Rectangle = vg.Rectangle{Min: vg.Point{X: 2, Y: -h / 2}, Max: vg.Point{X: 2 + w, Y: h / 2}}
			if v < 0 {
				box.Rectangle = vg.Rectangle{Min: vg.Point{X: -2 - w, Y: -h / 2}, Max: vg.Point{X: -2, Y: h / 2}}
			}
			boxes = append(boxes, box)
			return
		}
		box := plot.GlyphBox{X: p.X.Norm(mid), Y: p.Y.Norm(v)}
		box.Rectangle = vg.Rectangle{Min: vg.Point{X: -w / 2, Y: 1.5}, Max: vg.Point{X: w / 2, Y: 1.5 + h}}
		if v < 0 {
			box.Rectangle = vg.Rectangle{Min: vg.Point{X: -w / 2, Y: -1.5 - h}, Max: vg.Point{X: w / 2, Y: -1.5}}
		}
		boxes = append(boxes, box)
	}
	for i := range b.c.Categories {
		var up, down float64
		known := false
		for s := range b.c.Series {
			v := b.c.value(s, i)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			known = true
			if b.c.Kind != ChartStackedBars {
				add(v, b.at(s, i))
			} else if v > 0 {
				up += v
			} else {
				down += v
			}
		}
		if b.c.Kind == ChartStackedBars && known {
			add(up+down, b.at(0, i))
		}
	}
	return boxes
}
