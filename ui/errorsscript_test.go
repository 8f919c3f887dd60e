package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/ncm-register/ncm-register/export"
)

// TestARefusedScriptIsSaidInWords: a document refused for a name in Arabic
// says which name of which record and why, not "an unexpected error".
func TestARefusedScriptIsSaidInWords(t *testing.T) {
	w := test.NewTempWindow(t, nil)
	refused := &export.UnprintableScriptError{Record: "certificate 2026-0100", Field: "name", Text: "محمد العلي",
		Script: "Arabic", Joined: true}
	showError(w, "The document was not saved", fmt.Errorf("certificates: %w", refused))
	got := shownError(t, w)
	if !strings.HasPrefix(got, "The document was not saved: the name “محمد العلي” of certificate 2026-0100 is written in Arabic script") ||
		!strings.Contains(got, "unjoined and in the wrong order") {
		t.Errorf("shown: %q", got)
	}
}
