package data

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"

	"github.com/ncm-register/ncm-register/data/sheets"
)

// importRegister holds what the lists below meet: the police with Ana Pop,
// and the Ministry of the Interior.
func importRegister(t *testing.T) (*Store, Organisation, Contact, Organisation) {
	t.Helper()
	s := newStore(t)
	if err := s.SetCountry(t.Context(), "MD"); err != nil {
		t.Fatal(err)
	}
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Pop", Position: "Inspector"})
	moi := mustSaveOrg(t, s, Organisation{Name: "Ministry of the Interior", Sector: "ministry"})
	return s, police, ana, moi
}

func planOf(t *testing.T, s *Store, table string, opt ImportOptions) *ImportPlan {
	t.Helper()
	var rows [][]string
	for _, line := range strings.Split(table, "\n") {
		rows = append(rows, strings.Split(line, "|"))
	}
	if opt.Mapping == nil {
		opt.Mapping = GuessMapping(rows[0])
	}
	plan, err := s.PlanImport(t.Context(), rows, opt)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

func TestPlanImportSortsEveryRow(t *testing.T) {
	s, police, ana, moi := importRegister(t)
	plan := planOf(t, s, strings.Join([]string{
		"Organisation|Sector|Name|Position|E-mail|Phone|Sex",
		"Police|Police|ANA POP||ana.pop@police.example.org||F",                // 2 the same as Ana: fills her e-mail
		"La Strada|NGO|Ion Rusu|Lawyer|ion@lastrada.example.org|079 123 456|", // 3 new, and a new organisation
		"La Strada|ONG|Rusu Ion||ion@lastrada.example.org||",                  // 4 the same person as row 3
		"Ministry of Interior|Ministry|Elena Ceban|Adviser|||Femme",           // 5 a new person, an organisation that is probably the ministry
		"Police|Police|Vasile Lungu||not-an-email|+373 79 CALL ME|X",          // 6 three problems
		"Caritas||Doina Guțu||||",                                             // 7 a new organisation without a sector
		"||||||",                                                              // 8 blank
	}, "\n"), ImportOptions{FileName: "focal points.xlsx"})

	if len(plan.Organisations) != 4 || plan.Blank != 1 {
		t.Fatalf("%d organisations, %d blank rows: want 4 and 1", len(plan.Organisations), plan.Blank)
	}
	orgs := map[string]ImportOrganisation{}
	for _, o := range plan.Organisations {
		orgs[o.Organisation.Name] = o
	}
	if o := orgs["Police"]; o.Status != ImportSame || o.ExistingID != police.ID || !slices.Equal(o.Lines, []int{2, 6}) {
		t.Errorf("Police: %+v", o)
	}
	if o := orgs["La Strada"]; o.Status != ImportNew || o.Organisation.Sector != "ngo" {
		t.Errorf("La Strada: %+v", o)
	}
	if o := orgs["Ministry of Interior"]; o.Status != ImportDuplicate || o.ExistingID != moi.ID || o.Choice != ImportMerge {
		t.Errorf("Ministry of Interior: %+v, want a possible duplicate of the ministry, merged by default", o)
	}
	if o := orgs["Caritas"]; o.Status != ImportRejected || !strings.Contains(o.Problems[0].Problem.Template, "gives no sector") {
		t.Errorf("Caritas: %+v", o)
	}

	status := map[int]ImportStatus{}
	rows := map[int]ImportRow{}
	for _, r := range plan.People {
		status[r.Line], rows[r.Line] = r.Status, r
	}
	want := map[int]ImportStatus{2: ImportSame, 3: ImportNew, 4: ImportDuplicate, 5: ImportNew, 6: ImportRejected, 7: ImportRejected}
	if d := cmp.Diff(want, status); d != "" {
		t.Errorf("statuses (-want +got):\n%s", d)
	}
	if r := rows[2]; r.ExistingID != ana.ID || r.Contact.Sex != "female" {
		t.Errorf("row 2: %+v", r)
	}
	if r := rows[3]; !slices.Equal(r.Contact.Phones, []string{"+37379123456"}) {
		t.Errorf("row 3's phone %v, want E.164 in the register's country", r.Contact.Phones)
	}
	if r := rows[4]; r.SameAsLine != 3 || r.Choice != ImportMerge {
		t.Errorf("row 4: %+v, want a duplicate of row 3", r)
	}
	var where []string
	for _, p := range rows[6].Problems {
		where = append(where, p.Heading)
	}
	slices.Sort(where)
	if !slices.Equal(where, []string{"E-mail", "Phone", "Sex"}) {
		t.Errorf("row 6's problems are in columns %v, want every bad one: E-mail, Phone, Sex", where)
	}
	if r := rows[7]; len(r.Problems) != 1 || r.Problems[0].Heading != "Organisation" {
		t.Errorf("row 7: %+v", r.Problems)
	}

	before := registerDump(t, s)
	sum, err := s.ApplyImport(t.Context(), plan)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(ImportSummary{Organisations: 1, People: 2, Updated: 1, Rejected: 2}, sum); d != "" {
		t.Errorf("summary (-want +got):\n%s", d)
	}
	got, _ := s.Contact(t.Context(), ana.ID)
	if got.Position != "Inspector" || !slices.Equal(got.Emails, []string{"ana.pop@police.example.org"}) || got.Sex != "female" {
		t.Errorf("Ana after the import %+v: her e-mail and sex filled, her position kept", got)
	}
	people, _ := s.Contacts(t.Context(), moi.ID, false)
	if len(people) != 1 || people[0].Name != "Elena Ceban" {
		t.Errorf("the ministry's people %v: Elena under the ministry the file meant", people)
	}
	c, _, _ := s.LastUndoable(t.Context())
	if c.Summary != "Import from “focal points.xlsx”" {
		t.Errorf("the History says %q", c.Summary)
	}
	if _, err := s.Undo(t.Context()); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(before, registerDump(t, s)); d != "" {
		t.Errorf("Undo did not take the import back whole:\n%s", d)
	}
}

func TestImportChoicesAreFollowed(t *testing.T) {
	s, _, ana, moi := importRegister(t)
	plan := planOf(t, s, "Organisation|Sector|Name\nPolice|Police|Ana Popp\nMinistry of Interior|Ministry|Ion Rusu\nMinistry of Interior|Ministry|Ion Rusu", ImportOptions{})
	if plan.People[0].Status != ImportDuplicate || plan.People[0].ExistingID != ana.ID {
		t.Fatalf("Ana Popp: %+v, want a possible duplicate of Ana Pop", plan.People[0])
	}
	plan.People[0].Choice = ImportSkip
	plan.Organisations[1].Choice = ImportAdd // the file's ministry is another
	sum, err := s.ApplyImport(t.Context(), plan)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(ImportSummary{Organisations: 1, People: 1, Skipped: 1}, sum); d != "" {
		t.Errorf("summary (-want +got):\n%s", d)
	}
	if people, _ := s.Contacts(t.Context(), moi.ID, false); len(people) != 0 {
		t.Errorf("the register's ministry got %v", people)
	}
}

func TestPlanImportRefusesWhatItCannotRead(t *testing.T) {
	s, _, _, _ := importRegister(t)
	for name, tc := range map[string]struct {
		rows    [][]string
		mapping []string
		want    string
	}{
		"empty file":      {nil, nil, "no rows"},
		"only headings":   {[][]string{{"Name", "Organisation"}}, []string{"contact.name", "organisation.name"}, "no rows"},
		"mapped twice":    {[][]string{{"Name", "Full name", "Org"}, {"a", "b", "c"}}, []string{"contact.name", "contact.name", "organisation.name"}, "both go into"},
		"no name column":  {[][]string{{"Phone"}, {"1"}}, []string{"contact.phones"}, "No column is taken"},
		"no organisation": {[][]string{{"Name"}, {"Ana"}}, []string{"contact.name"}, "No column names the people's organisation"},
	} {
		_, err := s.PlanImport(t.Context(), tc.rows, ImportOptions{Mapping: tc.mapping})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", name, err, tc.want)
		}
	}
	var me *ImportMappingError
	_, err := s.PlanImport(t.Context(), [][]string{{"Phone"}, {"1"}}, ImportOptions{Mapping: []string{"contact.phones"}})
	if !errors.As(err, &me) {
		t.Errorf("a mapping without a name: %T, want an *ImportMappingError", err)
	}
}

// TestImportFrenchCSVInWindows1252 is the file a francophone ministry's
// Excel saves: semicolons, Windows-1252, Nom and Prénom apart, sectors
// and sex in French.
func TestImportFrenchCSVInWindows1252(t *testing.T) {
	s, _, _, _ := importRegister(t)
	text := "Nom;Prénom;Organisme;Secteur;Téléphone;Courriel;Sexe\r\n" +
		"Pérez;José;Centre d'écoute Espoir;ONG;+373 22 123 456;jose@espoir.example.org;Homme\r\n" +
		"Lefèvre;Zoë;Gendarmerie nationale;Police;;zoe@gendarmerie.example.org;Femme\r\n"
	raw, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	table, err := sheets.Read(t.Context(), bytes.NewReader(raw), "points focaux.csv", sheets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if table.CSV.Encoding != sheets.Windows1252 || table.CSV.Separator != ';' {
		t.Fatalf("read as %s with %q", table.CSV.Encoding, table.CSV.Separator)
	}
	plan, err := s.PlanImport(t.Context(), table.Rows, ImportOptions{Mapping: GuessMapping(table.Rows[0]), FileName: "points focaux.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyImport(t.Context(), plan); err != nil {
		t.Fatal(err)
	}
	hits, _ := s.SearchContacts(t.Context(), "José", 5)
	if len(hits) != 1 || hits[0].Name != "José Pérez" {
		t.Fatalf("search for José finds %v", hits)
	}
	c, _ := s.Contact(t.Context(), hits[0].ID)
	o, _ := s.Organisation(t.Context(), c.OrganisationID)
	if o.Name != "Centre d'écoute Espoir" || o.Sector != "ngo" || c.Sex != "male" || !slices.Equal(c.Phones, []string{"+37322123456"}) {
		t.Errorf("José %+v of %+v", c, o)
	}
}

// TestImportVCard imports a phone's contacts into one organisation.
func TestImportVCard(t *testing.T) {
	s, police, ana, _ := importRegister(t)
	vcf := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Pop\r\nTEL:+373 69 111 222\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ольга Иванова\r\nN:Иванова;Ольга;;;\r\nEMAIL:olga@example.org\r\nEND:VCARD\r\n"
	table, err := sheets.ReadVCard(t.Context(), strings.NewReader(vcf), sheets.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	mapping := GuessMapping(table.Rows[0])
	plan, err := s.PlanImport(t.Context(), table.Rows, ImportOptions{Mapping: mapping, OrganisationID: police.ID})
	if err != nil {
		t.Fatal(err)
	}
	if plan.People[0].Status != ImportSame || plan.People[1].Status != ImportNew || plan.People[1].Contact.Name != "Ольга Иванова" {
		t.Fatalf("people %+v", plan.People)
	}
	if _, err := s.ApplyImport(t.Context(), plan); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Contact(t.Context(), ana.ID)
	if !slices.Equal(got.Phones, []string{"+37369111222"}) {
		t.Errorf("Ana's phones %v, want the card's added", got.Phones)
	}
}
