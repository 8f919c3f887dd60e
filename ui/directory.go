package ui

import (
	"context"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// directoryFormats are the ways the directory leaves the register: the file
// name offered and the writer, in the language chosen when saving.
var directoryFormats = map[string]struct {
	file  string
	write func(io.Writer, *locale.Translator, []data.DirectoryEntry) error
}{
	"xlsx": {"directory.xlsx", export.DirectoryXLSX},
	"vcf":  {"directory.vcf", export.DirectoryVCard},
	"a4": {"directory.pdf", func(w io.Writer, tr *locale.Translator, e []data.DirectoryEntry) error {
		return export.DirectoryPDF(w, tr, e, false, time.Now().Format(time.DateOnly))
	}},
	"letter": {"directory.pdf", func(w io.Writer, tr *locale.Translator, e []data.DirectoryEntry) error {
		return export.DirectoryPDF(w, tr, e, true, time.Now().Format(time.DateOnly))
	}},
}

// directoryMenu is File → Save directory as, with each format.
func (r *registerScreen) directoryMenu() *fyne.MenuItem {
	item := fyne.NewMenuItem(locale.L("Save directory as"), nil)
	item.ChildMenu = fyne.NewMenu("",
		fyne.NewMenuItem(locale.L("Workbook (xlsx)…"), func() { r.saveDirectory("xlsx") }),
		fyne.NewMenuItem(locale.L("Contacts for phones and mail (vCard)…"), func() { r.saveDirectory("vcf") }),
		fyne.NewMenuItem(locale.L("PDF, A4…"), func() { r.saveDirectory("a4") }),
		fyne.NewMenuItem(locale.L("PDF, US Letter…"), func() { r.saveDirectory("letter") }))
	return item
}

// saveDirectory saves the focal points of the organisations the Register
// lists (as filtered and searched) in a format of directoryFormats.
func (r *registerScreen) saveDirectory(format string) {
	if len(r.rows) == 0 {
		dialog.ShowInformation(locale.L("Nothing to save"),
			locale.L("The Register lists no organisation. Clear the search and the filters to save the whole directory."), r.env.win)
		return
	}
	saveDocumentIn(r.env, directoryFormats[format].file, r.directoryWriter(format))
}

// directoryWriter writes the directory of the organisations listed now;
// the people are read when the file is written, off the window's thread.
func (r *registerScreen) directoryWriter(format string) func(io.Writer, *locale.Translator) error {
	ids := make([]string, len(r.rows))
	for i, row := range r.rows {
		ids[i] = row.ID
	}
	return func(w io.Writer, tr *locale.Translator) error {
		if format == "xlsx" { // written while read: the largest directories are workbooks
			return export.DirectoryXLSXOf(context.Background(), r.env.store, ids, w, tr)
		}
		entries, err := r.env.store.Directory(context.Background(), ids)
		if err != nil {
			return err
		}
		return directoryFormats[format].write(w, tr, entries)
	}
}
