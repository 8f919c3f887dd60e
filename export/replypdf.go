package export

import (
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// The reply's text styles: the table cells of the other documents (body,
// bold) made smaller, with room below the text as rows grow with it.
var (
	replyGrey    = &props.Color{Red: 90, Green: 90, Blue: 90}
	replyCell    = props.Text{Size: 8, Top: 1.5, Bottom: 1.5, Left: body.Left, Right: body.Right}
	replyCellB   = props.Text{Size: 8, Top: 1.5, Bottom: 1.5, Left: bold.Left, Right: bold.Right, Style: bold.Style}
	replyNumber  = props.Text{Size: 8, Top: 1.5, Bottom: 1.5, Left: body.Left, Right: body.Right, Align: align.Right}
	replyNumberB = props.Text{Size: 8, Top: 1.5, Bottom: 1.5, Left: bold.Left, Right: bold.Right, Align: align.Right, Style: fontstyle.Bold}
	replyRule    = props.Text{Size: 7, Style: fontstyle.Italic, Color: replyGrey, Top: 1, Bottom: 2}
	replyText    = props.Text{Size: 10, Bottom: 1.5}
	replyNote    = props.Text{Size: 9, Style: fontstyle.Italic, Color: replyGrey, Bottom: 1.5}
)

// ReplyPDF writes a questionnaire reply as a printable document: a cover
// block, then each section with its questions (id and text in bold), the
// answer, the figures as small tables with their counting rule and the
// agencies' contributions, then the annexes as tables, long lists
// summarised (the workbook holds them whole). Pages are numbered.
func ReplyPDF(w io.Writer, c ReplyContent) error {
	courses, err := countAnnexCourses(c)
	if err != nil {
		return err
	}
	need, err := fontsFor(c.tr(), replyPrint(c, courses))
	if err != nil {
		return err
	}
	m, err := newPDF(c.Template.TitleIn(c.tr().Code()), true, need)
	if err != nil {
		return err
	}
	pdfCover(m, c)
	for _, sec := range c.Template.Sections {
		if err := pdfSection(m, c, sec); err != nil {
			return err
		}
	}
	if err := pdfAnnexes(m, c, courses); err != nil {
		return err
	}
	doc, err := m.Generate()
	if err != nil {
		return err
	}
	_, err = w.Write(doc.GetBytes())
	return err
}

func pdfCover(m core.Maroto, c ReplyContent) {
	tr := c.tr()
	t, r := c.Template, c.Reply
	m.AddRows(
		textRow(7, tr.L("QUESTIONNAIRE REPLY"), props.Text{Size: 8, Style: fontstyle.Bold, Color: replyGrey}),
		textAutoRow(t.TitleIn(tr.Code()), props.Text{Size: 15, Style: fontstyle.Bold, Bottom: 4}),
	)
	date := longDayIn(tr, c.replyDay())
	if !c.final() {
		date = tr.L("{{.Day}} (Draft)", map[string]any{"Day": date})
	}
	agencies := strings.Join(data.ContributingAgencies(c.Contributions), "; ")
	if agencies == "" {
		agencies = tr.L("No contribution imported from an agency")
	}
	for _, line := range [][2]string{
		{tr.L("Member State"), c.stateText()},
		{tr.L("Resolution"), t.ResolutionIn(tr.Code())},
		{tr.L("Questionnaire"), tr.L("{{.Questionnaire}}, version {{.Version}}", map[string]any{"Questionnaire": t.TitleIn(tr.Code()), "Version": t.Version})},
		{tr.L("Reporting period"), tr.L("{{.From}} to {{.To}}", map[string]any{"From": longDayIn(tr, r.From), "To": longDayIn(tr, r.To)})},
		{tr.L("Replying officer"), c.officerText()},
		{tr.L("Date of the reply"), date},
		{tr.L("Status"), c.statusText()},
		{tr.L("Contributing agencies"), agencies},
	} {
		m.AddRows(row.New().Add(
			textCol(3, line[0], props.Text{Size: 10, Style: fontstyle.Bold, Bottom: 1.5}),
			textCol(9, line[1], replyText),
		))
	}
	m.AddRows(row.New(3))
	for _, p := range paragraphs(t.NoteIn(tr.Code())) {
		m.AddRows(textAutoRow(p, replyNote))
	}
	m.AddRows(textAutoRow(c.annexNote(), replyNote))
}

func pdfSection(m core.Maroto, c ReplyContent, sec TemplateSection) error {
	tr := c.tr()
	keepWithNext(m, 45)
	m.AddRows(row.New(6), textAutoRow(sec.ID+". "+sec.TitleIn(tr.Code()), props.Text{Size: 13, Style: fontstyle.Bold, Bottom: 3}))
	for _, q := range sec.Questions {
		keepWithNext(m, 30)
		m.AddRows(row.New(2), textAutoRow(q.ID+". "+q.TextIn(tr.Code()), props.Text{Size: 10, Style: fontstyle.Bold, Bottom: 2}))
		a := c.Answers[q.ID]
		if yn := yesNoText(tr, a.YesNo); yn != "" {
			m.AddRows(textAutoRow(yn+".", replyText))
		} else if q.Kind == "yes_no" {
			m.AddRows(textAutoRow(tr.L("Yes or no: not answered."), replyNote))
		}
		if a.Narrative == "" {
			m.AddRows(textAutoRow(tr.L("No answer yet."), replyNote))
		}
		for _, p := range paragraphs(a.Narrative) {
			m.AddRows(textAutoRow(p, replyText))
		}
		for i, name := range q.Bindings {
			// Figures counted by the same rule (the training figures) say it once, after the last.
			_, rule := figureText(tr, name)
			last := i == len(q.Bindings)-1
			if !last {
				_, next := figureText(tr, q.Bindings[i+1])
				last = next != rule
			}
			if err := pdfFigure(m, c, name, last); err != nil {
				return err
			}
		}
		if ks := c.contributionsTo(q.ID); len(ks) > 0 {
			pdfContributions(m, tr, ks)
		}
	}
	return nil
}

// pdfFigure writes a figure as a small table, label | value, its total
// last, and its counting rule beneath when withRule (the last figure of
// those counted by one rule).
func pdfFigure(m core.Maroto, c ReplyContent, name string, withRule bool) error {
	tr := c.tr()
	title, rule := figureText(tr, name)
	keepWithNext(m, 25)
	m.AddRows(row.New(2), textAutoRow(title, props.Text{Size: 9, Style: fontstyle.Bold, Bottom: 1}))
	v, ok := c.Figures[name]
	if !ok {
		m.AddRows(textAutoRow(tr.L("Not frozen with this reply."), replyNote))
		return nil
	}
	for _, r := range v.Rows {
		m.AddRows(row.New().Add(
			textCol(7, rowText(tr, r), replyCell).WithStyle(cellBorder),
			textCol(2, tr.Count(r.Value), replyNumber).WithStyle(cellBorder),
		))
	}
	for _, year := range v.Missing { // a year nobody entered is not a 0 either
		m.AddRows(row.New().Add(
			textCol(7, year, replyCell).WithStyle(cellBorder),
			textCol(2, tr.L(data.NotAvailable), replyNumber).WithStyle(cellBorder),
		))
	}
	m.AddRows(row.New().Add(
		textCol(7, tr.L("Total"), replyCellB).WithStyle(headerCell),
		textCol(2, FigureTotalIn(tr, v), replyNumberB).WithStyle(headerCell),
	))
	if rule != "" && withRule {
		m.AddRows(textAutoRow(rule, replyRule))
	}
	if chart, ok := figureCharts[name]; ok {
		return pdfChart(m, chart(tr, v))
	}
	return nil
}

// pdfContributions keeps who said what: each agency's answer, then the
// figures it gave.
func pdfContributions(m core.Maroto, tr *locale.Translator, ks []data.Contribution) {
	m.AddRows(row.New(1), textAutoRow(tr.L("Contributions of the agencies"), props.Text{Size: 9, Style: fontstyle.Bold, Bottom: 1}))
	for _, k := range ks {
		answer := paragraphs(strings.Join(nonEmpty(yesNoText(tr, k.YesNo), k.Narrative), ": "))
		if len(answer) == 0 {
			answer = []string{tr.L("(no answer in its workbook)")}
		}
		// A long answer runs over several rows, as a row never breaks
		// across pages; the agency's name stands beside the first.
		for i, p := range answer {
			name := ""
			if i == 0 {
				name = k.OrganisationName
			}
			m.AddRows(row.New().Add(textCol(3, name, replyCellB), textCol(9, p, replyCell)))
		}
		for _, n := range slices.Sorted(maps.Keys(k.Figures)) {
			title, _ := figureText(tr, n)
			m.AddRows(row.New().Add(
				col.New(3),
				textCol(6, title, replyCell),
				textCol(2, tr.Count(k.Figures[n]), replyNumber),
			))
		}
	}
}

// keepWithNext starts a new page when less than h millimetres are left
// on this one, so that a heading does not stay alone at the foot of a page
// while what it heads begins the next. Maroto says only whether a height
// fits, so the space left is found by halving, then filled.
func keepWithNext(m core.Maroto, h float64) {
	if m.FitlnCurrentPage(h) {
		return
	}
	left, over := 0.0, h
	for over-left > 0.1 {
		if mid := (left + over) / 2; m.FitlnCurrentPage(mid) {
			left = mid
		} else {
			over = mid
		}
	}
	m.AddRows(row.New(left))
}

// maxParagraph bounds the text of one row: a row taller than a page would
// run off it, as a PDF row is never split across pages.
const maxParagraph = 1500

// paragraphs cuts a text at its line breaks, and cuts a very long
// paragraph at a space before maxParagraph characters.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n") {
		p = strings.TrimSpace(p)
		for utf8.RuneCountInString(p) > maxParagraph {
			head := string([]rune(p)[:maxParagraph])
			if cut := strings.LastIndex(head, " "); cut > 0 {
				head = head[:cut]
			}
			out = append(out, head)
			p = strings.TrimSpace(p[len(head):])
		}
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// FigureTotal is a figure's total as the reply writes it: "not available"
// where nobody entered anything, never 0; an amount with its currency,
// and none where the years are in different currencies.
func FigureTotal(v data.FigureValue) string { return FigureTotalIn(english(), v) }

// FigureTotalIn is FigureTotal in a language.
func FigureTotalIn(tr *locale.Translator, v data.FigureValue) string {
	switch {
	case v.Unknown:
		return tr.L(data.NotAvailable)
	case v.Unadded:
		return tr.L(NotAddedUp)
	case v.Unit != "":
		return tr.Count(v.Total) + " " + v.Unit
	}
	return tr.Count(v.Total)
}

// NotAddedUp stands for the total of amounts in different currencies.
var NotAddedUp = locale.Mark("not added up: the years are in different currencies")
