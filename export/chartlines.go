package export

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// lineWidth is thick enough to tell five lines' colours apart at 480 pt.
const lineWidth = 1.5

// linesPlotter draws each series of a chart as a line over its
// categories.
type linesPlotter struct{ c Chart }

// Plot implements plot.Plotter. A year not known splits the line in two
// pieces rather than dropping it to 0, which would read as "none that
// year"; a known year with no known neighbour gets a dot, since a line
// of one point is invisible.
func (l linesPlotter) Plot(dc draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&dc)
	for s := range l.c.Series {
		sty := draw.LineStyle{Color: seriesColour(s), Width: lineWidth}
		var pieces [][]vg.Point
		var piece []vg.Point
		for i := range l.c.Categories {
			v := l.c.value(s, i)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				if piece != nil {
					pieces, piece = append(pieces, piece), nil
				}
				continue
			}
			piece = append(piece, vg.Point{X: trX(float64(i)), Y: trY(v)})
		}
		if piece != nil {
			pieces = append(pieces, piece)
		}
		for _, pc := range pieces {
			if len(pc) == 1 {
				dot := draw.GlyphStyle{Color: sty.Color, Radius: 2, Shape: draw.CircleGlyph{}}
				dc.DrawGlyph(dot, pc[0])
				continue
			}
			dc.StrokeLines(sty, pc)
		}
	}
}
