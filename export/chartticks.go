package export

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// niceTicks marks the value axis at a round step (1, 2 or 5 times a power
// of ten) from 0 (or below, for negative figures) to the first mark at or
// above the largest figure, so the axis ends on a labelled mark. For
// counts (whole) the step is at least 1: there is no half a participant.
type niceTicks struct {
	whole bool
	// most is how many steps the axis may have; fewer on a short axis.
	most int
}

var _ plot.Ticker = niceTicks{}

// Ticks implements plot.Ticker.
func (t niceTicks) Ticks(lo, hi float64) []plot.Tick {
	step := niceStep(hi-lo, max(1, t.most), t.whole)
	first, last := math.Floor(lo/step+1e-9), math.Ceil(hi/step-1e-9)
	ticks := make([]plot.Tick, 0, int(last-first)+1)
	for k := first; k <= last; k++ {
		v := k * step
		ticks = append(ticks, plot.Tick{Value: v, Label: formatFigure(v, step)})
	}
	return ticks
}

// niceStep is the smallest of 1, 2, 5 × 10^k that covers span in at most
// most steps.
func niceStep(span float64, most int, whole bool) float64 {
	if !(span > 0) || math.IsInf(span, 0) {
		return 1
	}
	raw := span / float64(most)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 5} {
		if m*mag >= raw*(1-1e-9) {
			step = m * mag
			break
		}
	}
	if whole && step < 1 {
		step = 1
	}
	return step
}

// formatFigure writes v with as many decimals as step needs (none for a
// step of 1 or more), so labels never show float noise like 0.30000000000000004.
func formatFigure(v, step float64) string {
	decimals := 0
	if step > 0 && step < 1 {
		decimals = int(math.Ceil(-math.Log10(step) - 1e-9))
	}
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', decimals, 64)
}

// formatValue writes a figure at the end of a bar: whole numbers without
// decimals, others with at most two.
func formatValue(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}
