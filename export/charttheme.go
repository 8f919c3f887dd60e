package export

import (
	"image/color"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// chartTheme holds the colours of one look (light or dark).
type chartTheme struct {
	background, text, muted, axis, grid color.Color
}

// chartThemeFor gives the light look (white, dark text: paper and Fyne's
// light theme) or the dark one, whose background is Fyne's dark theme
// background (#171718) so a chart sits in the window without a frame.
func chartThemeFor(dark bool) chartTheme {
	if dark {
		return chartTheme{
			background: color.NRGBA{0x17, 0x17, 0x18, 0xff},
			text:       color.NRGBA{0xf3, 0xf3, 0xf3, 0xff},
			muted:      color.NRGBA{0xb4, 0xb4, 0xb4, 0xff},
			axis:       color.NRGBA{0x8c, 0x8c, 0x8c, 0xff},
			grid:       color.NRGBA{0x33, 0x33, 0x36, 0xff},
		}
	}
	return chartTheme{
		background: color.White,
		text:       color.NRGBA{0x1f, 0x1f, 0x1f, 0xff},
		muted:      color.NRGBA{0x55, 0x55, 0x55, 0xff},
		axis:       color.NRGBA{0x70, 0x70, 0x70, 0xff},
		grid:       color.NRGBA{0xe4, 0xe4, 0xe4, 0xff},
	}
}

// chartPalette is Okabe and Ito's palette, told apart with the common
// colour-vision deficiencies. Blue and orange come first because the
// most common charts have one or two series; yellow is late because it
// is faint on white; their black is replaced by a grey that shows on
// both backgrounds. Series beyond eight repeat the colours.
var chartPalette = []color.Color{
	color.NRGBA{0x00, 0x72, 0xb2, 0xff}, // blue
	color.NRGBA{0xe6, 0x9f, 0x00, 0xff}, // orange
	color.NRGBA{0x00, 0x9e, 0x73, 0xff}, // bluish green
	color.NRGBA{0xcc, 0x79, 0xa7, 0xff}, // reddish purple
	color.NRGBA{0x56, 0xb4, 0xe9, 0xff}, // sky blue
	color.NRGBA{0xd5, 0x5e, 0x00, 0xff}, // vermillion
	color.NRGBA{0xf0, 0xe4, 0x42, 0xff}, // yellow
	color.NRGBA{0x99, 0x99, 0x99, 0xff}, // grey
}

// seriesColour is the colour of the i-th series given.
func seriesColour(i int) color.Color { return chartPalette[i%len(chartPalette)] }

// inkOn is black or white, whichever reads better on fill (for a value
// written inside a stacked segment).
func inkOn(fill color.Color) color.Color {
	r, g, b, _ := fill.RGBA()
	// Relative luminance, roughly (sRGB weights on the 16-bit channels).
	if 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) > 0.5*0xffff {
		return color.Black
	}
	return color.White
}

// Font sizes in points. At scale 1 a point is a pixel, and Fyne writes
// its own text at 14: below 8 pixels Liberation Sans blurs on screen,
// so labels are 9 and figures 8. A 480×260 pt chart in an A4 PDF prints
// them at the size of a footnote.
const (
	titleSize = 11
	labelSize = 9
	valueSize = 8
	noteSize  = 8
	// minLabelSize is how far category labels shrink (24 sectors in
	// 260 pt) before some are left out so that the rest do not overlap.
	minLabelSize = 6.5
)

// chartText is a text style in Liberation Sans, which gonum plot embeds
// and which covers Latin with diacritics and Cyrillic: no system font is
// read, so the image is the same on every machine.
func chartText(size vg.Length, clr color.Color, weight xfont.Weight, style xfont.Style) text.Style {
	return text.Style{
		Color:   clr,
		Font:    font.Font{Typeface: "Liberation", Variant: "Sans", Size: size, Weight: weight, Style: style},
		Handler: chartTextHandler,
	}
}

// chartTextHandler draws plain text (no LaTeX: labels are names that
// may hold $ or _) with the fonts registered by gonum plot.
var chartTextHandler = text.Plain{Fonts: font.DefaultCache}
