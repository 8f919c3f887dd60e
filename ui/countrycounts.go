package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// countryCounts breaks a measure's foreign nationals down by country: a
// line per country entered, with its count, since a form of every country
// of the world would bury the few a year has.
type countryCounts struct {
	env     *env
	measure string
	entry   func(key string, multi bool) *formEntry
	edited  func(key string)
	fields  *fieldSet // where each line's problem is shown
	lines   []*countryLine
	box     *fyne.Container
	add     *widget.Button
	content fyne.CanvasObject
}

type countryLine struct {
	code  string
	count *formEntry
	row   fyne.CanvasObject
}

func newCountryCounts(e *env, measure string, entry func(string, bool) *formEntry, edited func(string), fields *fieldSet) *countryCounts {
	c := &countryCounts{env: e, measure: measure, entry: entry, edited: edited, fields: fields, box: container.NewVBox()}
	c.add = widget.NewButtonWithIcon(locale.L("Add a country…"), theme.ContentAddIcon(), func() {
		pickCountry(e, locale.L("Add a country…"), func(code string) {
			c.addLine(code, "")
			c.edited(c.key(code))
		})
	})
	hint := help(locale.L("Of the foreign nationals above; those whose country is not known are left out."))
	c.content = container.NewVBox(c.box, container.NewHBox(c.add), hint)
	return c
}

func (c *countryCounts) key(code string) string {
	return data.StatisticField(c.measure, data.CountryGroup+":"+code)
}

// addLine shows a country's count, or focuses the line it has already.
func (c *countryCounts) addLine(code, count string) {
	if i := slices.IndexFunc(c.lines, func(l *countryLine) bool { return l.code == code }); i >= 0 {
		c.env.win.Canvas().Focus(c.lines[i].count)
		return
	}
	key := c.key(code)
	l := &countryLine{code: code, count: c.entry(key, false)}
	l.count.SetText(count)
	msg := newErrorLabel()
	c.fields.track(key, msg)
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		c.lines = slices.DeleteFunc(c.lines, func(o *countryLine) bool { return o == l })
		c.box.Remove(l.row)
		c.fields.clearField(key)
		c.edited(key)
	})
	name := widget.NewLabel(countryName(code))
	l.row = container.NewVBox(container.NewBorder(nil, nil, nil, remove, container.NewGridWithColumns(2, name, l.count)), msg)
	c.lines = append(c.lines, l)
	c.box.Add(l.row)
}

// set shows the counts entered, by country code.
func (c *countryCounts) set(counts map[string]int) {
	c.lines = nil
	c.box.RemoveAll()
	codes := make([]string, 0, len(counts))
	for code := range counts {
		codes = append(codes, code)
	}
	slices.SortFunc(codes, func(a, b string) int { return strings.Compare(data.Fold(countryName(a)), data.Fold(countryName(b))) })
	for _, code := range codes {
		c.addLine(code, strconv.Itoa(counts[code]))
	}
}

// typed gives each line's typed count by its field key.
func (c *countryCounts) typed() map[string]*formEntry {
	out := map[string]*formEntry{}
	for _, l := range c.lines {
		out[c.key(l.code)] = l.count
	}
	return out
}
