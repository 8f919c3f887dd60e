package ui

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

// TestTheHistoryLabelsEveryFieldAndNamesEveryReference walks the field
// metadata of every table: each field is shown under a label that the
// translations carry, each reference by the name of what it points to
// (never its id), each code by its label.
func TestTheHistoryLabelsEveryFieldAndNamesEveryReference(t *testing.T) {
	raw, err := os.ReadFile(englishFile)
	if err != nil {
		t.Fatal(err)
	}
	var english map[string]any
	if err := json.Unmarshal(raw, &english); err != nil {
		t.Fatal(err)
	}
	names := func(entity, id string) string { return "«" + entity + " " + id + "»" }
	fields, references, codes := 0, 0, 0
	for _, entity := range data.Entities() {
		list, _ := data.Fields(entity)
		for _, f := range list {
			fields++
			where := entity + "." + f.Name
			if got := fieldLabel(entity, f.Name); got != f.Label || got == "" {
				t.Errorf("%s is shown as %q, want its label %q", where, got, f.Label)
			}
			if _, ok := english[f.Label]; !ok {
				t.Errorf("%s: the label %q is not in en.json", where, f.Label)
			}
			switch {
			case f.IsReference():
				references++
				stored, want := "id-1", "«"+f.Refers+" id-1»"
				if f.IsList() {
					stored, want = "id-1\nid-2", "«"+f.Refers+" id-1», «"+f.Refers+" id-2»"
				}
				if got := shownValue(entity, f.Name, stored, names); got != want {
					t.Errorf("%s = %q shown as %q, want %q", where, stored, got, want)
				}
			case f.Kind == data.KindCode || f.Kind == data.KindCodes:
				codes++
				list, _ := data.CodeList(f.List)
				c := list[len(list)-1]
				if got := shownValue(entity, f.Name, c.Code, names); got != codeLabel(f.List, c) {
					t.Errorf("%s = %q shown as %q, want the label %q", where, c.Code, got, codeLabel(f.List, c))
				}
			}
		}
	}
	if fields < 159 || references < 20 || codes < 25 {
		t.Errorf("walked %d fields, %d references, %d codes: fewer than the register has", fields, references, codes)
	}
}

// TestAnAgreementsHistoryNamesItsParties is the same on a real register:
// the parties and level of an agreement, once shown as ids and codes.
func TestAnAgreementsHistoryNamesItsParties(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(ctx, filepath.Join(t.TempDir(), "r.db"), data.Options{Device: "test-laptop"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := data.Organisation{Name: "Centrul de Combatere a Traficului de Persoane", Sector: "police"}
	b := data.Organisation{Name: "La Strada", Sector: "ngo"}
	for _, o := range []*data.Organisation{&a, &b} {
		if err := s.SaveOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	ag := data.Agreement{Title: "Referral of presumed victims", Kind: "memorandum", Level: "government_ngo",
		Parties: []string{a.ID, b.ID}, SignedOn: "2025-03-01", Status: "in_force"}
	if err := s.SaveAgreement(ctx, &ag); err != nil {
		t.Fatal(err)
	}
	changes, err := s.History(ctx, ag.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(historyLines(changes, recordNames(s)), "\n")
	for _, want := range []string{"Parties: " + a.Name + ", " + b.Name, "Level: Government–NGO", "Status: In force"} {
		if !strings.Contains(text, want) {
			t.Errorf("history lacks %q:\n%s", want, text)
		}
	}
	for _, raw := range []string{a.ID, "government_ngo", "in_force"} {
		if strings.Contains(text, raw) {
			t.Errorf("history shows the raw %q:\n%s", raw, text)
		}
	}
}
