package export

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// updateCharts rewrites the golden chart images in testdata/charts from
// the current drawing. After a deliberate change to how charts look:
//
//	go test -tags ci,migrated_fynedo -run TestChartGolden ./export/ -update-charts
//
// then open the PNGs and check them before committing.
var updateCharts = flag.Bool("update-charts", false, "rewrite testdata/charts/*.png")

var nan = math.NaN()

// sampleCharts has one chart of each kind, with the awkward cases the
// Overview meets: long sector names, Cyrillic and accented labels, a
// figure not known, a year without a value.
func sampleCharts() map[string]Chart {
	return map[string]Chart{
		"bars": {
			Title: "Training participants by sector", Kind: ChartBars, Whole: true,
			Categories: []string{"Law enforcement", "Employers' organisation", "Министерство внутренних дел",
				"Ministère de la Santé publique et de la Population", "Labour inspection", "Judiciary"},
			Series: []ChartSeries{{Name: "Participants", Values: []float64{42, 17, 9, 5, nan, 1}}},
		},
		"columns": {
			Title: "Courses per month", Kind: ChartColumns, Whole: true,
			Categories: []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
			Series: []ChartSeries{
				{Name: "Courses", Values: []float64{2, 3, 1, 0, 4, 6, 2, nan, 3, 5, 7, 1}},
				{Name: "Courses last year", Values: []float64{1, 2, 2, 3, 3, 4, 1, 0, 2, 3, 5, 2}},
			},
		},
		"stacked": {
			Title: "National action plan: actions by pillar and status", Kind: ChartStackedBars, Whole: true,
			Categories: []string{"Prevention", "Protection", "Prosecution", "Partnership"},
			Series: []ChartSeries{
				{Name: "Done", Values: []float64{6, 3, 2, 1}},
				{Name: "Under way", Values: []float64{4, 5, 1, 2}},
				{Name: "Late", Values: []float64{1, 2, 3, 0}},
				{Name: "Not started", Values: []float64{2, 1, nan, 3}},
			},
		},
		"lines": {
			Title: "Trafficking cases", Kind: ChartLines, Whole: true,
			Categories: years(2016, 2025),
			Series: []ChartSeries{
				{Name: "Investigated", Values: []float64{40, 52, 47, nan, 61, 58, 70, 66, 73, nan}},
				{Name: "Prosecuted", Values: []float64{21, 25, 30, nan, 33, 29, 38, 41, 40, nan}},
				{Name: "Convicted", Values: []float64{9, 12, 11, nan, 15, 14, 19, 18, 22, nan}},
			},
			Note: "Not available for 2019 and 2025",
		},
		"empty": {Title: "Awareness campaigns by channel", Kind: ChartColumns, Whole: true},
	}
}

func years(from, to int) []string {
	var ys []string
	for y := from; y <= to; y++ {
		ys = append(ys, fmt.Sprint(y))
	}
	return ys
}

// svgMarkup is what a chart's SVG holds: its texts, and its shapes by
// colour.
type svgMarkup struct {
	texts []svgText
	paths []svgPath
}

type svgText struct {
	text string
	x, y float64
	size string
}

type svgPath struct{ d, style string }

func chartSVG(t *testing.T, c Chart, w, h float64) svgMarkup {
	t.Helper()
	var buf bytes.Buffer
	if err := c.SVG(&buf, w, h); err != nil {
		t.Fatal(err)
	}
	var m svgMarkup
	dec := xml.NewDecoder(&buf)
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := func(name string) string {
			for _, a := range se.Attr {
				if a.Name.Local == name {
					return a.Value
				}
			}
			return ""
		}
		switch se.Name.Local {
		case "path":
			m.paths = append(m.paths, svgPath{d: attr("d"), style: attr("style")})
		case "text":
			var s string
			if err := dec.DecodeElement(&s, &se); err != nil {
				t.Fatal(err)
			}
			var x, y float64
			fmt.Sscan(attr("x"), &x)
			fmt.Sscan(attr("y"), &y)
			size := attr("style")
			if i := strings.Index(size, "font-size:"); i >= 0 {
				size = strings.SplitN(size[i+len("font-size:"):], ";", 2)[0]
			}
			m.texts = append(m.texts, svgText{text: s, x: x, y: y, size: size})
		}
	}
	return m
}

func (m svgMarkup) has(s string) bool {
	for _, t := range m.texts {
		if t.text == s {
			return true
		}
	}
	return false
}

// shortFormOf finds the text that shows label, whole or shortened with an
// ellipsis.
func (m svgMarkup) shortFormOf(label string) (string, bool) {
	for _, t := range m.texts {
		if t.text == label {
			return t.text, true
		}
		if head, ok := strings.CutSuffix(t.text, ellipsis); ok && head != "" && strings.HasPrefix(label, head) {
			return t.text, true
		}
	}
	return "", false
}

// filled counts the shapes filled with series s's colour.
func (m svgMarkup) filled(s int) int {
	want := "fill:" + hex(seriesColour(s))
	n := 0
	for _, p := range m.paths {
		if strings.Contains(p.style, want) && !strings.Contains(p.style, "stroke:") {
			n++
		}
	}
	return n
}

// stroked is the paths drawn as lines in series s's colour.
func (m svgMarkup) stroked(s int) []svgPath {
	want := "stroke:" + hex(seriesColour(s))
	var ps []svgPath
	for _, p := range m.paths {
		if strings.Contains(p.style, want) && strings.Contains(p.style, "fill:none") {
			ps = append(ps, p)
		}
	}
	return ps
}

func hex(c interface{ RGBA() (r, g, b, a uint32) }) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8)
}

func TestChartLabelsAndSeriesNames(t *testing.T) {
	for name, c := range sampleCharts() {
		t.Run(name, func(t *testing.T) {
			m := chartSVG(t, c, 480, 260)
			if !m.has(c.Title) {
				t.Errorf("title %q missing", c.Title)
			}
			for _, l := range c.Categories {
				if _, ok := m.shortFormOf(l); !ok {
					t.Errorf("category %q missing, whole or shortened", l)
				}
			}
			if len(c.Series) > 1 {
				for _, s := range c.Series {
					if !m.has(s.Name) {
						t.Errorf("series %q missing from the legend", s.Name)
					}
				}
			}
		})
	}
}

// A label too long for its room is cut with an ellipsis, not left to run
// into the bars, and an accented or Cyrillic label is cut between
// letters.
func TestChartShortensLongLabels(t *testing.T) {
	c := sampleCharts()["bars"]
	m := chartSVG(t, c, 360, 260)
	long := "Ministère de la Santé publique et de la Population"
	short, _ := m.shortFormOf(long)
	if short == long || !strings.HasSuffix(short, ellipsis) {
		t.Errorf("%q shown as %q, want it shortened with an ellipsis", long, short)
	}
	if short, _ := m.shortFormOf("Law enforcement"); short != "Law enforcement" {
		t.Errorf("a short label was cut: %q", short)
	}
	// Narrower, the Cyrillic one must be cut too.
	m = chartSVG(t, c, 240, 200)
	if short, _ := m.shortFormOf("Министерство внутренних дел"); !strings.HasSuffix(short, ellipsis) {
		t.Errorf("Cyrillic label at 240 pt shown as %q, want it shortened", short)
	}
}

// Twenty-four sectors down the side of a 480×260 chart: every one
// labelled, and no two labels closer than their font's size.
func TestChartCategoryLabelsDoNotOverlap(t *testing.T) {
	c := overviewCharts()[0]
	m := chartSVG(t, c, 480, 260)
	var ys []float64
	var size float64
	for _, l := range c.Categories {
		short, ok := m.shortFormOf(l)
		if !ok {
			t.Fatalf("sector %q not labelled", l)
		}
		for _, tx := range m.texts {
			if tx.text == short {
				ys = append(ys, tx.y)
				fmt.Sscanf(tx.size, "%gpx", &size)
				break
			}
		}
	}
	for i := 1; i < len(ys); i++ {
		if gap := ys[i] - ys[i-1]; gap < size {
			t.Errorf("labels %d and %d are %.1f pt apart, closer than their %.1f pt font", i-1, i, gap, size)
		}
	}
}

func TestChartOneBarPerKnownValue(t *testing.T) {
	charts := sampleCharts()
	tests := []struct {
		name   string
		chart  Chart
		series int
		want   int
	}{
		// Six sectors, one not known: five bars.
		{"bars", charts["bars"], 0, 5},
		// Twelve months, one not known and one 0 (no column to see):
		// ten columns, and one swatch in the legend.
		{"columns first series", charts["columns"], 0, 10 + 1},
		// Eleven months not 0, one 0; and the legend's swatch.
		{"columns second series", charts["columns"], 1, 11 + 1},
		// Four pillars, one with Late 0: three segments, and the swatch.
		{"stacked Late", charts["stacked"], 2, 3 + 1},
		// Four pillars, one not known: three segments, and the swatch.
		{"stacked Not started", charts["stacked"], 3, 3 + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := chartSVG(t, tt.chart, 480, 260).filled(tt.series); got != tt.want {
				t.Errorf("%d shapes in series %d's colour, want %d", got, tt.series, tt.want)
			}
		})
	}
}

func TestChartWritesValuesAtBarEnds(t *testing.T) {
	m := chartSVG(t, sampleCharts()["bars"], 480, 260)
	for _, v := range []string{"42", "17", "9", "5", "1"} {
		if !m.has(v) {
			t.Errorf("figure %s not written", v)
		}
	}
}

// A year not known breaks the line in two; joined through 0 it would say
// "none that year".
func TestChartLineGapIsAGap(t *testing.T) {
	c := Chart{Kind: ChartLines, Whole: true, Categories: years(2020, 2024),
		Series: []ChartSeries{{Name: "Investigated", Values: []float64{5, 7, nan, 6, 8}}}}
	lines := chartSVG(t, c, 480, 260).stroked(0)
	if len(lines) != 2 {
		t.Fatalf("%d line pieces, want 2: %v", len(lines), lines)
	}
	for i, want := range []int{2, 2} {
		if got := strings.Count(lines[i].d, "L") + 1; got != want {
			t.Errorf("piece %d has %d points, want %d: %s", i, got, want, lines[i].d)
		}
	}
}

// Counts up to 3 are marked 0, 1, 2, 3: never 0.5 of a participant. The
// same figures not marked Whole do get half steps, so the check can fail.
func TestChartWholeTicks(t *testing.T) {
	for _, kind := range []ChartKind{ChartBars, ChartColumns, ChartStackedBars, ChartLines} {
		c := Chart{Kind: kind, Whole: true, Categories: []string{"A", "B", "C"},
			Series: []ChartSeries{{Name: "n", Values: []float64{3, 1, 2}}}}
		m := chartSVG(t, c, 480, 260)
		for _, half := range []string{"0.5", "1.5", "2.5"} {
			if m.has(half) {
				t.Errorf("kind %d: tick %q on a count axis", kind, half)
			}
		}
		for _, tick := range []string{"0", "1", "2", "3"} {
			if !m.has(tick) {
				t.Errorf("kind %d: tick %q missing", kind, tick)
			}
		}
		c.Whole = false
		if m := chartSVG(t, c, 480, 260); !m.has("0.5") {
			t.Errorf("kind %d: figures not Whole show no half steps; the check above proves nothing", kind)
		}
	}
}

func TestChartEmptySaysNothingRecorded(t *testing.T) {
	tests := map[string]Chart{
		"no categories": sampleCharts()["empty"],
		"all unknown": {Title: "Campaigns", Kind: ChartBars, Categories: []string{"Radio", "TV"},
			Series: []ChartSeries{{Name: "Campaigns", Values: []float64{nan, nan}}}},
		"all zero": {Title: "Cases", Kind: ChartLines, Categories: years(2020, 2022),
			Series: []ChartSeries{{Name: "a", Values: []float64{0, 0, 0}}, {Name: "b", Values: []float64{0, nan, 0}}}},
	}
	for name, c := range tests {
		t.Run(name, func(t *testing.T) {
			m := chartSVG(t, c, 480, 260)
			if !m.has(chartNothing) {
				t.Errorf("no %q", chartNothing)
			}
			if !m.has(c.Title) {
				t.Errorf("title %q missing", c.Title)
			}
			if _, err := c.Draw(480, 260, ChartStyle{}); err != nil {
				t.Errorf("Draw: %v", err)
			}
		})
	}
}

func TestChartDrawIsDeterministic(t *testing.T) {
	for name, c := range sampleCharts() {
		var a, b bytes.Buffer
		if err := c.PNG(&a, 480, 260, ChartStyle{Dark: true}); err != nil {
			t.Fatal(err)
		}
		if err := c.PNG(&b, 480, 260, ChartStyle{Dark: true}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two drawings differ", name)
		}
	}
}

func TestChartDrawScale(t *testing.T) {
	img, err := sampleCharts()["bars"].Draw(480, 260, ChartStyle{Scale: 1.5})
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got != (image.Point{720, 390}) {
		t.Errorf("480×260 pt at scale 1.5 is %v pixels, want 720×390", got)
	}
	if _, err := (Chart{}).Draw(10, 10, ChartStyle{}); err == nil {
		t.Error("a 10×10 pt chart drew; want an error")
	}
}

// TestChartGolden compares each kind of chart, light and dark, with the
// image kept in testdata/charts, pixel by pixel: a channel may differ by a
// few levels (antialiasing after a library update), not more.
func TestChartGolden(t *testing.T) {
	for name, c := range sampleCharts() {
		for _, dark := range []bool{false, true} {
			file := name + "-light.png"
			if dark {
				file = name + "-dark.png"
			}
			t.Run(file, func(t *testing.T) {
				var buf bytes.Buffer
				if err := c.PNG(&buf, 480, 260, ChartStyle{Dark: dark, Scale: 1}); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", "charts", file)
				if *updateCharts {
					if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update-charts to make it)", err)
				}
				if msg := imageDiff(t, want, buf.Bytes()); msg != "" {
					t.Errorf("%s: %s (if intended: -update-charts, then look at it)", path, msg)
				}
			})
		}
	}
}

// imageDiff says how two PNGs differ beyond a tolerance of 8 levels in a
// channel on at most 0.5 % of the pixels; "" when they match.
func imageDiff(t *testing.T, want, got []byte) string {
	t.Helper()
	a, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	b, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	if a.Bounds() != b.Bounds() {
		return fmt.Sprintf("size %v, want %v", b.Bounds(), a.Bounds())
	}
	const tolerance = 8 << 8
	off, all := 0, a.Bounds().Dx()*a.Bounds().Dy()
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r0, g0, b0, a0 := a.At(x, y).RGBA()
			r1, g1, b1, a1 := b.At(x, y).RGBA()
			for _, d := range [][2]uint32{{r0, r1}, {g0, g1}, {b0, b1}, {a0, a1}} {
				if max(d[0], d[1])-min(d[0], d[1]) > tolerance {
					off++
					break
				}
			}
		}
	}
	if off*200 > all {
		return fmt.Sprintf("%d of %d pixels differ", off, all)
	}
	return ""
}
