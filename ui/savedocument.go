package ui

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

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

// lastFolderPreference remembers the folder documents were last saved in.
const lastFolderPreference = "documents.folder"

// saveView is the saving dialog.
type saveView struct {
	folder, name *widget.Entry
	language     *widget.Select // the document's language, for those that have words
	problem      *widget.Label
	save         *widget.Button
	d            dialog.Dialog
}

// saveDocument asks, in one dialog, for the folder (typed or chosen) and
// the whole file name, then writes the document there through
// export.WriteFile, so that a failure leaves any old file of that name as
// it was. Nothing is written or recorded before the user saves: after,
// when given, runs once the document is whole. (Fyne's save dialog opens,
// and so empties, the file it is given before the document is made.)
func saveDocument(e *env, suggested string, write func(io.Writer) error, after ...func()) {
	saveAs(e, suggested, nil, write, after...)
}

// saveDocumentIn is saveDocument for a document written in a language:
// the dialog asks which, the window's first, and write is given its
// translator. A French reply can be written from an English window.
func saveDocumentIn(e *env, suggested string, write func(io.Writer, *locale.Translator) error, after ...func()) {
	choice := languageSelect()
	saveAs(e, suggested, choice, func(w io.Writer) error { return write(w, chosenLanguage(choice)) }, after...)
}

// languageSelect offers the program's languages by their own names, the
// window's chosen.
func languageSelect() *widget.Select {
	languages := locale.Languages()
	var names []string
	for _, l := range languages {
		names = append(names, l.Name)
	}
	choice := widget.NewSelect(names, nil)
	choice.SetSelectedIndex(max(0, indexOfLanguage(languages, locale.Current().Code())))
	return choice
}

// chosenLanguage is the translator of the language a languageSelect
// shows: the window's own (with its region's dates) when it is chosen.
func chosenLanguage(choice *widget.Select) *locale.Translator {
	languages := locale.Languages()
	tr := locale.Current()
	if i := choice.SelectedIndex(); i >= 0 && i < len(languages) && languages[i].Code != tr.Code() {
		tr = locale.For(languages[i].Code)
	}
	return tr
}

func saveAs(e *env, suggested string, language *widget.Select, write func(io.Writer) error, after ...func()) {
	v := &saveView{language: language}
	e.shown.save = v
	v.folder = widget.NewEntry()
	v.folder.SetText(defaultFolder(e))
	choose := widget.NewButtonWithIcon(locale.L("Choose…"), theme.FolderOpenIcon(), func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				v.folder.SetText(dir.Path())
			}
		}, e.win)
		if u, err := storage.ListerForURI(storage.NewFileURI(v.folder.Text)); err == nil {
			d.SetLocation(u)
		}
		d.Resize(fyne.NewSize(900, 600))
		d.Show()
	})
	v.name = widget.NewEntry()
	v.name.SetText(suggested)
	v.problem = newErrorLabel()
	v.save = widget.NewButton(locale.L("Save"), func() {
		dir, name := strings.TrimSpace(v.folder.Text), strings.TrimSpace(v.name.Text)
		switch {
		case name == "" || strings.ContainsAny(name, `/\`):
			v.problem.SetText(locale.L("Type a file name"))
		case !isFolder(dir):
			v.problem.SetText(locale.L("There is no such folder"))
		default:
			v.problem.Hide()
			path := filepath.Join(dir, name)
			save := func() {
				v.d.Hide()
				e.app.Preferences().SetString(lastFolderPreference, dir)
				writeDocument(e, path, write, after...)
			}
			if fileExists(path) {
				dialog.ShowConfirm(locale.L("Replace the file?"),
					locale.L("{{.File}} is already there. Replace it?", map[string]any{"File": name}), func(yes bool) {
						if yes {
							save()
						}
					}, e.win)
				return
			}
			save()
			return
		}
		v.problem.Show()
	})
	v.save.Importance = widget.HighImportance
	v.name.OnSubmitted = func(string) { v.save.OnTapped() }
	cancel := widget.NewButton(locale.L("Cancel"), func() { v.d.Hide() })
	form := newFieldSet()
	form.add("folder", locale.L("Folder"), true, container.NewBorder(nil, nil, nil, choose, v.folder))
	form.add("name", locale.L("File name"), true, v.name)
	if v.language != nil && len(v.language.Options) > 1 {
		form.add("language", locale.L("Language of the document"), false, v.language)
	}
	body := container.NewVBox(form.grid, v.problem, container.NewHBox(layoutSpacer(), cancel, v.save))
	v.d = dialog.NewCustomWithoutButtons(locale.L("Save as"), body, e.win)
	v.d.Resize(fyne.NewSize(760, 1)) // as tall as its fields need
	v.d.Show()
	e.win.Canvas().Focus(v.name)
}

// defaultFolder is where documents were saved last, or the user's
// Documents folder, or home.
func defaultFolder(e *env) string {
	if dir := e.app.Preferences().String(lastFolderPreference); dir != "" && isFolder(dir) {
		return dir
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if docs := filepath.Join(home, "Documents"); isFolder(docs) {
		return docs
	}
	return home
}

func isFolder(dir string) bool {
	st, err := os.Stat(dir)
	return err == nil && st.IsDir()
}

// writeDocument writes off the window's thread (a reply with the annexes
// of a large register takes seconds) while a dialog says so; then it
// offers to open the document or show it in its folder.
func writeDocument(e *env, path string, write func(io.Writer) error, after ...func()) {
	bar := widget.NewProgressBarInfinite()
	busy := dialog.NewCustomWithoutButtons(locale.L("Saving…"), container.NewVBox(widget.NewLabel(filepath.Base(path)), bar), e.win)
	busy.Show()
	var err error
	runAsync(func() { err = export.WriteFile(path, write) }, func() {
		bar.Stop()
		busy.Hide()
		if err != nil {
			showError(e.win, locale.L("The document was not saved"), err)
			return
		}
		e.status(locale.L("Saved {{.File}}", map[string]any{"File": path}))
		for _, f := range after {
			f()
		}
		showSaved(e, path)
	})
}

// showSaved says where the document is, with Open and Show in folder.
func showSaved(e *env, path string) {
	var d dialog.Dialog
	where := widget.NewLabel(path)
	where.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(locale.L("Open"), theme.FileIcon(), func() {
		d.Hide()
		openFile(e, path)
	})
	open.Importance = widget.HighImportance
	folder := widget.NewButtonWithIcon(locale.L("Show in folder"), theme.FolderOpenIcon(), func() {
		d.Hide()
		openFile(e, filepath.Dir(path))
	})
	closeButton := widget.NewButton(locale.L("Close"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(locale.L("Saved"), container.NewVBox(where,
		container.NewHBox(layoutSpacer(), closeButton, folder, open)), e.win)
	d.Resize(fyne.NewSize(640, 160))
	d.Show()
}

// openFile hands a file or folder to the program the system opens it
// with (nothing leaves the computer: a file:// address).
func openFile(e *env, path string) {
	if err := e.app.OpenURL(data.FileURL(path)); err != nil {
		e.status(locale.L("Could not open: {{.Error}}", map[string]any{"Error": err.Error()}))
	}
}

// fileName makes a file name out of a title: letters and digits of any
// script, with a dash for each run of anything else (spaces, punctuation,
// dashes and quotes of every kind), at most 100 characters before ext.
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
	if len(name) > 100 {
		name = name[:100]
	}
	if len(name) == 0 {
		return "document" + ext
	}
	return strings.Trim(string(name), "-") + ext
}
