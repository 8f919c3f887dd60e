package data

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var ignoreParticipantIDs = cmpopts.IgnoreFields(Participant{}, "ID", "CourseID", "Status", "StatusOn")

// A participant keeps the name, organisation, sector and sex they had when
// added: a later move, a rename of the person or of their organisation does
// not rewrite a past course.
func TestAddParticipantsSnapshot(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	police := mustSaveOrg(t, s, Organisation{Name: "Regional Police Inspectorate North", Sector: "police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "Centrul „Speranța”", Sector: "ngo"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Lungu", Sex: "female"})
	dmitri := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Дмитрий Козлов", Sex: "male"})
	elena := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Elena Rusu"}) // sex not recorded

	past := mustSaveCourse(t, s, Course{Title: "Identifying victims", Status: "held", FirstDay: "2025-03-10", LastDay: "2025-03-11"})
	mustAddParticipants(t, s, past.ID, ana, dmitri, elena)
	want := []Participant{ // by name
		{ContactID: ana.ID, Name: "Ana Lungu", OrganisationID: police.ID, OrganisationName: "Regional Police Inspectorate North", Sector: "police", Sex: "female"},
		{ContactID: elena.ID, Name: "Elena Rusu", OrganisationID: ngo.ID, OrganisationName: "Centrul „Speranța”", Sector: "ngo"},
		{ContactID: dmitri.ID, Name: "Дмитрий Козлов", OrganisationID: ngo.ID, OrganisationName: "Centrul „Speranța”", Sector: "ngo", Sex: "male"},
	}
	got := mustParticipants(t, s, past.ID, false)
	if d := cmp.Diff(want, got, ignoreParticipantIDs); d != "" {
		t.Fatalf("participants (-want +got):\n%s", d)
	}
	for _, p := range got {
		if p.ID == "" || p.CourseID != past.ID {
			t.Errorf("participant %q has id %q, course %q", p.Name, p.ID, p.CourseID)
		}
	}

	// Ana moves to the NGO and marries; her old agency is renamed.
	ana.OrganisationID, ana.Name, ana.Sex = ngo.ID, "Ana Lungu-Bălan", ""
	if err := s.SaveContact(t.Context(), &ana); err != nil {
		t.Fatal(err)
	}
	police.Name = "General Police Inspectorate — North"
	if err := s.SaveOrganisation(t.Context(), &police); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, mustParticipants(t, s, past.ID, false), ignoreParticipantIDs); d != "" {
		t.Errorf("past course after the move (-as on the day +now):\n%s", d)
	}

	// On a new course she is who she is now.
	next := mustSaveCourse(t, s, Course{Title: "Shelter standards", FirstDay: "2026-12-08"})
	mustAddParticipants(t, s, next.ID, ana)
	wantNext := []Participant{{ContactID: ana.ID, Name: "Ana Lungu-Bălan", OrganisationID: ngo.ID, OrganisationName: "Centrul „Speranța”", Sector: "ngo"}}
	if d := cmp.Diff(wantNext, mustParticipants(t, s, next.ID, false), ignoreParticipantIDs); d != "" {
		t.Errorf("new course (-want +got):\n%s", d)
	}
}

// Someone already on the course, named twice, or not in the register is
// refused with a message naming them, and nobody of that call is added.
func TestAddParticipantsRefused(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	org := mustSaveOrg(t, s, Organisation{Name: "Child Protection Service", Sector: "child_protection"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Ana Lungu"})
	bogdan := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Bogdan Ciobanu"})
	chloe := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Chloé Moreau"})
	course := mustSaveCourse(t, s, Course{Title: "Child-sensitive interviewing", FirstDay: "2026-05-05"})
	mustAddParticipants(t, s, course.ID, ana)
	removed := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Denis Rusu"})
	mustAddParticipants(t, s, course.ID, removed)
	if err := s.SetParticipantArchived(t.Context(), participantOf(t, s, course.ID, removed).ID, true); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name     string
		ids      []string
		wantKey  string
		wantName string // named in the message
	}{
		{"already on the course", []string{bogdan.ID, ana.ID}, "participants error.participant_twice", "Ana Lungu"},
		{"twice in one call", []string{chloe.ID, bogdan.ID, chloe.ID}, "participants error.participant_twice", "Chloé Moreau"},
		{"taken off the course, named twice", []string{removed.ID, removed.ID}, "participants error.participant_twice", "Denis Rusu"},
		{"not in the register", []string{bogdan.ID, "00000000-0000-4000-8000-00000000dead"}, "participants error.no_record", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := trainingCounts(t, s)
			err := s.AddParticipants(t.Context(), course.ID, tt.ids)
			if d := cmp.Diff([]string{tt.wantKey}, fieldKeys(err)); d != "" {
				t.Fatalf("problems (-want +got):\n%s\nerror: %v", d, err)
			}
			if tt.wantName != "" && !strings.Contains(err.Error(), tt.wantName) {
				t.Errorf("message %q does not name %s", err.Error(), tt.wantName)
			}
			assertCountsUnchanged(t, s, before)
		})
	}
	if err := s.AddParticipants(t.Context(), "no-such-course", []string{bogdan.ID}); err == nil {
		t.Error("AddParticipants to a course not in the register: no error")
	}
	ps := mustParticipants(t, s, course.ID, false)
	if len(ps) != 1 || ps[0].ContactID != ana.ID {
		t.Errorf("participants = %+v, want Ana only", ps)
	}
}

// AddFocalPoints adds every current contact of the organisations, leaving
// out archived contacts and those already on the course, as one change.
func TestAddFocalPoints(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	police := mustSaveOrg(t, s, Organisation{Name: "Border Police Sector South", Sector: "border_police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "Association Femmes Solidaires", Sector: "ngo"})
	other := mustSaveOrg(t, s, Organisation{Name: "Public Broadcaster", Sector: "media"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Lungu"})
	bogdan := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Bogdan Ciobanu"})
	gone := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Gheorghe Bălan"})
	helene := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Hélène Lefèvre"})
	mustSaveContact(t, s, Contact{OrganisationID: other.ID, Name: "Radu Țurcanu"})
	if err := s.SetContactArchived(t.Context(), gone.ID, true); err != nil {
		t.Fatal(err)
	}
	course := mustSaveCourse(t, s, Course{Title: "Referral mechanism", FirstDay: "2026-06-02"})
	mustAddParticipants(t, s, course.ID, ana)

	before := trainingCounts(t, s)
	if err := s.AddFocalPoints(t.Context(), course.ID, []string{police.ID, ngo.ID}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range mustParticipants(t, s, course.ID, true) {
		got = append(got, p.Name)
	}
	if d := cmp.Diff([]string{ana.Name, bogdan.Name, helene.Name}, got); d != "" {
		t.Errorf("participants (-want +got):\n%s", d)
	}
	after := trainingCounts(t, s)
	if after["change"] != before["change"]+1 || after["participant"] != before["participant"]+2 {
		t.Errorf("changes %d → %d, participants %d → %d: want one change adding two",
			before["change"], after["change"], before["participant"], after["participant"])
	}

	// Again: everyone is on already, so nothing happens and nothing is recorded.
	if err := s.AddFocalPoints(t.Context(), course.ID, []string{police.ID, ngo.ID}); err != nil {
		t.Fatalf("AddFocalPoints again: %v", err)
	}
	if err := s.AddFocalPoints(t.Context(), course.ID, nil); err != nil {
		t.Fatalf("AddFocalPoints of no organisation: %v", err)
	}
	assertCountsUnchanged(t, s, after)
}

// Archiving a contact keeps them on past courses; taking a participant off
// a course hides them (their attendance stays) and restoring brings them back.
func TestParticipantArchiving(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	org := mustSaveOrg(t, s, Organisation{Name: "State Labour Inspectorate", Sector: "labour_inspection"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Ana Lungu"})
	bogdan := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Bogdan Ciobanu"})
	course := mustSaveCourse(t, s, Course{Title: "Forced labour indicators", Status: "held", FirstDay: "2025-09-15", LastDay: "2025-09-16"})
	mustAddParticipants(t, s, course.ID, ana, bogdan)
	pb := participantOf(t, s, course.ID, bogdan)
	mustSetMarks(t, s, course.ID, Mark{pb.ID, "2025-09-15", "present"})

	names := func(ps []Participant) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Name)
		}
		return out
	}

	if err := s.SetContactArchived(t.Context(), ana.ID, true); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"Ana Lungu", "Bogdan Ciobanu"}, names(mustParticipants(t, s, course.ID, false))); d != "" {
		t.Errorf("after archiving Ana's contact (-want +got):\n%s", d)
	}

	steps := []struct {
		name       string
		do         func() error
		want       []string // listed without the removed
		wantAll    []string // listed with them
		wantMarked bool     // Bogdan's mark is in Attendance
	}{
		{"take Bogdan off", func() error { return s.SetParticipantArchived(t.Context(), pb.ID, true) },
			[]string{"Ana Lungu"}, []string{"Ana Lungu", "Bogdan Ciobanu"}, true},
		{"again: no change", func() error { return s.SetParticipantArchived(t.Context(), pb.ID, true) },
			[]string{"Ana Lungu"}, []string{"Ana Lungu", "Bogdan Ciobanu"}, true},
		{"put him back", func() error { return s.SetParticipantArchived(t.Context(), pb.ID, false) },
			[]string{"Ana Lungu", "Bogdan Ciobanu"}, []string{"Ana Lungu", "Bogdan Ciobanu"}, true},
		{"take him off, then Undo", func() error {
			if err := s.SetParticipantArchived(t.Context(), pb.ID, true); err != nil {
				return err
			}
			_, err := s.Undo(t.Context())
			return err
		}, []string{"Ana Lungu", "Bogdan Ciobanu"}, []string{"Ana Lungu", "Bogdan Ciobanu"}, true},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if err := st.do(); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(st.want, names(mustParticipants(t, s, course.ID, false))); d != "" {
				t.Errorf("participants (-want +got):\n%s", d)
			}
			all := mustParticipants(t, s, course.ID, true)
			if d := cmp.Diff(st.wantAll, names(all)); d != "" {
				t.Errorf("participants with removed (-want +got):\n%s", d)
			}
			for _, p := range all {
				removed := !contains(st.want, p.Name)
				if p.Archived != removed {
					t.Errorf("%s: Archived %v, want %v", p.Name, p.Archived, removed)
				}
			}
			if marked := mustAttendance(t, s, course.ID)[pb.ID]["2025-09-15"] == "present"; marked != st.wantMarked {
				t.Errorf("Bogdan's mark kept = %v, want %v", marked, st.wantMarked)
			}
		})
	}
	h := mustHistory(t, s, pb.ID)
	if d := cmp.Diff([]string{"undo", "archive", "restore", "archive", "create"}, actions(h)); d != "" {
		t.Errorf("Bogdan's history as a participant (-want +got):\n%s", d)
	}
}

// One Undo takes back a whole AddParticipants call.
func TestUndoAddParticipants(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	org := mustSaveOrg(t, s, Organisation{Name: "District Hospital Cahul", Sector: "health"})
	var people []Contact
	for _, n := range []string{"Ana Lungu", "Bogdan Ciobanu", "Chloé Moreau"} {
		people = append(people, mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: n}))
	}
	course := mustSaveCourse(t, s, Course{Title: "Health workers and victims", FirstDay: "2026-10-06"})
	mustAddParticipants(t, s, course.ID, people[0])
	before := trainingCounts(t, s)

	mustAddParticipants(t, s, course.ID, people[1], people[2])
	last, ok, err := s.LastUndoable(t.Context())
	if err != nil || !ok || last.Summary != "Add 2 participants to course “Health workers and victims”" {
		t.Errorf("LastUndoable = %q, %v, %v", last.Summary, ok, err)
	}
	if n := len(mustParticipants(t, s, course.ID, true)); n != 3 {
		t.Fatalf("%d participants after adding, want 3", n)
	}
	undone := mustUndo(t, s)
	if len(undone.Items) != 2 {
		t.Errorf("the undone change had %d items, want 2", len(undone.Items))
	}
	ps := mustParticipants(t, s, course.ID, true)
	if len(ps) != 1 || ps[0].ContactID != people[0].ID {
		t.Errorf("after Undo: %+v, want the first participant only", ps)
	}
	after := trainingCounts(t, s)
	if after["participant"] != before["participant"] || after["change"] != before["change"]+2 {
		t.Errorf("participants %d → %d, changes %d → %d: want the participants as before, the add and its undo in the history",
			before["participant"], after["participant"], before["change"], after["change"])
	}
	// The same people can be added again.
	mustAddParticipants(t, s, course.ID, people[1], people[2])
}

// TestARemovedParticipantCanBeAddedBack: someone taken off a course by
// mistake is put back as they were (the same participation, organisation
// of the day and marks), in one change that Undo takes back.
func TestARemovedParticipantCanBeAddedBack(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	org := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	denis := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Denis Rusu"})
	course := mustSaveCourse(t, s, Course{Title: "Interviewing", Status: "held", FirstDay: "2026-05-05", LastDay: "2026-05-06"})
	mustAddParticipants(t, s, course.ID, denis)
	p := participantOf(t, s, course.ID, denis)
	mustSetMarks(t, s, course.ID, Mark{p.ID, "2026-05-05", "present"})
	if err := s.SetParticipantArchived(ctx, p.ID, true); err != nil {
		t.Fatal(err)
	}
	// He moves to another agency meanwhile: the course keeps the one of the day.
	other := mustSaveOrg(t, s, Organisation{Name: "Prosecutor's Office", Sector: "prosecution"})
	denis.OrganisationID = other.ID
	if err := s.SaveContact(ctx, &denis); err != nil {
		t.Fatal(err)
	}
	mustAddParticipants(t, s, course.ID, denis)
	ps := mustParticipants(t, s, course.ID, true)
	if len(ps) != 1 || ps[0].ID != p.ID || ps[0].Archived || ps[0].OrganisationID != org.ID {
		t.Errorf("after adding him back: %+v, want his one participation, active, with the police", ps)
	}
	if marks := mustAttendance(t, s, course.ID)[p.ID]; marks["2026-05-05"] != "present" {
		t.Errorf("his marks %v, want them kept", marks)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if ps := mustParticipants(t, s, course.ID, false); len(ps) != 0 {
		t.Errorf("after Undo %+v, want him removed again", ps)
	}
}
