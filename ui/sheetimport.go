package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// chooseSheet asks for a typed-up sign-in sheet and opens its review.
func chooseSheet(e *env, c data.Course, done func()) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		reviewSheet(e, c, r, r.URI().Name(), done)
	}, e.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".xlsx"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// sheetReview shows what each line of a typed-up sheet matched, lets the
// user choose among people of the same name, and applies it on request.
type sheetReview struct {
	env     *env
	course  data.Course
	matches []data.SheetMatch
	dlg     dialog.Dialog
	apply   *widget.Button
}

// reviewSheet reads the sheet and matches its lines off the window's
// thread, closing r when it is a closer; a file that cannot be read is
// explained (line, column, why) and nothing changes. It returns the review
// when reading finished before it returned (as under the tests' runner).
func reviewSheet(e *env, c data.Course, r io.Reader, name string, done func()) *sheetReview {
	var matches []data.SheetMatch
	var v *sheetReview
	readingFile(e, name, func(ctx context.Context) error {
		if closer, ok := r.(io.Closer); ok {
			defer closer.Close()
		}
		rows, err := data.ReadSheet(ctx, r, name, c)
		if err != nil {
			return err
		}
		matches, err = e.store.MatchSheet(ctx, c.ID, rows)
		return err
	}, func(err error) {
		var sheetErr *data.SheetError
		switch {
		case errors.As(err, &sheetErr):
			showError(e.win, locale.L("The sheet {{.File}}", map[string]any{"File": name}), err, locale.L("Nothing was changed."))
		case err != nil:
			showError(e.win, "", err)
		default:
			v = showSheetReview(e, c, matches, name, done)
		}
	})
	return v
}

// showSheetReview lists what each line matched.
func showSheetReview(e *env, c data.Course, matches []data.SheetMatch, name string, done func()) *sheetReview {
	v := &sheetReview{env: e, course: c, matches: matches}
	lines := container.NewVBox()
	counts := map[string]int{}
	for i := range v.matches {
		m := &v.matches[i]
		counts[m.Status]++
		marks := make([]string, 0, len(m.Row.Marks))
		for _, d := range c.Days() {
			if mark, ok := m.Row.Marks[d]; ok {
				marks = append(marks, labelOf("mark", data.Marks, mark))
			}
		}
		title := widget.NewLabelWithStyle(fmt.Sprintf("%d. %s", m.Row.Line, m.Row.Name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		what := sheetStatus(m.Status)
		if m.Archived {
			what = locale.L("{{.Status}} (archived in the register)", map[string]any{"Status": what})
		}
		status := widget.NewLabel(what + " · " + strings.Join(marks, ", "))
		status.Truncation = fyne.TextTruncateEllipsis
		row := container.NewVBox(title, status)
		if m.Status == data.SheetAmbiguous || m.Status == data.SheetLookalike {
			var options []string
			for _, h := range m.Candidates {
				option := h.Name + " · " + h.OrganisationName
				if h.Archived {
					option += " · " + locale.L("archived")
				}
				options = append(options, option)
			}
			choice := widget.NewSelect(options, func(s string) {
				for j, o := range options {
					if o == s {
						m.ContactID = m.Candidates[j].ID
					}
				}
			})
			choice.PlaceHolder = locale.L("Choose who this is (or leave it)")
			if m.Status == data.SheetLookalike {
				choice.PlaceHolder = locale.L("Choose the person if this is one of them (or leave it)")
			}
			row.Add(choice)
		}
		lines.Add(row)
	}
	summary := help(strings.Join([]string{
		locale.N("{{.Count}} on the course", counts[data.SheetParticipant]),
		locale.N("{{.Count}} to add from the register", counts[data.SheetRegister]),
		locale.N("{{.Count}} to choose", counts[data.SheetAmbiguous]+counts[data.SheetLookalike]),
		locale.N("{{.Count}} not in the register (add them with New person…)", counts[data.SheetNew]),
	}, ", ") + ".")
	v.apply = widget.NewButton(locale.L("Apply"), v.applyMatches)
	v.apply.Importance = widget.HighImportance
	if e.store.ReadOnly() {
		v.apply.Disable()
	}
	cancel := widget.NewButton(locale.L("Cancel"), func() { v.dlg.Hide() })
	body := container.NewBorder(summary, container.NewHBox(layoutSpacer(), cancel, v.apply), nil, nil, container.NewVScroll(lines))
	v.dlg = dialog.NewCustomWithoutButtons(locale.L("Review the typed-up sheet: {{.File}}", map[string]any{"File": name}), body, e.win)
	v.dlg.Resize(fyne.NewSize(700, 560))
	v.dlg.SetOnClosed(done)
	v.dlg.Show()
	return v
}

func sheetStatus(status string) string {
	switch status {
	case data.SheetParticipant:
		return locale.L("on the course")
	case data.SheetRegister:
		return locale.L("in the register: will be added to the course")
	case data.SheetAmbiguous:
		return locale.L("several people of this name")
	case data.SheetLookalike:
		return locale.L("nobody of this name, but the register has people whose names look like it")
	}
	return locale.L("not in the register: left out")
}

func (v *sheetReview) applyMatches() {
	chosen := make([]data.SheetMatch, len(v.matches))
	copy(chosen, v.matches)
	for i := range chosen {
		if (chosen[i].Status == data.SheetAmbiguous || chosen[i].Status == data.SheetLookalike) && chosen[i].ContactID != "" {
			chosen[i].Status = data.SheetRegister
		}
	}
	if err := v.env.store.ApplySheet(context.Background(), v.course.ID, chosen); err != nil {
		showError(v.env.win, "", err)
		return
	}
	v.env.status(locale.L("The typed-up sheet was applied") + " · " + locale.L("Undo with Ctrl+Z"))
	v.dlg.Hide()
}
