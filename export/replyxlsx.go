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
	"github.com/ncm-register/ncm-register/locale"
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
	tr := c.tr()
	b := newBook(f, tr)
	cover, charts := tr.L("Cover"), tr.L("Charts")
	if err := f.SetSheetName("Sheet1", cover); err != nil {
		return err
	}
	names := sheetNames{}
	names.add(cover)
	names.add(charts)
	if err := writeCover(b, st, c, cover); err != nil {
		return err
	}
	for i, sec := range c.Template.Sections {
		if err := writeSection(b, st, c, i, names.add(sec.ID+" "+sec.TitleIn(tr.Code()))); err != nil {
			return err
		}
	}
	if err := writeCharts(b, st, c, charts); err != nil {
		return err
	}
	for _, annex := range xlsxAnnexes {
		if err := annex.write(b, st, c, names.add(tr.L(annex.name))); err != nil {
			return fmt.Errorf("%s: %w", annex.name, err)
		}
	}
	return f.Write(w)
}

// coverWidths are the cover's columns: labels, values, and room for a
// second value (the end of the period).
var coverWidths = []float64{26, 80, 14}

func writeCover(b *book, st sheetStyles, c ReplyContent, sheet string) error {
	tr := c.tr()
	s := newStreamSheet(b, sheet, coverWidths, 0)
	s.splitTall(styled(st.note, tr.L("(continued)")))
	t, r := c.Template, c.Reply
	s.add(styled(st.title, t.TitleIn(tr.Code())))
	s.skip()
	label := func(l string) excelize.Cell { return styled(st.label, l) }
	s.add(label(tr.L("Member State")), styled(st.wrap, c.stateText()))
	s.add(label(tr.L("Resolution")), styled(st.wrap, t.ResolutionIn(tr.Code())))
	s.add(label(tr.L("Questionnaire")), styled(st.wrap, tr.L("{{.Questionnaire}}, version {{.Version}}",
		map[string]any{"Questionnaire": t.TitleIn(tr.Code()), "Version": t.Version})))
	s.add(label(tr.L("Reporting period from")), st.day(r.From))
	s.add(label(tr.L("Reporting period to")), st.day(r.To))
	s.add(label(tr.L("Replying officer")), styled(st.wrap, c.officerText()))
	if c.final() {
		s.add(label(tr.L("Date of the reply")), st.day(c.replyDay()))
	} else {
		s.add(label(tr.L("Date of the reply")), st.day(c.replyDay()), tr.L("Draft"))
	}
	s.add(label(tr.L("Status")), styled(st.wrap, c.statusText()))
	agencies := data.ContributingAgencies(c.Contributions)
	if len(agencies) == 0 {
		s.add(label(tr.L("Contributing agencies")), styled(st.note, tr.L("No contribution imported from an agency")))
	}
	for i, a := range agencies {
		if i == 0 {
			s.add(label(tr.L("Contributing agencies")), a)
		} else {
			s.add(nil, a)
		}
	}
	s.skip()
	s.add(label(tr.L("Note")), styled(st.wrap, t.NoteIn(tr.Code())))
	s.add(label(tr.L("Annexes")), styled(st.wrap, c.annexNote()))
	return s.flush()
}

// sectionWidths are a section sheet's columns: question id or row label;
// question, answer and figure titles; breakdown; value; counting rule.
var sectionWidths = []float64{10, 60, 28, 10, 48}

func writeSection(b *book, st sheetStyles, c ReplyContent, i int, sheet string) error {
	tr := c.tr()
	sec := c.Template.Sections[i]
	s := newStreamSheet(b, sheet, sectionWidths, 2)
	s.splitTall(styled(st.note, tr.L("(continued)")))
	s.add(styled(st.title, sec.ID+". "+sec.TitleIn(tr.Code())))
	s.add(st.headerRow(tr.L("Question"), tr.L("Question, answer and figures"), tr.L("Breakdown"), tr.L("Value"), tr.L("Counting rule"))...)
	for _, q := range sec.Questions {
		s.add(styled(st.question, q.ID), styled(st.question, q.TextIn(tr.Code())))
		a := c.Answers[q.ID]
		if a.Narrative == "" {
			s.add(styled(st.label, tr.L("Answer")), styled(st.note, tr.L("No answer yet")))
		} else {
			s.add(styled(st.label, tr.L("Answer")), styled(st.wrap, a.Narrative))
		}
		if q.Kind == "yes_no" || a.YesNo != "" {
			s.add(styled(st.label, tr.L("Yes / no")), yesNoText(tr, a.YesNo))
		}
		for _, name := range q.Bindings {
			writeFigure(s, st, c, name)
		}
		for _, k := range c.contributionsTo(q.ID) {
			writeContribution(s, st, tr, k)
		}
		s.skip()
	}
	return s.flush()
}

// writeFigure writes a figure's total beside its counting rule, then its
// breakdown a row per part, every value a number.
func writeFigure(s *streamSheet, st sheetStyles, c ReplyContent, name string) {
	tr := c.tr()
	title, rule := figureText(tr, name)
	v, ok := c.Figures[name]
	if !ok {
		s.add(styled(st.label, tr.L("Figure")), styled(st.wrap, title), styled(st.note, tr.L("Not frozen with this reply")))
		return
	}
	var total any = v.Total
	if v.Unknown || v.Unadded { // never a 0 where nobody entered anything, nor a sum of two currencies
		total = styled(st.note, FigureTotalIn(tr, v))
	}
	totalLabel := tr.L("Total")
	if v.Unit != "" {
		totalLabel += " (" + v.Unit + ")"
	}
	s.add(styled(st.label, tr.L("Figure")), styled(st.wrap, title), styled(st.top, totalLabel), total, styled(st.note, rule))
	for _, r := range v.Rows {
		s.add(nil, nil, rowText(tr, r), r.Value)
	}
	for _, year := range v.Missing { // a year nobody entered is not a 0 either
		s.add(nil, nil, year, styled(st.note, tr.L(data.NotAvailable)))
	}
}

// writeContribution keeps who said what: the agency with its answer, then
// each figure it gave.
func writeContribution(s *streamSheet, st sheetStyles, tr *locale.Translator, k data.Contribution) {
	answer := strings.TrimSpace(strings.Join(nonEmpty(yesNoText(tr, k.YesNo), k.Narrative), ": "))
	if answer == "" {
		answer = tr.L("(no answer in its workbook)")
	}
	s.add(styled(st.label, tr.L("Agency")), styled(st.wrap, k.OrganisationName+" — "+answer))
	for _, n := range slices.Sorted(maps.Keys(k.Figures)) {
		title, _ := figureText(tr, n)
		s.add(nil, styled(st.wrap, title), tr.L("Given by {{.Agency}}", map[string]any{"Agency": k.OrganisationName}), k.Figures[n])
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
