package export

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
)

// PlanMatrix writes a plan of action as an xlsx matrix: one row per action
// with its pillar, objective, activity, lead and partners, deadline (a real
// date), indicator, target, status and whether it is overdue on day, and
// the latest progress note. orgName names an organisation id.
func PlanMatrix(w io.Writer, p data.Plan, actions []data.Action, latest map[string]data.ProgressNote,
	orgName func(id string) string, day string) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Plan of action"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	title := fmt.Sprintf("%s (%d–%d)", p.Title, p.FirstYear, p.LastYear)
	if err := f.SetCellStr(sheet, "A1", cellText(title)); err != nil {
		return err
	}
	header := []any{"Pillar", "Objective", "Activity", "Lead", "Partners", "Deadline", "Indicator", "Target", "Status", "Overdue", "Latest progress"}
	if err := f.SetSheetRow(sheet, "A3", &header); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E6EAF0"}}})
	if err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A3", "K3", bold); err != nil {
		return err
	}
	label := func(list []data.Code, code string) string {
		for _, c := range list {
			if c.Code == code {
				return c.Label
			}
		}
		return code
	}
	for i, a := range actions {
		row := i + 4
		var partners string
		for j, id := range a.Partners {
			if j > 0 {
				partners += ", "
			}
			partners += orgName(id)
		}
		overdue := "no"
		if a.Overdue(day) {
			overdue = "yes"
		}
		progress := ""
		if n, ok := latest[a.ID]; ok {
			progress = n.Day + ": " + n.Note
		}
		lead := ""
		if a.Lead != "" {
			lead = orgName(a.Lead)
		}
		line := []any{label(data.Pillars, a.Pillar), cellText(a.Objective), cellText(a.Activity), cellText(lead),
			cellText(partners), nil, cellText(a.Indicator), cellText(a.Target), label(data.ActionStatuses, a.Status), overdue,
			cellText(progress)}
		if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", row), &line); err != nil {
			return err
		}
		if d := dateOf(a.Deadline); d != nil {
			cell := fmt.Sprintf("F%d", row)
			if err := f.SetCellValue(sheet, cell, *d); err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, cell, cell, dateStyle); err != nil {
				return err
			}
		}
	}
	for col, width := range map[string]float64{"A": 14, "B": 30, "C": 40, "D": 28, "E": 30, "F": 12, "G": 24, "H": 20, "I": 12, "J": 9, "K": 40} {
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return f.Write(w)
}
