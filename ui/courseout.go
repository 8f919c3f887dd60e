package ui

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// File → Open a course taken out…: a trainer opens the package a
// coordinator made of one course (Trainings → For a trainer…) as a new
// register of its own, records attendance there, and sends the changes
// back with File → Send changes….

func (w *window) chooseCourseOut() {
	e := w.env()
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		path := r.URI().Path()
		askPassphraseFor(e, path, locale.L("Open a course taken out"), func(v *packageOpen) { w.readCourseOut(path, v) })
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{data.PackageExtension}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// readCourseOut reads the package off the window's thread, then asks
// where the course's register goes.
func (w *window) readCourseOut(path string, v *packageOpen) {
	e := w.env()
	secret := v.pass.Text
	var p *data.Package
	v.open.Disable()
	readingFile(e, filepath.Base(path), func(ctx context.Context) error {
		var err error
		if p, err = data.ReadPackage(path, secret); err == nil && p.Course == "" {
			err = data.ErrNotCoursePackage
		}
		return err
	}, func(err error) {
		v.open.Enable()
		if err != nil {
			v.problem.SetText(packageProblem(err))
			v.problem.Show()
			return
		}
		v.d.Hide()
		w.placeCourseOut(p, filepath.Dir(path))
	})
}

// placeCourseOut asks for the new register's file name (in the package's
// folder, or another) and opens it there.
func (w *window) placeCourseOut(p *data.Package, dir string) {
	title := courseTitle(p)
	name := widget.NewEntry()
	name.SetText(fileName("course "+title, ".db"))
	folder := widget.NewEntry()
	folder.SetText(dir)
	name.Validator = func(s string) error {
		switch {
		case strings.TrimSpace(s) == "" || strings.ContainsAny(s, `/\`):
			return errors.New(locale.L("Type a file name, like register.db"))
		case fileExists(filepath.Join(folder.Text, s)):
			return errors.New(locale.L("A file of this name is already there; choose another name"))
		}
		return nil
	}
	dialog.ShowForm(locale.L("A register for “{{.Course}}”", map[string]any{"Course": title}), locale.L("Create"), locale.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(locale.L("Folder"), folder), widget.NewFormItem(locale.L("File name"), name)},
		func(ok bool) {
			if !ok {
				return
			}
			target := filepath.Join(folder.Text, name.Text)
			st, err := data.OpenCourseOut(context.Background(), target, p, data.Options{Device: deviceName()})
			if err != nil {
				showError(w.win, locale.L("The course's register was not made"), err)
				return
			}
			st.Close()
			w.open(target, false)
			if env := w.env(); env != nil {
				env.status(locale.L("“{{.Course}}” is open on this laptop: record attendance, then File → Send changes… sends it back.", map[string]any{"Course": title}))
			}
		}, w.win)
}

// courseTitle is the title of the course a package takes out.
func courseTitle(p *data.Package) string {
	for _, c := range p.Changes {
		for _, it := range c.Items {
			if it.Entity == "course" && it.Record == p.Course {
				var v map[string]string
				if json.Unmarshal([]byte(it.New), &v) == nil {
					return v["title"]
				}
			}
		}
	}
	return locale.L("the course")
}
