package data

import (
	"database/sql"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUpgradeGivesParticipantsTheStatusTheirFiguresHad: a register of the
// schema before statuses (made here by taking the columns away again) gets
// statuses that keep every course's figures, and every period's, as they
// were counted from the marks.
func TestUpgradeGivesParticipantsTheStatusTheirFiguresHad(t *testing.T) {
	r := newFiguresRegister(t)
	s := r.s
	courses := []Course{r.c1, r.c2, r.c3, r.c4, r.c5, r.c6, r.c7, r.c8, r.c9}
	before := map[string]TrainingFigures{}
	for _, c := range courses {
		before[c.ID] = mustCourseFigures(t, s, c.ID)
	}
	period, err := s.TrainingFiguresForPeriod(t.Context(), "2024-01-01", "2027-12-31")
	if err != nil {
		t.Fatal(err)
	}
	unique, err := s.UniquePersonsTrained(t.Context(), "2024-01-01", "2027-12-31")
	if err != nil {
		t.Fatal(err)
	}
	path := s.path
	s.Close()

	raw, err := sql.Open("sqlite", dsn(path, writing, readerCacheKiB))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"DROP INDEX participant_attended", "ALTER TABLE participant DROP COLUMN status",
		"ALTER TABLE participant DROP COLUMN status_on", "DELETE FROM figure_cache",
		"ALTER TABLE change DROP COLUMN summary_key", "ALTER TABLE change DROP COLUMN summary_args", "PRAGMA user_version = 23"} {
		if _, err := raw.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	up := openStore(t, path, Options{Device: testDevice})
	for _, c := range courses {
		if d := cmp.Diff(before[c.ID], mustCourseFigures(t, up, c.ID)); d != "" {
			t.Errorf("%s after the upgrade (-before +after):\n%s", c.Title, d)
		}
	}
	after, err := up.TrainingFiguresForPeriod(t.Context(), "2024-01-01", "2027-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(period, after); d != "" {
		t.Errorf("2024–2027 after the upgrade (-before +after):\n%s", d)
	}
	if n, err := up.UniquePersonsTrained(t.Context(), "2024-01-01", "2027-12-31"); err != nil || n != unique {
		t.Errorf("unique persons after the upgrade %d, %v; before %d", n, err, unique)
	}
	// Cristina late once on C1: attended; Bogdan absent every day: did not come.
	for _, tc := range []struct {
		who  Contact
		want string
	}{{r.cristina, StatusAttended}, {r.bogdan, StatusNoShow}, {r.elena, StatusConfirmed}} {
		if got := participantOf(t, up, r.c1.ID, tc.who).Status; got != tc.want {
			t.Errorf("%s on C1: %q, want %q", tc.who.Name, got, tc.want)
		}
	}
}

// TestAParticipantsStatus: someone added to a course still to come is
// confirmed, to a course already held attended; a status set by hand is
// one undoable change, dated, and the figures count the attended only.
func TestAParticipantsStatus(t *testing.T) {
	s := newStore(t)
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "La Strada", Sector: "ngo"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Lungu", Sex: "female"})
	ion := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Ion Rusu", Sex: "male"})
	planned := mustSaveCourse(t, s, Course{Title: "Referral", Status: "planned", FirstDay: "2027-02-01"})
	held := mustSaveCourse(t, s, Course{Title: "Indicators", Status: "held", FirstDay: "2026-02-01"})
	mustAddParticipants(t, s, planned.ID, ana, ion)
	mustAddParticipants(t, s, held.ID, ana, ion)
	if p := participantOf(t, s, planned.ID, ana); p.Status != StatusConfirmed || p.StatusOn != testNow.Format("2006-01-02") {
		t.Errorf("on a course to come: %q since %q, want confirmed today", p.Status, p.StatusOn)
	}
	if f := mustCourseFigures(t, s, held.ID); f.Participants != 2 || f.JointCourses != 1 {
		t.Errorf("held course entered afterwards: %+v, want both counted, joint", f)
	}

	ionOnHeld := participantOf(t, s, held.ID, ion)
	if err := s.SetParticipantStatus(t.Context(), []string{ionOnHeld.ID}, StatusDeclined); err != nil {
		t.Fatal(err)
	}
	if f := mustCourseFigures(t, s, held.ID); f.Participants != 1 || f.JointCourses != 0 || f.BySector["ngo"] != 0 {
		t.Errorf("after Ion declined: %+v, want Ana alone, not joint", f)
	}
	if took, err := s.TookPartIn(t.Context(), ion.ID); err != nil || len(took.Courses) != 1 || took.Courses[0].Course.ID != planned.ID {
		t.Errorf("Ion took part in %+v, %v; want the planned course only, not the one he declined", took.Courses, err)
	}
	last, ok, err := s.LastUndoable(t.Context())
	if err != nil || !ok || last.Summary != "Status of “Ion Rusu” on a course: Declined" {
		t.Errorf("last change %q, %v, %v", last.Summary, ok, err)
	}
	mustUndo(t, s)
	if got := participantOf(t, s, held.ID, ion).Status; got != StatusAttended {
		t.Errorf("after Undo: %q, want attended again", got)
	}
	if n, _ := s.UniquePersonsTrained(t.Context(), "2026-01-01", "2026-12-31"); n != 2 {
		t.Errorf("unique persons trained in 2026: %d, want 2", n)
	}

	err = s.SetParticipantStatus(t.Context(), []string{ionOnHeld.ID}, "maybe")
	if ve, ok := err.(*ValidationError); !ok || len(ve.Errors) != 1 || ve.Errors[0].Field != "status" {
		t.Errorf("an unknown status: %v", err)
	}

	// Taken off the course and put back: the status stays what it was.
	if err := s.SetParticipantStatus(t.Context(), []string{participantOf(t, s, planned.ID, ion).ID}, StatusInvited); err != nil {
		t.Fatal(err)
	}
	if err := s.SetParticipantArchived(t.Context(), participantOf(t, s, planned.ID, ion).ID, true); err != nil {
		t.Fatal(err)
	}
	mustAddParticipants(t, s, planned.ID, ion)
	if got := participantOf(t, s, planned.ID, ion).Status; got != StatusInvited {
		t.Errorf("put back: %q, want invited as before", got)
	}
}

func TestWhoIsExpectedOnTheSignInSheet(t *testing.T) {
	for status, want := range map[string]bool{StatusNominated: false, StatusInvited: false, StatusConfirmed: true,
		StatusDeclined: false, StatusAttended: true, StatusNoShow: true} {
		if got := (Participant{Status: status}).Expected(); got != want {
			t.Errorf("%s: expected %v, want %v", status, got, want)
		}
	}
}

func mustCourseFigures(t *testing.T, s *Store, courseID string) TrainingFigures {
	t.Helper()
	f, err := s.TrainingFiguresForCourse(t.Context(), courseID)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestMergingKeepsTheAttendance: two records of one person on the same
// course, one confirmed, one attended: the one kept after the merge is
// attended, and counted once.
func TestMergingKeepsTheAttendance(t *testing.T) {
	s := newStore(t)
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Lungu", Sex: "female"})
	twin := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Lungu-Bălan", Sex: "female"})
	c := mustSaveCourse(t, s, Course{Title: "Indicators", Status: "planned", FirstDay: "2026-02-01"})
	mustAddParticipants(t, s, c.ID, ana, twin)
	if err := s.SetParticipantStatus(t.Context(), []string{participantOf(t, s, c.ID, twin).ID}, StatusAttended); err != nil {
		t.Fatal(err)
	}
	if err := s.MergeContacts(t.Context(), &ana, twin.ID); err != nil {
		t.Fatal(err)
	}
	if got := participantOf(t, s, c.ID, ana).Status; got != StatusAttended {
		t.Errorf("kept participation %q, want attended", got)
	}
	c.Status = "held"
	if err := s.SaveCourse(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	if f := mustCourseFigures(t, s, c.ID); f.Participants != 1 {
		t.Errorf("%d counted after the merge, want 1", f.Participants)
	}
}
