package data

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ncm-register/ncm-register/data/sheets"
)

// FuzzPlanImport reads any CSV text as a list to import, its columns
// guessed from its headings, against a small register: the plan never
// fails but with a mapping error or an empty file, every row under the
// headings is in it once (as a person, or blank), and a row that cannot
// be taken says why.
func FuzzPlanImport(f *testing.F) {
	for _, seed := range []string{
		"Organisation,Sector,Name,E-mail,Phone\nPolice,Police,Ana Pop,ana@police.example.org,+37322123456\n",
		"Nom;Prénom;Organisme;Secteur;Sexe\nPérez;José;Espoir;ONG;H\n;;;;\n",
		"ФИО\tОрганизация\tТелефон\nИван Петров\tМВД\t+373 79 CALL ME\n",
		"Name,Organisation,Name\nA,B,C\n",
		"Organisation\nPolice\nPolice\n",
	} {
		f.Add([]byte(seed))
	}
	s := newStore(f)
	if err := s.SetCountry(f.Context(), "MD"); err != nil {
		f.Fatal(err)
	}
	police := mustSaveOrg(f, s, Organisation{Name: "Police", Sector: "police"})
	mustSaveContact(f, s, Contact{OrganisationID: police.ID, Name: "Ana Pop"})
	lim := sheets.Limits{FileBytes: 1 << 16, Rows: 40, Columns: 12}
	f.Fuzz(func(t *testing.T, raw []byte) {
		c, err := sheets.ReadCSV(t.Context(), bytes.NewReader(raw), lim, "")
		if err != nil || len(c.Rows) == 0 {
			return
		}
		opt := ImportOptions{Mapping: GuessMapping(c.Rows[0]), OrganisationID: police.ID}
		plan, err := s.PlanImport(t.Context(), c.Rows, opt)
		if err != nil {
			var me *ImportMappingError
			if err == ErrImportEmpty || asMapping(err, &me) {
				return
			}
			t.Fatalf("PlanImport: %v", err)
		}
		people := len(plan.People)
		if people > 0 && people+plan.Blank != len(c.Rows)-1 {
			t.Fatalf("%d people and %d blank rows for %d rows", people, plan.Blank, len(c.Rows)-1)
		}
		for _, r := range plan.People {
			if r.Status > ImportRejected {
				t.Fatalf("row %d has status %d", r.Line, r.Status)
			}
			if (r.Status == ImportRejected) != (len(r.Problems) > 0) {
				t.Fatalf("row %d: status %d with problems %v", r.Line, r.Status, r.Problems)
			}
			if r.Status != ImportRejected && strings.TrimSpace(r.Contact.Name) == "" {
				t.Fatalf("row %d would add a person without a name", r.Line)
			}
		}
	})
}

func asMapping(err error, target **ImportMappingError) bool {
	me, ok := err.(*ImportMappingError)
	if ok {
		*target = me
	}
	return ok
}
