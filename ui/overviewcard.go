package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// figureCard is one key figure of the Overview: what it counts, the number
// in large type, a line of detail; tapping it tells the counting rule and
// opens what it counts.
type figureCard struct {
	widget.BaseWidget
	title, detail *widget.Label
	value         *canvas.Text
	onTapped      func()
}

func newFigureCard(title string) *figureCard {
	c := &figureCard{title: widget.NewLabel(title), detail: widget.NewLabel(""),
		value: canvas.NewText("…", theme.Color(theme.ColorNameForeground))}
	c.title.Truncation = fyne.TextTruncateEllipsis
	c.detail.Truncation = fyne.TextTruncateEllipsis
	c.value.TextSize = 2 * theme.TextSize()
	c.value.TextStyle.Bold = true
	c.ExtendBaseWidget(c)
	return c
}

// set shows a figure: its number as text ("not available" where nothing
// was entered) and its detail.
func (c *figureCard) set(value, detail string) {
	c.value.Text = value
	c.detail.SetText(detail)
	c.Refresh()
}

func (c *figureCard) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped()
	}
}

// Cursor shows that the card can be clicked.
func (c *figureCard) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (c *figureCard) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	body := container.NewVBox(c.title, container.NewHBox(widget.NewLabel(""), c.value), c.detail)
	return &figureCardRenderer{WidgetRenderer: widget.NewSimpleRenderer(container.NewStack(bg, body)), card: c, bg: bg}
}

type figureCardRenderer struct {
	fyne.WidgetRenderer
	card *figureCard
	bg   *canvas.Rectangle
}

// Refresh follows the theme (light or dark) as well as the figure.
func (r *figureCardRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.card.value.Color = theme.Color(theme.ColorNameForeground)
	r.WidgetRenderer.Refresh()
}

// MinSize keeps cards of one width, so that a row of them lines up: three
// to a row at 1024×600, wide enough for the titles of the longer languages.
func (r *figureCardRenderer) MinSize() fyne.Size {
	m := r.WidgetRenderer.MinSize()
	return fyne.NewSize(max(m.Width, 250), m.Height)
}
