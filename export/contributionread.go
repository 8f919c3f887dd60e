package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/data/scratch"
	"github.com/ncm-register/ncm-register/data/sheets"
	"github.com/ncm-register/ncm-register/locale"
)

// ReadContribution reads a workbook an agency sent back for a reply. It is
// refused, with the sheet, cell and reason, when it is not a workbook, was
// written for another reply or questionnaire, or has had its sheets,
// columns or rows changed; or when an answer is not what its cell asks for.
// A refused workbook gives no answers at all. The file is read within
// sheets.DefaultLimits, and reading stops when ctx is cancelled.
func ReadContribution(ctx context.Context, r io.Reader, t Template, reply data.Reply) (ContributionFrom, error) {
	var out ContributionFrom
	tmp, _ := scratch.Dir()
	f, err := sheets.OpenXLSX(ctx, r, sheets.DefaultLimits, tmp)
	if err != nil {
		return out, contributionErrorOf(err)
	}
	defer f.Close()

	identity, err := readIdentity(ctx, f)
	if err != nil {
		return out, err
	}
	// A workbook sent out for a reply that was finalised and reopened since
	// still belongs to the new draft.
	if identity["reply"] != reply.ID && (reply.ReopenedFrom == "" || identity["reply"] != reply.ReopenedFrom) {
		return out, &ContributionError{Sheet: identitySheet, Cell: "B2", Reason: "this workbook was written for another reply; " +
			"write a new workbook for the reply of " + reply.From + " to " + reply.To + " and send it to the agency"}
	}
	if want := t.ID + "@" + t.Version; identity["template"] != want {
		return out, &ContributionError{Sheet: identitySheet, Cell: "B5", Reason: fmt.Sprintf(
			"this workbook asks the questions of template %s, not of %s", identity["template"], want)}
	}
	out.OrganisationID = identity["organisation"]

	// The workbook's language names its sheet, headings and yes and no.
	tr := english()
	if code := identity["language"]; code != "" {
		tr = locale.For(code)
	}
	contributionSheet := contributionSheet
	if name := identity["questions"]; name != "" {
		contributionSheet = name
	}
	if !f.Has(contributionSheet) {
		return out, &ContributionError{Sheet: contributionSheet, Reason: "the sheet is missing"}
	}
	rows, err := f.Rows(ctx, contributionSheet, true)
	if err != nil {
		return out, contributionErrorOf(err)
	}
	for i, want := range contributionHeaderIn(tr) {
		if got := at(rows, 0, i); got != want {
			return out, &ContributionError{Sheet: contributionSheet, Cell: cell(i+1, 1), Reason: fmt.Sprintf(
				"the heading should be “%s” but is “%s”: columns were moved, added or deleted", want, got)}
		}
	}
	answers := map[string]string{"yes": "yes", "no": "no",
		strings.ToLower(codeText(tr, "yes_no", "yes")): "yes", strings.ToLower(codeText(tr, "yes_no", "no")): "no"}
	items := contributionItems(tr, ContributionQuestions(t, identity["sector"]))
	byQuestion := map[string]*data.Contribution{}
	var order []string
	for i, it := range items {
		r := i + 1
		if got := at(rows, r, 0); got != it.question.ID || at(rows, r, 1) != it.item {
			c, want := cell(1, r+1), it.question.ID
			if got == it.question.ID {
				c, got, want = cell(2, r+1), at(rows, r, 1), it.item
			}
			return out, &ContributionError{Sheet: contributionSheet, Cell: c, Reason: fmt.Sprintf(
				"this row should hold “%s” but holds “%s”: rows were moved, added or deleted", want, got)}
		}
		answer := strings.TrimSpace(at(rows, r, 4))
		if answer == "" {
			continue
		}
		c := byQuestion[it.question.ID]
		if c == nil {
			c = &data.Contribution{ReplyID: reply.ID, QuestionID: it.question.ID, OrganisationID: out.OrganisationID}
			byQuestion[it.question.ID] = c
			order = append(order, it.question.ID)
		}
		switch {
		case it.item == "yes_no":
			yn, ok := answers[strings.ToLower(answer)]
			if !ok {
				return out, &ContributionError{Sheet: contributionSheet, Cell: cell(5, r+1), Reason: fmt.Sprintf("“%s” should be yes or no", answer)}
			}
			c.YesNo = yn
		case strings.HasPrefix(it.item, "figure:"):
			n, err := wholeNumber(answer)
			if err != nil {
				return out, &ContributionError{Sheet: contributionSheet, Cell: cell(5, r+1), Reason: fmt.Sprintf("“%s” %v", answer, err)}
			}
			if c.Figures == nil {
				c.Figures = map[string]int{}
			}
			c.Figures[strings.TrimPrefix(it.item, "figure:")] = n
		default:
			c.Narrative = answer
		}
	}
	if extra := len(items) + 1; len(rows) > extra && strings.Join(rows[extra], "") != "" {
		return out, &ContributionError{Sheet: contributionSheet, Cell: cell(1, extra+1), Reason: "rows were added below the questions"}
	}
	for _, q := range order {
		out.Answers = append(out.Answers, *byQuestion[q])
	}
	return out, nil
}

// contributionErrorOf says where the bounded reader refused a workbook.
func contributionErrorOf(err error) error {
	var e *sheets.Error
	if !errors.As(err, &e) {
		return err // cancelled
	}
	c := &ContributionError{Sheet: e.Sheet, Reason: e.Reason}
	if e.Row > 0 && e.Column > 0 {
		c.Cell = sheets.CellName(e.Column, e.Row)
	}
	return c
}

func readIdentity(ctx context.Context, f *sheets.Workbook) (map[string]string, error) {
	if !f.Has(identitySheet) {
		return nil, &ContributionError{Sheet: identitySheet, Reason: "the workbook was not written by NCM Register for a reply, " +
			"or its hidden sheet “Identity” was deleted"}
	}
	rows, err := f.Rows(ctx, identitySheet, false)
	if err != nil {
		return nil, contributionErrorOf(err)
	}
	identity := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			identity[r[0]] = r[1]
		}
	}
	if identity["format"] != contributionFormat {
		return nil, &ContributionError{Sheet: identitySheet, Cell: "B1", Reason: "the workbook is not a contribution workbook this program can read"}
	}
	return identity, nil
}

// at is the text of a cell of rows read by GetRows (which stops each row
// at its last filled cell).
func at(rows [][]string, r, c int) string {
	if r >= len(rows) || c >= len(rows[r]) {
		return ""
	}
	return strings.TrimSpace(rows[r][c])
}

// thousands matches 12,345 but not 1,5 (a decimal comma).
var thousands = regexp.MustCompile(`^\d{1,3}(,\d{3})+$`)

var errNotWhole = errors.New("is not a whole number of 0 or more")

// wholeNumber reads a count as spreadsheets store it ("12", or "12.0" from
// some programs), also when typed with thousands separators.
func wholeNumber(s string) (int, error) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(s)
	if thousands.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || v != math.Trunc(v) || v > math.MaxInt32 {
		return 0, errNotWhole
	}
	return int(v), nil
}
