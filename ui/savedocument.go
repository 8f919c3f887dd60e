package ui

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/export"
)

// saveDocument asks for a folder and a file name, then writes the document
// there through export.WriteFile, so that a failure leaves any old file of
// that name as it was. (Fyne's save dialog opens, and so empties, the file
// it is given before the document is made.)
func saveDocument(e *env, suggested string, write func(io.Writer) error) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		askFileName(e, dir.Path(), suggested, write)
	}, e.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func askFileName(e *env, dir, suggested string, write func(io.Writer) error) {
	name := widget.NewEntry()
	name.SetText(suggested)
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" || strings.ContainsAny(s, `/\`) {
			return errors.New(lang.L("Type a file name"))
		}
		return nil
	}
	dialog.ShowForm(lang.L("Save as"), lang.L("Save"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("File name"), name)}, func(ok bool) {
			if !ok {
				return
			}
			path := filepath.Join(dir, name.Text)
			save := func() { writeDocument(e, path, write) }
			if fileExists(path) {
				dialog.ShowConfirm(lang.L("Replace the file?"),
					fmt.Sprintf(lang.L("%s is already there. Replace it?"), name.Text),
					func(yes bool) {
						if yes {
							save()
						}
					}, e.win)
				return
			}
			save()
		}, e.win)
}

// writeDocument writes off the window's thread (a reply with the annexes
// of a large register takes seconds) while a dialog says so.
func writeDocument(e *env, path string, write func(io.Writer) error) {
	bar := widget.NewProgressBarInfinite()
	busy := dialog.NewCustomWithoutButtons(lang.L("Saving…"), container.NewVBox(widget.NewLabel(filepath.Base(path)), bar), e.win)
	busy.Show()
	var err error
	runAsync(func() { err = export.WriteFile(path, write) }, func() {
		bar.Stop()
		busy.Hide()
		if err != nil {
			dialog.ShowError(fmt.Errorf("%s: %w", lang.L("The document was not saved"), err), e.win)
			return
		}
		e.status(lang.L("Saved") + " " + path)
	})
}

// fileName makes a file name out of a title: letters and digits of any
// script, with a dash for each run of anything else (spaces, punctuation,
// dashes and quotes of every kind), at most 60 characters before ext.
func fileName(title, ext string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
			continue
		}
		b.WriteRune(r)
		dash = false
	}
	name := []rune(strings.Trim(b.String(), "-"))
	if len(name) > 60 {
		name = name[:60]
	}
	if len(name) == 0 {
		return "document" + ext
	}
	return strings.Trim(string(name), "-") + ext
}
