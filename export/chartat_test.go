package export

import (
	"math"
	"testing"
)

// TestACategoryIsFoundWhereItIsDrawn: the middle of each bar or column,
// as drawn (found in the image by its colour), is its category; the title
// and the margins are none; an empty chart has none.
func TestACategoryIsFoundWhereItIsDrawn(t *testing.T) {
	const w, h = 400.0, 230.0
	bars := Chart{Title: "By sector", Kind: ChartBars, Whole: true, Categories: []string{"NGO", "Police", "Health"},
		Series: []ChartSeries{{Name: "Participants", Values: []float64{9, 5, 2}}}}
	columns := Chart{Title: "Per month", Kind: ChartColumns, Whole: true, Categories: []string{"Jan", "Feb", "Mar", "Apr"},
		Series: []ChartSeries{{Name: "Participants", Values: []float64{3, 0, 8, 4}}}}
	for _, c := range []Chart{bars, columns} {
		img, err := c.Draw(w, h, ChartStyle{Scale: 1})
		if err != nil {
			t.Fatal(err)
		}
		bar := seriesColour(0)
		br, bg, bb, _ := bar.RGBA()
		// Every pixel of the series' colour lies on the category whose bar it is.
		found := map[int]int{}
		for py := 0; py < int(h); py += 3 {
			for px := 0; px < int(w); px += 3 {
				r, g, b, _ := img.At(px, py).RGBA()
				if r != br || g != bg || b != bb {
					continue
				}
				got := c.CategoryAt(w, h, float64(px)+0.5, float64(py)+0.5)
				found[got]++
			}
		}
		for i, v := range c.Series[0].Values {
			if v > 0 && found[i] == 0 {
				t.Errorf("%s: no pixel of %s's bar found at it: %v", c.Title, c.Categories[i], found)
			}
		}
		if found[-1] > 0 {
			t.Errorf("%s: %d pixels of a bar lie on no category", c.Title, found[-1])
		}
		if got := c.CategoryAt(w, h, w/2, 3); got != -1 {
			t.Errorf("%s: the title is category %d", c.Title, got)
		}
	}
	if got := (Chart{Title: "Nothing", Kind: ChartBars, Categories: []string{"A"}, Series: []ChartSeries{{Values: []float64{math.NaN()}}}}).CategoryAt(w, h, w/2, h/2); got != -1 {
		t.Errorf("an empty chart: category %d", got)
	}
}
