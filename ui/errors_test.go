package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
)

// TestErrorsAreSaidInWordsAndTheRestLogged: a known error is said in the
// user's words and not logged; one the program does not know is said as
// unexpected, pointing at the log, where its text is written with the
// home folder as ~.
func TestErrorsAreSaidInWordsAndTheRestLogged(t *testing.T) {
	dir := t.TempDir()
	saved := logFolder
	logFolder = func() string { return dir }
	t.Cleanup(func() { logFolder = saved })
	w := test.NewTempWindow(t, nil)
	log := filepath.Join(dir, logName)

	showError(w, "The course was not saved", fmt.Errorf("saving: %w", data.ErrReadOnlyStore))
	if got := shownError(t, w); got != "The course was not saved: the register is open read-only" {
		t.Errorf("a read-only register: %q", got)
	}
	if _, err := os.Stat(log); err == nil {
		t.Error("a known error was logged")
	}

	home, _ := os.UserHomeDir()
	raw := errors.New("sqlite: step: disk I/O error (522) at " + filepath.Join(home, "register.db"))
	showError(w, "The course was not saved", raw, "Nothing was changed.")
	got := shownError(t, w)
	if !strings.HasPrefix(got, "The course was not saved: an unexpected error") || !strings.Contains(got, "Help → Show log folder") ||
		!strings.HasSuffix(got, "Nothing was changed.") || strings.Contains(got, "sqlite") {
		t.Errorf("an unknown error: %q", got)
	}
	logged, err := os.ReadFile(log)
	if err != nil || !strings.Contains(string(logged), "disk I/O error (522)") || !strings.Contains(string(logged), "The course was not saved") {
		t.Fatalf("the log holds %q, %v", logged, err)
	}
	if home != "" && strings.Contains(string(logged), home) {
		t.Errorf("the log names the home folder: %q", logged)
	}
	if st, _ := os.Stat(log); st.Mode().Perm() != 0o600 {
		t.Errorf("the log's mode is %v", st.Mode().Perm())
	}
}

// shownError is the text of the error dialog on top, which it closes.
func shownError(t *testing.T, w fyne.Window) string {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no error is shown")
	}
	text := ""
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && len(l.Text) > len(text) {
			text = l.Text
		}
	}
	w.Canvas().Overlays().Remove(top)
	return text
}
