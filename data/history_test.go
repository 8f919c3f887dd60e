package data

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// actions lists the action of each change, as History gives them (newest first).
func actions(h []Change) []string {
	out := make([]string, len(h))
	for i, c := range h {
		out[i] = c.Action
	}
	return out
}

func mustHistory(t *testing.T, s *Store, id string) []Change {
	t.Helper()
	h, err := s.History(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func mustUndo(t *testing.T, s *Store) Change {
	t.Helper()
	c, err := s.Undo(t.Context())
	if err != nil {
		t.Fatalf("Undo: %v", err)
	}
	if !c.Undone {
		t.Errorf("Undo returned %q with Undone false", c.Summary)
	}
	return c
}

func TestHistoryAndUndoOfEdits(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	org := mustSaveOrg(t, s, Organisation{Name: "Policía Nacional", Sector: "police", Region: "Madrid"})

	h := mustHistory(t, s, org.ID)
	if d := cmp.Diff([]string{"create"}, actions(h)); d != "" {
		t.Fatalf("history after create (-want +got):\n%s", d)
	}
	created := h[0]
	if created.Device != testDevice || created.Undone {
		t.Errorf("create entry = %+v; want device %q, not undone", created, testDevice)
	}
	if at, err := time.Parse(timeLayout, created.At); err != nil || at.Before(testNow) || at.After(testNow.Add(time.Second)) {
		t.Errorf("create entry at %q (%v), want a time from the store's clock", created.At, err)
	}
	if len(created.Items) != 1 || created.Items[0].Kind != "create" || created.Items[0].Entity != "organisation" ||
		created.Items[0].RecordID != org.ID {
		t.Fatalf("create items = %+v", created.Items)
	}
	var snapshot map[string]string
	if err := json.Unmarshal([]byte(created.Items[0].New), &snapshot); err != nil {
		t.Fatalf("create item holds %q: %v", created.Items[0].New, err)
	}
	if snapshot["name"] != "Policía Nacional" || snapshot["region"] != "Madrid" {
		t.Errorf("create snapshot = %v", snapshot)
	}

	// One save that changes two fields is one change with two items.
	edited := org
	edited.Name = "Policía Nacional de España"
	edited.Region = "Sevilla"
	if err := s.SaveOrganisation(t.Context(), &edited); err != nil {
		t.Fatal(err)
	}
	h = mustHistory(t, s, org.ID)
	if d := cmp.Diff([]string{"update", "create"}, actions(h)); d != "" {
		t.Fatalf("history after edit (-want +got):\n%s", d)
	}
	wantItems := []ChangeItem{
		{Entity: "organisation", RecordID: org.ID, Kind: "update", Field: "name", Old: "Policía Nacional", New: "Policía Nacional de España"},
		{Entity: "organisation", RecordID: org.ID, Kind: "update", Field: "region", Old: "Madrid", New: "Sevilla"},
	}
	if d := cmp.Diff(wantItems, h[0].Items); d != "" {
		t.Errorf("edit items (-want +got):\n%s", d)
	}
	if h[0].Device != testDevice || h[0].At <= created.At {
		t.Errorf("edit entry at %q by %q; want after %q, by %q", h[0].At, h[0].Device, created.At, testDevice)
	}
	if edited.UpdatedAt <= org.UpdatedAt || edited.CreatedAt != org.CreatedAt {
		t.Errorf("after the edit CreatedAt %q UpdatedAt %q; before %q %q", edited.CreatedAt, edited.UpdatedAt, org.CreatedAt, org.UpdatedAt)
	}
	next, ok, err := s.LastUndoable(t.Context())
	if err != nil || !ok || next.ID != h[0].ID {
		t.Errorf("LastUndoable = %+v, %v, %v; want the edit %d", next, ok, err, h[0].ID)
	}

	// Undo the edit: both fields come back.
	undone := mustUndo(t, s)
	if undone.ID != h[0].ID || undone.Action != "update" {
		t.Errorf("Undo took back %+v, want the edit", undone)
	}
	back, err := s.Organisation(t.Context(), org.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(org, back, cmpopts.IgnoreFields(Organisation{}, "UpdatedAt")); d != "" {
		t.Errorf("after Undo (-before edit +after undo):\n%s", d)
	}
	h = mustHistory(t, s, org.ID)
	if d := cmp.Diff([]string{"undo", "update", "create"}, actions(h)); d != "" {
		t.Fatalf("history after undo (-want +got):\n%s", d)
	}
	if h[0].Summary != "Undo: "+h[1].Summary {
		t.Errorf("undo summary %q for %q", h[0].Summary, h[1].Summary)
	}
	if d := cmp.Diff([]bool{false, true, false}, []bool{h[0].Undone, h[1].Undone, h[2].Undone}); d != "" {
		t.Errorf("Undone flags (-want +got):\n%s", d)
	}
	// The undo's items are the edit's, reversed (newest item first).
	wantUndoItems := []ChangeItem{
		{Entity: "organisation", RecordID: org.ID, Kind: "update", Field: "region", Old: "Sevilla", New: "Madrid"},
		{Entity: "organisation", RecordID: org.ID, Kind: "update", Field: "name", Old: "Policía Nacional de España", New: "Policía Nacional"},
	}
	if d := cmp.Diff(wantUndoItems, h[0].Items); d != "" {
		t.Errorf("undo items (-want +got):\n%s", d)
	}
	// The search index follows the undo too.
	rows, err := s.Organisations(t.Context(), OrganisationFilter{Query: "españa"})
	if err != nil || len(rows) != 0 {
		t.Errorf("search for the undone name: %v, %v", rows, err)
	}

	// An undo is not itself undone: next comes the create, which removes the record.
	next, ok, err = s.LastUndoable(t.Context())
	if err != nil || !ok || next.ID != created.ID {
		t.Fatalf("LastUndoable = %+v, %v, %v; want the create", next, ok, err)
	}
	mustUndo(t, s)
	if _, err := s.Organisation(t.Context(), org.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("after undoing the create: %v, want ErrNotFound", err)
	}
	counts := rowCounts(t, s)
	if counts["organisation"] != 0 || counts["organisation_fts"] != 0 {
		t.Errorf("after undoing the create: %v", counts)
	}
	h = mustHistory(t, s, org.ID)
	if d := cmp.Diff([]string{"undo", "undo", "update", "create"}, actions(h)); d != "" {
		t.Errorf("history after both undos (-want +got):\n%s", d)
	}
	if h[0].Items[0].Kind != "delete" || h[0].Items[0].Old == "" {
		t.Errorf("undo of a create recorded %+v, want a delete with the record's values", h[0].Items)
	}

	if _, ok, err := s.LastUndoable(t.Context()); ok || err != nil {
		t.Errorf("LastUndoable with nothing left: ok %v, err %v", ok, err)
	}
	before := rowCounts(t, s)
	if _, err := s.Undo(t.Context()); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("Undo with nothing left: %v, want ErrNothingToUndo", err)
	}
	if d := cmp.Diff(before, rowCounts(t, s)); d != "" {
		t.Errorf("a refused Undo wrote rows (-before +after):\n%s", d)
	}
}

func TestUndoArchive(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	org := mustSaveOrg(t, s, Organisation{Name: "Customs", Sector: "customs"})
	contact := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Ana Lungu"})

	tests := []struct {
		name    string
		archive func() error
		listed  func() bool
		action  string
	}{
		{"organisation", func() error { return s.SetOrganisationArchived(t.Context(), org.ID, true) }, func() bool {
			rows, err := s.Organisations(t.Context(), OrganisationFilter{})
			if err != nil {
				t.Fatal(err)
			}
			return len(rows) == 1
		}, "archive"},
		{"contact", func() error { return s.SetContactArchived(t.Context(), contact.ID, true) }, func() bool {
			list, err := s.Contacts(t.Context(), org.ID, false)
			if err != nil {
				t.Fatal(err)
			}
			return len(list) == 1
		}, "archive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.archive(); err != nil {
				t.Fatal(err)
			}
			if tt.listed() {
				t.Fatal("still listed after archiving")
			}
			undone := mustUndo(t, s)
			if undone.Action != tt.action {
				t.Errorf("Undo took back %q, want %q", undone.Action, tt.action)
			}
			if !tt.listed() {
				t.Error("not listed again after Undo")
			}
		})
	}
	// Restoring works as the opposite of archiving.
	if err := s.SetOrganisationArchived(t.Context(), org.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetOrganisationArchived(t.Context(), org.ID, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Organisation(t.Context(), org.ID); got.Archived {
		t.Error("restored organisation is still archived")
	}
	if undone := mustUndo(t, s); undone.Action != "restore" {
		t.Errorf("Undo took back %q, want restore", undone.Action)
	}
	if got, _ := s.Organisation(t.Context(), org.ID); !got.Archived {
		t.Error("undoing the restore did not archive the organisation again")
	}
}

func TestUndoIsLastInFirstOut(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	org := mustSaveOrg(t, s, Organisation{Name: "Labour Inspectorate", Sector: "labour_inspection"})
	contact := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Mihai Popescu"})
	org.Name = "State Labour Inspectorate"
	mustSaveOrg(t, s, org)
	if err := s.SetCountry(t.Context(), "MD"); err != nil {
		t.Fatal(err)
	}
	contact.Position = "Inspector"
	mustSaveContact(t, s, contact)
	if err := s.SetContactArchived(t.Context(), contact.ID, true); err != nil {
		t.Fatal(err)
	}

	type state struct {
		OrgName, Country, Position string
		ContactArchived            bool
		Orgs, Contacts             int
	}
	current := func() state {
		var st state
		o, err := s.Organisation(t.Context(), org.ID)
		if err == nil {
			st.OrgName = o.Name
		}
		c, err := s.Contact(t.Context(), contact.ID)
		if err == nil {
			st.Position, st.ContactArchived = c.Position, c.Archived
		}
		st.Country = s.Country(t.Context())
		n := rowCounts(t, s)
		st.Orgs, st.Contacts = n["organisation"], n["contact"]
		return st
	}
	steps := []struct {
		summary string
		after   state
	}{
		{"Archive contact “Mihai Popescu”", state{"State Labour Inspectorate", "MD", "Inspector", false, 1, 1}},
		{"Edit contact “Mihai Popescu”", state{"State Labour Inspectorate", "MD", "", false, 1, 1}},
		{"Change the country", state{"State Labour Inspectorate", "", "", false, 1, 1}},
		{"Edit organisation “State Labour Inspectorate”", state{"Labour Inspectorate", "", "", false, 1, 1}},
		{"Add contact “Mihai Popescu”", state{"Labour Inspectorate", "", "", false, 1, 0}},
		{"Add organisation “Labour Inspectorate”", state{"", "", "", false, 0, 0}},
	}
	for _, step := range steps {
		next, ok, err := s.LastUndoable(t.Context())
		if err != nil || !ok || next.Summary != step.summary {
			t.Fatalf("LastUndoable = %q, %v, %v; want %q", next.Summary, ok, err, step.summary)
		}
		undone := mustUndo(t, s)
		if undone.Summary != step.summary || undone.ID != next.ID {
			t.Fatalf("Undo took back %q, want %q", undone.Summary, step.summary)
		}
		if d := cmp.Diff(step.after, current()); d != "" {
			t.Fatalf("after undoing %q (-want +got):\n%s", step.summary, d)
		}
	}
	if _, err := s.Undo(t.Context()); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("Undo after all: %v, want ErrNothingToUndo", err)
	}
}

// A write that changes nothing leaves no entry in the history, so that Undo
// never takes back "nothing" while the user expects the previous change back.
func TestWriteWithoutChangeAddsNoHistory(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	if err := s.SetCountry(t.Context(), "FR"); err != nil {
		t.Fatal(err)
	}
	org := mustSaveOrg(t, s, Organisation{Name: "Préfecture", Sector: "police", Phone: "+33 1 23 45 67 89"})
	contact := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Hélène Moreau", Emails: []string{"h@p.example.org"}})
	archived := mustSaveOrg(t, s, Organisation{Name: "Old office", Sector: "police"})
	if err := s.SetOrganisationArchived(t.Context(), archived.ID, true); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name  string
		write func() error
	}{
		{"organisation saved as it is", func() error { o := org; return s.SaveOrganisation(t.Context(), &o) }},
		{"organisation saved with the same values typed differently", func() error {
			o := org
			o.Name = "  Préfecture "
			o.Phone = "01 23 45 67 89"
			return s.SaveOrganisation(t.Context(), &o)
		}},
		{"organisation saved with Archived set (archiving has its own action)", func() error {
			o := org
			o.Archived = true
			return s.SaveOrganisation(t.Context(), &o)
		}},
		{"contact saved as it is", func() error { c := cloneContact(contact); return s.SaveContact(t.Context(), &c) }},
		{"contact saved with a repeated e-mail", func() error {
			c := cloneContact(contact)
			c.Emails = append(c.Emails, " h@p.example.org ")
			return s.SaveContact(t.Context(), &c)
		}},
		{"same country", func() error { return s.SetCountry(t.Context(), "fr") }},
		{"restore an organisation that is not archived", func() error { return s.SetOrganisationArchived(t.Context(), org.ID, false) }},
		{"archive an organisation already archived", func() error { return s.SetOrganisationArchived(t.Context(), archived.ID, true) }},
		{"restore a contact that is not archived", func() error { return s.SetContactArchived(t.Context(), contact.ID, false) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := rowCounts(t, s)
			last, _, err := s.LastUndoable(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if err := tt.write(); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(before, rowCounts(t, s)); d != "" {
				t.Errorf("rows written (-before +after):\n%s", d)
			}
			if now, _, _ := s.LastUndoable(t.Context()); now.ID != last.ID {
				t.Errorf("LastUndoable moved from %q to %q", last.Summary, now.Summary)
			}
		})
	}
}

func TestUndoSetCountry(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	for _, c := range []string{"FR", "GB"} {
		if err := s.SetCountry(t.Context(), c); err != nil {
			t.Fatal(err)
		}
	}
	h := mustHistory(t, s, SettingCountry)
	if d := cmp.Diff([]ChangeItem{{Entity: "setting", RecordID: "country", Kind: "update", Field: "value", Old: "FR", New: "GB"}},
		h[0].Items); d != "" {
		t.Errorf("history of the setting (-want +got):\n%s", d)
	}
	for _, want := range []string{"FR", ""} {
		if undone := mustUndo(t, s); undone.Action != "setting" {
			t.Errorf("Undo took back %q, want the setting", undone.Action)
		}
		if got := s.Country(t.Context()); got != want {
			t.Errorf("country after Undo = %q, want %q", got, want)
		}
	}
}

func TestUndoImport(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	if err := s.SetCountry(t.Context(), SampleCountry); err != nil {
		t.Fatal(err)
	}
	if err := s.GenerateSample(t.Context(), SmallSample, 7); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Count(t.Context()); c != Counts(SmallSample) {
		t.Fatalf("after the sample: %+v", c)
	}
	undone := mustUndo(t, s)
	if undone.Action != "import" || len(undone.Items) != SmallSample.Organisations+SmallSample.Contacts {
		t.Errorf("Undo took back %q with %d items, want the import with %d",
			undone.Action, len(undone.Items), SmallSample.Organisations+SmallSample.Contacts)
	}
	n := rowCounts(t, s)
	for _, table := range []string{"organisation", "contact", "organisation_fts", "contact_fts"} {
		if n[table] != 0 {
			t.Errorf("%s has %d rows after undoing the import", table, n[table])
		}
	}
	if got := s.Country(t.Context()); got != SampleCountry {
		t.Errorf("undoing the import changed the country to %q", got)
	}
}

// TestRedoTakesBackAnUndo: Redo puts back what Undo took back, the latest
// first; Undo takes a Redo back in turn; a new change ends what can be
// redone.
func TestRedoTakesBackAnUndo(t *testing.T) {
	ctx := t.Context()
	s := newStore(t)
	o := mustSaveOrg(t, s, Organisation{Name: "National Police", Sector: "police"})
	o.Acronym = "NP"
	mustSaveOrg(t, s, o)
	o.Website = "https://police.md"
	mustSaveOrg(t, s, o)
	if _, ok, _ := s.LastRedoable(ctx); ok {
		t.Fatal("Redo offered before any Undo")
	}
	get := func() Organisation {
		got, err := s.Organisation(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	for range 2 {
		if _, err := s.Undo(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := get(); got.Acronym != "" || got.Website != "" {
		t.Fatalf("after two Undos: %+v", got)
	}
	next, ok, err := s.LastRedoable(ctx)
	if err != nil || !ok || next.Entity != "organisation" || !strings.Contains(next.Summary, "National Police") {
		t.Fatalf("redoable: %+v %v %v", next, ok, err)
	}
	if _, err := s.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	if got := get(); got.Acronym != "NP" || got.Website != "" {
		t.Fatalf("after a Redo: %+v, want the acronym back first", got)
	}
	if _, err := s.Undo(ctx); err != nil { // takes the Redo back
		t.Fatal(err)
	}
	if got := get(); got.Acronym != "" {
		t.Fatalf("Undo after Redo: %+v", got)
	}
	for range 2 {
		if _, err := s.Redo(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := get(); got.Acronym != "NP" || got.Website != "https://police.md" {
		t.Fatalf("after redoing both: %+v", got)
	}
	if _, err := s.Redo(ctx); !errors.Is(err, ErrNothingToRedo) {
		t.Errorf("a third Redo: %v", err)
	}
	for range 2 {
		s.Undo(ctx)
	}
	o = get()
	o.Notes = "a new change"
	mustSaveOrg(t, s, o)
	if _, err := s.Redo(ctx); !errors.Is(err, ErrNothingToRedo) {
		t.Errorf("Redo after a new change: %v", err)
	}
}
