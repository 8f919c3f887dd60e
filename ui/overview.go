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
	for _, c := range export.OverviewCards(data.Overview{}, "") { // the cards, laid out before anything is counted
		card := newFigureCard(cardTitle(c))
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
		charts = export.OverviewCharts(export.OverviewData{Figures: ov.Figures, Months: ov.Months,
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
	for _, c := range export.OverviewCards(o.overview, o.to) {
		value := c.Value
		if value == data.NotAvailable {
			value = locale.L("not available")
		}
		detail, _ := cardDetail(c)
		o.cards[c.Key].set(value, detail)
	}
}

// cardTitle is an Overview card's title in the window's language. export
// names the cards in English; each title is a literal here so that the
// translation files have it.
func cardTitle(c export.OverviewCard) string {
	switch c.Key {
	case "courses":
		return locale.L("Training courses held")
	case "persons":
		return locale.L("Persons trained")
	case "participations":
		return locale.L("Participations by sex")
	case "government":
		return locale.L("Government / non-government")
	case "campaigns":
		return locale.L("Awareness campaigns")
	case "meetings":
		return locale.L("Meetings of the body")
	case "agreements":
		return locale.L("Agreements in force")
	case "plan":
		return locale.L("Plan actions done")
	case "statistics":
		return locale.L("Victims identified")
	}
	return c.Title
}

// cardDetail is an Overview card's line of detail in the window's
// language, with named placeholders where export gives a printf format
// and its arguments; ok is false for a format it does not know, which is
// then written in English.
func cardDetail(c export.OverviewCard) (detail string, ok bool) {
	args := make([]any, len(c.DetailArgs))
	for i, a := range c.DetailArgs {
		if a == data.NotAvailable {
			a = locale.L("not available")
		}
		args[i] = a
	}
	switch {
	case c.DetailFormat == "%s joint" && len(args) == 1:
		return locale.L("{{.Joint}} joint", map[string]any{"Joint": args[0]}), true
	case c.DetailFormat == "each person counted once":
		return locale.L("each person counted once"), true
	case c.DetailFormat == "women %s · men %s · other %s" && len(args) == 3:
		return locale.L("women {{.Women}} · men {{.Men}} · other {{.Other}}", map[string]any{"Women": args[0], "Men": args[1], "Other": args[2]}), true
	case c.DetailFormat == "participations":
		return locale.L("participations"), true
	case c.DetailFormat == "reach %s" && len(args) == 1:
		return locale.L("reach {{.People}}", map[string]any{"People": args[0]}), true
	case c.DetailFormat == "held so far":
		return locale.L("held so far"), true
	case c.DetailFormat == "at the end of the period":
		return locale.L("at the end of the period"), true
	case c.DetailFormat == "ongoing %s · overdue %s" && len(args) == 2:
		return locale.L("ongoing {{.Ongoing}} · overdue {{.Overdue}}", map[string]any{"Ongoing": args[0], "Overdue": args[1]}), true
	case c.DetailFormat == "no statistics entered":
		return locale.L("no statistics entered"), true
	case c.DetailFormat == "in %d · %s convicted" && len(args) == 2:
		return locale.L("in {{.Year}} · {{.Convicted}} convicted", map[string]any{"Year": args[0], "Convicted": args[1]}), true
	}
	return c.Detail(), false
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
		b := widget.NewButtonWithIcon(attentionText(it), attentionIcon(it.Kind), func() {
			if o.open != nil {
				o.open(it.Entity, it.ID)
			}
		})
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		o.attention.Add(b)
	}
	o.attention.Refresh()
}

// attentionText says what needs attention in the window's language, its
// day written as the window writes days.
func attentionText(it data.AttentionItem) string {
	day := it.Day
	if d, err := time.Parse(time.DateOnly, it.Day); err == nil {
		day = showDate(d)
	}
	switch it.Kind {
	case data.AttentionOverdueAction:
		return locale.L("Overdue since {{.Day}}: {{.Action}}", map[string]any{"Day": day, "Action": it.Title})
	case data.AttentionCourseThisMonth:
		return locale.L("This month, from {{.Day}}: {{.Course}}", map[string]any{"Day": day, "Course": it.Title})
	case data.AttentionMeetingSoon:
		if it.Title == "" {
			return locale.L("Meeting of the coordination body on {{.Day}}", map[string]any{"Day": day})
		}
		return locale.L("Meeting of the coordination body on {{.Day}}, {{.Place}}", map[string]any{"Day": day, "Place": it.Title})
	case data.AttentionAgreementExpiring:
		return locale.L("Valid until {{.Day}}: {{.Agreement}}", map[string]any{"Day": day, "Agreement": it.Title})
	case data.AttentionNoAttendance:
		return locale.L("Held on {{.Day}}, no attendance recorded: {{.Course}}", map[string]any{"Day": day, "Course": it.Title})
	case data.AttentionNoCertificates:
		return locale.L("Held on {{.Day}}, no certificates issued: {{.Course}}", map[string]any{"Day": day, "Course": it.Title})
	case data.AttentionStatisticsMissing:
		return locale.L("No statistics entered for {{.Year}} yet", map[string]any{"Year": it.ID})
	case data.AttentionAgencySilent:
		return locale.L("Has not contributed to the open reply: {{.Organisation}}", map[string]any{"Organisation": it.Title})
	}
	return it.Title
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
	if code := o.env.store.Country(context.Background()); code != "" {
		b.Country = countryName(code)
	}
	saveDocument(o.env, fileName("overview "+o.from+" "+o.to, ".pdf"), func(w io.Writer) error {
		return export.OverviewBrief(w, b)
	})
}

// explain tells how a card's figure is counted, and opens its list.
func (o *overviewScreen) explain(key, figure string) {
	f, ok := data.NamedFigureByName(figure)
	if !ok {
		return
	}
	rule := widget.NewLabel(f.Rule)
	rule.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle(locale.L("{{.Figure}} — {{.Period}}", map[string]any{"Figure": f.Title, "Period": between(o.from, o.to)}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
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
