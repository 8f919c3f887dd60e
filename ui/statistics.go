package ui

import (
	"context"
	"errors"
	"maps"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// statisticsScreen is the Statistics area: a year's counts entered in one
// form (totals and their breakdowns), and a year-by-year table. Counts only:
// never data about individual victims.
type statisticsScreen struct {
	env      *env
	year     int
	yearSel  *widget.Select
	fields   *fieldSet
	entries  map[string]*formEntry     // by data.StatisticField
	sources  map[string]*idList        // by measure: the source agency
	articles map[string]*formEntry     // by measure: the legal article
	notes    map[string]*formEntry     // by measure: how the agency counted, what is left out
	foreign  map[string]*countryCounts // by measure: foreign nationals by country
	currency *formEntry                // of the value of assets confiscated
	warnings *widget.Label
	save     *widget.Button
	table    *widget.Table
	years    []int
	totals   map[int]map[string]string // year → measure → total as shown
	// assetsUnit is the one currency of every year's assets, named beside
	// the measure; "" when there are several, named in each year.
	assetsUnit string
	typing
	content fyne.CanvasObject
}

func newStatisticsScreen(e *env) *statisticsScreen {
	s := &statisticsScreen{env: e, fields: newFieldSet(), entries: map[string]*formEntry{},
		sources: map[string]*idList{}, articles: map[string]*formEntry{}, notes: map[string]*formEntry{},
		foreign: map[string]*countryCounts{}}
	s.yearSel = widget.NewSelect(nil, func(y string) {
		n, err := strconv.Atoi(y)
		if err != nil || n == s.year {
			return
		}
		if !s.saveFirst(s.env, s.Save) {
			s.yearSel.SetSelected(strconv.Itoa(s.year))
			return
		}
		s.load(n)
	})
	entry := entryMaker(s.edited, func() { s.load(s.year) }, func() bool { return s.dirty })
	var cards []fyne.CanvasObject
	for _, m := range data.Measures {
		measure := m.Code
		grid := newFieldSet()
		total := entry(measure, false)
		s.entries[measure] = total
		if measure == data.AssetsMeasure {
			grid.add(measure, locale.L("Value"), false, total)
			s.currency = entry(data.CurrencyField(measure), false)
			s.currency.SetPlaceHolder(locale.L("e.g. EUR"))
			grid.add(data.CurrencyField(measure), locale.L("Currency"), false, container.NewVBox(s.currency,
				help(locale.L("In whole units of the currency; its ISO code, as in EUR."))))
			s.fields.track(data.CurrencyField(measure), grid.errors[data.CurrencyField(measure)])
		} else {
			grid.add(measure, locale.L("Total"), false, total)
		}
		for _, g := range data.Breakdowns(measure) {
			if g.Name == data.CountryGroup {
				c := newCountryCounts(e, measure, entry, s.edited, s.fields)
				s.foreign[measure] = c
				grid.add(g.Name, locale.L("By country"), false, c.content) // short: the label column is shared
				continue
			}
			var parts []fyne.CanvasObject
			for _, p := range g.Parts {
				key := data.StatisticField(measure, g.Name+":"+p.Code)
				en := entry(key, false)
				s.entries[key] = en
				msg := newErrorLabel()
				s.fields.track(key, msg)
				// The part's name stays above its figure (a placeholder
				// would vanish once a number is typed).
				name := widget.NewLabel(codeLabel("breakdown."+g.Name, p))
				name.Importance = widget.LowImportance
				parts = append(parts, container.NewVBox(name, en, msg))
			}
			grid.add(g.Name, locale.X("breakdown."+g.Name, g.Label), false, container.NewGridWithColumns(3, parts...))
		}
		src := newOrganisationList(e, locale.L("Add the source agency…"), func() { s.edited(measure) })
		s.sources[measure] = src
		grid.add("source", locale.L("Source agency"), false, src.content)
		article := entry(measure, false)
		article.SetPlaceHolder(locale.L("e.g. Art. 165 Criminal Code"))
		s.articles[measure] = article
		grid.add("article", fieldLabel("statistic", "article"), false, article)
		note := entry(measure, true)
		note.SetPlaceHolder(locale.L("How it was counted, what it leaves out"))
		s.notes[measure] = note
		grid.add("note", locale.L("Note"), false, note)
		s.fields.track(measure, grid.errors[measure])
		cards = append(cards, widget.NewCard(codeLabel("measure", m), "", grid.grid))
	}
	s.warnings = widget.NewLabel("")
	s.warnings.Importance = widget.WarningImportance
	s.warnings.Wrapping = fyne.TextWrapWord
	s.save = widget.NewButtonWithIcon(locale.L("Save"), theme.DocumentSaveIcon(), func() { s.Save() })
	s.save.Importance = widget.HighImportance
	note := help(locale.L("Counts per calendar year, and the value of the assets confiscated. Leave a figure empty when it is not known; the parts of a breakdown should add up to the total.") +
		" " + locale.L("When the breakdown by sex and age is entered, saving fills in the breakdowns by sex and by age from it."))
	checks := widget.NewButtonWithIcon(locale.L("Data checks…"), theme.ConfirmIcon(), s.showChecks)
	top := container.NewBorder(nil, nil, widget.NewLabel(locale.L("Year")), container.NewHBox(checks, s.save), s.yearSel)
	form := container.NewBorder(container.NewVBox(top, note), s.warnings, nil, nil,
		container.NewVScroll(container.NewVBox(cards...)))

	s.table = widget.NewTable(func() (int, int) { return len(data.Measures) + 1, len(s.years) + 1 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0 || id.Col == 0
			switch {
			case id.Row == 0 && id.Col == 0:
				l.SetText(locale.L("Measure"))
			case id.Row == 0:
				l.SetText(strconv.Itoa(s.years[id.Col-1]))
			case id.Col == 0:
				l.SetText(codeLabel("measure", data.Measures[id.Row-1]))
				if data.Measures[id.Row-1].Code == data.AssetsMeasure && s.assetsUnit != "" {
					l.SetText(l.Text + " (" + s.assetsUnit + ")")
				}
			default:
				if n, ok := s.totals[s.years[id.Col-1]][data.Measures[id.Row-1].Code]; ok {
					l.SetText(n)
				} else {
					l.SetText("—")
				}
			}
		})
	s.table.SetColumnWidth(0, 260)
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(locale.L("One year"), theme.DocumentCreateIcon(), form),
		container.NewTabItemWithIcon(locale.L("Year by year"), theme.GridIcon(), s.table),
	)
	s.content = tabs
	s.load(time.Now().Year() - 1) // last year's figures are the ones reported
	return s
}

func (s *statisticsScreen) edited(key string) {
	if !s.userEdit() {
		return
	}
	s.fields.clearField(key)
	s.save.Enable()
}

// load shows a year's figures, the years with figures and the table.
func (s *statisticsScreen) load(year int) {
	ctx := context.Background()
	defer s.startFilling()()
	s.year, s.dirty = year, false
	s.fields.clear()
	for _, en := range s.entries {
		en.SetText("")
	}
	for m := range s.sources {
		s.sources[m].set(nil)
		s.articles[m].SetText("")
		s.notes[m].SetText("")
	}
	// The register's country's money is offered; a figure saved says its own.
	s.currency.SetText(data.CountryCurrency(s.env.store.Country(ctx), time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)))
	stats, err := s.env.store.Statistics(ctx, year)
	if err != nil {
		s.env.status(err.Error())
	}
	countries := map[string]map[string]int{} // measure → country → count
	for _, st := range stats {
		if en, ok := s.entries[data.StatisticField(st.Measure, st.Breakdown)]; ok {
			en.SetText(strconv.Itoa(st.Value))
		}
		if group, code, _ := strings.Cut(st.Breakdown, ":"); group == data.CountryGroup {
			if countries[st.Measure] == nil {
				countries[st.Measure] = map[string]int{}
			}
			countries[st.Measure][code] = st.Value
		}
		if st.Currency != "" {
			s.currency.SetText(st.Currency)
		}
		if st.SourceID != "" { // kept with the total, or the first figure of a breakdown
			s.sources[st.Measure].set([]string{st.SourceID})
		}
		if st.Article != "" {
			s.articles[st.Measure].SetText(st.Article)
		}
		if st.Note != "" {
			s.notes[st.Measure].SetText(st.Note)
		}
	}
	for m, c := range s.foreign {
		c.set(countries[m])
	}
	s.showFindings()
	s.loadTable()
	options := map[int]bool{}
	for y := time.Now().Year(); y >= time.Now().Year()-10; y-- {
		options[y] = true
	}
	for _, y := range s.years {
		options[y] = true
	}
	var list []string
	for y := range options {
		list = append(list, strconv.Itoa(y))
	}
	sort.Sort(sort.Reverse(sort.StringSlice(list)))
	s.yearSel.Options = list
	s.yearSel.SetSelected(strconv.Itoa(year))
	s.save.Disable()
	if s.env.store.ReadOnly() {
		s.save.Disable()
	}
}

func (s *statisticsScreen) loadTable() {
	all, err := s.env.store.AllStatistics(context.Background())
	if err != nil {
		return
	}
	s.totals = map[int]map[string]string{}
	s.years = nil
	currencies := map[string]bool{}
	for _, st := range all {
		if st.Currency != "" {
			currencies[st.Currency] = true
		}
	}
	// One currency is named once, beside the measure; several, in each year.
	s.assetsUnit = ""
	if len(currencies) == 1 {
		for c := range currencies {
			s.assetsUnit = c
		}
	}
	for _, st := range all {
		if s.totals[st.Year] == nil {
			s.totals[st.Year] = map[string]string{}
			s.years = append(s.years, st.Year)
		}
		if st.Breakdown == "" {
			text := grouped(st.Value)
			if st.Currency != s.assetsUnit {
				text = locale.X("figure.amount", "{{.Count}} {{.Unit}}", map[string]any{"Count": text, "Unit": st.Currency})
			}
			s.totals[st.Year][st.Measure] = text
		}
	}
	bold := fyne.TextStyle{Bold: true}
	for i, y := range s.years {
		width := fyne.MeasureText(strconv.Itoa(y), theme.TextSize(), bold).Width
		for _, text := range s.totals[y] {
			width = max(width, fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width)
		}
		s.table.SetColumnWidth(i+1, max(70, width+4*theme.Padding()))
	}
	s.table.Refresh()
}

// showFindings shows what the data checks that are on find in the year's
// figures (compared with the year before where a rule does).
func (s *statisticsScreen) showFindings() {
	y := strconv.Itoa(s.year)
	findings, err := s.env.store.QualityFindings(context.Background(), y+"-01-01", y+"-12-31")
	if err != nil {
		s.warnings.SetText(err.Error())
		return
	}
	var lines []string
	for _, f := range findings {
		lines = append(lines, "⚠ "+f.Message)
	}
	s.warnings.SetText(strings.Join(lines, "\n"))
}

// typed reads the form; a figure that is not a whole number is shown
// beside its field.
func (s *statisticsScreen) typed() ([]data.Statistic, bool) {
	var stats []data.Statistic
	var problems []data.FieldError
	entries := maps.Clone(s.entries)
	for _, c := range s.foreign {
		maps.Copy(entries, c.typed())
	}
	for key, en := range entries {
		text := strings.TrimSpace(strings.ReplaceAll(en.Text, " ", ""))
		if text == "" {
			continue
		}
		n, err := strconv.Atoi(text)
		if err != nil {
			problems = append(problems, data.FieldError{Field: key, Key: "error.whole_number",
				Template: "“{{.Value}}” is not a whole number", Data: map[string]any{"Value": en.Text}})
			continue
		}
		measure, breakdown, _ := strings.Cut(key, "/")
		st := data.Statistic{Measure: measure, Breakdown: breakdown, Value: n}
		if measure == data.AssetsMeasure {
			st.Currency = s.currency.Text
		}
		stats = append(stats, st)
	}
	// A measure's source, article and note go with its total, or with its
	// first breakdown figure when only a breakdown was entered: never lost.
	sort.Slice(stats, func(i, j int) bool {
		if stats[i].Measure != stats[j].Measure {
			return stats[i].Measure < stats[j].Measure
		}
		return stats[i].Breakdown < stats[j].Breakdown // the total ("") first
	})
	for i := range stats {
		if i > 0 && stats[i-1].Measure == stats[i].Measure {
			continue
		}
		m := stats[i].Measure
		if ids := s.sources[m].ids; len(ids) > 0 {
			stats[i].SourceID = ids[0]
		}
		stats[i].Article, stats[i].Note = s.articles[m].Text, s.notes[m].Text
	}
	if len(problems) > 0 {
		s.fields.show(&data.ValidationError{Errors: problems})
		return nil, false
	}
	return stats, true
}

// Save writes the year's figures; problems are shown beside the figures and
// what was typed stays. Disagreeing totals are warnings, not problems.
func (s *statisticsScreen) Save() bool {
	if s.env.store.ReadOnly() {
		return false
	}
	stats, ok := s.typed()
	if !ok {
		return false
	}
	if err := s.env.store.SetStatistics(context.Background(), s.year, stats); err != nil {
		var ve *data.ValidationError
		if !errors.As(err, &ve) || !s.fields.show(err) {
			showError(s.env.win, locale.L("The statistics were not saved"), err)
		}
		return false
	}
	s.env.status(locale.L("Statistics of {{.Year}} saved", map[string]any{"Year": s.year}))
	s.load(s.year)
	s.env.changed()
	return true
}

// refresh follows a change made elsewhere (undo).
func (s *statisticsScreen) refresh() {
	if !s.dirty {
		s.load(s.year)
	}
}
