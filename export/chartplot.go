package export

import (
	"math"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Estimates of the axes' thickness, used to size category labels before
// gonum plot lays the axes out: the height of the value labels under a
// horizontal-bar chart, the width of the value labels left of columns.
const valueAxisHeight, valueAxisWidth = labelSize*1.3 + 4, 26

// plot builds the gonum plot for the data part of the chart (no title,
// no legend, no background: render draws those) to fit in dc.
func (c Chart) plot(dc draw.Canvas, th chartTheme) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = nil
	size := dc.Size()
	n := len(c.Categories)
	cat, val := &p.X, &p.Y
	catLength, valLength := size.X-valueAxisWidth, size.Y-valueAxisHeight
	if c.horizontal() {
		cat, val = &p.Y, &p.X
		catLength, valLength = size.Y-valueAxisHeight, size.X*0.6
	}
	for _, a := range []*plot.Axis{cat, val} {
		a.Padding = 0 // the category axis line is the value axis's 0
		a.Tick.Length = 0
		a.Tick.Label = chartText(labelSize, th.text, xfont.WeightNormal, xfont.StyleNormal)
	}
	if c.horizontal() {
		val.Tick.Label.XAlign, val.Tick.Label.YAlign = text.XCenter, text.YTop
		cat.Tick.Label.XAlign, cat.Tick.Label.YAlign = text.XRight, text.YCenter
	} else {
		cat.Tick.Label.XAlign, cat.Tick.Label.YAlign = text.XCenter, text.YTop
		val.Tick.Label.XAlign, val.Tick.Label.YAlign = text.XRight, text.YCenter
	}

	// Categories sit at whole positions, the first at the top of a bar
	// chart (read like the table beside it) or on the left of columns.
	cat.Min, cat.Max = -0.5, float64(n)-0.5
	cat.LineStyle = draw.LineStyle{Color: th.axis, Width: 0.75}
	cat.Tick.Marker, cat.Tick.Label.Font.Size = c.categoryTicks(cat.Tick.Label, catLength, size.X*0.36)

	lo, hi := c.valueRange()
	val.Min, val.Max = lo, hi
	val.AutoRescale = true  // end on a labelled mark
	val.LineStyle.Width = 0 // the grid shows the value axis
	most := int(valLength / 30)
	if c.horizontal() {
		most = int(valLength / 45) // horizontal labels need more room
	}
	val.Tick.Marker = niceTicks{whole: c.Whole, most: min(6, max(2, most))}

	grid := plotter.NewGrid()
	if c.horizontal() {
		grid.Horizontal.Color = nil
		grid.Vertical = draw.LineStyle{Color: th.grid, Width: 0.5}
	} else {
		grid.Vertical.Color = nil
		grid.Horizontal = draw.LineStyle{Color: th.grid, Width: 0.5}
	}
	p.Add(grid)
	if c.Kind == ChartLines {
		p.Add(linesPlotter{c: c})
	} else {
		p.Add(c.bars(th, catLength/vg.Length(max(1, n))))
	}
	return p
}

// valueRange is the span the value axis must show: from 0 (bars start
// there, and counts are read from it) to the largest figure or stack.
func (c Chart) valueRange() (lo, hi float64) {
	for i := range c.Categories {
		var up, down float64 // a stack's positive and negative totals
		for s := range c.Series {
			v := c.value(s, i)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			if c.Kind != ChartStackedBars {
				up, down = max(up, v), min(down, v)
			} else if v > 0 {
				up += v
			} else {
				down += v
			}
		}
		hi, lo = max(hi, up), min(lo, down)
	}
	return lo, hi
}

// categoryTicks labels the categories, each shortened with an ellipsis to
// its room so that no two overlap. Down the side of a bar chart each
// label may take maxWidth and the font shrinks to the row height, to
// minLabelSize; along the bottom each label may take its column's width.
// Where even that is too tight only every k-th category is labelled.
func (c Chart) categoryTicks(sty text.Style, length, maxWidth vg.Length) (plot.ConstantTicks, vg.Length) {
	n := len(c.Categories)
	slot := length / vg.Length(max(1, n))
	every := 1
	labels := make([]string, n)
	if c.horizontal() {
		sty.Font.Size = min(labelSize, max(minLabelSize, slot*0.85))
		lineHeight := sty.Height("Hg")
		for slot*vg.Length(every) < lineHeight {
			every++
		}
		for i, l := range c.Categories {
			labels[i] = shorten(sty, l, maxWidth)
		}
	} else {
		// The smallest k for which every label keeps its first three
		// characters (all of a shorter one) in k columns' width.
		for ; every < n; every++ {
			room := slot*vg.Length(every) - 4
			fits := true
			for i, l := range c.Categories {
				labels[i] = shorten(sty, l, room)
				if visible(labels[i]) < min(3, len([]rune(l))) {
					fits = false
				}
			}
			if fits {
				break
			}
		}
	}
	ticks := make(plot.ConstantTicks, 0, n)
	for i := range c.Categories {
		if i%every != 0 {
			continue
		}
		pos := float64(i)
		if c.horizontal() {
			pos = float64(n - 1 - i)
		}
		ticks = append(ticks, plot.Tick{Value: pos, Label: labels[i]})
	}
	return ticks, sty.Font.Size
}
