package data

import (
	"context"
	"testing"
)

func TestAddNewParticipantWithANewOrganisation(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	c := Course{Title: "Outreach", FirstDay: "2026-02-10", Status: "held"}
	if err := s.SaveCourse(ctx, &c); err != nil {
		t.Fatal(err)
	}
	before := rowCounts(t, s)
	// Problems of both records are reported together, and nothing is written.
	_, err := s.AddNewParticipant(ctx, c.ID, Contact{Name: " ", Emails: []string{"x@"}}, Organisation{Name: "Youth Centre"})
	ve, ok := err.(*ValidationError)
	if !ok {
		t.Fatalf("err = %v", err)
	}
	for _, field := range []string{"name", "emails", "organisation_sector"} {
		if _, ok := ve.For(field); !ok {
			t.Errorf("no problem reported on %s: %v", field, ve)
		}
	}
	if after := rowCounts(t, s); after["contact"] != before["contact"] || after["organisation"] != before["organisation"] {
		t.Fatalf("a refused quick-add wrote records: %v → %v", before, after)
	}
	got, err := s.AddNewParticipant(ctx, c.ID, Contact{Name: "Irina Ceban", Sex: "female"},
		Organisation{Name: "Youth Centre „Orizont”", Sector: "ngo"})
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := s.Participants(ctx, c.ID, false)
	if len(ps) != 1 || ps[0].ContactID != got.ID || ps[0].OrganisationName != "Youth Centre „Orizont”" || ps[0].Sector != "ngo" ||
		ps[0].Status != statusOnAdding(c.Status) || ps[0].Status == "" {
		t.Fatalf("participants %+v", ps)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if after := rowCounts(t, s); after["contact"] != before["contact"] || after["organisation"] != before["organisation"] {
		t.Errorf("one undo should take back the person and the organisation: %v → %v", before, after)
	}
	if ps, _ := s.Participants(ctx, c.ID, true); len(ps) != 0 {
		t.Errorf("the participant is still on the course after undo: %+v", ps)
	}
}

func TestAddNewParticipantUnderAnExistingOrganisation(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	o := mustSaveOrg(t, s, Organisation{Name: "Labour Inspectorate", Sector: "labour_inspection", Country: "FR"})
	c := Course{Title: "Inspections", FirstDay: "2026-02-10"}
	if err := s.SaveCourse(ctx, &c); err != nil {
		t.Fatal(err)
	}
	got, err := s.AddNewParticipant(ctx, c.ID, Contact{Name: "Luc Martin", Phones: []string{"01 23 45 67 89"}}, Organisation{ID: o.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got.OrganisationID != o.ID || len(got.Phones) != 1 || got.Phones[0] != "+33123456789" {
		t.Errorf("contact %+v: want under %s with a French number in E.164", got, o.Name)
	}
	// A duplicate new organisation is refused on the organisation's name.
	_, err = s.AddNewParticipant(ctx, c.ID, Contact{Name: "Anne Petit"}, Organisation{Name: "labour inspectorate", Sector: "labour_inspection"})
	if ve, ok := err.(*ValidationError); !ok {
		t.Errorf("err = %v, want a duplicate organisation refused", err)
	} else if _, ok := ve.For("organisation_name"); !ok {
		t.Errorf("the duplicate is not reported on organisation_name: %v", ve)
	}
}
