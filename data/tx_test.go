package data

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// failWrites makes SQLite refuse one write with an error, the way a full disk
// or a crash mid-way would stop it: a trigger in the test's own file, no mock.
func failWrites(t *testing.T, s *Store, name, trigger string) {
	t.Helper()
	if _, err := s.write.ExecContext(t.Context(),
		"CREATE TRIGGER "+name+" "+trigger+" BEGIN SELECT RAISE(ABORT, 'injected fault'); END"); err != nil {
		t.Fatal(err)
	}
}

// batch is a small import: three organisations and a contact for each.
func batch() ([]Organisation, []Contact) {
	orgs := []Organisation{
		{ID: "10000000-0000-4000-8000-000000000001", Name: "Fiscalía General", Sector: "prosecution"},
		{ID: "10000000-0000-4000-8000-000000000002", Name: "Inspección de Trabajo", Sector: "labour_inspection"},
		{ID: "10000000-0000-4000-8000-000000000003", Name: "Fundación Esperanza", Sector: "ngo"},
	}
	var contacts []Contact
	for i, o := range orgs {
		contacts = append(contacts, Contact{
			ID:             "20000000-0000-4000-8000-00000000000" + string(rune('1'+i)),
			OrganisationID: o.ID, Name: "Contact " + o.Name, Emails: []string{"desk@example.org"},
		})
	}
	return orgs, contacts
}

// Import writes the batch, its change and its items in one transaction: any
// failure, at any record, leaves the register as it was.
func TestImportAllOrNothing(t *testing.T) {
	t.Parallel()
	const storedID = "30000000-0000-4000-8000-000000000001"
	tests := []struct {
		name string
		// change alters the batch, or the register, before the import.
		change     func(t *testing.T, s *Store, orgs []Organisation, contacts []Contact) ([]Organisation, []Contact)
		ctx        func(context.Context) context.Context
		wantEntity string // of the *RecordError, when there is one
		wantIndex  int
		wantErr    error // errors.Is, when there is no *RecordError
	}{
		{
			name: "duplicate of a stored organisation, last in the batch",
			change: func(t *testing.T, s *Store, orgs []Organisation, contacts []Contact) ([]Organisation, []Contact) {
				return append(orgs, Organisation{Name: "ministerio del interior", Sector: "ministry"}), contacts
			},
			wantEntity: "organisation", wantIndex: 3,
		},
		{
			name: "duplicate inside the batch",
			change: func(t *testing.T, s *Store, orgs []Organisation, contacts []Contact) ([]Organisation, []Contact) {
				return append(orgs, Organisation{Name: "FUNDACION ESPERANZA", Sector: "ngo"}), contacts
			},
			wantEntity: "organisation", wantIndex: 3,
		},
		{
			name: "contact with an id already in the register, last in the batch",
			change: func(t *testing.T, s *Store, orgs []Organisation, contacts []Contact) ([]Organisation, []Contact) {
				return orgs, append(contacts, Contact{ID: storedID, OrganisationID: orgs[0].ID, Name: "Twice"})
			},
			wantEntity: "contact", wantIndex: 3,
		},
		{
			name: "contact with an id already in the register, in the second chunk of a long batch",
			change: func(t *testing.T, s *Store, orgs []Organisation, contacts []Contact) ([]Organisation, []Contact) {
				for i := len(contacts); i < insertChunk+50; i++ {
					contacts = append(contacts, Contact{OrganisationID: orgs[i%len(orgs)].ID, Name: fmt.Sprintf("Person %d", i)})
				}
				contacts[insertChunk+30].ID = storedID
				return orgs, contacts
			},
			wantEntity: "contact", wantIndex: insertChunk + 30,
		},
		{
			name: "invalid contact",
			change: func(t *testing.T, s *Store, orgs []Organisation, contacts []Contact) ([]Organisation, []Contact) {
				contacts[1].Emails = []string{"no address"}
				return orgs, contacts
			},
			wantEntity: "contact", wantIndex: 1,
		},
		{
			name: "contact of an organisation that is nowhere",
			change: func(t *testing.T, s *Store, orgs []Organisation, contacts []Contact) ([]Organisation, []Contact) {
				contacts[2].OrganisationID = "40000000-0000-4000-8000-000000000000"
				return orgs, contacts
			},
			wantEntity: "contact", wantIndex: 2,
		},
		{
			name: "history item of the last record cannot be written",
			change: func(t *testing.T, s *Store, orgs []Organisation, contacts []Contact) ([]Organisation, []Contact) {
				failWrites(t, s, "fail_last_item", "BEFORE INSERT ON change_item WHEN new.record_id = '"+contacts[2].ID+"'")
				return orgs, contacts
			},
			wantEntity: "contact", wantIndex: 2,
		},
		{
			name: "search index of an organisation cannot be written",
			change: func(t *testing.T, s *Store, orgs []Organisation, contacts []Contact) ([]Organisation, []Contact) {
				failWrites(t, s, "fail_org", "AFTER INSERT ON organisation WHEN new.name = 'Fundación Esperanza'")
				return orgs, contacts
			},
			wantEntity: "organisation", wantIndex: 2,
		},
		{
			name: "cancelled before it starts",
			ctx: func(ctx context.Context) context.Context {
				ctx, cancel := context.WithCancel(ctx)
				cancel()
				return ctx
			},
			wantErr: context.Canceled,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			interior := mustSaveOrg(t, s, Organisation{Name: "Ministerio del Interior", Sector: "ministry"})
			mustSaveContact(t, s, Contact{ID: "", OrganisationID: interior.ID, Name: "José Pérez"})
			// The stored contact of the "id already in the register" case.
			if err := s.Import(t.Context(), "one contact", nil, []Contact{{ID: storedID, OrganisationID: interior.ID, Name: "Stored"}}); err != nil {
				t.Fatal(err)
			}
			orgs, contacts := batch()
			if tt.change != nil {
				orgs, contacts = tt.change(t, s, orgs, contacts)
			}
			ctx := t.Context()
			if tt.ctx != nil {
				ctx = tt.ctx(ctx)
			}
			before := rowCounts(t, s)
			lastBefore, _, _ := s.LastUndoable(t.Context())

			err := s.Import(ctx, "batch", orgs, contacts)

			var re *RecordError
			switch {
			case tt.wantEntity != "":
				if !errors.As(err, &re) || re.Entity != tt.wantEntity || re.Index != tt.wantIndex {
					t.Errorf("Import: %v; want a RecordError for %s %d", err, tt.wantEntity, tt.wantIndex)
				}
			case !errors.Is(err, tt.wantErr):
				t.Errorf("Import: %v; want %v", err, tt.wantErr)
			}
			if d := cmp.Diff(before, rowCounts(t, s)); d != "" {
				t.Errorf("a failed import left rows (-before +after):\n%s", d)
			}
			if last, _, _ := s.LastUndoable(t.Context()); last.ID != lastBefore.ID {
				t.Errorf("LastUndoable moved from %q to %q", lastBefore.Summary, last.Summary)
			}
			rows, err := s.Organisations(t.Context(), OrganisationFilter{Query: "fundacion"})
			if err != nil || len(rows) != 0 {
				t.Errorf("search finds %v, %v after a failed import", rows, err)
			}
		})
	}
}

func TestRecordErrorNamesTheRecord(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	orgs, _ := batch()
	orgs[1].Email = "bad"
	err := s.Import(t.Context(), "batch", orgs, nil)
	var re *RecordError
	if !errors.As(err, &re) {
		t.Fatalf("got %v", err)
	}
	if want := "organisation 2: email: “bad” is not an e-mail address (like name@agency.gov)"; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
	if d := cmp.Diff([]string{"email"}, invalidFields(err)); d != "" {
		t.Errorf("the ValidationError inside (-want +got):\n%s", d)
	}
}

// Each save, archive and undo writes the record and its history together.
func TestWritesAllOrNothing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		trigger string
		write   func(t *testing.T, s *Store, org Organisation, contact Contact) error
	}{
		{"edit whose second history item fails", "BEFORE INSERT ON change_item WHEN new.field = 'region'",
			func(t *testing.T, s *Store, org Organisation, _ Contact) error {
				org.Name, org.Region = "Renamed", "Elsewhere"
				return s.SaveOrganisation(t.Context(), &org)
			}},
		{"new organisation whose history item fails", "BEFORE INSERT ON change_item WHEN new.kind = 'create'",
			func(t *testing.T, s *Store, _ Organisation, _ Contact) error {
				return s.SaveOrganisation(t.Context(), &Organisation{Name: "New", Sector: "ngo"})
			}},
		{"new contact whose search index fails", "AFTER INSERT ON contact",
			func(t *testing.T, s *Store, org Organisation, _ Contact) error {
				return s.SaveContact(t.Context(), &Contact{OrganisationID: org.ID, Name: "New person"})
			}},
		{"archive whose history item fails", "BEFORE INSERT ON change_item WHEN new.field = 'archived'",
			func(t *testing.T, s *Store, org Organisation, _ Contact) error {
				return s.SetOrganisationArchived(t.Context(), org.ID, true)
			}},
		{"undo that fails on its last step", "BEFORE DELETE ON organisation",
			func(t *testing.T, s *Store, _ Organisation, _ Contact) error {
				// The last change is the creation of the contact and the
				// organisation (one import): deleting the organisation fails
				// after the contact is gone.
				_, err := s.Undo(t.Context())
				return err
			}},
		{"setting whose history fails", "BEFORE INSERT ON change_item WHEN new.entity = 'setting'",
			func(t *testing.T, s *Store, _ Organisation, _ Contact) error {
				return s.SetCountry(t.Context(), "PT")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			org := Organisation{ID: "50000000-0000-4000-8000-000000000001", Name: "Agency", Sector: "police", Region: "Here"}
			contact := Contact{ID: "50000000-0000-4000-8000-000000000002", OrganisationID: org.ID, Name: "Person"}
			if err := s.Import(t.Context(), "start", []Organisation{org}, []Contact{contact}); err != nil {
				t.Fatal(err)
			}
			failWrites(t, s, "injected", tt.trigger)
			storedOrg, _ := s.Organisation(t.Context(), org.ID)
			storedContact, _ := s.Contact(t.Context(), contact.ID)
			before := rowCounts(t, s)
			history := mustHistory(t, s, org.ID)

			if err := tt.write(t, s, storedOrg, storedContact); err == nil {
				t.Fatal("the write succeeded despite the fault")
			}

			if d := cmp.Diff(before, rowCounts(t, s)); d != "" {
				t.Errorf("rows left by the failed write (-before +after):\n%s", d)
			}
			if got, _ := s.Organisation(t.Context(), org.ID); !cmp.Equal(got, storedOrg) {
				t.Errorf("organisation changed: %+v", got)
			}
			if got, _ := s.Contact(t.Context(), contact.ID); !cmp.Equal(got, storedContact) {
				t.Errorf("contact changed: %+v", got)
			}
			if d := cmp.Diff(history, mustHistory(t, s, org.ID)); d != "" {
				t.Errorf("history changed (-before +after):\n%s", d)
			}
			if s.Country(t.Context()) != "" {
				t.Errorf("country set to %q", s.Country(t.Context()))
			}
		})
	}
}
