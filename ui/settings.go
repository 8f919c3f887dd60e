package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
)

// prefLanguage is the language of the interface chosen in Settings.
const prefLanguage = "language"

// languages offered in Settings: those with a translation file.
var languages = []data.Code{{Code: "en", Label: "English"}}

// settingsScreen shows the register's country, the data file in use and the
// language of the interface.
type settingsScreen struct {
	env      *env
	country  *codeSelect
	language *codeSelect
	fields   *fieldSet
	content  fyne.CanvasObject
}

func newSettingsScreen(e *env, w *window) *settingsScreen {
	s := &settingsScreen{env: e, fields: newFieldSet()}
	s.country = newCodeSelect("country", data.Countries(), lang.L("Not set"), s.setCountry)
	if e.store.ReadOnly() {
		s.country.w.Disable()
	}
	s.language = newCodeSelect("language", languages, "", func(code string) {
		e.app.Preferences().SetString(prefLanguage, code)
		e.status(lang.L("The language applies from the next start"))
	})
	s.language.setCode(e.app.Preferences().StringWithFallback(prefLanguage, "en"))

	countryHelp := help(lang.L("Phone numbers written without a country code are read as numbers of this country. Organisations can have a country of their own."))
	path := widget.NewLabel(e.store.Path())
	path.Wrapping = fyne.TextWrapBreak
	mode := lang.L("Open for editing. Only you can read this file (it is private to your user account).")
	if e.store.ReadOnly() {
		mode = lang.L("Open read-only: nothing can be changed.")
	}
	fileButtons := container.NewHBox(
		widget.NewButtonWithIcon(lang.L("Open another register…"), theme.FolderOpenIcon(), w.chooseFile),
		widget.NewButtonWithIcon(lang.L("New register…"), theme.DocumentCreateIcon(), w.chooseNewFile),
		widget.NewButtonWithIcon(lang.L("Check the file"), theme.ConfirmIcon(), s.check),
	)
	device := widget.NewLabel(e.store.Device())
	languageHelp := help(lang.L("NCM Register is in English for now. Other languages are translation files in assets/translations, added without changing the program."))

	s.fields.add("country", lang.L("Register's country"), false, container.NewVBox(s.country.w, countryHelp))
	s.fields.add("file", lang.L("Data file"), false, container.NewVBox(path, help(mode), fileButtons))
	s.fields.add("device", lang.L("This computer"), false, container.NewVBox(device,
		help(lang.L("Changes made here are signed with this name in the history."))))
	s.fields.add("language", lang.L("Language"), false, container.NewVBox(s.language.w, languageHelp))
	title := widget.NewLabelWithStyle(lang.L("Settings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.content = container.NewBorder(title, nil, nil, nil, container.NewVScroll(container.NewPadded(s.fields.grid)))
	s.refresh()
	return s
}

func help(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

// refresh shows the settings as they are in the register (after an undo).
func (s *settingsScreen) refresh() {
	s.country.setCode(s.env.store.Country(context.Background()))
}

func (s *settingsScreen) setCountry(code string) {
	if err := s.env.store.SetCountry(context.Background(), code); err != nil {
		if !s.fields.show(err) {
			dialog.ShowError(err, s.env.win)
		}
		return
	}
	s.fields.clear()
	s.env.status(lang.L("Register's country saved"))
	s.env.changed()
}

func (s *settingsScreen) check() {
	if err := s.env.store.CheckIntegrity(context.Background()); err != nil {
		dialog.ShowError(err, s.env.win)
		return
	}
	dialog.ShowInformation(lang.L("Check the file"), lang.L("The data file was read from start to end and is in good order."), s.env.win)
}
