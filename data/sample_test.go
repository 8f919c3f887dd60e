package data

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

func TestSampleRecordsDeterministic(t *testing.T) {
	t.Parallel()
	sizes := []SampleSize{SmallSample, {Organisations: 3, Contacts: 0}, {Organisations: 200, Contacts: 300}}
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%d organisations, %d contacts", size.Organisations, size.Contacts), func(t *testing.T) {
			orgs1, contacts1 := SampleRecords(size, 42)
			orgs2, contacts2 := SampleRecords(size, 42)
			if d := cmp.Diff(orgs1, orgs2); d != "" {
				t.Errorf("organisations differ for the same seed:\n%s", d)
			}
			if d := cmp.Diff(contacts1, contacts2); d != "" {
				t.Errorf("contacts differ for the same seed:\n%s", d)
			}
			if len(orgs1) != size.Organisations || len(contacts1) != size.Contacts {
				t.Errorf("got %d organisations and %d contacts, want %+v", len(orgs1), len(contacts1), size)
			}
			orgs3, contacts3 := SampleRecords(size, 43)
			if cmp.Equal(orgs1, orgs3) || (size.Contacts > 0 && cmp.Equal(contacts1, contacts3)) {
				t.Error("another seed gave the same records")
			}
		})
	}
}

func TestSampleRecordsAreWellFormed(t *testing.T) {
	t.Parallel()
	orgs, contacts := SampleRecords(SampleSize{Organisations: 2000, Contacts: 3000}, 1)
	ids := map[string]bool{}
	names := map[string]string{}
	for _, o := range orgs {
		if ids[o.ID] {
			t.Errorf("id %s given twice", o.ID)
		}
		ids[o.ID] = true
		key := Fold(o.Name) + "/" + o.Sector
		if prev, ok := names[key]; ok {
			t.Errorf("%q and %q would be refused as duplicates", prev, o.Name)
		}
		names[key] = o.Name
	}
	for _, c := range contacts {
		if ids[c.ID] {
			t.Errorf("id %s given twice", c.ID)
		}
		ids[c.ID] = true
		if !ids[c.OrganisationID] {
			t.Errorf("contact %s belongs to an organisation outside the sample", c.Name)
		}
	}
	// Every organisation of a small sample has a contact.
	orgs, contacts = SampleRecords(SmallSample, 1)
	with := map[string]bool{}
	for _, c := range contacts {
		with[c.OrganisationID] = true
	}
	for _, o := range orgs {
		if !with[o.ID] {
			t.Errorf("%s has no contact", o.Name)
		}
	}
}

func TestSampleCoversSectorsAndScripts(t *testing.T) {
	t.Parallel()
	orgs, contacts := SampleRecords(SmallSample, 1)
	sectors := map[string]bool{}
	for _, o := range orgs {
		sectors[o.Sector] = true
	}
	for _, sec := range Sectors {
		if !sectors[sec.Code.Code] {
			t.Errorf("no organisation of sector %q", sec.Code.Code)
		}
	}

	var names []string
	for _, o := range orgs {
		names = append(names, o.Name)
	}
	for _, c := range contacts {
		names = append(names, c.Name)
	}
	tests := []struct {
		what string
		is   func(rune) bool
	}{
		{"accented Latin letters", func(r rune) bool { return r > unicode.MaxASCII && unicode.Is(unicode.Latin, r) }},
		{"Cyrillic letters", func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }},
		{"Greek letters", func(r rune) bool { return unicode.Is(unicode.Greek, r) }},
	}
	for _, tt := range tests {
		t.Run(tt.what, func(t *testing.T) {
			for _, n := range names {
				if strings.ContainsFunc(n, tt.is) {
					return
				}
			}
			t.Errorf("no name with %s", tt.what)
		})
	}
}

func TestGenerateSample(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	if err := s.GenerateSample(t.Context(), SmallSample, 1); err != nil {
		t.Fatal(err)
	}
	if got := s.Country(t.Context()); got != SampleCountry {
		t.Errorf("country = %q, want %q", got, SampleCountry)
	}
	c, err := s.Count(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if want := Counts(SmallSample); c != want {
		t.Errorf("Count = %+v, want %+v", c, want)
	}
	// The records are stored as generated, normalised: national phone
	// numbers read in the sample country.
	orgs, contacts := SampleRecords(SmallSample, 1)
	for _, o := range orgs[:5] {
		got, err := s.Organisation(t.Context(), o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != o.Name || !strings.HasPrefix(got.Phone, "+373") || strings.Contains(got.Phone, " ") {
			t.Errorf("stored %q with phone %q", got.Name, got.Phone)
		}
	}
	for _, c := range contacts[:5] {
		got, err := s.Contact(t.Context(), c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != c.Name || len(got.Phones) != 1 || !strings.HasPrefix(got.Phones[0], "+373") {
			t.Errorf("stored %q with phones %q", got.Name, got.Phones)
		}
	}
	// The sample's own search examples work.
	for _, q := range []string{"мвд", "speranta", "popescu", "jose"} {
		rows, err := s.Organisations(t.Context(), OrganisationFilter{Query: q})
		if err != nil || len(rows) == 0 {
			t.Errorf("Organisations(%q) = %d rows, %v", q, len(rows), err)
		}
	}

	// Loading the same sample again is refused as a whole.
	before := rowCounts(t, s)
	if err := s.GenerateSample(t.Context(), SmallSample, 1); err == nil {
		t.Error("the same sample loaded twice")
	}
	if d := cmp.Diff(before, rowCounts(t, s)); d != "" {
		t.Errorf("the refused sample left rows (-before +after):\n%s", d)
	}
}

func TestGenerateSampleKeepsTheRegistersCountry(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	if err := s.SetCountry(t.Context(), "RO"); err != nil {
		t.Fatal(err)
	}
	if err := s.GenerateSample(t.Context(), SampleSize{Organisations: 5, Contacts: 5}, 1); err != nil {
		t.Fatal(err)
	}
	if got := s.Country(t.Context()); got != "RO" {
		t.Errorf("country = %q, want RO kept", got)
	}
	// The sample's organisations carry their own country, so their numbers
	// are still read as Moldovan ones.
	orgs, _ := SampleRecords(SampleSize{Organisations: 5, Contacts: 5}, 1)
	for _, o := range orgs {
		got, err := s.Organisation(t.Context(), o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(got.Phone, "+373") {
			t.Errorf("%s: phone %q", got.Name, got.Phone)
		}
	}
}
