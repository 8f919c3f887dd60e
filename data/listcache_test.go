package data

import (
	"context"
	"fmt"
	"sort"
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

// TestContactSearchKeptInStepWithChanges searches by a contact's name after
// each kind of change to contacts, and compares with what a fresh read of
// the file finds: the contacts kept in memory follow the history.
func TestContactSearchKeptInStepWithChanges(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)
	search := func(st *Store, q string, archived bool) []OrganisationRow {
		t.Helper()
		rows, err := st.Organisations(ctx, OrganisationFilter{Query: q, Archived: archived})
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	check := func(step string, queries ...string) {
		t.Helper()
		r := openStore(t, s.Path(), Options{ReadOnly: true})
		defer r.Close()
		for _, q := range append(queries, "a", "jo") {
			for _, archived := range []bool{false, true} {
				if diff := cmp.Diff(search(r, q, archived), search(s, q, archived)); diff != "" {
					t.Fatalf("after %s, search %q (archived %v) differs from the file (-file +memory):\n%s", step, q, archived, diff)
				}
			}
		}
	}
	check("opening", "zenobia")
	rows := search(s, "", false)
	from, to := rows[0], rows[1]
	c := mustSaveContact(t, s, Contact{OrganisationID: from.ID, Name: "Zenobia Kowalczyk"})
	check("adding a contact", "zenobia", "kowalczyk")
	c.Name = "Zenobia Quist"
	if err := s.SaveContact(ctx, &c); err != nil {
		t.Fatal(err)
	}
	check("renaming", "kowalczyk", "quist")
	c.OrganisationID = to.ID
	if err := s.SaveContact(ctx, &c); err != nil {
		t.Fatal(err)
	}
	check("moving to another organisation", "quist")
	if got := search(s, "quist", false); len(got) != 1 || got[0].ID != to.ID {
		t.Errorf("after the move, quist finds %v, want %s", got, to.Name)
	}
	if err := s.SetContactArchived(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	check("archiving", "quist")
	if got := search(s, "quist", false); len(got) != 0 {
		t.Errorf("an archived contact is still found: %v", got)
	}
	for i := 0; i < 4; i++ {
		if _, err := s.Undo(ctx); err != nil {
			t.Fatal(err)
		}
		check(fmt.Sprintf("undo %d", i+1), "zenobia", "quist", "kowalczyk")
	}
	if got := search(s, "zenobia", true); len(got) != 0 {
		t.Errorf("the undone contact is still found: %v", got)
	}
	contacts := make([]Contact, maxPatchedRecords+10)
	for i := range contacts {
		contacts[i] = Contact{OrganisationID: from.ID, Name: fmt.Sprintf("Imported Xaver %d", i)}
	}
	if err := s.Import(ctx, "import", nil, contacts); err != nil {
		t.Fatal(err)
	}
	check("a large import of contacts", "xaver")
}

// TestPrepareSearchCatchesUpWithChanges prepares the search while another
// connection changes contacts: what the preparation read is patched with
// the changes made meanwhile.
func TestPrepareSearchCatchesUpWithChanges(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)
	rows, err := s.Organisations(ctx, OrganisationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// A contact is added and moved while the people are being read.
	c := mustSaveContact(t, s, Contact{OrganisationID: rows[0].ID, Name: "Wilhelmina Prepared"})
	afterPeopleRead = func() {
		c.OrganisationID = rows[1].ID
		if err := s.SaveContact(ctx, &c); err != nil {
			t.Error(err)
		}
		mustSaveContact(t, s, Contact{OrganisationID: rows[2].ID, Name: "Wilhelmina Late"})
	}
	defer func() { afterPeopleRead = func() {} }()
	if err := s.PrepareSearch(ctx); err != nil {
		t.Fatal(err)
	}
	if !s.lists.people.built {
		t.Fatal("PrepareSearch left the people unread")
	}
	got, err := s.Organisations(ctx, OrganisationFilter{Query: "wilhelmina"})
	var found []string
	for _, r := range got {
		found = append(found, r.ID+" "+fmt.Sprint(r.MatchedContacts))
	}
	want := []string{rows[1].ID + " [Wilhelmina Prepared]", rows[2].ID + " [Wilhelmina Late]"}
	sort.Strings(found)
	sort.Strings(want)
	if err != nil || !cmp.Equal(found, want) {
		t.Errorf("wilhelmina finds %v, %v; want %v", found, err, want)
	}
}
