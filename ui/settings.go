package ui

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
)

// prefLanguage is the language of the interface chosen in Settings.
const prefLanguage = "language"

// languages offered in Settings: those with a translation file.
var languages = []data.Code{{Code: "en", Label: "English"}}

// settingsScreen shows the register's country, the data file in use and the
// language of the interface.
type settingsScreen struct {
	env       *env
	country   *codeSelect
	language  *codeSelect
	templates *widget.Label
	certs     *widget.Label
	backups   *backupsPanel
	fields    *fieldSet
	content   fyne.CanvasObject
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
	s.templates = widget.NewLabel("")
	s.templates.Wrapping = fyne.TextWrapWord
	load := widget.NewButtonWithIcon(lang.L("Load a template file…"), theme.FolderOpenIcon(), s.chooseTemplate)
	newVersion := widget.NewButtonWithIcon(lang.L("New version of…"), theme.ContentCopyIcon(), s.chooseTemplateToCopy)
	startEmpty := widget.NewButtonWithIcon(lang.L("Start empty"), theme.DocumentCreateIcon(), s.startEmptyTemplate)
	if e.store.ReadOnly() {
		load.Disable()
		newVersion.Disable()
		startEmpty.Disable()
	}
	s.fields.add("template", lang.L("Questionnaires"), false, container.NewVBox(s.templates,
		help(lang.L("A reply is written for one questionnaire. Load the official template (JSON) when it is available, or make a new version of one here: copy it, or start empty. Templates are kept in the register, so replies open with their questions on every laptop.")),
		flowRow(load, newVersion, startEmpty)))
	s.certs = widget.NewLabel("")
	s.certs.Wrapping = fyne.TextWrapWord
	editCerts := widget.NewButtonWithIcon(lang.L("Certificate template…"), theme.DocumentCreateIcon(),
		func() { showCertificateTemplate(e, s.refresh) })
	s.fields.add("certificates", lang.L("Certificates"), false, container.NewVBox(s.certs,
		help(lang.L("How certificates of attendance look: the issuing authority, a logo, the signature lines, the wording and the paper. Kept in the register, so every laptop issues the same.")),
		container.NewHBox(editCerts)))
	s.backups = newBackupsPanel(e, w)
	s.fields.add("backups", lang.L("Backups"), false, s.backups.content)
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
	s.backups.refresh()
	if t, err := s.env.store.CertificateTemplate(context.Background()); err == nil {
		s.certs.SetText(certificateTemplateSummary(t))
	}
	list, err := export.Templates(context.Background(), s.env.store)
	if err != nil {
		s.templates.SetText(err.Error())
		return
	}
	var lines []string
	for _, t := range list {
		lines = append(lines, "• "+t.Title+" ("+lang.L("version")+" "+t.Version+")")
	}
	s.templates.SetText(strings.Join(lines, "\n"))
}

func (s *settingsScreen) chooseTemplate() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		s.readTemplate(r, r.URI().Name())
	}, s.env.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// readTemplate reads a template file off the window's thread, within
// export.MaxTemplateBytes, and keeps it (see loadTemplate); it closes r.
func (s *settingsScreen) readTemplate(r io.ReadCloser, name string) {
	var t export.Template
	readingFile(s.env, name, func(ctx context.Context) error {
		defer r.Close()
		raw, err := export.ReadTemplateSource(r)
		if err == nil {
			t, err = export.LoadTemplate(ctx, s.env.store, raw)
		}
		return err
	}, func(err error) { s.templateLoaded(name, t, err) })
}

// loadTemplate keeps a questionnaire template in the register; one that does
// not parse or binds unknown figures is refused, naming the line and why.
func (s *settingsScreen) loadTemplate(name string, raw []byte) {
	t, err := export.LoadTemplate(context.Background(), s.env.store, raw)
	s.templateLoaded(name, t, err)
}

// templateLoaded says beside the field why a template was not loaded, or
// in the status bar that it was.
func (s *settingsScreen) templateLoaded(name string, t export.Template, err error) {
	if err != nil {
		s.fields.show(&data.ValidationError{Errors: []data.FieldError{{Field: "template", Key: "error.template",
			Template: "{{.File}} was not loaded: {{.Reason}}", Data: map[string]any{"File": name, "Reason": err.Error()}}}})
		return
	}
	s.fields.clearField("template")
	s.env.status(fmt.Sprintf(lang.L("The questionnaire “%s” version %s was loaded"), t.Title, t.Version))
	s.env.changed()
}

func (s *settingsScreen) setCountry(code string) {
	if err := s.env.store.SetCountry(context.Background(), code); err != nil {
		if !s.fields.show(err) {
			showError(s.env.win, "", err)
		}
		return
	}
	s.fields.clear()
	s.env.status(lang.L("Register's country saved"))
	s.env.changed()
}

func (s *settingsScreen) check() {
	if err := s.env.store.CheckIntegrity(context.Background()); err != nil {
		showError(s.env.win, "", err)
		return
	}
	dialog.ShowInformation(lang.L("Check the file"), lang.L("The data file was read from start to end and is in good order."), s.env.win)
}
