package data

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAgreementValidation(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	o := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	for _, tc := range []struct {
		name  string
		a     Agreement
		field string
	}{
		{"title required", Agreement{Kind: "protocol", Level: "inter_agency"}, "title"},
		{"kind required", Agreement{Title: "x", Level: "inter_agency"}, "kind"},
		{"unknown level", Agreement{Title: "x", Kind: "protocol", Level: "galactic"}, "level"},
		{"international without a country", Agreement{Title: "x", Kind: "agreement", Level: "bilateral"}, "partner_countries"},
		{"unknown country", Agreement{Title: "x", Kind: "agreement", Level: "bilateral", PartnerCountries: []string{"XX"}}, "partner_countries"},
		{"signed in the future", Agreement{Title: "x", Kind: "protocol", Level: "referral", SignedOn: "2030-01-01"}, "signed_on"},
		{"valid before signed", Agreement{Title: "x", Kind: "protocol", Level: "referral", SignedOn: "2024-05-01", ValidUntil: "2024-01-01"}, "valid_until"},
		{"party not in the register", Agreement{Title: "x", Kind: "protocol", Level: "referral", Parties: []string{"gone"}}, "parties"},
		{"unknown subject", Agreement{Title: "x", Kind: "protocol", Level: "referral", Subjects: []string{"golf"}}, "subjects"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.a
			err := s.SaveAgreement(ctx, &a)
			ve, ok := err.(*ValidationError)
			if !ok {
				t.Fatalf("err = %v", err)
			}
			if _, ok := ve.For(tc.field); !ok {
				t.Errorf("no problem on %s: %v", tc.field, ve)
			}
			if d := cmp.Diff(tc.a, a); d != "" {
				t.Errorf("a failed save changed the struct:\n%s", d)
			}
		})
	}
	good := Agreement{Title: "Referral protocol", Kind: "protocol", Level: "referral", Parties: []string{o.ID}, SignedOn: "2024-02-01"}
	if err := s.SaveAgreement(ctx, &good); err != nil {
		t.Fatal(err)
	}
	if good.Status != "in_force" || good.ID == "" {
		t.Errorf("saved %+v", good)
	}
}

func TestAgreementFiguresAndFilters(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	save := func(a Agreement) Agreement {
		t.Helper()
		if err := s.SaveAgreement(ctx, &a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	save(Agreement{Title: "MoU on referral", Kind: "memorandum", Level: "government_ngo", Subjects: []string{"victim_assistance"}, SignedOn: "2019-03-01"})
	save(Agreement{Title: "Return of victims", Kind: "agreement", Level: "bilateral", PartnerCountries: []string{"ro", "UA"},
		Subjects: []string{"victim_return", "information_exchange"}, SignedOn: "2025-06-10"})
	save(Agreement{Title: "Old police cooperation", Kind: "agreement", Level: "bilateral", PartnerCountries: []string{"RO"},
		SignedOn: "2010-01-01", ValidUntil: "2020-01-01"})
	save(Agreement{Title: "Regional JIT", Kind: "protocol", Level: "regional", PartnerCountries: []string{"BG"}, Status: "draft"})
	f, err := s.AgreementFiguresForPeriod(ctx, "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	want := AgreementFigures{InForce: 2, SignedInPeriod: 1,
		ByLevel:          map[string]int{"government_ngo": 1, "bilateral": 1},
		ByPartnerCountry: map[string]int{"RO": 1, "UA": 1},
		NoPartnerCountry: 1, // the government–NGO agreement is domestic
		BySubject:        map[string]int{"victim_assistance": 1, "victim_return": 1, "information_exchange": 1}}
	if d := cmp.Diff(want, f); d != "" {
		t.Errorf("figures (-want +got):\n%s", d)
	}
	for _, tc := range []struct {
		f    AgreementFilter
		want int
	}{{AgreementFilter{Level: "international"}, 3}, {AgreementFilter{Level: "home"}, 1}, {AgreementFilter{Country: "RO"}, 2},
		{AgreementFilter{Query: "return"}, 1}, {AgreementFilter{Level: "regional"}, 1}} {
		got, err := s.Agreements(ctx, tc.f)
		if err != nil || len(got) != tc.want {
			t.Errorf("Agreements(%+v) = %d, %v; want %d", tc.f, len(got), err, tc.want)
		}
	}
	// The list the Overview's card opens holds exactly what the card counts,
	// on either side of the old agreement's end.
	for _, day := range []string{"2025-12-31", "2019-12-31", "2010-01-01", "2009-12-31"} {
		listed, err := s.Agreements(ctx, AgreementFilter{InForceOn: day})
		counted, _ := s.AgreementFiguresForPeriod(ctx, day[:4]+"-01-01", day)
		if err != nil || len(listed) != counted.InForce {
			t.Errorf("in force on %s: %d listed, %d counted (%v)", day, len(listed), counted.InForce, err)
		}
	}
	if old, _ := s.Agreements(ctx, AgreementFilter{InForceOn: "2015-06-01"}); len(old) != 1 || old[0].Title != "Old police cooperation" {
		t.Errorf("in force in 2015: %+v", old)
	}
	countries, _ := s.PartnerCountries(ctx)
	if d := cmp.Diff([]string{"BG", "RO", "UA"}, countries); d != "" {
		t.Errorf("partner countries: %s", d)
	}
}
