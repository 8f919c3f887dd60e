package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// chooseTemplateToCopy asks which questionnaire a new version starts from
// (the built-in one or one kept in the register) and opens its copy in the
// editor, with a version of its own suggested.
func (s *settingsScreen) chooseTemplateToCopy() {
	e := s.env
	list, err := export.Templates(context.Background(), e.store)
	if err != nil {
		showError(e.win, locale.L("The questionnaires could not be read"), err)
		return
	}
	var names []string
	for _, t := range list {
		names = append(names, questionnaireName(t.Title, t.Version))
	}
	choice := widget.NewSelect(names, nil)
	choice.SetSelectedIndex(0) // the built-in one
	var d dialog.Dialog
	copyB := widget.NewButtonWithIcon(locale.L("Copy and edit"), theme.ContentCopyIcon(), func() {
		t := list[choice.SelectedIndex()]
		t.Version = export.SuggestVersion(context.Background(), e.store, t.ID, t.Version)
		d.Hide()
		showTemplateEditor(e, t, s.refresh)
	})
	copyB.Importance = widget.HighImportance
	cancel := widget.NewButton(locale.L("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(locale.L("New version of a questionnaire"), container.NewVBox(
		help(locale.L("The copy is saved as a new version; the questionnaire it starts from stays as it is, with the replies written for it.")),
		choice, container.NewHBox(layoutSpacer(), cancel, copyB)), e.win)
	d.Resize(fitWithin(fyne.NewSize(780, 220), e.win.Canvas().Size()))
	d.Show()
}

// startEmptyTemplate opens the editor on a questionnaire of one section
// with one question, for the user to fill in.
func (s *settingsScreen) startEmptyTemplate() {
	t := export.Template{
		Version:  export.SuggestVersion(context.Background(), s.env.store, "", ""),
		Sections: []export.TemplateSection{{ID: "A", Questions: []export.Question{{ID: "A1", Kind: "narrative"}}}},
	}
	showTemplateEditor(s.env, t, s.refresh)
}
