package ui

import (
	"context"
	"io"
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

// settingsScreen shows the register's country, the data file in use and the
// language of the interface.
type settingsScreen struct {
	env       *env
	country   *codeSelect
	language  *widget.Select // the languages by their own names
	templates *widget.Label
	certs     *widget.Label
	backups   *backupsPanel
	fields    *fieldSet
	content   fyne.CanvasObject
}

func newSettingsScreen(e *env, w *window) *settingsScreen {
	s := &settingsScreen{env: e, fields: newFieldSet()}
	s.country = newCodeSelect("country", data.Countries(), locale.L("Not set"), s.setCountry)
	if e.store.ReadOnly() {
		s.country.w.Disable()
	}
	languages := locale.Languages()
	var names []string
	for _, l := range languages {
		names = append(names, l.Name)
	}
	s.language = widget.NewSelect(names, nil)
	s.language.SetSelectedIndex(max(0, indexOfLanguage(languages, locale.Current().Code())))
	s.language.OnChanged = func(string) {
		chosen := languages[s.language.SelectedIndex()]
		if chosen.Code == locale.Current().Code() {
			return
		}
		if !w.changeLanguage(chosen.Code) { // typing that cannot be saved keeps the language
			on := s.language.OnChanged
			s.language.OnChanged = nil
			s.language.SetSelectedIndex(max(0, indexOfLanguage(languages, locale.Current().Code())))
			s.language.OnChanged = on
		}
	}

	countryHelp := help(locale.L("Phone numbers written without a country code are read as numbers of this country. Organisations can have a country of their own."))
	path := widget.NewLabel(e.store.Path())
	path.Wrapping = fyne.TextWrapBreak
	mode := locale.L("Open for editing. Only you can read this file (it is private to your user account).")
	if e.store.ReadOnly() {
		mode = locale.L("Open read-only: nothing can be changed.")
	}
	fileButtons := flowRow(
		widget.NewButtonWithIcon(locale.L("Open another register…"), theme.FolderOpenIcon(), w.chooseFile),
		widget.NewButtonWithIcon(locale.L("New register…"), theme.DocumentCreateIcon(), w.chooseNewFile),
		widget.NewButtonWithIcon(locale.L("Check the file"), theme.ConfirmIcon(), s.check),
	)
	device := widget.NewLabel(e.store.Device())
	languageHelp := help(locale.L("The window, its dates and numbers and the order of its lists follow this language at once, on every system."))

	s.fields.add("country", locale.L("Register's country"), false, container.NewVBox(s.country.w, countryHelp))
	s.fields.add("file", locale.L("Data file"), false, container.NewVBox(path, help(mode), fileButtons))
	s.fields.add("device", locale.L("This computer"), false, container.NewVBox(device,
		help(locale.L("Changes made here are signed with this name in the history."))))
	s.fields.add("language", locale.L("Language"), false, container.NewVBox(s.language, languageHelp))
	s.templates = widget.NewLabel("")
	s.templates.Wrapping = fyne.TextWrapWord
	load := widget.NewButtonWithIcon(locale.L("Load a template file…"), theme.FolderOpenIcon(), s.chooseTemplate)
	newVersion := widget.NewButtonWithIcon(locale.L("New version of…"), theme.ContentCopyIcon(), s.chooseTemplateToCopy)
	startEmpty := widget.NewButtonWithIcon(locale.L("Start empty"), theme.DocumentCreateIcon(), s.startEmptyTemplate)
	if e.store.ReadOnly() {
		load.Disable()
		newVersion.Disable()
		startEmpty.Disable()
	}
	s.fields.add("template", locale.L("Questionnaires"), false, container.NewVBox(s.templates,
		help(locale.L("A reply is written for one questionnaire. Load the official template (JSON) when it is available, or make a new version of one here: copy it, or start empty. Templates are kept in the register, so replies open with their questions on every laptop.")),
		flowRow(load, newVersion, startEmpty)))
	s.certs = widget.NewLabel("")
	s.certs.Wrapping = fyne.TextWrapWord
	editCerts := widget.NewButtonWithIcon(locale.L("Certificate template…"), theme.DocumentCreateIcon(),
		func() { showCertificateTemplate(e, s.refresh) })
	s.fields.add("certificates", locale.L("Certificates"), false, container.NewVBox(s.certs,
		help(locale.L("How certificates of attendance look: the issuing authority, a logo, the signature lines, the wording and the paper. Kept in the register, so every laptop issues the same.")),
		container.NewHBox(editCerts)))
	s.backups = newBackupsPanel(e, w)
	s.fields.add("backups", locale.L("Backups"), false, s.backups.content)
	title := widget.NewLabelWithStyle(locale.L("Settings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.content = container.NewBorder(title, nil, nil, nil, container.NewVScroll(container.NewPadded(s.fields.grid)))
	s.refresh()
	return s
}

// indexOfLanguage is where code is in languages, -1 when absent.
func indexOfLanguage(languages []locale.Language, code string) int {
	for i, l := range languages {
		if l.Code == code {
			return i
		}
	}
	return -1
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
		lines = append(lines, "• "+questionnaireName(t.TitleIn(locale.Current().Code()), t.Version))
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
	s.env.status(locale.L("The questionnaire “{{.Questionnaire}}” version {{.Version}} was loaded", map[string]any{"Questionnaire": t.Title, "Version": t.Version}))
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
	s.env.status(locale.L("Register's country saved"))
	s.env.changed()
}

func (s *settingsScreen) check() {
	if err := s.env.store.CheckIntegrity(context.Background()); err != nil {
		showError(s.env.win, "", err)
		return
	}
	dialog.ShowInformation(locale.L("Check the file"), locale.L("The data file was read from start to end and is in good order."), s.env.win)
}
