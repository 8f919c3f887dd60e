package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
)

// withThisYearsCourse is the sample with a joint course held this year.
func withThisYearsCourse(st *data.Store) {
	withSample(st)
	withHeldCourse(st, data.Course{Title: "Victim identification", FirstDay: strconv.Itoa(time.Now().Year()) + "-01-12", Status: "held"}, 4)
}

// TestTheWindowOpensOnTheOverview: the Overview is what a user sees first,
// its cards are this year's named figures, its charts are drawn, and what
// needs attention opens its record.
func TestTheWindowOpensOnTheOverview(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	st, err := data.Open(context.Background(), path, data.Options{Device: "test-laptop"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MarkStarted(context.Background()); err != nil {
		t.Fatal(err)
	}
	withThisYearsCourse(st)
	st.Close()
	w := startLazily(t, path)
	ws := w.ws
	if ws.current != areaOverview || ws.areas[areaOverview].name != "Overview" {
		t.Fatalf("the window opens on area %d (%s), want the Overview", ws.current, ws.areas[ws.current].name)
	}
	o := ws.overview
	year := strconv.Itoa(time.Now().Year())
	if o.from != year+"-01-01" || o.to != year+"-12-31" {
		t.Errorf("period %s – %s, want this year", o.from, o.to)
	}
	want, err := w.store.OverviewFigures(context.Background(), o.from, o.to)
	if err != nil {
		t.Fatal(err)
	}
	if got := o.cards["courses"].value.Text; got != export.FormatCount(want["training.courses"].Total) || got == "0" {
		t.Errorf("courses card %q, want %d (the named figure)", got, want["training.courses"].Total)
	}
	if got := o.cards["persons"].value.Text; got != export.FormatCount(want["training.unique_persons"].Total) {
		t.Errorf("persons card %q, want %d", got, want["training.unique_persons"].Total)
	}
	if !strings.HasPrefix(o.cards["courses"].detail.Text, "1 joint") {
		t.Errorf("courses card detail %q, want the joint course", o.cards["courses"].detail.Text)
	}
	if n := len(o.charts.Objects); n != 5 {
		t.Errorf("%d charts, want 5", n)
	}

	// Last year's statistics are missing: the line opens the Statistics
	// at that year.
	last := time.Now().Year() - 1
	var line *widget.Hyperlink
	for _, obj := range test.LaidOutObjects(o.attention) {
		if l, ok := obj.(*widget.Hyperlink); ok && strings.Contains(l.Text, "No statistics entered for "+strconv.Itoa(last)) {
			line = l
		}
	}
	if line == nil {
		t.Fatalf("no line for last year's statistics among %d", len(o.attention.Objects))
	}
	line.OnTapped()
	if ws.current != areaStatistics || ws.statistics.year != last {
		t.Errorf("the line opened area %d, year %d; want the Statistics at %d", ws.current, ws.statistics.year, last)
	}

	// Save as PDF… writes the brief of the period: two pages.
	ws.nav.Select(areaOverview)
	if o.brief.Disabled() {
		t.Fatal("Save as PDF… is disabled once the figures are in")
	}
	test.Tap(o.brief)
	dir := t.TempDir()
	ws.env.shown.save.folder.SetText(dir)
	test.Tap(ws.env.shown.save.save)
	pdf, err := os.ReadFile(filepath.Join(dir, ws.env.shown.save.name.Text))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) { // its pages are read back in export's test
		t.Fatalf("the brief: %d bytes, %v", len(pdf), err)
	}

	// A silent agency's line opens the agency in the Register.
	rows, _ := w.store.Organisations(context.Background(), data.OrganisationFilter{})
	ws.openRecord("organisation", rows[2].ID)
	if ws.current != areaRegister || ws.register.form.current.ID != rows[2].ID {
		t.Errorf("opening an organisation: area %d, form on %q", ws.current, ws.register.form.current.Name)
	}

	// A card tells its rule and opens the courses it counts.
	ws.nav.Select(areaOverview)
	o.cards["courses"].Tapped(nil)
	if !hasText(w, data.TrainingCountingRules) {
		t.Error("the courses card does not tell its counting rule")
	}
	test.Tap(button(t, w, "Open the list"))
	if ws.current != areaTrainings || len(ws.trainings.courses) != 1 || !ws.trainings.filter.Joint {
		t.Errorf("Open the list: area %d, %d courses, joint %v; want this year's one joint course", ws.current,
			len(ws.trainings.courses), ws.trainings.filter.Joint)
	}
}

func TestAttentionIsWrittenWithTheWindowsDates(t *testing.T) {
	day := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		item data.AttentionItem
		want string
	}{
		{data.AttentionItem{Kind: data.AttentionOverdueAction, Day: "2026-06-30", Title: "School sessions"}, "Overdue since " + showDate(day) + ": School sessions"},
		{data.AttentionItem{Kind: data.AttentionMeetingSoon, Day: "2026-06-30"}, "Meeting of the coordination body on " + showDate(day)},
		{data.AttentionItem{Kind: data.AttentionStatisticsMissing, ID: "2025"}, "No statistics entered for 2025 yet"},
		{data.AttentionItem{Kind: data.AttentionAgencySilent, Title: "La Strada"}, "Has not contributed to the open reply: La Strada"},
		{data.AttentionItem{Kind: data.AttentionQuality, Title: "Persons convicted 2025: 12, more than the 10 persons prosecuted"}, "Persons convicted 2025: 12, more than the 10 persons prosecuted"},
	} {
		if got := attentionText(tc.item); got != tc.want || strings.Contains(got, "2026-06-30") {
			t.Errorf("%s: %q, want %q", tc.item.Kind, got, tc.want)
		}
	}
}

// TestABarOfTheOverviewOpensWhatItCounts: a click on the first bar of the
// sectors chart lists the participations behind it, each opening its
// course; a click on a month's column, the courses held that month.
func TestABarOfTheOverviewOpensWhatItCounts(t *testing.T) {
	w := openWindow(t, withThisYearsCourse)
	ws := w.ws
	ws.nav.Select(areaOverview)
	o := ws.overview
	if len(o.charts.Objects) != 5 {
		t.Fatalf("%d charts", len(o.charts.Objects))
	}
	tapCategory := func(v *chartView, want int) {
		t.Helper()
		size := v.Size()
		scale := min(size.Width/chartSize.Width, size.Height/chartSize.Height)
		left, top := (size.Width-chartSize.Width*scale)/2, (size.Height-chartSize.Height*scale)/2
		for y := float32(0); y < chartSize.Height; y++ {
			for x := float32(0); x < chartSize.Width; x += 4 {
				if v.chart.CategoryAt(float64(chartSize.Width), float64(chartSize.Height), float64(x), float64(y)) == want {
					v.Tapped(&fyne.PointEvent{Position: fyne.NewPos(left+x*scale, top+y*scale)})
					return
				}
			}
		}
		t.Fatalf("%s: no point of category %d", v.chart.Title, want)
	}
	sectors := o.charts.Objects[0].(*chartView)
	tapCategory(sectors, 0)
	list := ws.env.shown.participations
	want, err := w.store.Participations(context.Background(), o.from, o.to, sectors.chart.Codes[0])
	if err != nil {
		t.Fatal(err)
	}
	if list == nil || list.Length() != len(want) || list.Length() != int(sectors.chart.Series[0].Values[0]) {
		t.Fatalf("the first sector's bar (%v participations): the list shows %v", sectors.chart.Series[0].Values[0], list)
	}
	list.Select(0) // a line opens its course
	if ws.current != areaTrainings || ws.trainings.form.current.ID != want[0].CourseID {
		t.Errorf("a participation opened area %d, course %q", ws.current, ws.trainings.form.current.Title)
	}
	ws.nav.Select(areaOverview)
	months := o.charts.Objects[1].(*chartView)
	tapCategory(months, 0) // January, when the course was held
	if ws.trainings.filter.From != strconv.Itoa(time.Now().Year())+"-01-01" || ws.trainings.filter.To != strconv.Itoa(time.Now().Year())+"-01-31" ||
		len(ws.trainings.courses) != 1 {
		t.Errorf("January's column: %s – %s, %d courses", ws.trainings.filter.From, ws.trainings.filter.To, len(ws.trainings.courses))
	}
}

// TestTheStatisticsCardOpensItsYear: the statistics card counts the
// latest year entered up to the period's end, and opens that year.
func TestTheStatisticsCardOpensItsYear(t *testing.T) {
	w := openWindow(t, withThisYearsCourse)
	ws := w.ws
	year := time.Now().Year() - 2
	if err := w.store.SetStatistics(context.Background(), year, []data.Statistic{{Measure: "victims_identified", Value: 31}}); err != nil {
		t.Fatal(err)
	}
	ws.nav.Select(areaOverview)
	ws.overview.refresh()
	if got := ws.overview.cards["statistics"].value.Text; got != "31" {
		t.Errorf("statistics card %q, want 31 (entered for %d)", got, year)
	}
	ws.showCounted("statistics", ws.overview.from, ws.overview.to)
	if ws.current != areaStatistics || ws.statistics.year != year {
		t.Errorf("the statistics card opened area %d at %d, want the Statistics at %d", ws.current, ws.statistics.year, year)
	}
}

// TestEachCardOpensTheListItCounts: the meetings, agreements, plan,
// courses and campaigns cards open their area filtered to what they
// count, for several periods, say so above the list, and Show all takes
// the narrowing away.
func TestEachCardOpensTheListItCounts(t *testing.T) {
	w := openWindow(t, func(st *data.Store) {
		withThisYearsCourse(st)
		if err := st.GenerateCoordinationSample(context.Background(), data.SmallCoordinationSample, 7); err != nil {
			panic(err)
		}
	})
	ws := w.ws
	year := time.Now().Year()
	periods := [][2]string{
		{strconv.Itoa(year) + "-01-01", strconv.Itoa(year) + "-12-31"},
		{strconv.Itoa(year-1) + "-01-01", strconv.Itoa(year-1) + "-12-31"},
		{strconv.Itoa(year-1) + "-04-01", strconv.Itoa(year-1) + "-06-30"},
		{"2000-01-01", strconv.Itoa(year) + "-12-31"},
	}
	nonzero := map[string]bool{}
	for _, p := range periods {
		f, err := w.store.OverviewFigures(context.Background(), p[0], p[1])
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			card, figure string
			listed       func() int
		}{
			{"meetings", "mechanism.meetings", func() int { return len(ws.body.meetings) }},
			{"agreements", "agreements.by_level", func() int { return len(ws.agreements.agreements) }},
			{"plan", "plan.actions_by_status", func() int { return len(ws.plan.actions) }},
			{"campaigns", "campaigns.by_channel", func() int { return len(ws.campaigns.campaigns) }},
		} {
			ws.showCounted(c.card, p[0], p[1])
			if got, want := c.listed(), f[c.figure].Total; got != want {
				t.Errorf("%s card for %s – %s: %d listed, the card counts %d", c.card, p[0], p[1], got, want)
			}
			nonzero[c.card] = nonzero[c.card] || f[c.figure].Total > 0
		}
	}
	for _, card := range []string{"meetings", "agreements", "plan", "campaigns"} {
		if !nonzero[card] {
			t.Errorf("the sample has nothing for the %s card in any period: the test proves nothing", card)
		}
	}
	if ws.body.tabs.Selected().Text != "Meetings" || !ws.body.held.content.Visible() {
		t.Errorf("the meetings card opened tab %q, note shown %v", ws.body.tabs.Selected().Text, ws.body.held.content.Visible())
	}
	if !strings.Contains(ws.agreements.inForce.text.Text, "in force on") {
		t.Errorf("agreements note %q", ws.agreements.inForce.text.Text)
	}
	before := len(ws.agreements.agreements)
	test.Tap(ws.agreements.inForce.content.Objects[2].(*widget.Button)) // Show all
	if ws.agreements.inForce.content.Visible() || ws.agreements.filter.InForceOn != "" || len(ws.agreements.agreements) < before {
		t.Errorf("Show all left the note %v, the filter %q, %d agreements (were %d)", ws.agreements.inForce.content.Visible(),
			ws.agreements.filter.InForceOn, len(ws.agreements.agreements), before)
	}

	// A bar of the plan's chart lists its pillar's actions only.
	ws.showBar("plan", "prevention", periods[0][0], periods[0][1])
	for _, a := range ws.plan.actions {
		if a.Pillar != "prevention" {
			t.Errorf("the prevention bar lists %q of pillar %s", a.Activity, a.Pillar)
		}
	}
	if len(ws.plan.actions) == 0 || len(ws.plan.actions) >= len(ws.plan.all) {
		t.Errorf("the prevention bar lists %d of the plan's %d actions", len(ws.plan.actions), len(ws.plan.all))
	}

	// A quarter's courses say which quarter, since the year list cannot.
	ws.showCounted("courses", periods[2][0], periods[2][1])
	if !ws.trainings.period.content.Visible() || !strings.Contains(ws.trainings.period.text.Text, "Courses held from") {
		t.Errorf("a quarter's courses: note %v %q", ws.trainings.period.content.Visible(), ws.trainings.period.text.Text)
	}
	test.Tap(ws.trainings.period.content.Objects[2].(*widget.Button))
	if ws.trainings.filter.From != "" || ws.trainings.period.content.Visible() {
		t.Errorf("Show all left the courses from %q", ws.trainings.filter.From)
	}
}
