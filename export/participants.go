package export

import (
	"io"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// ParticipantList writes a course's participants as an xlsx workbook: the
// course's title, dates and venue, then one row per person with organisation, sector and sex as on the day, the mark
// of each day, the days attended (a number) and whether they completed.
func ParticipantList(w io.Writer, tr *locale.Translator, c data.Course, participants []data.Participant, marks map[string]map[string]string) error {
	tr = orEnglish(tr)
	f := newWorkbook()
	defer f.Close()
	sheet := tr.L("Participants")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	days := c.Days()
	header := []string{tr.L("No."), tr.L("Name"), tr.L("Organisation"), tr.L("Sector"), tr.L("Sex")}
	widths := []float64{5, 26, 44, 22, 12}
	for _, d := range days {
		header, widths = append(header, dayIn(tr, d)), append(widths, 11)
	}
	header, widths = append(header, tr.L("Days attended"), tr.L("Completed"), tr.L("Status")), append(widths, 9, 11, 14)
	// The course's title and dates head the sheet and every printed page.
	s := newStreamSheet(newBook(f, tr), sheet, widths, 3)
	title := c.Title + " — " + longDaysIn(tr, c.FirstDay, c.LastDay)
	if c.Venue != "" {
		title += ", " + c.Venue
	}
	s.add(styled(st.title, title))
	s.skip()
	s.add(st.headerRow(header...)...)
	for i, p := range participants {
		line := []any{i + 1, p.Name, p.OrganisationName, sectorText(tr, p.Sector), sexIn(tr, p.Sex)}
		attended := 0
		for _, d := range days {
			m := marks[p.ID][d]
			if m == "present" || m == "late" {
				attended++
			}
			if m != "" {
				m = codeText(tr, "mark", m)
			}
			line = append(line, m)
		}
		s.add(append(line, attended, yesNo(tr, c.Completed(marks[p.ID])), codeText(tr, "participant_status", p.Status))...)
	}
	if err := s.flush(); err != nil {
		return err
	}
	return f.Write(w)
}
