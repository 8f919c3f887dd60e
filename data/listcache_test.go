package data

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestListKeptInStepWithChanges makes changes of every kind and checks after
// each that the list, patched in memory from the history, is the list a
// fresh read of the file gives (another Store opened read-only on it).
func TestListKeptInStepWithChanges(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)
	fresh := func() []OrganisationRow {
		t.Helper()
		r := openStore(t, s.Path(), Options{ReadOnly: true})
		defer r.Close()
		rows, err := r.Organisations(ctx, OrganisationFilter{Archived: true})
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	check := func(step string) {
		t.Helper()
		got, err := s.Organisations(ctx, OrganisationFilter{Archived: true})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(fresh(), got); diff != "" {
			t.Fatalf("after %s the list differs from the file (-file +list):\n%s", step, diff)
		}
	}
	check("opening")
	rows, _ := s.Organisations(ctx, OrganisationFilter{})
	first := rows[0]

	o, _ := s.Organisation(ctx, first.ID)
	o.Name = "Zzz renamed to sort last"
	if err := s.SaveOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	check("a rename that moves the organisation in the order")
	if err := s.SetOrganisationArchived(ctx, o.ID, true); err != nil {
		t.Fatal(err)
	}
	check("archiving")
	n := mustSaveOrg(t, s, Organisation{Name: "Aaa new agency", Sector: "ngo"})
	check("adding")
	for i := 0; i < 3; i++ {
		if _, err := s.Undo(ctx); err != nil {
			t.Fatal(err)
		}
		check(fmt.Sprintf("undo %d", i+1))
	}
	if _, err := s.Organisation(ctx, n.ID); err != ErrNotFound {
		t.Fatalf("the undone creation is still there: %v", err)
	}
	// A change too large to patch record by record reads the list anew.
	orgs := make([]Organisation, maxPatchedRecords+10)
	for i := range orgs {
		orgs[i] = Organisation{Name: fmt.Sprintf("Imported office %d", i), Sector: "police"}
	}
	if err := s.Import(ctx, "import", orgs, nil); err != nil {
		t.Fatal(err)
	}
	check("a large import")
}
