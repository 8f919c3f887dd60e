package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// workbookChoice lists the agencies to write contribution workbooks for:
// the member agencies, those the questionnaire asks questions of ticked.
type workbookChoice struct {
	env    *env
	reply  replyState
	orgs   []data.Organisation
	checks *fyne.Container
	tongue *widget.Select // the language the workbooks are written in
	dlg    dialog.Dialog
}

func writeWorkbooks(e *env, r replyState) {
	if r.final() {
		dialog.ShowInformation(locale.L("The reply is final"), locale.L("Contributions go into a draft. Reopen the reply as a new draft to collect them."), e.win)
		return
	}
	members, err := e.store.Members(context.Background())
	if err != nil {
		showError(e.win, "", err)
		return
	}
	w := &workbookChoice{env: e, reply: r, checks: container.NewVBox()}
	asked := map[string]bool{}
	for _, o := range export.SilentAgencies(r.tpl, members, nil) {
		asked[o.ID] = true
	}
	for _, o := range members {
		w.add(o, asked[o.ID])
	}
	another := widget.NewButtonWithIcon(locale.L("Add another organisation…"), theme.ContentAddIcon(), func() {
		pickOrganisation(e, locale.L("Write a workbook for"), func(row data.OrganisationRow) {
			if o, err := e.store.Organisation(context.Background(), row.ID); err == nil {
				w.add(o, true)
			}
		})
	})
	intro := help(locale.L("Each agency gets a workbook with the questions usually asked of its sector and the register's figures, to fill in and send back. Member agencies the questionnaire asks questions of are ticked."))
	w.tongue = languageSelect()
	language := container.NewBorder(nil, nil, widget.NewLabel(locale.L("Language of the workbooks")), nil, w.tongue)
	if len(w.tongue.Options) < 2 {
		language.Hide()
	}
	write := widget.NewButton(locale.L("Choose a folder and write…"), w.chooseFolder)
	write.Importance = widget.HighImportance
	cancel := widget.NewButton(locale.L("Cancel"), func() { w.dlg.Hide() })
	body := container.NewBorder(container.NewVBox(intro, container.NewHBox(another)), container.NewVBox(language, container.NewHBox(layoutSpacer(), cancel, write)), nil, nil,
		container.NewVScroll(w.checks))
	w.dlg = dialog.NewCustomWithoutButtons(locale.L("Workbooks for agencies"), body, e.win)
	w.dlg.Resize(fyne.NewSize(680, 560))
	w.dlg.Show()
	e.shown.workbookChoice = w
}

func (w *workbookChoice) add(o data.Organisation, on bool) {
	for i, have := range w.orgs {
		if have.ID == o.ID {
			w.checks.Objects[i].(*widget.Check).SetChecked(true)
			return
		}
	}
	w.orgs = append(w.orgs, o)
	check := widget.NewCheck(o.Name+" · "+sectorLabel(o.Sector), nil)
	check.SetChecked(on)
	w.checks.Add(check)
}

func (w *workbookChoice) chosen() []data.Organisation {
	var out []data.Organisation
	for i, c := range w.checks.Objects {
		if c.(*widget.Check).Checked {
			out = append(out, w.orgs[i])
		}
	}
	return out
}

func (w *workbookChoice) chooseFolder() {
	if len(w.chosen()) == 0 {
		dialog.ShowInformation(locale.L("No agency chosen"), locale.L("Tick the agencies to write workbooks for."), w.env.win)
		return
	}
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		w.confirmReplace(dir.Path())
	}, w.env.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// fileNames are the workbooks' names, one per agency chosen.
func (w *workbookChoice) fileNames() []string {
	var names []string
	used := map[string]int{} // two agencies of one name in different sectors get two files
	for _, o := range w.chosen() {
		base := fileName(o.Name, "") + "-" + w.reply.From[:4] + "-contribution"
		used[base]++
		name := base + ".xlsx"
		if n := used[base]; n > 1 {
			name = fmt.Sprintf("%s-%d.xlsx", base, n)
		}
		names = append(names, name)
	}
	return names
}

// confirmReplace asks before workbooks already in dir are written over.
func (w *workbookChoice) confirmReplace(dir string) {
	there := 0
	for _, name := range w.fileNames() {
		if fileExists(filepath.Join(dir, name)) {
			there++
		}
	}
	if there == 0 {
		w.writeTo(dir)
		return
	}
	dialog.ShowConfirm(locale.L("Replace the workbooks?"),
		locale.N("{{.Count}} of these workbooks is already in the folder, perhaps filled in by an agency. Replace it?", there),
		func(yes bool) {
			if yes {
				w.writeTo(dir)
			}
		}, w.env.win)
}

// writeTo writes one workbook per agency chosen into dir, each through a
// temporary file, and says how many were written and what failed.
func (w *workbookChoice) writeTo(dir string) {
	r := w.reply
	tr := chosenLanguage(w.tongue)
	state := tr.Country(w.env.store.Country(context.Background()))
	var written int
	var failed []string
	names := w.fileNames()
	for i, o := range w.chosen() {
		name := names[i]
		req := export.ContributionRequest{Template: r.tpl, Reply: r.Reply, Agency: o, State: state, Figures: r.figures, Language: tr}
		if err := export.WriteFile(filepath.Join(dir, name), func(out io.Writer) error {
			return export.ContributionWorkbook(out, req)
		}); err != nil {
			failed = append(failed, labelled(o.Name, err.Error()))
			continue
		}
		written++
	}
	w.dlg.Hide()
	msg := locale.N("{{.Count}} workbook written to {{.Folder}}.", written, map[string]any{"Folder": dir})
	if len(failed) > 0 {
		dialog.ShowError(fmt.Errorf("%s\n\n%s", msg, strings.Join(failed, "\n")), w.env.win)
		return
	}
	w.env.status(msg)
	dialog.ShowInformation(locale.L("Workbooks for agencies"), msg+"\n\n"+
		locale.L("Send each to its agency. When they come back, import them from the Agencies menu."), w.env.win)
}

// importWorkbook reads a workbook an agency sent back and, after showing
// what it holds, keeps its answers with the reply. A workbook that cannot
// be read is explained (sheet, cell, why) and nothing is kept.
func importWorkbook(e *env, r replyState, done func()) {
	if e.store.ReadOnly() {
		dialog.ShowInformation(locale.L("Read-only"), locale.L("This register is open read-only: nothing can be imported into it."), e.win)
		return
	}
	if r.final() {
		dialog.ShowInformation(locale.L("The reply is final"), locale.L("Contributions go into a draft. Reopen the reply as a new draft to collect them."), e.win)
		return
	}
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		reviewWorkbook(e, r, rc, rc.URI().Name(), done)
	}, e.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// reviewWorkbook reads the workbook off the window's thread (closing in
// when it is a closer), then asks before importing what it holds.
func reviewWorkbook(e *env, r replyState, in io.Reader, name string, done func()) {
	var got export.ContributionFrom
	readingFile(e, name, func(ctx context.Context) (err error) {
		if closer, ok := in.(io.Closer); ok {
			defer closer.Close()
		}
		got, err = export.ReadContribution(ctx, in, r.tpl, r.Reply)
		return err
	}, func(err error) {
		if err != nil {
			showError(e.win, locale.L("The workbook {{.File}}", map[string]any{"File": name}), err, locale.L("Nothing was imported."))
			return
		}
		confirmContribution(e, r, got, name, done)
	})
}

// confirmContribution says what a returned workbook answered and imports
// it when the user agrees.
func confirmContribution(e *env, r replyState, got export.ContributionFrom, name string, done func()) {
	org, err := e.store.Organisation(context.Background(), got.OrganisationID)
	if err != nil {
		dialog.ShowError(errors.New(locale.L("The workbook {{.File}}: the agency it was written for is no longer in the register.",
			map[string]any{"File": name})+" "+locale.L("Nothing was imported.")), e.win)
		return
	}
	var ids []string
	for _, a := range got.Answers {
		ids = append(ids, a.QuestionID)
	}
	msg := locale.N("{{.Organisation}} answered {{.Count}} question: {{.Questions}}.", len(ids),
		map[string]any{"Organisation": org.Name, "Questions": strings.Join(ids, ", ")})
	if len(ids) == 0 {
		msg = locale.L("{{.Organisation}} sent the workbook back without answers.", map[string]any{"Organisation": org.Name})
	}
	for _, c := range r.contributions {
		if c.OrganisationID == org.ID {
			msg += "\n\n" + locale.L("It replaces what this agency sent before.")
			break
		}
	}
	dialog.ShowConfirm(locale.L("Import the contribution?"), msg, func(yes bool) {
		if !yes {
			return
		}
		if err := e.store.ImportContributions(context.Background(), r.ID, org.ID, name, got.Answers); err != nil {
			showError(e.win, "", err)
			return
		}
		e.status(locale.L("The contribution of {{.Organisation}} was imported", map[string]any{"Organisation": org.Name}) + " · " + locale.L("Undo with Ctrl+Z"))
		e.changed()
		done()
	}, e.win)
}
