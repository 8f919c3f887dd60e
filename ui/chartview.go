package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/export"
)

// chartView shows a chart drawn as an image; a click on a bar, a column or
// a year opens what it counts (onCategory gets its index, or -1 for a
// click elsewhere on the chart).
type chartView struct {
	widget.BaseWidget
	chart      export.Chart
	img        *canvas.Image
	onCategory func(i int)
}

func newChartView(c export.Chart, img image.Image, onCategory func(int)) *chartView {
	v := &chartView{chart: c, img: canvas.NewImageFromImage(img), onCategory: onCategory}
	v.img.FillMode = canvas.ImageFillContain
	v.img.SetMinSize(chartSize)
	v.ExtendBaseWidget(v)
	return v
}

func (v *chartView) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(v.img) }

// Cursor shows that the chart can be clicked.
func (v *chartView) Cursor() desktop.Cursor { return desktop.PointerCursor }

// Tapped finds the category under the click: the image keeps its
// proportions, centred in the view, as ImageFillContain draws it.
func (v *chartView) Tapped(ev *fyne.PointEvent) {
	if v.onCategory == nil {
		return
	}
	size := v.Size()
	scale := min(size.Width/chartSize.Width, size.Height/chartSize.Height)
	if scale <= 0 {
		return
	}
	left, top := (size.Width-chartSize.Width*scale)/2, (size.Height-chartSize.Height*scale)/2
	x, y := (ev.Position.X-left)/scale, (ev.Position.Y-top)/scale
	v.onCategory(v.chart.CategoryAt(float64(chartSize.Width), float64(chartSize.Height), float64(x), float64(y)))
}
