package ui

import (
	_ "unsafe" // for go:linkname, below

	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/language"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// prefLanguage is the language of the interface chosen in Settings.
const prefLanguage = "language"

// fyneSetLanguage makes Fyne's own words (Cancel, Copy, the file dialog's)
// speak a language. Fyne chooses them from the system's locale and offers
// no way to choose: on Windows and macOS it asks the system, so an
// environment variable cannot do it. Its unexported setupLang can; a test
// (TestTheLanguageIsTheProgramsOwn) fails if a Fyne release renames it.
//
//go:linkname fyneSetLanguage fyne.io/fyne/v2/lang.setupLang
func fyneSetLanguage(code string)

// applyLanguage makes the window speak a language (its code; "" for the
// system's): the program's strings, Fyne's, the dates and numbers, the
// order of lists. The system's region gives the dates where it speaks the
// same language (English in the United States writes the month first).
func applyLanguage(code string) {
	system := lang.SystemLocale().String()
	if code == "" {
		code = locale.Match(system)
	}
	tag := code
	if sys, err := language.Parse(system); err == nil {
		if base, _ := sys.Base(); base.String() == code {
			tag = system
		}
	}
	locale.Set(tag)
	fyneSetLanguage(locale.Current().Code())
	data.SetCollationLanguage(locale.Current().Tag())
}

// changeLanguage makes the window speak a language from now on and keeps
// the choice. What is typed in any form is saved first, since the window
// is built again in the language; when it cannot be, nothing changes and
// it says so.
func (w *window) changeLanguage(code string) bool {
	if w.ws != nil && !w.ws.saveTyping() {
		return false
	}
	w.app.Preferences().SetString(prefLanguage, code)
	applyLanguage(code)
	if w.ws == nil || w.store == nil {
		return true
	}
	shown := w.ws.current
	w.showWorkspace()
	w.ws.nav.Select(shown)
	return true
}

// saveTyping saves what is typed and not yet saved in every area built,
// and says whether all of it could be (the status bar says why not).
func (ws *workspace) saveTyping() bool {
	type form struct {
		typing *typing
		save   func() bool
	}
	var forms []form
	if f := ws.register.form; f != nil {
		forms = append(forms, form{&f.typing, f.Save})
	}
	if ws.trainings != nil {
		forms = append(forms, form{&ws.trainings.form.typing, ws.trainings.form.Save})
	}
	if ws.campaigns != nil {
		forms = append(forms, form{&ws.campaigns.typing, ws.campaigns.Save})
	}
	if ws.plan != nil {
		forms = append(forms, form{&ws.plan.typing, ws.plan.Save})
	}
	if ws.agreements != nil {
		forms = append(forms, form{&ws.agreements.typing, ws.agreements.Save})
	}
	if ws.statistics != nil {
		forms = append(forms, form{&ws.statistics.typing, ws.statistics.Save})
	}
	for _, f := range forms {
		if !f.typing.saveFirst(ws.env, f.save) {
			return false
		}
	}
	return true
}
