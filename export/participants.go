package export

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
)

// ParticipantList writes a course's participants as an xlsx workbook: one
// row per person with organisation, sector and sex as on the day, the mark
// of each day, the days attended (a number) and whether they completed.
func ParticipantList(w io.Writer, c data.Course, participants []data.Participant, marks map[string]map[string]string) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Participants"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	days := c.Days()
	header := []any{"No.", "Name", "Organisation", "Sector", "Sex"}
	for _, d := range days {
		header = append(header, d)
	}
	header = append(header, "Days attended", "Completed")
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	headStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E6EAF0"}}})
	if err != nil {
		return err
	}
	lastCol, _ := excelize.ColumnNumberToName(len(header))
	if err := f.SetCellStyle(sheet, "A1", lastCol+"1", headStyle); err != nil {
		return err
	}
	for i, p := range participants {
		sector, _ := data.SectorByCode(p.Sector)
		line := []any{i + 1, cellText(p.Name), cellText(p.OrganisationName), sector.Label, sexLabel(p.Sex)}
		attended := 0
		for _, d := range days {
			m := marks[p.ID][d]
			if m == "present" || m == "late" {
				attended++
			}
			line = append(line, m)
		}
		completed := "no"
		if c.Completed(marks[p.ID]) {
			completed = "yes"
		}
		line = append(line, attended, completed)
		if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+2), &line); err != nil {
			return err
		}
	}
	for col, width := range map[string]float64{"A": 6, "B": 28, "C": 36, "D": 20, "E": 12} {
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return f.Write(w)
}

func sexLabel(code string) string {
	for _, s := range data.Sexes {
		if s.Code == code {
			return s.Label
		}
	}
	return "not recorded"
}
