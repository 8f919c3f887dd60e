package export

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/ncm-register/ncm-register/locale"
)

// ChartKind is how a chart shows its figures.
type ChartKind int

const (
	// ChartBars draws horizontal bars, one per category (one bar per
	// series side by side when there are several); the order of the
	// categories is the caller's, drawn from the top.
	ChartBars ChartKind = iota
	// ChartColumns draws vertical columns over an ordered axis (courses
	// per month), one or two series side by side.
	ChartColumns
	// ChartStackedBars draws horizontal bars with the series stacked
	// (plan actions by pillar, stacked by status).
	ChartStackedBars
	// ChartLines draws one line per series over the categories (years);
	// a value not known leaves a gap in the line, never a drop to 0.
	ChartLines
)

// ChartSeries is one named row of figures.
type ChartSeries struct {
	Name string
	// Values has one figure per category; math.NaN() means not known: no
	// bar, a gap in a line, never drawn as 0. Missing values at the end
	// count as not known.
	Values []float64
}

// Chart is a chart to draw as an image, the same in the window and in
// the PDF.
type Chart struct {
	Title      string
	Kind       ChartKind
	Categories []string // labels along the category axis
	// Codes name what each category stands for (a sector's code, a
	// period "2025-01-01/2025-03-31", a year), for a click on it to open
	// what it counts; "" where it stands for several (“5 others”).
	Codes []string
	// Series take their colours from chartPalette in the order given, so a
	// caller that passes series in a fixed order keeps a name's colour
	// wherever the chart appears.
	Series []ChartSeries
	// Whole is for counts: the value axis ticks only whole numbers and
	// starts at 0.
	Whole bool
	Note  string // optional line under the chart, e.g. "not available for 2025"
	// Empty is said in the middle of a chart with nothing to show; ""
	// says chartNothing. The caller translates.
	Empty string
}

// ChartStyle is how the image is drawn.
type ChartStyle struct {
	Dark bool // light text on a dark background, for Fyne's dark theme
	// Scale is the device pixels per point for the window (the canvas
	// scale); 0 means 1.
	Scale float64
}

// chartNothing is what an empty chart says unless Chart.Empty is set.
var chartNothing = locale.Mark("Nothing recorded for the period")

// Below this a chart has no room for its title, axes and labels at the
// fonts' smallest readable size.
const minChartWidth, minChartHeight = 80, 60

// Draw draws the chart as a raster image of widthPt×heightPt points at
// style.Scale pixels per point, for the window.
func (c Chart) Draw(widthPt, heightPt float64, style ChartStyle) (image.Image, error) {
	if err := c.check(widthPt, heightPt); err != nil {
		return nil, err
	}
	scale := style.Scale
	if scale <= 0 {
		scale = 1
	}
	w, h := int(math.Round(widthPt*scale)), int(math.Round(heightPt*scale))
	// vgimg takes whole dots per inch; with the image's own pixel size the
	// window gets exactly the pixels it asked for and the drawing is at
	// most half a dot per inch off (under 1 %).
	dpi := max(1, int(math.Round(72*scale)))
	cv := vgimg.NewWith(vgimg.UseImage(image.NewRGBA(image.Rect(0, 0, w, h))), vgimg.UseDPI(dpi))
	c.render(draw.New(cv), chartThemeFor(style.Dark))
	return cv.Image(), nil
}

// PNG writes the chart as a PNG, for the PDF (maroto places PNG bytes).
func (c Chart) PNG(w io.Writer, widthPt, heightPt float64, style ChartStyle) error {
	img, err := c.Draw(widthPt, heightPt, style)
	if err != nil {
		return err
	}
	return png.Encode(w, img)
}

// SVG writes the chart as SVG in the light style, so tests can read its
// texts and shapes.
func (c Chart) SVG(w io.Writer, widthPt, heightPt float64) error {
	if err := c.check(widthPt, heightPt); err != nil {
		return err
	}
	cv := vgsvg.NewWith(vgsvg.UseWH(vg.Length(widthPt), vg.Length(heightPt)))
	c.render(draw.New(cv), chartThemeFor(false))
	_, err := cv.WriteTo(w)
	return err
}

func (c Chart) check(widthPt, heightPt float64) error {
	if !(widthPt >= minChartWidth && heightPt >= minChartHeight) {
		return fmt.Errorf("chart %q: %g×%g pt is smaller than %d×%d pt", c.Title, widthPt, heightPt, minChartWidth, minChartHeight)
	}
	if c.Kind < ChartBars || c.Kind > ChartLines {
		return fmt.Errorf("chart %q: unknown kind %d", c.Title, c.Kind)
	}
	for _, s := range c.Series {
		if len(s.Values) > len(c.Categories) {
			return errors.New("chart " + c.Title + ": series " + s.Name + " has more values than there are categories")
		}
	}
	return nil
}

// value is series s's figure for category i, NaN when not known.
func (c Chart) value(s, i int) float64 {
	if v := c.Series[s].Values; i < len(v) {
		return v[i]
	}
	return math.NaN()
}

// empty is true when there is nothing to draw: no categories, or every
// figure unknown or 0.
func (c Chart) empty() bool {
	for s := range c.Series {
		for i := range c.Categories {
			if v := c.value(s, i); !math.IsNaN(v) && v != 0 {
				return false
			}
		}
	}
	return true
}

// horizontal is true when the categories run down the left side.
func (c Chart) horizontal() bool { return c.Kind == ChartBars || c.Kind == ChartStackedBars }
