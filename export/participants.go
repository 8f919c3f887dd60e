package export

import (
	"io"

	"github.com/ncm-register/ncm-register/data"
)

// ParticipantList writes a course's participants as an xlsx workbook: the
// course's title, dates and venue, then one row per person with organisation, sector and sex as on the day, the mark
// of each day, the days attended (a number) and whether they completed.
func ParticipantList(w io.Writer, c data.Course, participants []data.Participant, marks map[string]map[string]string) error {
	f := newWorkbook()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Participants"); err != nil {
		return err
	}
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	days := c.Days()
	header := []string{"No.", "Name", "Organisation", "Sector", "Sex"}
	widths := []float64{5, 26, 44, 22, 12}
	for _, d := range days {
		header, widths = append(header, d), append(widths, 11)
	}
	header, widths = append(header, "Days attended", "Completed", "Status"), append(widths, 9, 11, 14)
	// The course's title and dates head the sheet and every printed page.
	s := newStreamSheet(newBook(f), "Participants", widths, 3)
	title := c.Title + " — " + courseDatesLong(c)
	if c.Venue != "" {
		title += ", " + c.Venue
	}
	s.add(styled(st.title, title))
	s.skip()
	s.add(st.headerRow(header...)...)
	for i, p := range participants {
		sector, _ := data.SectorByCode(p.Sector)
		line := []any{i + 1, p.Name, p.OrganisationName, sector.Label, sexLabel(p.Sex)}
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
		s.add(append(line, attended, completed, codeLabel(data.ParticipantStatuses, p.Status))...)
	}
	if err := s.flush(); err != nil {
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
