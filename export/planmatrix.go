package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// PlanMatrix writes a plan of action as an xlsx matrix: one row per action
// with its pillar, objective, activity, lead and partners, deadline (a real
// date), indicator, target, status and whether it is overdue on day, and
// the latest progress note. orgName names an organisation id.
func PlanMatrix(w io.Writer, tr *locale.Translator, p data.Plan, actions []data.Action, latest map[string]data.ProgressNote,
	orgName func(id string) string, day string) error {
	tr = orEnglish(tr)
	f := newWorkbook()
	defer f.Close()
	sheet := tr.L("Plan of action")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	s := newStreamSheet(newBook(f, tr), sheet, []float64{14, 30, 40, 28, 30, 12, 24, 20, 12, 9, 40}, 3)
	s.add(styled(st.title, fmt.Sprintf("%s (%d–%d)", p.Title, p.FirstYear, p.LastYear)))
	s.skip()
	s.add(st.headerRow(tr.L("Pillar"), tr.L("Objective"), tr.L("Activity"), tr.L("Lead"), tr.L("Partners"), tr.L("Deadline"),
		tr.L("Indicator"), tr.L("Target"), tr.L("Status"), tr.L("Overdue"), tr.L("Latest progress"))...)
	for _, a := range actions {
		partners := make([]string, len(a.Partners))
		for j, id := range a.Partners {
			partners[j] = orgName(id)
		}
		overdue := yesNo(tr, a.Overdue(day))
		progress := ""
		if n, ok := latest[a.ID]; ok {
			progress = dayIn(tr, n.Day) + ": " + n.Note
		}
		lead := ""
		if a.Lead != "" {
			lead = orgName(a.Lead)
		}
		wrap := func(text string) excelize.Cell { return styled(st.wrap, text) }
		s.add(styled(st.top, codeText(tr, "pillar", a.Pillar)), wrap(a.Objective), wrap(a.Activity), wrap(lead),
			wrap(strings.Join(partners, ", ")), st.day(a.Deadline), wrap(a.Indicator), wrap(a.Target),
			styled(st.top, codeText(tr, "action_status", a.Status)), styled(st.top, overdue), wrap(progress))
	}
	if err := s.flush(); err != nil {
		return err
	}
	return f.Write(w)
}
