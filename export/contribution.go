package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// A contribution workbook asks one agency the questions of a reply that are
// usually asked of its sector. The agency writes in the open cells of the
// Questions sheet (in Excel or LibreOffice) and sends it back; the import
// checks that the workbook is the one written for this reply and agency,
// with its columns and rows where they were, before anything is kept.

// Sheet and heading names of the workbook; the import checks them. The
// visible sheets are named in the workbook's language, and the hidden
// Identity sheet says which language and which name (workbooks written
// before it said so are English).
var (
	contributionSheet = locale.Mark("Questions")
	instructionsSheet = locale.Mark("Instructions")
)

const (
	identitySheet      = "Identity"
	contributionFormat = "ncm-register contribution 1"
)

// The widths, in characters, of the columns with long text.
const instructionsWidth, questionWidth = 100, 60

var contributionHeader = []string{locale.Mark("Question"), locale.Mark("Item"), locale.Mark("Question or figure"),
	locale.Mark("Register's figure"), locale.Mark("Your answer")}

// contributionHeaderIn is the header of the Questions sheet in a language.
func contributionHeaderIn(tr *locale.Translator) []string {
	out := make([]string, len(contributionHeader))
	for i, h := range contributionHeader {
		out[i] = tr.L(h)
	}
	return out
}

// ContributionRequest is what one agency's workbook is written from.
type ContributionRequest struct {
	Template Template
	Reply    data.Reply
	Agency   data.Organisation
	State    string                      // the country, as it is named on the cover
	Figures  map[string]data.FigureValue // the reply's figures, shown for the agency to confirm or correct
	Language *locale.Translator          // the agency's language; nil for English
}

// contributionItem is one row of the Questions sheet: a question's
// narrative, its yes/no, or one of its figures.
type contributionItem struct {
	question Question
	item     string // "answer", "yes_no" or "figure:<name>"
	label    string
}

// ContributionQuestions are the questions a workbook asks an agency of a
// sector: those the template usually asks of that sector, or all of them
// for a sector the template names nowhere.
func ContributionQuestions(t Template, sector string) []Question {
	var asked, all []Question
	for _, s := range t.Sections {
		for _, q := range s.Questions {
			all = append(all, q)
			if contains(q.AskedOf, sector) {
				asked = append(asked, q)
			}
		}
	}
	if len(asked) == 0 {
		return all
	}
	return asked
}

func contributionItems(tr *locale.Translator, questions []Question) []contributionItem {
	var items []contributionItem
	for _, q := range questions {
		text := q.TextIn(tr.Code())
		if q.Kind == "yes_no" {
			items = append(items, contributionItem{q, "yes_no", tr.L("{{.Question}} (yes or no)", map[string]any{"Question": text})})
			items = append(items, contributionItem{q, "answer", tr.L("Details")})
		} else {
			items = append(items, contributionItem{q, "answer", text})
		}
		for _, b := range q.Bindings {
			title, _ := figureText(tr, b)
			items = append(items, contributionItem{q, "figure:" + b, tr.L("Figure: {{.Figure}}", map[string]any{"Figure": title})})
		}
	}
	return items
}

// ContributionWorkbook writes the workbook for one agency: instructions, the
// questions with their figures in locked cells, and open answer cells that
// accept yes or no, or a whole number, where that is what is asked.
func ContributionWorkbook(w io.Writer, req ContributionRequest) error {
	f := newWorkbook()
	defer f.Close()
	tr := orEnglish(req.Language)
	x := newXLSXWriter(f, tr)
	instructions, questions := tr.L(instructionsSheet), tr.L(contributionSheet)
	x.renameFirst(instructions)
	x.newSheet(questions)
	x.newSheet(identitySheet)

	titleStyle := x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	wrap := x.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	header := x.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E6EAF0"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	open := x.style(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF6CC"}},
		Border:     []excelize.Border{{Type: "left", Color: "C9A400", Style: 1}, {Type: "right", Color: "C9A400", Style: 1}, {Type: "top", Color: "C9A400", Style: 1}, {Type: "bottom", Color: "C9A400", Style: 1}},
		Alignment:  &excelize.Alignment{WrapText: true, Vertical: "top"},
		Protection: &excelize.Protection{Locked: false}})
	number := x.style(&excelize.Style{NumFmt: 3, Alignment: &excelize.Alignment{Vertical: "top"}})

	// Instructions, and which reply and agency this workbook is for.
	s := instructions
	period := tr.L("{{.From}} to {{.To}}", map[string]any{"From": longDayIn(tr, req.Reply.From), "To": longDayIn(tr, req.Reply.To)})
	title := req.Template.TitleIn(tr.Code())
	lines := [][2]string{
		{"", title},
		{"", ""},
		{tr.L("For"), req.Agency.Name},
		{tr.L("Member State"), req.State},
		{tr.L("Reporting period"), period},
		{tr.L("Questionnaire"), tr.L("{{.Questionnaire}}, version {{.Version}}", map[string]any{"Questionnaire": title, "Version": req.Template.Version})},
		{"", ""},
		{tr.L("How to reply"), tr.L("1. Open the sheet “{{.Sheet}}”. Each row is a question, a yes-or-no, or a figure of the national register.",
			map[string]any{"Sheet": questions})},
		{"", tr.L("2. Write only in the yellow cells of the column “{{.Column}}”. The other cells are locked.",
			map[string]any{"Column": tr.L(contributionHeader[4])})},
		{"", tr.L("3. For a figure, give your agency's own number for the reporting period if it differs from the register's, or leave the cell empty.")},
		{"", tr.L("4. Do not add, delete or move rows, columns or sheets, and do not rename the file's sheets: the program checks them when it reads your answers.")},
		{"", tr.L("5. Save the workbook as .xlsx and send it back to the national coordinator.")},
	}
	for i, l := range lines {
		labelStyle, textStyle := 0, wrap
		if i >= 2 {
			labelStyle = header
		}
		if i == 0 {
			textStyle = titleStyle
		}
		x.put(s, cell(1, i+1), l[0], labelStyle)
		x.put(s, cell(2, i+1), l[1], textStyle)
		x.fitRow(s, i+1, map[string]float64{l[1]: instructionsWidth})
	}
	x.colWidth(s, "A", 20)
	x.colWidth(s, "B", instructionsWidth)

	// The identity the import checks: which reply, agency, template and
	// questions this workbook was written for.
	s = identitySheet
	for i, kv := range [][2]string{{"format", contributionFormat}, {"reply", req.Reply.ID}, {"organisation", req.Agency.ID},
		{"sector", req.Agency.Sector}, {"template", req.Template.ID + "@" + req.Template.Version},
		{"language", tr.Code()}, {"questions", questions}} {
		x.put(s, cell(1, i+1), kv[0], 0)
		x.put(s, cell(2, i+1), kv[1], 0)
	}
	x.hide(s)

	// The questions.
	s = questions
	headings := contributionHeaderIn(tr)
	for i, h := range headings {
		x.put(s, cell(i+1, 1), h, header)
	}
	x.fitRow(s, 1, map[string]float64{headings[3]: 12})
	items := contributionItems(tr, ContributionQuestions(req.Template, req.Agency.Sector))
	yes, no := codeText(tr, "yes_no", "yes"), codeText(tr, "yes_no", "no")
	for i, it := range items {
		r := i + 2
		x.put(s, cell(1, r), it.question.ID, wrap)
		x.put(s, cell(2, r), it.item, wrap)
		x.put(s, cell(3, r), it.label, wrap)
		if it.item == "answer" {
			// A set height stops the row growing as the agency types, so an
			// answer row leaves room for a paragraph from the start.
			x.keep(x.f.SetRowHeight(s, r, max(rowHeight(it.label, questionWidth), 90)))
		} else {
			x.fitRow(s, r, map[string]float64{it.label: questionWidth})
		}
		x.put(s, cell(5, r), nil, open)
		switch {
		case it.item == "yes_no":
			x.validate(s, cell(5, r), func(dv *excelize.DataValidation) error {
				dv.SetError(excelize.DataValidationErrorStyleStop, tr.L("Yes or no"), tr.L("Choose yes or no."))
				return dv.SetDropList([]string{yes, no})
			})
		case strings.HasPrefix(it.item, "figure:"):
			v := req.Figures[strings.TrimPrefix(it.item, "figure:")]
			if v.Unknown || v.Unadded { // the agency may be the one to give it: not a 0 to correct
				x.put(s, cell(4, r), FigureTotalIn(tr, v), 0)
			} else {
				x.put(s, cell(4, r), v.Total, number)
			}
			x.validate(s, cell(5, r), func(dv *excelize.DataValidation) error {
				dv.SetError(excelize.DataValidationErrorStyleStop, tr.L("A whole number"), tr.L("Write a whole number, 0 or more."))
				return dv.SetRange(0, 2147483647, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
			})
		}
	}
	for col, width := range map[string]float64{"A": 10, "B": 12, "C": questionWidth, "D": 12, "E": 55} {
		x.colWidth(s, col, width)
	}
	x.hideCol(s, "B")
	x.freezeHeader(s)
	x.protect(s)
	x.activate(questions)
	if x.err != nil {
		return x.err
	}
	if err := printReady(f, tr); err != nil {
		return err
	}
	return f.Write(w)
}

// ContributionError says where a returned workbook cannot be read: the
// sheet and cell when there is one, and why. Nothing of the workbook is kept.
type ContributionError struct {
	Sheet, Cell string
	Reason      string
}

func (e *ContributionError) Error() string {
	switch {
	case e.Sheet != "" && e.Cell != "":
		return fmt.Sprintf("sheet “%s”, cell %s: %s", e.Sheet, e.Cell, e.Reason)
	case e.Sheet != "":
		return fmt.Sprintf("sheet “%s”: %s", e.Sheet, e.Reason)
	}
	return e.Reason
}

// ContributionFrom is what a returned workbook holds: the agency it was
// written for and its answers, one per question it answered.
type ContributionFrom struct {
	OrganisationID string
	Answers        []data.Contribution
}
