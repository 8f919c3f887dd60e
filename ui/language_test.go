package ui

import (
	"testing"

	"fyne.io/fyne/v2/lang"
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
