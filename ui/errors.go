package ui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/data/sheets"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// showError is the one way the window tells of a failure: what did not
// happen, then why, in words the user understands. An error the program
// does not know is said as such, and its text goes to the log (Help →
// Show log folder) rather than before the user. note, when given, follows
// (such as "Nothing was changed.").
func showError(win fyne.Window, what string, err error, note ...string) {
	why := explain(err)
	if why == "" {
		logError(what, err)
		why = locale.L("an unexpected error; its details are in the log (Help → Show log folder)")
	}
	text := why
	if what != "" {
		text = labelled(what, why)
	} else if r := []rune(why); len(r) > 0 {
		text = strings.ToUpper(string(r[0])) + string(r[1:])
	}
	if len(note) > 0 {
		text = strings.TrimSuffix(text, ".") + ". " + strings.Join(note, " ")
	}
	dialog.ShowError(errors.New(text), win)
}

// explain says a known error in words; "" for one the program does not know.
func explain(err error) string {
	var (
		ve    *data.ValidationError
		oe    *data.OpenError
		pe    *data.PackageError
		be    *data.BackupError
		ie    *data.IncompleteError
		tl    *export.TextTooLongError
		us    *export.UnprintableScriptError
		errno syscall.Errno
	)
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ve) && len(ve.Errors) > 0:
		var msgs []string
		for _, fe := range ve.Errors {
			msgs = append(msgs, fieldMessage(fe))
		}
		return strings.Join(msgs, "; ")
	case errors.Is(err, data.ErrReadOnlyStore):
		return locale.L("the register is open read-only")
	case errors.Is(err, data.ErrNotFound):
		return locale.L("the record is no longer in the register (taken back with Undo, or removed by changes received)")
	case errors.Is(err, context.Canceled):
		return locale.L("it was cancelled")
	case errors.As(err, &oe):
		title, _ := problemText(oe.Problem)
		return title
	case errors.As(err, &pe):
		return pe.Reason
	case errors.As(err, &be):
		return be.Reason
	case errors.As(err, &us): // its own words, whatever wraps it: the record, the field, the script and why
		return us.Error()
	case errors.As(err, &ie), errors.As(err, &tl), worded(err):
		return err.Error()
	case errors.As(err, &errno) && errno == syscall.ENOSPC:
		return locale.L("the disk is full")
	case errors.Is(err, fs.ErrPermission):
		return locale.L("this program may not write there (the file or its folder is protected)")
	case errors.Is(err, fs.ErrNotExist):
		return locale.L("the file or folder is not there")
	case strings.Contains(err.Error(), "database is locked") || strings.Contains(err.Error(), "SQLITE_BUSY"):
		return locale.L("the register is busy: another program is using the file; try again in a moment")
	}
	for _, known := range []error{data.ErrWrongPassphrase, data.ErrImportEmpty, data.ErrBackupsNotSetUp, data.ErrReplyFinal, data.ErrPlanStale, data.ErrPackageGap, data.ErrOtherRegister,
		data.ErrUndecided, data.ErrCoursePackage, data.ErrNotCoursePackage, data.ErrMergeSame, data.ErrAlreadyMerged,
		data.ErrNothingToUndo, data.ErrNothingToRedo} {
		if errors.Is(err, known) {
			return known.Error()
		}
	}
	return ""
}

// worded reports whether err is one of the errors written for the user:
// a file's problem with its row, column or cell, a record refused.
func worded(err error) bool {
	var (
		cn *data.CertificateNumberError
		re *data.RecordError
		me *data.ImportMappingError
		se *data.SheetError
		le *sheets.Error
		ce *export.ContributionError
		te *export.TemplateError
	)
	return errors.As(err, &cn) || errors.As(err, &re) || errors.As(err, &me) || errors.As(err, &se) || errors.As(err, &le) ||
		errors.As(err, &ce) || errors.As(err, &te)
}

// logFolder is where the log is kept: beside the program's settings, not
// beside the register (which may be on a stick). Tests set their own.
var logFolder = func() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "ncm-register", "logs")
}

const (
	logName    = "ncm-register.log"
	logMaxSize = 1 << 20 // then it is moved to .1, the older .1 to .2
)

var logMu sync.Mutex

// logError writes one line: when, what failed, and the error's text, with
// the home folder written ~ (paths name the user). No record's content is
// logged: errors name records by their ids.
func logError(what string, err error) {
	logMu.Lock()
	defer logMu.Unlock()
	dir := logFolder()
	if os.MkdirAll(dir, 0o700) != nil {
		return
	}
	path := filepath.Join(dir, logName)
	if st, err := os.Stat(path); err == nil && st.Size() > logMaxSize {
		os.Rename(path+".1", path+".2")
		os.Rename(path, path+".1")
	}
	f, ferr := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if ferr != nil {
		return
	}
	defer f.Close()
	text := err.Error()
	if home, herr := os.UserHomeDir(); herr == nil && home != "" {
		text = strings.ReplaceAll(text, home, "~")
	}
	fmt.Fprintf(f, "%s\t%s\t%s\n", time.Now().UTC().Format(time.RFC3339), what, strings.ReplaceAll(text, "\n", " "))
}
