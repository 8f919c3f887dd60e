package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// registerDump is every row of every record and link table, without their
// times (Undo writes a removed row anew), to compare a register before a
// merge and after its Undo.
func registerDump(t testing.TB, s *Store) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, name := range append(Entities(), "organisation_link", "contact_link") {
		rows, err := s.read.QueryContext(t.Context(), "SELECT * FROM "+name)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, c := range cols {
				if c != "updated_at" && c != "created_at" && c != "pk" {
					fmt.Fprintf(&b, "%s=%v ", c, vals[i])
				}
			}
			out[name] = append(out[name], b.String())
		}
		rows.Close()
		slices.Sort(out[name])
	}
	return out
}

// TestMergeTwoPeople merges a person recorded twice: once as a course
// participant with a mark on the first day, once with marks on the first
// two days, as a trainer and at a meeting.
func TestMergeTwoPeople(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "La Strada", Sector: "ngo"})
	keep := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "José Pérez", Emails: []string{"jose@police.example.org"}})
	drop := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "PEREZ Jose", Position: "Inspector",
		Phones: []string{"+37322123456"}})
	other := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Ana Pop"})
	both := mustSaveCourse(t, s, Course{Title: "Victim identification", Status: "held", FirstDay: "2026-03-02", LastDay: "2026-03-04"})
	mustAddParticipants(t, s, both.ID, keep, drop, other)
	k, d := participantOf(t, s, both.ID, keep), participantOf(t, s, both.ID, drop)
	mustSetMarks(t, s, both.ID, Mark{k.ID, "2026-03-02", "present"},
		Mark{d.ID, "2026-03-02", "absent"}, Mark{d.ID, "2026-03-03", "late"})
	alone := mustSaveCourse(t, s, Course{Title: "Labour exploitation", Status: "held", FirstDay: "2026-04-01",
		Trainers: []string{drop.ID}, Organisers: []string{police.ID}})
	mustAddParticipants(t, s, alone.ID, drop)
	meeting := Meeting{Day: "2026-05-05", Participants: []string{other.ID, drop.ID}}
	if err := s.SaveMeeting(ctx, &meeting); err != nil {
		t.Fatal(err)
	}
	before := registerDump(t, s)

	merged := keep
	merged.Position, merged.Phones = drop.Position, drop.Phones
	if err := s.MergeContacts(ctx, &merged, drop.ID); err != nil {
		t.Fatal(err)
	}
	if merged.Position != "Inspector" || merged.Name != "José Pérez" || len(merged.Emails) != 1 {
		t.Errorf("kept person %+v: want the chosen values", merged)
	}
	gone, _ := s.Contact(ctx, drop.ID)
	if !gone.Archived {
		t.Error("the merged person is still in use")
	}
	marks := mustAttendance(t, s, both.ID)
	if d := cmp.Diff(map[string]string{"2026-03-02": "present", "2026-03-03": "late"}, marks[k.ID]); d != "" {
		t.Errorf("kept participation's marks (-want +got):\n%s", d)
	}
	if len(marks[d.ID]) != 0 {
		t.Errorf("the merged participation still has marks %v", marks[d.ID])
	}
	active := mustParticipants(t, s, both.ID, false)
	if len(active) != 2 {
		t.Errorf("%d participants on the shared course, want the kept person and Ana", len(active))
	}
	p := mustParticipants(t, s, alone.ID, false)
	if len(p) != 1 || p[0].ContactID != keep.ID || p[0].Name != "PEREZ Jose" {
		t.Errorf("participation on the other course %+v: want it moved, with the name as on the day", p)
	}
	c, _ := s.Course(ctx, alone.ID)
	if !slices.Equal(c.Trainers, []string{keep.ID}) {
		t.Errorf("trainers %v, want the kept person", c.Trainers)
	}
	meetings, _ := s.Meetings(ctx, "2026-01-01", "2026-12-31")
	if !slices.Equal(meetings[0].Participants, []string{other.ID, keep.ID}) {
		t.Errorf("meeting participants %v", meetings[0].Participants)
	}
	changes, _ := s.History(ctx, keep.ID)
	if changes[0].Action != "merge" || !strings.Contains(changes[0].Summary, "PEREZ Jose") {
		t.Errorf("the kept person's History starts with %+v, want the merge", changes[0])
	}
	pairs, _ := s.Duplicates(ctx, true)
	if len(pairs) != 0 {
		t.Errorf("after the merge the finder still sees %+v", pairs)
	}

	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(before, registerDump(t, s)); d != "" {
		t.Errorf("Undo did not bring the register back (-before +after):\n%s", d)
	}
}

// TestMergeTwoOrganisations moves people, participations, links and single
// references from one organisation to the other, keeping what participants
// were on the day; the kept record may take the other's name.
func TestMergeTwoOrganisations(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	keep := mustSaveOrg(t, s, Organisation{Name: "Ministry of Interior", Sector: "ministry", MechanismRole: "member"})
	drop := mustSaveOrg(t, s, Organisation{Name: "Ministry of the Interior", Acronym: "MoI", Sector: "ministry",
		Phone: "+37322255555"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "La Strada", Sector: "ngo"})
	person := mustSaveContact(t, s, Contact{OrganisationID: drop.ID, Name: "Ion Rusu"})
	course := mustSaveCourse(t, s, Course{Title: "Referral", Status: "held", FirstDay: "2026-02-02",
		Organisers: []string{drop.ID, ngo.ID}, Funders: []string{keep.ID, drop.ID}})
	mustAddParticipants(t, s, course.ID, person)
	ag := Agreement{Title: "Referral MoU", Kind: "memorandum", Level: "government_ngo", Status: "in_force",
		SignedOn: "2025-01-10", Parties: []string{drop.ID, ngo.ID}}
	if err := s.SaveAgreement(ctx, &ag); err != nil {
		t.Fatal(err)
	}
	group := WorkingGroup{Name: "Prevention", Lead: drop.ID, Members: []string{ngo.ID}}
	if err := s.SaveWorkingGroup(ctx, &group); err != nil {
		t.Fatal(err)
	}
	before := registerDump(t, s)

	merged := keep
	merged.Name, merged.Acronym, merged.Phone = drop.Name, drop.Acronym, drop.Phone
	if err := s.MergeOrganisations(ctx, &merged, drop.ID); err != nil {
		t.Fatal(err)
	}
	if merged.Name != "Ministry of the Interior" || merged.MechanismRole != "member" {
		t.Errorf("kept organisation %+v", merged)
	}
	moved, _ := s.Contact(ctx, person.ID)
	if moved.OrganisationID != keep.ID {
		t.Errorf("the person is still under %s", moved.OrganisationID)
	}
	p := participantOf(t, s, course.ID, person)
	if p.OrganisationID != keep.ID || p.OrganisationName != "Ministry of the Interior" || p.Sector != "ministry" {
		t.Errorf("participant %+v: want the kept id, the name and sector of the day", p)
	}
	c, _ := s.Course(ctx, course.ID)
	if !slices.Equal(c.Organisers, []string{keep.ID, ngo.ID}) || !slices.Equal(c.Funders, []string{keep.ID}) {
		t.Errorf("organisers %v funders %v: want the kept id once, in place", c.Organisers, c.Funders)
	}
	a, _ := s.Agreement(ctx, ag.ID)
	groups, _ := s.WorkingGroups(ctx)
	if !slices.Equal(a.Parties, []string{keep.ID, ngo.ID}) || groups[0].Lead != keep.ID {
		t.Errorf("parties %v, working group lead %q", a.Parties, groups[0].Lead)
	}
	var left int
	s.read.QueryRowContext(ctx, "SELECT count(*) FROM organisation_link WHERE organisation_id = ?", drop.ID).Scan(&left)
	if left != 0 {
		t.Errorf("%d links still point at the merged organisation", left)
	}
	if err := s.MergeOrganisations(ctx, &Organisation{ID: keep.ID, Name: "X", Sector: "ministry"}, drop.ID); !errors.Is(err, ErrAlreadyMerged) {
		t.Errorf("merging the merged record again: %v", err)
	}

	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(before, registerDump(t, s)); d != "" {
		t.Errorf("Undo did not bring the register back (-before +after):\n%s", d)
	}
}

func TestMergeRefusesWhatItCannotDo(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	a := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	b := mustSaveOrg(t, s, Organisation{Name: "Border police", Sector: "border_police"})
	c := mustSaveOrg(t, s, Organisation{Name: "Customs", Sector: "customs"})
	before := registerDump(t, s)
	if err := s.MergeOrganisations(ctx, &a, a.ID); !errors.Is(err, ErrMergeSame) {
		t.Errorf("a record with itself: %v", err)
	}
	// The chosen name and sector are those of a third organisation.
	clash := a
	clash.Name, clash.Sector = "Customs", "customs"
	err := s.MergeOrganisations(ctx, &clash, b.ID)
	if !slices.Contains(invalidFields(err), "name") {
		t.Errorf("merging into the name of %s: %v, want it refused beside the name", c.Name, err)
	}
	blank := a
	blank.Name = ""
	if err := s.MergeOrganisations(ctx, &blank, b.ID); !slices.Contains(invalidFields(err), "name") {
		t.Errorf("an empty name: %v", err)
	}
	if d := cmp.Diff(before, registerDump(t, s)); d != "" {
		t.Errorf("a refused merge changed the register:\n%s", d)
	}
}

// TestMergeByChoices merges two people field by field: the other's
// position, both lists of e-mails, both notes.
func TestMergeByChoices(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	o := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	keep := mustSaveContact(t, s, Contact{OrganisationID: o.ID, Name: "José Pérez", Position: "Officer",
		Emails: []string{"jose@police.example.org"}, Notes: "Speaks French."})
	other := mustSaveContact(t, s, Contact{OrganisationID: o.ID, Name: "Jose Perez", Position: "Inspector",
		Emails: []string{"j.perez@police.example.org", "jose@police.example.org"}, Notes: "Trainer since 2024."})
	err := s.Merge(ctx, "contact", keep.ID, other.ID, map[string]MergeChoice{
		"position": TakeOther, "emails": TakeBoth, "notes": TakeBoth})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Contact(ctx, keep.ID)
	want := Contact{Name: "José Pérez", Position: "Inspector",
		Emails: []string{"jose@police.example.org", "j.perez@police.example.org"}, Notes: "Speaks French.\n\nTrainer since 2024."}
	if got.Name != want.Name || got.Position != want.Position || !slices.Equal(got.Emails, want.Emails) || got.Notes != want.Notes {
		t.Errorf("merged %+v, want %+v", got, want)
	}
	for _, f := range MergeFields("contact") {
		if f.Internal || f.Name == "archived" {
			t.Errorf("the user is asked to choose %s", f.Name)
		}
	}
	if err := s.Merge(ctx, "course", keep.ID, other.ID, nil); err == nil {
		t.Error("two records of a kind that cannot be merged were merged")
	}
}
