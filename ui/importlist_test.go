package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/encoding/charmap"

	"github.com/ncm-register/ncm-register/data"
)

// frenchList is a list as a francophone ministry's Excel saves it as CSV:
// Windows-1252, semicolons, Nom and Prénom apart, French words for codes;
// with a person already in the register, one entered twice, and a bad row.
func frenchList(t *testing.T) []byte {
	t.Helper()
	text := "Nom;Prénom;Organisme;Secteur;Téléphone;Courriel;Sexe\r\n" +
		"Pérez;José;Centre d'écoute Espoir;ONG;+373 22 123 456;jose@espoir.example.org;Homme\r\n" +
		"PEREZ;Jose;Centre d'écoute Espoir;ONG;;j.perez@espoir.example.org;\r\n" +
		"Pop;Ana;La Strada;ONG;;ana@lastrada.example.org;Femme\r\n" +
		"Lungu;Vasile;La Strada;ONG;+373 79 APPELEZ;pas-une-adresse;X\r\n"
	raw, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func withAnaAtLaStrada(s *data.Store) {
	ctx := context.Background()
	if err := s.SetCountry(ctx, "MD"); err != nil {
		panic(err)
	}
	o := data.Organisation{Name: "La Strada", Sector: "ngo"}
	if err := s.SaveOrganisation(ctx, &o); err != nil {
		panic(err)
	}
	c := data.Contact{OrganisationID: o.ID, Name: "Ana Pop"}
	if err := s.SaveContact(ctx, &c); err != nil {
		panic(err)
	}
}

func TestImportAFrenchListThroughColumnsAndPreview(t *testing.T) {
	w := openWindow(t, withAnaAtLaStrada)
	startImport(w.ws.env, bytes.NewReader(frenchList(t)), "points focaux.csv")
	cols := w.ws.env.shown.importColumns
	if cols == nil {
		t.Fatal("the columns step did not open")
	}
	want := []string{"contact.family_name", "contact.given_name", "organisation.name", "organisation.sector",
		"contact.phones", "contact.emails", "contact.sex"}
	if got := cols.mapping(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("columns guessed %v, want %v", got, want)
	}
	if !strings.Contains(cols.info.Text, "Windows-1252") || !strings.Contains(cols.info.Text, "semicolons") {
		t.Errorf("the step says %q: want how the file was read", cols.info.Text)
	}
	test.Tap(cols.next)

	p := w.ws.env.shown.importPreview
	if p == nil {
		t.Fatalf("no preview: %s", cols.problem.Text)
	}
	counts := map[string]int{}
	for _, g := range p.groups {
		counts[g.title] = len(g.items)
	}
	if counts["New"] != 1 || counts["Already in the register"] != 1 || counts["Possible duplicates"] != 1 ||
		counts["Cannot be taken"] != 1 || counts["Organisations"] != 2 {
		t.Errorf("groups %v", counts)
	}
	rejected := p.groups[3]
	_, detail, _ := p.describe(rejected, rejected.items[0])
	for _, want := range []string{"column E “Téléphone”", "column F “Courriel”", "column G “Sexe”"} {
		if !strings.Contains(detail, want) {
			t.Errorf("the bad row's problems %q lack %q", detail, want)
		}
	}
	if !strings.Contains(p.summary.Text, "add 1 person and 1 organisation, and complete 1 person") {
		t.Errorf("summary %q", p.summary.Text)
	}
	dup := p.groups[2]
	_, why, choice := p.describe(dup, dup.items[0])
	if choice == nil || *choice != data.ImportMerge || !strings.Contains(why, "the person of row 2") {
		t.Errorf("the second José: %q, choice %v", why, choice)
	}
	p.chooseAll(dup, data.ImportSkip)
	if !strings.Contains(p.summary.Text, "1 row skipped") {
		t.Errorf("after Skip for all: %q", p.summary.Text)
	}
	test.Tap(p.apply)

	ctx := context.Background()
	hits, _ := w.store.SearchContacts(ctx, "josé", 5)
	if len(hits) != 1 || hits[0].Name != "José Pérez" {
		t.Errorf("José after the import: %v", hits)
	}
	ana, _ := w.store.SearchContacts(ctx, "ana pop", 5)
	if c, _ := w.store.Contact(ctx, ana[0].ID); c.Sex != "female" || len(c.Emails) != 1 {
		t.Errorf("Ana was not completed: %+v", c)
	}
	if !strings.Contains(w.ws.message.Text, "Imported from points focaux.csv: 1 organisation and 1 person added") {
		t.Errorf("status %q", w.ws.message.Text)
	}
	if !strings.Contains(w.ws.undoItem.Label, "Import from “points focaux.csv”") {
		t.Errorf("Undo offers %q", w.ws.undoItem.Label)
	}
}

func TestImportColumnsExplainAMappingThatCannotWork(t *testing.T) {
	w := openWindow(t, withAnaAtLaStrada)
	startImport(w.ws.env, bytes.NewReader(frenchList(t)), "points focaux.csv")
	cols := w.ws.env.shown.importColumns
	before, _ := w.store.Count(context.Background())
	for _, sel := range cols.targets {
		sel.setCode("")
	}
	w.ws.env.shown.importPreview = nil
	test.Tap(cols.next)
	if w.ws.env.shown.importPreview != nil || !cols.problem.Visible() || !strings.Contains(cols.problem.Text, "No column is taken") {
		t.Errorf("all columns left out: problem %q, preview %v", cols.problem.Text, w.ws.env.shown.importPreview != nil)
	}
	// Read in the wrong encoding, the names change; the columns stay.
	cols.targets[0].setCode("contact.name")
	cols.encoding.SetSelected("Windows-1251")
	if got := cols.mapping()[0]; got != "contact.name" {
		t.Errorf("the first column's target after another encoding: %q", got)
	}
	if strings.Contains(cols.src.table.Rows[1][0], "Pérez") {
		t.Error("the file was not read again in Windows-1251")
	}
	after, _ := w.store.Count(context.Background())
	if after != before {
		t.Errorf("the columns step changed the register: %+v → %+v", before, after)
	}
}

func TestImportOfAFileThatIsNotAListChangesNothing(t *testing.T) {
	w := openWindow(t, withAnaAtLaStrada)
	before, _ := w.store.Count(context.Background())
	w.ws.env.shown.importColumns = nil
	startImport(w.ws.env, strings.NewReader("PK\x03\x04 this is no workbook"), "list.xlsx")
	if w.ws.env.shown.importColumns != nil {
		t.Error("a broken workbook reached the columns step")
	}
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no message about the broken file")
	}
	text := ""
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			text += l.Text
		}
	}
	if !strings.Contains(strings.ToLower(text), "list.xlsx: the file is not an xlsx workbook") || !strings.Contains(text, "Nothing was changed") {
		t.Errorf("the message says %q", text)
	}
	after, _ := w.store.Count(context.Background())
	if after != before {
		t.Errorf("the register changed: %+v → %+v", before, after)
	}
}

func TestImportRemembersTheColumnsForTheNextFile(t *testing.T) {
	w := openWindow(t, withAnaAtLaStrada)
	startImport(w.ws.env, bytes.NewReader(frenchList(t)), "points focaux.csv")
	cols := w.ws.env.shown.importColumns
	cols.targets[6].setCode("") // Sexe left out this time
	test.Tap(cols.next)
	w.ws.env.shown.importPreview.d.Hide()
	cols.d.Hide()
	startImport(w.ws.env, bytes.NewReader(frenchList(t)), "points focaux (2).csv")
	if got := w.ws.env.shown.importColumns.mapping()[6]; got != "" {
		t.Errorf("the next file with the same headings maps Sexe to %q, want it left out as last time", got)
	}
}
