package ui

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/ncm-register/ncm-register/data"
)

// importThrough takes a file through the columns step (with a sector for
// new organisations, when given) and the preview, applying choose to the
// preview before Import.
func importThrough(t *testing.T, w *window, raw []byte, name, sector string, choose func(*importPreview)) {
	t.Helper()
	w.ws.env.shown.importColumns, w.ws.env.shown.importPreview = nil, nil
	startImport(w.ws.env, bytes.NewReader(raw), name)
	cols := w.ws.env.shown.importColumns
	if cols == nil {
		t.Fatalf("%s did not reach the columns step", name)
	}
	cols.sector.setCode(sector)
	test.Tap(cols.next)
	p := w.ws.env.shown.importPreview
	if p == nil {
		t.Fatalf("%s: no preview (%s)", name, cols.problem.Text)
	}
	if choose != nil {
		choose(p)
	}
	test.Tap(p.apply)
	if !strings.HasPrefix(w.ws.message.Text, "Imported from "+name) {
		t.Fatalf("%s: status %q", name, w.ws.message.Text)
	}
}

func statusOf(p *importPreview, name string) (data.ImportStatus, *data.ImportChoice) {
	for i := range p.plan.People {
		r := &p.plan.People[i]
		if r.Contact.Name == name {
			return r.Status, &r.Choice
		}
	}
	return 255, nil
}

// TestACoordinatorBringsThreeListsTogether is the journey: an
// English workbook from a ministry, a French CSV from an NGO network in
// Windows-1252, and a phone's vCard come into the sample register; the
// duplicates are settled in the previews and in Find duplicates; the
// directory goes out with each person once. Nothing is undone or redone
// by hand.
func TestACoordinatorBringsThreeListsTogether(t *testing.T) {
	w := openWindow(t, withSample)
	ctx := context.Background()
	before, _ := w.store.Count(ctx)
	jose, _ := w.store.SearchContacts(ctx, "José Pérez", 5)
	if len(jose) != 1 {
		t.Fatalf("the sample has %d José Pérez", len(jose))
	}
	mia := jose[0].OrganisationName

	// 1. The ministry's workbook: José is already there (his phone is new),
	// Radu Botnaru is in it twice.
	f := excelize.NewFile()
	for i, row := range [][]any{
		{"Organisation", "Sector", "Name", "Position", "E-mail", "Phone"},
		{mia, "Ministry", "PEREZ José", "", "", "+373 22 255 100"},
		{mia, "Ministry", "Nadia Vrabie", "Senior inspector", "nadia.vrabie@mai.example.md", ""},
		{"Labour Inspectorate", "Labour inspection", "Radu Botnaru", "Inspector", "r.botnaru@inspectia.example.md", "069 123 456"},
		{"Labour Inspectorate", "Labour inspection", "BOTNARU Radu", "", "radu.botnaru@inspectia.example.md", ""},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var xlsx bytes.Buffer
	if err := f.Write(&xlsx); err != nil {
		t.Fatal(err)
	}
	importThrough(t, w, xlsx.Bytes(), "focal-points-ministry.xlsx", "", func(p *importPreview) {
		if st, _ := statusOf(p, "PEREZ José"); st != data.ImportSame {
			t.Errorf("José in the ministry's list: status %d, want already in the register", st)
		}
		if st, choice := statusOf(p, "BOTNARU Radu"); st != data.ImportDuplicate || *choice != data.ImportMerge {
			t.Errorf("the second Radu: status %d", st)
		}
	})

	// 2. The NGOs' CSV, as Excel saves it in French.
	csv, err := charmap.Windows1252.NewEncoder().Bytes([]byte("Nom;Prénom;Organisme;Secteur;Téléphone;Courriel;Sexe\r\n" +
		"Ndiaye;Awa;Centre d'écoute Espoir;ONG;;awa@espoir.example.org;Femme\r\n" +
		"Mensah;Koffi;Gendarmerie nationale;Police;+373 22 555 777;k.mensah@gendarmerie.example.org;Homme\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	importThrough(t, w, csv, "points-focaux-ong.csv", "", nil)

	// 3. A phone's contacts: Radu again (his phone), Awa under her
	// organisation's name without accents, and Koffi under a shorter
	// name of his organisation, which the coordinator adds for now.
	vcf := []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Radu Botnaru\r\nORG:Labour Inspectorate\r\nTEL:+373 69 111 222\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Awa Ndiaye\r\nORG:Centre d'ecoute Espoir\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Koffi Mensah\r\nORG:Gendarmerie\r\nEMAIL:mensah@gendarmerie.example.org\r\nEND:VCARD\r\n")
	importThrough(t, w, vcf, "phone-contacts.vcf", "police", func(p *importPreview) {
		for _, name := range []string{"Radu Botnaru", "Awa Ndiaye"} {
			if st, _ := statusOf(p, name); st != data.ImportSame {
				t.Errorf("%s from the phone: status %d, want already in the register", name, st)
			}
		}
		st, choice := statusOf(p, "Koffi Mensah")
		if st != data.ImportDuplicate || *choice != data.ImportAdd {
			t.Fatalf("Koffi under another organisation: status %d, want a possible duplicate", st)
		}
		// Only the name is alike: added as someone new unless the
		// coordinator says otherwise. Find duplicates will show him again.
	})

	// 4. Find duplicates shows Koffi twice; the coordinator merges.
	showDuplicates(w.ws.env)
	var pair *data.Match
	people := w.ws.env.shown.duplicates.kinds[0]
	for i, p := range people.pairs {
		if strings.Contains(people.names[p.A]+people.names[p.B], "Mensah") {
			pair = &people.pairs[i]
			people.list.Select(i)
		}
	}
	if pair == nil {
		t.Fatalf("Find duplicates does not show Koffi Mensah twice: %v", people.names)
	}
	test.Tap(people.merge)
	test.Tap(w.ws.env.shown.merge.merge)

	after, _ := w.store.Count(ctx)
	// Added: Nadia, Radu, Awa, Koffi (once); the Labour
	// Inspectorate, the listening centre, the Gendarmerie nationale and
	// the Gendarmerie.
	if after.Contacts != before.Contacts+4 || after.Organisations != before.Organisations+4 {
		t.Errorf("the register went from %+v to %+v: want four people and four organisations more", before, after)
	}
	radu, _ := w.store.SearchContacts(ctx, "Radu Botnaru", 5)
	if len(radu) != 1 {
		t.Fatalf("Radu Botnaru is in the register %d times", len(radu))
	}
	v, _ := w.store.Contact(ctx, radu[0].ID)
	if len(v.Emails) != 2 || len(v.Phones) != 2 {
		t.Errorf("Radu after three lists: %+v, want both e-mails and both phones", v)
	}

	// 5. The directory goes out with each person once.
	r := w.ws.register
	r.filter = data.OrganisationFilter{}
	r.reload()
	r.waitLoaded()
	path := filepath.Join(t.TempDir(), "directory.xlsx")
	writeDocument(w.ws.env, path, func(out io.Writer) error { return r.directoryWriter("xlsx")(out, nil) })
	book, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	rows, _ := book.GetRows("Directory")
	seen := map[string]int{}
	for _, row := range rows[1:] {
		for _, cell := range row {
			if strings.Contains(cell, "Mensah") || strings.Contains(cell, "Botnaru") {
				seen[cell]++
			}
		}
	}
	if seen["Koffi Mensah"] != 1 || seen["Radu Botnaru"] != 1 {
		t.Errorf("the directory lists %v: want Koffi and Radu once each", seen)
	}
}
