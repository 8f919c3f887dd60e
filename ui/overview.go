package ui

import (
	"context"
	"image"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// overviewScreen answers "how are we doing this year?": the key figures of
// a period as cards (the reply's own named figures), and what needs
// attention, each line opening its record. It draws at once and fills in
// when the figures, counted off the window's thread, land.
type overviewScreen struct {
	env       *env
	period    *periodPicker
	from, to  string
	cards     map[string]*figureCard // by card key
	attention *fyne.Container
	charts    *fyne.Container
	heading   *widget.Label
	// open shows a record in its area (set by the workspace).
	open func(entity, id string)
	// showList opens the list a card counts, filtered to the period.
	showList func(card string, from, to string)
	// showBar opens what a bar of a chart counts: kind is the chart's
	// (see overviewChartLists), code the bar's, "" for a click beside one.
	showBar  func(kind, code, from, to string)
	asked    int            // the latest period asked for: an older count that lands late is dropped
	overview data.Overview  // the latest count landed
	brief    *widget.Button // Save as PDF…: the two-page brief of the period
	content  fyne.CanvasObject
}

func newOverviewScreen(e *env) *overviewScreen {
	o := &overviewScreen{env: e, cards: map[string]*figureCard{}}
	o.heading = widget.NewLabelWithStyle(locale.L("Overview"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.period = newPeriodPicker(time.Now, o.load)
	var cards []fyne.CanvasObject
	for _, c := range export.OverviewCards(locale.Current(), data.Overview{}, "") { // the cards, laid out before anything is counted
		card := newFigureCard(c.Title)
		key, figure := c.Key, c.Figure
		card.onTapped = func() { o.explain(key, figure) }
		o.cards[c.Key] = card
		cards = append(cards, card)
	}
	o.attention = container.NewVBox()
	o.charts = wrapRow()
	o.brief = widget.NewButtonWithIcon(locale.L("Save as PDF…"), theme.DocumentPrintIcon(), o.saveBrief)
	o.brief.Disable() // until the figures land
	top := container.NewBorder(nil, nil, o.heading, nil, container.NewHBox(layoutSpacer(), widget.NewLabel(locale.L("Period")), o.period.content, o.brief))
	attentionTitle := widget.NewLabelWithStyle(locale.L("What needs attention"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.content = container.NewBorder(top, nil, nil, nil,
		container.NewVScroll(container.NewVBox(wrapRow(cards...), attentionTitle, o.attention, o.charts)))
	return o // counting starts when the period is chosen (see newWorkspace)
}

// load counts the period's figures and what needs attention off the
// window's thread; the cards show "…" until they land.
func (o *overviewScreen) load(from, to string) {
	o.from, o.to = from, to
	o.asked++
	asked := o.asked
	for _, c := range o.cards {
		c.set("…", "")
	}
	var ov data.Overview
	var images []image.Image
	var charts []export.Chart
	var err error
	store := o.env.store
	style := export.ChartStyle{Dark: fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark,
		Scale: float64(o.env.win.Canvas().Scale())}
	runAsync(func() {
		ctx := context.Background()
		if ov, err = store.Overview(ctx, time.Now().Format(time.DateOnly), from, to, export.OverviewMeasures); err != nil {
			return
		}
		var silent []data.AttentionItem
		if silent, err = export.SilentAgencyItems(ctx, store); err != nil {
			return
		}
		ov.Attention = append(ov.Attention, silent...)
		charts = export.OverviewCharts(locale.Current(), export.OverviewData{Figures: ov.Figures, Months: ov.Months,
			PillarState: ov.ByPillar, Years: ov.Years, ByMeasure: ov.ByMeasure})
		images, err = drawCharts(charts, style)
	}, func() {
		if asked != o.asked {
			return
		}
		if err != nil {
			o.env.status(err.Error())
			return
		}
		o.overview = ov
		o.brief.Enable()
		o.showFigures()
		o.showAttention(ov.Attention)
		o.showCharts(charts, images)
	})
}

func (o *overviewScreen) showFigures() {
	for _, c := range export.OverviewCards(locale.Current(), o.overview, o.to) {
		o.cards[c.Key].set(c.Value, c.Detail)
	}
}

// chartSize is the size of a chart in the window, in points: two side by
// side in the Overview of a 1024×600 screen.
var chartSize = fyne.NewSize(400, 230)

// drawCharts draws the charts as images, at the window's scale.
func drawCharts(charts []export.Chart, style export.ChartStyle) ([]image.Image, error) {
	out := make([]image.Image, 0, len(charts))
	for _, c := range charts {
		c.Empty = locale.L("Nothing recorded for the period")
		img, err := c.Draw(float64(chartSize.Width), float64(chartSize.Height), style)
		if err != nil {
			return nil, err
		}
		out = append(out, img)
	}
	return out, nil
}

// overviewChartLists are, by chart (in export.OverviewCharts' order), the
// list a click on one of its bars opens: the courses held that reached a
// sector, the courses of a month, the campaigns on a channel, the plan,
// the statistics of a year.
var overviewChartLists = []string{"sector", "period", "channel", "plan", "year"}

func (o *overviewScreen) showCharts(charts []export.Chart, images []image.Image) {
	o.charts.RemoveAll()
	for i, img := range images {
		c, kind := charts[i], overviewChartLists[min(i, len(overviewChartLists)-1)]
		o.charts.Add(newChartView(c, img, func(at int) {
			code := ""
			if at >= 0 && at < len(c.Codes) {
				code = c.Codes[at]
			}
			if o.showBar != nil {
				o.showBar(kind, code, o.from, o.to)
			}
		}))
	}
	o.charts.Refresh()
}

// attentionShown is how many lines of one kind are listed before the rest
// are counted.
const attentionShown = 5

func (o *overviewScreen) showAttention(items []data.AttentionItem) {
	o.attention.RemoveAll()
	if len(items) == 0 {
		o.attention.Add(help(locale.L("Nothing needs attention: no action overdue, no course or meeting waiting, the statistics entered and checked.")))
		return
	}
	shown := map[string]int{}
	for _, it := range items {
		shown[it.Kind]++
		if shown[it.Kind] == attentionShown+1 {
			more := 0
			for _, x := range items {
				if x.Kind == it.Kind {
					more++
				}
			}
			o.attention.Add(help(locale.N("and {{.Count}} more of this kind", more-attentionShown)))
		}
		if shown[it.Kind] > attentionShown {
			continue
		}
		it := it
		// A link cut short with "…" where the line is longer than the
		// window: a button would widen the Overview past the screen.
		link := widget.NewHyperlink(attentionText(it), nil)
		link.Truncation = fyne.TextTruncateEllipsis
		link.OnTapped = func() {
			if o.open != nil {
				o.open(it.Entity, it.ID)
			}
		}
		o.attention.Add(container.NewBorder(nil, nil, widget.NewIcon(attentionIcon(it.Kind)), nil, link))
	}
	o.attention.Refresh()
}

// attentionText says what needs attention in the window's language, its
// day written as the window writes days.
func attentionText(it data.AttentionItem) string {
	return export.AttentionLine(locale.Current(), it, dayText(it.Day))
}

func attentionIcon(kind string) fyne.Resource {
	switch kind {
	case data.AttentionOverdueAction, data.AttentionQuality, data.AttentionStatisticsMissing:
		return theme.WarningIcon()
	case data.AttentionCourseThisMonth, data.AttentionMeetingSoon:
		return theme.CalendarIcon()
	case data.AttentionAgreementExpiring:
		return theme.DocumentIcon()
	case data.AttentionAgencySilent:
		return theme.MailSendIcon()
	}
	return theme.InfoIcon()
}

// saveBrief saves the two-page brief of the period shown, for a minister:
// the same count as on screen.
func (o *overviewScreen) saveBrief() {
	b := export.Brief{From: o.from, To: o.to, Today: time.Now().Format(time.DateOnly), Overview: o.overview}
	country := o.env.store.Country(context.Background())
	saveDocumentIn(o.env, fileName("overview "+o.from+" "+o.to, ".pdf"), func(w io.Writer, tr *locale.Translator) error {
		b.Language = tr
		if country != "" {
			b.Country = tr.Country(country)
		}
		return export.OverviewBrief(w, b)
	})
}

// explain tells how a card's figure is counted, and opens its list.
func (o *overviewScreen) explain(key, figure string) {
	if _, ok := data.NamedFigureByName(figure); !ok {
		return
	}
	name, how := export.FigureText(locale.Current(), figure)
	rule := widget.NewLabel(how)
	rule.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle(name+" — "+dayText(o.from)+" – "+dayText(o.to), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	body := container.NewVBox(title, widget.NewLabel(locale.L("How it is counted:")), rule)
	if o.showList != nil {
		body.Add(container.NewHBox(widget.NewButtonWithIcon(locale.L("Open the list"), theme.ListIcon(), func() {
			d.Hide()
			o.showList(key, o.from, o.to)
		})))
	}
	d = dialog.NewCustom(o.cards[key].title.Text, locale.L("Close"), body, o.env.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// refresh counts again after a change elsewhere.
func (o *overviewScreen) refresh() {
	if o.from != "" {
		o.load(o.from, o.to)
	}
}
