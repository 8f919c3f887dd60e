package data

import (
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// fieldKeys lists "field key" for each problem of a *ValidationError, sorted.
func fieldKeys(err error) []string {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	out := make([]string, len(ve.Errors))
	for i, e := range ve.Errors {
		out[i] = e.Field + " " + e.Key
	}
	sort.Strings(out)
	return out
}

var ignoreStamps = cmpopts.IgnoreFields(Organisation{}, "ID", "CreatedAt", "UpdatedAt")

func TestSaveOrganisationValidation(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	if err := s.SetCountry(t.Context(), "FR"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		in      Organisation
		wantErr []string     // "field key", sorted; nil when the save must succeed
		want    Organisation // stored values, when it succeeds
	}{
		{
			name: "minimal, spaces tidied",
			in:   Organisation{Name: "  Police   nationale ", Sector: " police ", Acronym: " PN "},
			want: Organisation{Name: "Police nationale", Sector: "police", Acronym: "PN"},
		},
		{name: "name missing", in: Organisation{Sector: "police"}, wantErr: []string{"name error.required"}},
		{name: "name only spaces", in: Organisation{Name: " \t ", Sector: "police"}, wantErr: []string{"name error.required"}},
		{name: "sector missing", in: Organisation{Name: "No sector"}, wantErr: []string{"sector error.required"}},
		{name: "sector unknown", in: Organisation{Name: "Army", Sector: "army"}, wantErr: []string{"sector error.unknown_code"}},
		{name: "level unknown", in: Organisation{Name: "Federal police", Sector: "police", Level: "federal"}, wantErr: []string{"level error.unknown_code"}},
		{name: "mechanism role unknown", in: Organisation{Name: "Presidency", Sector: "ministry", MechanismRole: "president"}, wantErr: []string{"mechanism_role error.unknown_code"}},
		{name: "e-mail without domain", in: Organisation{Name: "Mail 1", Sector: "ngo", Email: "contact@"}, wantErr: []string{"email error.email"}},
		{name: "e-mail domain without dot", in: Organisation{Name: "Mail 2", Sector: "ngo", Email: "contact@localhost"}, wantErr: []string{"email error.email"}},
		{name: "e-mail with spaces", in: Organisation{Name: "Mail 3", Sector: "ngo", Email: "con tact@ngo.org"}, wantErr: []string{"email error.email"}},
		{
			name: "e-mail with display name kept as the address",
			in:   Organisation{Name: "Mail 4", Sector: "ngo", Email: " Secrétariat <secretariat@ngo.example.org> "},
			want: Organisation{Name: "Mail 4", Sector: "ngo", Email: "secretariat@ngo.example.org"},
		},
		{
			name: "national phone read in the register's country",
			in:   Organisation{Name: "Phone 1", Sector: "police", Phone: "01 23 45 67 89"},
			want: Organisation{Name: "Phone 1", Sector: "police", Phone: "+33123456789"},
		},
		{
			name: "international phone",
			in:   Organisation{Name: "Phone 2", Sector: "embassy", Phone: "+44 20 7946 0958"},
			want: Organisation{Name: "Phone 2", Sector: "embassy", Phone: "+442079460958"},
		},
		{
			name: "phone with dashes and brackets",
			in:   Organisation{Name: "Phone 3", Sector: "police", Phone: "(01) 23-45-67-89"},
			want: Organisation{Name: "Phone 3", Sector: "police", Phone: "+33123456789"},
		},
		{
			name: "national phone read in the organisation's own country",
			in:   Organisation{Name: "Phone 4", Sector: "embassy", Country: "gb", Phone: "020 7946 0958"},
			want: Organisation{Name: "Phone 4", Sector: "embassy", Country: "GB", Phone: "+442079460958"},
		},
		{name: "phone of words", in: Organisation{Name: "Phone 5", Sector: "police", Phone: "call the desk"}, wantErr: []string{"phone error.phone_letters"}},
		{name: "phone in keypad letters", in: Organisation{Name: "Phone 6", Sector: "police", Phone: "+373 79 CALL ME"}, wantErr: []string{"phone error.phone_letters"}},
		{name: "phone too short", in: Organisation{Name: "Phone 6", Sector: "police", Phone: "12"}, wantErr: []string{"phone error.phone"}},
		{name: "country unknown", in: Organisation{Name: "Country 1", Sector: "embassy", Country: "ZZ"}, wantErr: []string{"country error.country"}},
		{name: "country not a code", in: Organisation{Name: "Country 2", Sector: "embassy", Country: "France"}, wantErr: []string{"country error.country"}},
		{
			name:    "every problem at once",
			in:      Organisation{Sector: "army", Level: "federal", Email: "bad", Phone: "x"},
			wantErr: []string{"email error.email", "level error.unknown_code", "name error.required", "phone error.phone_letters", "sector error.unknown_code"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.in
			err := s.SaveOrganisation(t.Context(), &o)
			if tt.wantErr != nil {
				if d := cmp.Diff(tt.wantErr, fieldKeys(err)); d != "" {
					t.Fatalf("problems (-want +got):\n%s\nerror: %v", d, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("SaveOrganisation: %v", err)
			}
			if o.ID == "" || o.CreatedAt == "" || o.UpdatedAt != o.CreatedAt {
				t.Errorf("ID %q, CreatedAt %q, UpdatedAt %q: want an id and both times", o.ID, o.CreatedAt, o.UpdatedAt)
			}
			if d := cmp.Diff(tt.want, o, ignoreStamps); d != "" {
				t.Errorf("saved (-want +got):\n%s", d)
			}
			stored, err := s.Organisation(t.Context(), o.ID)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(o, stored); d != "" {
				t.Errorf("stored differs from what Save returned (-returned +stored):\n%s", d)
			}
		})
	}
}

func TestPhoneWithoutRegisterCountry(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	tests := []struct {
		phone       string
		want        string
		wantMessage string // part of the message, when refused
	}{
		{phone: "+373 22 123 456", want: "+37322123456"},
		{phone: "022 123 456", wantMessage: "set the register's country in Settings"},
		{phone: "+999 1234", wantMessage: "is not a phone number"},
	}
	for _, tt := range tests {
		t.Run(tt.phone, func(t *testing.T) {
			o := Organisation{Name: "Office " + tt.phone, Sector: "other", Phone: tt.phone}
			err := s.SaveOrganisation(t.Context(), &o)
			if tt.wantMessage == "" {
				if err != nil || o.Phone != tt.want {
					t.Errorf("phone %q, %v; want %q", o.Phone, err, tt.want)
				}
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a ValidationError", err)
			}
			fe, ok := ve.For("phone")
			if !ok || !strings.Contains(fe.Message(), tt.wantMessage) || !strings.Contains(fe.Message(), tt.phone) {
				t.Errorf("message %q, want it to quote %q and say %q", fe.Message(), tt.phone, tt.wantMessage)
			}
		})
	}
}

func TestDuplicateOrganisation(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	existing := mustSaveOrg(t, s, Organisation{Name: "Policía Nacional", Sector: "police"})
	other := mustSaveOrg(t, s, Organisation{Name: "Guardia Civil", Sector: "police"})
	archived := mustSaveOrg(t, s, Organisation{Name: "Oficina Antigua", Sector: "ministry"})
	if err := s.SetOrganisationArchived(t.Context(), archived.ID, true); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name        string
		in          Organisation
		wantMessage []string // parts of the message on "name"; nil when allowed
	}{
		{name: "same name without accents, lower case", in: Organisation{Name: "policia nacional", Sector: "police"},
			wantMessage: []string{"“Policía Nacional”", "Police", "already in the register"}},
		{name: "capitals and extra spaces", in: Organisation{Name: "  POLICÍA   NACIONAL ", Sector: "police"},
			wantMessage: []string{"“Policía Nacional”"}},
		{name: "another organisation renamed to it", in: func() Organisation { o := other; o.Name = "Policia nacional"; return o }(),
			wantMessage: []string{"“Policía Nacional”"}},
		{name: "archived one", in: Organisation{Name: "oficina antigua", Sector: "ministry"},
			wantMessage: []string{"“Oficina Antigua”", "archived", "restore"}},
		{name: "same name in another sector", in: Organisation{Name: "Policía Nacional", Sector: "border_police"}},
		{name: "the organisation itself, saved again", in: func() Organisation { o := existing; o.Notes = "edited"; return o }()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.in
			err := s.SaveOrganisation(t.Context(), &o)
			if tt.wantMessage == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a ValidationError", err)
			}
			if d := cmp.Diff([]string{"name error.duplicate_organisation"}, fieldKeys(err)); d != "" {
				t.Errorf("problems (-want +got):\n%s", d)
			}
			fe, _ := ve.For("name")
			for _, part := range tt.wantMessage {
				if !strings.Contains(fe.Message(), part) {
					t.Errorf("message %q does not say %q", fe.Message(), part)
				}
			}
		})
	}
}

func TestSaveContactValidation(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	if err := s.SetCountry(t.Context(), "FR"); err != nil {
		t.Fatal(err)
	}
	paris := mustSaveOrg(t, s, Organisation{Name: "Préfecture de police", Sector: "police"})
	chisinau := mustSaveOrg(t, s, Organisation{Name: "Centrul „Speranța”", Sector: "ngo", Country: "MD"})

	ignore := cmpopts.IgnoreFields(Contact{}, "ID", "CreatedAt", "UpdatedAt")
	tests := []struct {
		name    string
		in      Contact
		wantErr []string
		want    Contact
	}{
		{
			name: "everything tidied",
			in: Contact{OrganisationID: paris.ID, Name: "  Hélène   Moreau ", Position: " Commissaire ",
				Emails:      []string{" helene.moreau@police.example.org ", "", "helene.moreau@police.example.org", "H. Moreau <h.moreau@police.example.org>"},
				Phones:      []string{"01 23 45 67 89", "+33 1 23 45 67 89", " "},
				Languages:   []string{"French", " English "},
				Roles:       []string{"contact_24_7", "trainer"},
				Sex:         "female",
				ConsentDate: " 2026-11-27 "},
			want: Contact{OrganisationID: paris.ID, Name: "Hélène Moreau", Position: "Commissaire",
				Emails:      []string{"helene.moreau@police.example.org", "h.moreau@police.example.org"},
				Phones:      []string{"+33123456789"},
				Languages:   []string{"French", "English"},
				Roles:       []string{"contact_24_7", "trainer"},
				Sex:         "female",
				ConsentDate: "2026-11-27"},
		},
		{
			name: "phone read in the organisation's country",
			in:   Contact{OrganisationID: chisinau.ID, Name: "Ionuț Rusu", Phones: []string{"022 123 456"}},
			want: Contact{OrganisationID: chisinau.ID, Name: "Ionuț Rusu", Phones: []string{"+37322123456"}},
		},
		{name: "name missing", in: Contact{OrganisationID: paris.ID}, wantErr: []string{"name error.required"}},
		{name: "one bad e-mail among good ones", in: Contact{OrganisationID: paris.ID, Name: "A",
			Emails: []string{"a@police.example.org", "a-at-police"}}, wantErr: []string{"emails error.email"}},
		{name: "two bad e-mails", in: Contact{OrganisationID: paris.ID, Name: "A",
			Emails: []string{"x@", "@y.org"}}, wantErr: []string{"emails error.email", "emails error.email"}},
		{name: "bad phone", in: Contact{OrganisationID: paris.ID, Name: "A", Phones: []string{"+33 1 23 45 67 89", "ask reception"}},
			wantErr: []string{"phones error.phone_letters"}},
		{name: "consent tomorrow", in: Contact{OrganisationID: paris.ID, Name: "A", ConsentDate: "2026-11-28"},
			wantErr: []string{"consent_date error.date_future"}},
		{name: "consent next year", in: Contact{OrganisationID: paris.ID, Name: "A", ConsentDate: "2027-01-01"},
			wantErr: []string{"consent_date error.date_future"}},
		{name: "consent in day/month/year", in: Contact{OrganisationID: paris.ID, Name: "A", ConsentDate: "27/11/2026"},
			wantErr: []string{"consent_date error.date"}},
		{name: "consent on a day that does not exist", in: Contact{OrganisationID: paris.ID, Name: "A", ConsentDate: "2026-02-30"},
			wantErr: []string{"consent_date error.date"}},
		{name: "role unknown", in: Contact{OrganisationID: paris.ID, Name: "A", Roles: []string{"trainer", "boss"}},
			wantErr: []string{"roles error.unknown_code"}},
		{name: "sex unknown", in: Contact{OrganisationID: paris.ID, Name: "A", Sex: "f"},
			wantErr: []string{"sex error.unknown_code"}},
		{name: "organisation missing", in: Contact{Name: "A"}, wantErr: []string{"organisation error.required"}},
		{name: "organisation unknown", in: Contact{OrganisationID: "4a0c0f2e-0000-4000-8000-000000000000", Name: "A"},
			wantErr: []string{"organisation error.no_organisation"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cloneContact(tt.in)
			err := s.SaveContact(t.Context(), &c)
			if tt.wantErr != nil {
				if d := cmp.Diff(tt.wantErr, fieldKeys(err)); d != "" {
					t.Fatalf("problems (-want +got):\n%s\nerror: %v", d, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("SaveContact: %v", err)
			}
			if d := cmp.Diff(tt.want, c, ignore); d != "" {
				t.Errorf("saved (-want +got):\n%s", d)
			}
			stored, err := s.Contact(t.Context(), c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(c, stored); d != "" {
				t.Errorf("stored differs from what Save returned (-returned +stored):\n%s", d)
			}
		})
	}
}

func TestSetCountryValidation(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{in: " fr ", want: "FR"},
		{in: "MD", want: "MD"},
		{in: "ZZ", wantErr: true},
		{in: "Moldova", wantErr: true},
		{in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			before := s.Country(t.Context())
			err := s.SetCountry(t.Context(), tt.in)
			if tt.wantErr {
				if d := cmp.Diff([]string{"country error.country"}, fieldKeys(err)); d != "" {
					t.Errorf("problems (-want +got):\n%s", d)
				}
				if got := s.Country(t.Context()); got != before {
					t.Errorf("country changed from %q to %q by a refused value", before, got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Country(t.Context()); got != tt.want {
				t.Errorf("Country() = %q, want %q", got, tt.want)
			}
		})
	}
}

// A failed save keeps what the user typed, so that the form can show it
// again with the problems beside the fields, and writes nothing.
func TestFailedSaveChangesNothing(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	org := mustSaveOrg(t, s, Organisation{Name: "Policía Nacional", Sector: "police", Region: "Madrid"})
	contact := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "José Pérez",
		Emails: []string{"jose@policia.example.org"}, Phones: []string{"+34 600 123 456"}})

	tests := []struct {
		name   string
		typed  any // *Organisation or *Contact, as the form holds it
		record string
	}{
		{"new organisation, invalid", &Organisation{Name: "  Nueva  ", Sector: "army", Email: " bad "}, ""},
		{"new organisation, duplicate", &Organisation{Name: " policia  nacional ", Sector: "police"}, ""},
		{"organisation edit, invalid", func() any { o := org; o.Name = " Policía  Nacional (edit) "; o.Phone = "no phone"; return &o }(), org.ID},
		{"organisation edit, duplicate", func() any {
			o := mustSaveOrg(t, s, Organisation{Name: "Guardia Civil", Sector: "police"})
			o.Name = "POLICÍA NACIONAL"
			o.Region = " Sevilla "
			return &o
		}(), ""},
		{"new contact, invalid", &Contact{OrganisationID: org.ID, Name: "  Ana  ", Emails: []string{" ana@policia.example.org ", "bad"},
			Phones: []string{" +34 600 000 000 "}, ConsentDate: "2030-01-01"}, ""},
		{"contact edit, invalid", func() any {
			c := cloneContact(contact)
			c.Name = "  José  Pérez  García "
			c.Emails = append(c.Emails, "not-an-address")
			return &c
		}(), contact.ID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			countsBefore := rowCounts(t, s)
			var historyBefore []Change
			if tt.record != "" {
				var err error
				if historyBefore, err = s.History(t.Context(), tt.record); err != nil {
					t.Fatal(err)
				}
			}
			var err error
			switch typed := tt.typed.(type) {
			case *Organisation:
				before := *typed
				err = s.SaveOrganisation(t.Context(), typed)
				if d := cmp.Diff(before, *typed); d != "" {
					t.Errorf("the failed save changed what the user typed (-typed +after):\n%s", d)
				}
				if tt.record != "" {
					stored, _ := s.Organisation(t.Context(), tt.record)
					if d := cmp.Diff(org, stored); d != "" {
						t.Errorf("the stored organisation changed (-before +after):\n%s", d)
					}
				}
			case *Contact:
				before := cloneContact(*typed)
				err = s.SaveContact(t.Context(), typed)
				if d := cmp.Diff(before, *typed); d != "" {
					t.Errorf("the failed save changed what the user typed (-typed +after):\n%s", d)
				}
				if tt.record != "" {
					stored, _ := s.Contact(t.Context(), tt.record)
					if d := cmp.Diff(contact, stored); d != "" {
						t.Errorf("the stored contact changed (-before +after):\n%s", d)
					}
				}
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a ValidationError", err)
			}
			if d := cmp.Diff(countsBefore, rowCounts(t, s)); d != "" {
				t.Errorf("rows written by a failed save (-before +after):\n%s", d)
			}
			if tt.record != "" {
				history, err := s.History(t.Context(), tt.record)
				if err != nil {
					t.Fatal(err)
				}
				if d := cmp.Diff(historyBefore, history); d != "" {
					t.Errorf("history changed (-before +after):\n%s", d)
				}
			}
		})
	}
}

func TestValidationErrorMessages(t *testing.T) {
	t.Parallel()
	err := &ValidationError{Errors: []FieldError{
		{Field: "email", Key: "error.email", Template: "“{{.Value}}” is not an e-mail address", Data: map[string]any{"Value": "x@"}},
		{Field: "name", Key: "error.required", Template: "Required"},
		{Field: "notes", Key: "error.broken", Template: "{{.Missing"}, // a broken template shows as written
	}}
	want := "email: “x@” is not an e-mail address; name: Required; notes: {{.Missing"
	if got := err.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if _, ok := err.For("phone"); ok {
		t.Error("For(phone) found a problem that is not there")
	}
	if fe, ok := err.For("name"); !ok || fe.Key != "error.required" {
		t.Errorf("For(name) = %v, %v", fe, ok)
	}
}
