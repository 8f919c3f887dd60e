package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
)

// TestFynesOwnWordsFollowTheProgramsLanguage: Cancel, Copy and the file
// dialog's words are Fyne's; they follow the language the program sets,
// with no environment variable, as they must on Windows and macOS where
// Fyne asks the system. This fails if a Fyne release renames what
// fyneSetLanguage reaches.
func TestFynesOwnWordsFollowTheProgramsLanguage(t *testing.T) {
	t.Cleanup(func() { fyneSetLanguage("en") })
	for code, want := range map[string]string{"fr": "Annuler", "es": "Cancelar", "ru": "Отмена", "en": "Cancel"} {
		fyneSetLanguage(code)
		if got := lang.L("Cancel"); got != want {
			t.Errorf("Fyne's Cancel in %s: %q, want %q", code, got, want)
		}
	}
}

// TestTheLanguageIsChosenInSettings: choosing Русский in Settings makes
// the window speak Russian at once, with no environment variable set: the
// sidebar, a form's labels and a validation message; the choice is kept
// for the next start, and English comes back the same way.
func TestTheLanguageIsChosenInSettings(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	w := openWindow(t, withSample)
	t.Cleanup(func() { applyLanguage("en") })
	showArea(t, w, "Settings")
	choose := func(name string) {
		t.Helper()
		s := w.ws.settings
		for i, option := range s.language.Options {
			if option == name {
				s.language.SetSelectedIndex(i)
				return
			}
		}
		t.Fatalf("Settings offers %v, not %q", s.language.Options, name)
	}
	choose("Русский")
	if got := w.app.Preferences().String(prefLanguage); got != "ru" {
		t.Errorf("the choice kept for the next start: %q", got)
	}
	if w.ws.current != areaSettings {
		t.Errorf("after the change the window shows area %d, want the Settings", w.ws.current)
	}
	var sidebar []string
	for _, a := range w.ws.areas {
		sidebar = append(sidebar, a.name)
	}
	for _, want := range []string{"Реестр", "Настройки"} {
		if !contains(sidebar, want) {
			t.Errorf("the sidebar %q lacks %q", sidebar, want)
		}
	}
	showArea(t, w, "Реестр")
	r := w.ws.register
	test.Tap(r.newOrg)
	if !hasText(w, "Название *") { // required: marked with a star
		t.Errorf("the organisation form has no label Название: %q", shownTexts(w))
	}
	test.Tap(r.form.save)
	if got := r.form.fields.message("name"); got != "Обязательное поле" {
		t.Errorf("the message beside an empty name: %q", got)
	}
	if got := lang.L("Cancel"); got != "Отмена" {
		t.Errorf("Fyne's own Cancel: %q", got)
	}
	if got := showDate(time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC)); got != "2 мар. 2026 г." {
		t.Errorf("a date in a field: %q", got)
	}

	// Typing that cannot be saved keeps the window as it is: it would be
	// lost when the window is built again in the other language.
	test.Type(r.form.acronym, "XYZ")
	showArea(t, w, "Настройки")
	choose("English")
	if w.ws.areas[areaRegister].name != "Реестр" || w.ws.settings.language.Selected != "Русский" || r.form.acronym.Text != "XYZ" {
		t.Errorf("with typing that cannot be saved: sidebar %q, Settings shows %q, acronym %q",
			w.ws.areas[areaRegister].name, w.ws.settings.language.Selected, r.form.acronym.Text)
	}
	r.form.typing.dirty = false // the empty organisation is left unsaved on purpose
	choose("English")
	if w.ws.areas[areaRegister].name != "Register" || lang.L("Cancel") != "Cancel" {
		t.Errorf("back in English: sidebar %q, Cancel %q", w.ws.areas[areaRegister].name, lang.L("Cancel"))
	}
}
