package data

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBodyMembersMeetingsAndFigures(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ministry := mustSaveOrg(t, s, Organisation{Name: "Ministry of Interior", Sector: "ministry", MechanismRole: "chair", MemberSince: "2008-01-15"})
	mustSaveOrg(t, s, Organisation{Name: "Zeta NGO", Sector: "ngo", MechanismRole: "member"})
	mustSaveOrg(t, s, Organisation{Name: "Alpha Police", Sector: "police", MechanismRole: "member"})
	mustSaveOrg(t, s, Organisation{Name: "IOM office", Sector: "international_org", MechanismRole: "observer"})
	mustSaveOrg(t, s, Organisation{Name: "Not a member", Sector: "media", MemberSince: "2010-01-01"})
	if err := s.SaveBody(ctx, Body{Established: "2008-01-15"}); err == nil {
		t.Error("a body without a name was saved")
	}
	b := Body{Name: "National Committee against Trafficking", LegalBasis: "Government Decision 1219/2008",
		Established: "2008-01-15", Chair: ministry.ID}
	if err := s.SaveBody(ctx, b); err != nil {
		t.Fatal(err)
	}
	got, _ := s.GetBody(ctx)
	if d := cmp.Diff(b, got); d != "" {
		t.Errorf("body read back (-saved +read):\n%s", d)
	}
	members, _ := s.Members(ctx)
	var names []string
	for _, o := range members {
		names = append(names, o.Name)
	}
	if d := cmp.Diff([]string{"Ministry of Interior", "Alpha Police", "Zeta NGO", "IOM office"}, names); d != "" {
		t.Errorf("members: chair, members by name, observers:\n%s", d)
	}
	other, _ := s.Organisation(ctx, func() string {
		rows, _ := s.Organisations(ctx, OrganisationFilter{Query: "not a member"})
		return rows[0].ID
	}())
	if other.MemberSince != "" {
		t.Errorf("an organisation outside the mechanism keeps a joining date %q", other.MemberSince)
	}
	c := mustSaveContact(t, s, Contact{OrganisationID: ministry.ID, Name: "Ana Rusu"})
	for _, m := range []Meeting{{Day: "2025-03-10", Place: "Ministry", Participants: []string{c.ID}, Agenda: "Annual report"},
		{Day: "2025-09-22"}, {Day: "2024-12-01"}, {Day: "2099-01-01"}} {
		if err := s.SaveMeeting(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveMeeting(ctx, &Meeting{Day: "2025-01-01", Participants: []string{"gone"}}); err == nil {
		t.Error("a meeting with a participant not in the register was saved")
	}
	f, err := s.MechanismFiguresForPeriod(ctx, "2025-01-01", "2099-12-31")
	if err != nil {
		t.Fatal(err)
	}
	want := MechanismFigures{Members: 4, Government: 2, NonGovernment: 2, MeetingsHeld: 2,
		ByRole:   map[string]int{"chair": 1, "member": 2, "observer": 1},
		BySector: map[string]int{"ministry": 1, "ngo": 1, "police": 1, "international_org": 1}}
	if d := cmp.Diff(want, f); d != "" {
		t.Errorf("figures (-want +got; the 2099 meeting has not taken place):\n%s", d)
	}
}

func TestWorkingGroups(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	o := mustSaveOrg(t, s, Organisation{Name: "Labour Inspectorate", Sector: "labour_inspection"})
	if err := s.SaveWorkingGroup(ctx, &WorkingGroup{Lead: o.ID}); err == nil {
		t.Error("a working group without a name was saved")
	}
	if err := s.SaveWorkingGroup(ctx, &WorkingGroup{Name: "x", Members: []string{"gone"}}); err == nil {
		t.Error("a member not in the register was accepted")
	}
	g := WorkingGroup{Name: "Labour exploitation", Lead: o.ID, Members: []string{o.ID}, Mandate: "Joint inspections"}
	if err := s.SaveWorkingGroup(ctx, &g); err != nil {
		t.Fatal(err)
	}
	groups, _ := s.WorkingGroups(ctx)
	if len(groups) != 1 || groups[0].Name != "Labour exploitation" || groups[0].Lead != o.ID {
		t.Errorf("groups %+v", groups)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if groups, _ := s.WorkingGroups(ctx); len(groups) != 0 {
		t.Error("undo did not take the group back")
	}
}
