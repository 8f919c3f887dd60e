package ui

import (
	"context"
	"fmt"
	"image"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
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
	asked    int // the latest period asked for: an older count that lands late is dropped
	figures  map[string]data.FigureValue
	latest   overviewStatistics
	content  fyne.CanvasObject
}

// overviewStatistics are the latest year's statistics up to the period's end.
type overviewStatistics struct {
	year  int
	by    map[string]map[int]int
	known bool
}

// overviewCards are the cards, in order: a key, the title, and the named
// figure whose rule a tap shows.
var overviewCards = []struct{ key, title, figure string }{
	{"courses", "Training courses held", "training.courses"},
	{"persons", "Persons trained", "training.unique_persons"},
	{"participations", "Participations by sex", "training.participants_by_sex"},
	{"government", "Government / non-government", "training.participants_government"},
	{"campaigns", "Awareness campaigns", "campaigns.by_channel"},
	{"meetings", "Meetings of the body", "mechanism.meetings"},
	{"agreements", "Agreements in force", "agreements.by_level"},
	{"plan", "Plan actions done", "plan.actions_by_status"},
	{"statistics", "Victims identified", "statistics.victims_identified"},
}

func newOverviewScreen(e *env) *overviewScreen {
	o := &overviewScreen{env: e, cards: map[string]*figureCard{}}
	o.heading = widget.NewLabelWithStyle(lang.L("Overview"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.period = newPeriodPicker(time.Now, o.load)
	var cards []fyne.CanvasObject
	for _, c := range overviewCards {
		card := newFigureCard(lang.L(c.title))
		key, figure := c.key, c.figure
		card.onTapped = func() { o.explain(key, figure) }
		o.cards[c.key] = card
		cards = append(cards, card)
	}
	o.attention = container.NewVBox()
	o.charts = wrapRow()
	top := container.NewBorder(nil, nil, o.heading, nil, container.NewHBox(layoutSpacer(), widget.NewLabel(lang.L("Period")), o.period.content))
	attentionTitle := widget.NewLabelWithStyle(lang.L("What needs attention"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
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
	var figures map[string]data.FigureValue
	var items []data.AttentionItem
	var latest overviewStatistics
	var images []image.Image
	var err error
	store := o.env.store
	style := export.ChartStyle{Dark: fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark,
		Scale: float64(o.env.win.Canvas().Scale())}
	runAsync(func() {
		var ov data.Overview
		if ov, err = store.Overview(context.Background(), time.Now().Format(time.DateOnly), from, to, export.OverviewMeasures); err != nil {
			return
		}
		figures, items, latest = ov.Figures, ov.Attention, latestOf(ov, to)
		images, err = drawCharts(export.OverviewCharts(export.OverviewData{Figures: ov.Figures, Months: ov.Months,
			PillarState: ov.ByPillar, Years: ov.Years, ByMeasure: ov.ByMeasure}), style)
	}, func() {
		if asked != o.asked {
			return
		}
		if err != nil {
			o.env.status(err.Error())
			return
		}
		o.figures, o.latest = figures, latest
		o.showFigures()
		o.showAttention(items)
		o.showCharts(images)
	})
}

// latestOf picks the statistics of the latest year entered up to the
// period's end.
func latestOf(ov data.Overview, to string) overviewStatistics {
	out := overviewStatistics{by: ov.ByMeasure}
	end, _ := strconv.Atoi(to[:4])
	for _, y := range ov.Years {
		if y <= end {
			out.year, out.known = y, true
		}
	}
	return out
}

func (o *overviewScreen) showFigures() {
	f := o.figures
	count := func(name string) string {
		v := f[name]
		if v.Unknown {
			return lang.L("not available")
		}
		return export.FormatCount(v.Total)
	}
	row := func(name, code string) int {
		for _, r := range f[name].Rows {
			if r.Code == code {
				return r.Value
			}
		}
		return 0
	}
	o.cards["courses"].set(count("training.courses"), fmt.Sprintf(lang.L("%s joint"), export.FormatCount(row("training.courses", "joint"))))
	o.cards["persons"].set(count("training.unique_persons"), lang.L("each person counted once"))
	o.cards["participations"].set(count("training.participants_by_sex"), fmt.Sprintf(lang.L("women %s · men %s · other %s"),
		export.FormatCount(row("training.participants_by_sex", "female")), export.FormatCount(row("training.participants_by_sex", "male")),
		export.FormatCount(row("training.participants_by_sex", "")+row("training.participants_by_sex", "other"))))
	o.cards["government"].set(export.FormatCount(row("training.participants_government", "government"))+" / "+
		export.FormatCount(row("training.participants_government", "non_government")), lang.L("participations"))
	o.cards["campaigns"].set(count("campaigns.by_channel"), fmt.Sprintf(lang.L("reach %s"), count("campaigns.reach")))
	o.cards["meetings"].set(count("mechanism.meetings"), lang.L("held so far"))
	o.cards["agreements"].set(count("agreements.by_level"), lang.L("at the end of the period"))
	plan := f["plan.actions_by_status"]
	o.cards["plan"].set(fmt.Sprintf("%s / %s", export.FormatCount(row("plan.actions_by_status", "done")), export.FormatCount(plan.Total)),
		fmt.Sprintf(lang.L("ongoing %s · overdue %s"), export.FormatCount(row("plan.actions_by_status", "ongoing")), count("plan.actions_overdue")))
	st := o.latest
	if !st.known {
		o.cards["statistics"].set(lang.L("not available"), lang.L("no statistics entered"))
		return
	}
	value := func(m string) string {
		if n, ok := st.by[m][st.year]; ok {
			return export.FormatCount(n)
		}
		return "–"
	}
	o.cards["statistics"].set(value("victims_identified"), fmt.Sprintf(lang.L("in %d · %s convicted"), st.year, value("convicted")))
}

// chartSize is the size of a chart in the window, in points: two side by
// side in the Overview of a 1024×600 screen.
var chartSize = fyne.NewSize(400, 230)

// drawCharts draws the charts as images, at the window's scale.
func drawCharts(charts []export.Chart, style export.ChartStyle) ([]image.Image, error) {
	out := make([]image.Image, 0, len(charts))
	for _, c := range charts {
		c.Empty = lang.L("Nothing recorded for the period")
		img, err := c.Draw(float64(chartSize.Width), float64(chartSize.Height), style)
		if err != nil {
			return nil, err
		}
		out = append(out, img)
	}
	return out, nil
}

func (o *overviewScreen) showCharts(images []image.Image) {
	o.charts.RemoveAll()
	for _, img := range images {
		c := canvas.NewImageFromImage(img)
		c.FillMode = canvas.ImageFillContain
		c.SetMinSize(chartSize)
		o.charts.Add(c)
	}
	o.charts.Refresh()
}

// attentionShown is how many lines of one kind are listed before the rest
// are counted.
const attentionShown = 5

func (o *overviewScreen) showAttention(items []data.AttentionItem) {
	o.attention.RemoveAll()
	if len(items) == 0 {
		o.attention.Add(help(lang.L("Nothing needs attention: no action overdue, no course or meeting waiting, the statistics entered and checked.")))
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
			o.attention.Add(help(fmt.Sprintf(lang.L("and %d more of this kind"), more-attentionShown)))
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
		return fmt.Sprintf(lang.L("Overdue since %s: %s"), day, it.Title)
	case data.AttentionCourseThisMonth:
		return fmt.Sprintf(lang.L("This month, from %s: %s"), day, it.Title)
	case data.AttentionMeetingSoon:
		if it.Title == "" {
			return fmt.Sprintf(lang.L("Meeting of the coordination body on %s"), day)
		}
		return fmt.Sprintf(lang.L("Meeting of the coordination body on %s, %s"), day, it.Title)
	case data.AttentionAgreementExpiring:
		return fmt.Sprintf(lang.L("Valid until %s: %s"), day, it.Title)
	case data.AttentionNoAttendance:
		return fmt.Sprintf(lang.L("Held on %s, no attendance recorded: %s"), day, it.Title)
	case data.AttentionNoCertificates:
		return fmt.Sprintf(lang.L("Held on %s, no certificates issued: %s"), day, it.Title)
	case data.AttentionStatisticsMissing:
		return fmt.Sprintf(lang.L("No statistics entered for %s yet"), it.ID)
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
	}
	return theme.InfoIcon()
}

// explain tells how a card's figure is counted, and opens its list.
func (o *overviewScreen) explain(key, figure string) {
	f, ok := data.NamedFigureByName(figure)
	if !ok {
		return
	}
	rule := widget.NewLabel(f.Rule)
	rule.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle(f.Title+" — "+o.from+" – "+o.to, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	body := container.NewVBox(title, widget.NewLabel(lang.L("How it is counted")+":"), rule)
	if o.showList != nil {
		body.Add(container.NewHBox(widget.NewButtonWithIcon(lang.L("Open the list"), theme.ListIcon(), func() {
			d.Hide()
			o.showList(key, o.from, o.to)
		})))
	}
	d = dialog.NewCustom(o.cards[key].title.Text, lang.L("Close"), body, o.env.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// refresh counts again after a change elsewhere.
func (o *overviewScreen) refresh() {
	if o.from != "" {
		o.load(o.from, o.to)
	}
}
