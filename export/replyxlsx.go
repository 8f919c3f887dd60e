package export

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
)

// ReplyXLSX writes a questionnaire reply as a workbook: a cover, a sheet per
// section with each question's answer, figures (numbers, with their counting
// rule) and the agencies' contributions, a sheet of charts, and the annexes
// (members, courses, campaigns, agreements, plan actions, statistics by
// year). Every sheet is streamed, so a large register's annexes pass
// through without being held as cells in memory.
func ReplyXLSX(w io.Writer, c ReplyContent) error {
	f := newWorkbook()
	defer f.Close()
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	b := newBook(f)
	if err := f.SetSheetName("Sheet1", "Cover"); err != nil {
		return err
	}
	names := sheetNames{"cover": true, "charts": true}
	if err := writeCover(b, st, c); err != nil {
		return err
	}
	for i, sec := range c.Template.Sections {
		if err := writeSection(b, st, c, i, names.add(sec.ID+" "+sec.Title)); err != nil {
			return err
		}
	}
	if err := writeCharts(b, st, c); err != nil {
		return err
	}
	for _, annex := range xlsxAnnexes {
		if err := annex.write(b, st, c, names.add(annex.name)); err != nil {
			return fmt.Errorf("%s: %w", annex.name, err)
		}
	}
	return f.Write(w)
}

// coverWidths are the cover's columns: labels, values, and room for a
// second value (the end of the period).
var coverWidths = []float64{26, 80, 14}

func writeCover(b *book, st sheetStyles, c ReplyContent) error {
	s := newStreamSheet(b, "Cover", coverWidths, 0)
	s.splitTall(styled(st.note, "(continued)"))
	t, r := c.Template, c.Reply
	s.add(styled(st.title, t.Title))
	s.skip()
	label := func(l string) excelize.Cell { return styled(st.label, l) }
	s.add(label("State"), styled(st.wrap, c.stateText()))
	s.add(label("Resolution"), styled(st.wrap, t.Resolution))
	s.add(label("Questionnaire"), styled(st.wrap, t.Title+", version "+t.Version))
	s.add(label("Reporting period from"), st.day(r.From))
	s.add(label("Reporting period to"), st.day(r.To))
	s.add(label("Replying officer"), styled(st.wrap, c.officerText()))
	if c.final() {
		s.add(label("Date of the reply"), st.day(c.replyDay()))
	} else {
		s.add(label("Date of the reply"), st.day(c.replyDay()), "Draft")
	}
	s.add(label("Status"), styled(st.wrap, c.statusText()))
	agencies := data.ContributingAgencies(c.Contributions)
	if len(agencies) == 0 {
		s.add(label("Contributing agencies"), styled(st.note, "No contribution imported from an agency"))
	}
	for i, a := range agencies {
		if i == 0 {
			s.add(label("Contributing agencies"), a)
		} else {
			s.add(nil, a)
		}
	}
	s.skip()
	s.add(label("Note"), styled(st.wrap, t.Note))
	s.add(label("Annexes"), styled(st.wrap, c.annexNote()))
	return s.flush()
}

// sectionWidths are a section sheet's columns: question id or row label;
// question, answer and figure titles; breakdown; value; counting rule.
var sectionWidths = []float64{10, 60, 28, 10, 48}

func writeSection(b *book, st sheetStyles, c ReplyContent, i int, sheet string) error {
	sec := c.Template.Sections[i]
	s := newStreamSheet(b, sheet, sectionWidths, 2)
	s.splitTall(styled(st.note, "(continued)"))
	s.add(styled(st.title, sec.ID+". "+sec.Title))
	s.add(st.headerRow("Question", "Question, answer and figures", "Breakdown", "Value", "Counting rule")...)
	for _, q := range sec.Questions {
		s.add(styled(st.question, q.ID), styled(st.question, q.Text))
		a := c.Answers[q.ID]
		if a.Narrative == "" {
			s.add(styled(st.label, "Answer"), styled(st.note, "No answer yet"))
		} else {
			s.add(styled(st.label, "Answer"), styled(st.wrap, a.Narrative))
		}
		if q.Kind == "yes_no" || a.YesNo != "" {
			s.add(styled(st.label, "Yes / no"), yesNoText(a.YesNo))
		}
		for _, name := range q.Bindings {
			writeFigure(s, st, c, name)
		}
		for _, k := range c.contributionsTo(q.ID) {
			writeContribution(s, st, k)
		}
		s.skip()
	}
	return s.flush()
}

// writeFigure writes a figure's total beside its counting rule, then its
// breakdown a row per part, every value a number.
func writeFigure(s *streamSheet, st sheetStyles, c ReplyContent, name string) {
	title, rule := figureTitle(name)
	v, ok := c.Figures[name]
	if !ok {
		s.add(styled(st.label, "Figure"), styled(st.wrap, title), styled(st.note, "Not frozen with this reply"))
		return
	}
	var total any = v.Total
	if v.Unknown || v.Unadded { // never a 0 where nobody entered anything, nor a sum of two currencies
		total = styled(st.note, FigureTotal(v))
	}
	totalLabel := "Total"
	if v.Unit != "" {
		totalLabel += " (" + v.Unit + ")"
	}
	s.add(styled(st.label, "Figure"), styled(st.wrap, title), styled(st.top, totalLabel), total, styled(st.note, rule))
	for _, r := range v.Rows {
		s.add(nil, nil, r.Label, r.Value)
	}
	for _, year := range v.Missing { // a year nobody entered is not a 0 either
		s.add(nil, nil, year, styled(st.note, data.NotAvailable))
	}
}

// writeContribution keeps who said what: the agency with its answer, then
// each figure it gave.
func writeContribution(s *streamSheet, st sheetStyles, k data.Contribution) {
	answer := strings.TrimSpace(strings.Join(nonEmpty(yesNoText(k.YesNo), k.Narrative), ": "))
	if answer == "" {
		answer = "(no answer in its workbook)"
	}
	s.add(styled(st.label, "Agency"), styled(st.wrap, k.OrganisationName+" — "+answer))
	for _, n := range slices.Sorted(maps.Keys(k.Figures)) {
		title, _ := figureTitle(n)
		s.add(nil, styled(st.wrap, title), "Given by "+k.OrganisationName, k.Figures[n])
	}
}

func nonEmpty(list ...string) []string {
	var out []string
	for _, s := range list {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// sheetNames hands out sheet names Excel accepts: at most 31 characters,
// none of : \ / ? * [ ], no apostrophe at either end, each used once
// (compared as Excel compares them, ignoring case).
type sheetNames map[string]bool

func (used sheetNames) add(want string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return ' '
		}
		return r
	}, want)
	name = strings.Join(strings.Fields(name), " ")
	if utf8.RuneCountInString(name) > 31 {
		name = string([]rune(name)[:31])
		if cut := strings.LastIndex(name, " "); cut > 15 { // end on a whole word
			name = name[:cut]
		}
		name = strings.TrimRight(name, " ,;.-–")
	}
	name = strings.Trim(name, "'")
	if name == "" {
		name = "Sheet"
	}
	base := name
	for n := 2; used[strings.ToLower(name)]; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		name = string([]rune(base)[:min(utf8.RuneCountInString(base), 31-len(suffix))]) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}
