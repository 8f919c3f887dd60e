package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// showParticipations lists the people behind a training figure of the
// Overview: every participation counted in [from, to], of one sector (""
// for all), or each person once when people; a line opens its course.
func (ws *workspace) showParticipations(from, to, sector string, people bool) {
	var lines []data.Participation
	var err error
	runAsync(func() { lines, err = ws.env.store.Participations(context.Background(), from, to, sector) }, func() {
		if err != nil {
			showError(ws.env.win, "", err)
			return
		}
		if people { // each person once, on the first course of the period they were counted on
			seen := map[string]bool{}
			var once []data.Participation
			for _, l := range lines {
				if !seen[l.ContactID] {
					seen[l.ContactID] = true
					once = append(once, l)
				}
			}
			lines = once
		}
		title := locale.L("Participations counted")
		switch {
		case people && sector != "":
			title = locale.L("Persons trained — {{.Sector}}", map[string]any{"Sector": sectorLabel(sector)})
		case people:
			title = locale.L("Persons trained")
		case sector != "":
			title = locale.L("Participations counted — {{.Sector}}", map[string]any{"Sector": sectorLabel(sector)})
		}
		count := widget.NewLabel(locale.N("{{.Count}} in {{.Period}}, as the figures count them (attended, on courses held)",
			len(lines), map[string]any{"Period": between(from, to)}))
		count.Wrapping = fyne.TextWrapWord
		var d dialog.Dialog
		list := widget.NewList(func() int { return len(lines) }, newListRow, func(i widget.ListItemID, o fyne.CanvasObject) {
			l := lines[i]
			setListRow(o, l.Name+" · "+l.OrganisationName, dayText(l.FirstDay)+" · "+l.Course)
		})
		list.OnSelected = func(i widget.ListItemID) {
			d.Hide()
			ws.openRecord("course", lines[i].CourseID)
		}
		d = dialog.NewCustom(title, locale.L("Close"), container.NewBorder(count, nil, nil, nil, list), ws.env.win)
		d.Resize(fyne.NewSize(720, 520))
		ws.env.shown.participations = list
		d.Show()
	})
}

// dayText writes a YYYY-MM-DD day as the window writes days.
func dayText(day string) string {
	if d, err := time.Parse(time.DateOnly, day); err == nil {
		return showDate(d)
	}
	return day
}
