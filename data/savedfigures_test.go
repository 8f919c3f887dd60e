package data

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// allYears covers every course of the figures register.
const allYears, allYearsTo = "2000-01-01", "2099-12-31"

func periodFigures(t *testing.T, s *Store) TrainingFigures {
	t.Helper()
	f, err := s.TrainingFiguresForPeriod(t.Context(), allYears, allYearsTo)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// countedFromTheFile counts the figures of a copy of the register without
// the figures saved in it, as a program that never saved any would.
func countedFromTheFile(t *testing.T, path string) TrainingFigures {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, b, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openStore(t, cp, Options{Device: testDevice})
	if _, err := s.write.ExecContext(t.Context(), "DELETE FROM figure_cache"); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return periodFigures(t, s)
}

// slipOutsideTheHistory changes a participant's sex without the history
// knowing, as nothing in the program ever does: figures read back from
// what was saved do not see it, figures counted from the file do. It tells
// the two apart.
func slipOutsideTheHistory(t *testing.T, s *Store, courseID string) {
	t.Helper()
	res, err := s.write.ExecContext(t.Context(), "UPDATE participant SET sex = 'male' WHERE course_id = ? AND sex = 'female'", courseID)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		t.Fatal("no participant changed")
	}
}

// countedAndClosed makes the figures register, counts its figures over
// every year in a first session, and closes it (which keeps them).
func countedAndClosed(t *testing.T) (figuresRegister, string, TrainingFigures) {
	t.Helper()
	r := newFiguresRegister(t)
	want := periodFigures(t, r.s)
	r.s.Close()
	return r, r.s.Path(), want
}

func TestFiguresCountedInOneSessionAreReadInTheNext(t *testing.T) {
	t.Parallel()
	r, path, want := countedAndClosed(t)

	s := openStore(t, path, Options{Device: testDevice})
	slipOutsideTheHistory(t, s, r.c1.ID)
	if d := cmp.Diff(want, periodFigures(t, s)); d != "" {
		t.Fatalf("the second session counted again instead of reading what the first kept (-kept +got):\n%s", d)
	}
	s.Close()

	// Figures saved by another format of the program are not trusted.
	s = openStore(t, path, Options{Device: testDevice})
	if _, err := s.write.ExecContext(t.Context(), "UPDATE figure_cache SET format = format + 1"); err != nil {
		t.Fatal(err)
	}
	got := periodFigures(t, s)
	if got.BySex["male"] == want.BySex["male"] {
		t.Fatalf("figures of another format were used: %v male, the same as before the change outside the history", got.BySex["male"])
	}
	if d := cmp.Diff(countedFromTheFile(t, path), got); d != "" {
		t.Errorf("figures differ from a count of the file (-file +got):\n%s", d)
	}
}

func TestChangesMadeAfterSavingAreCounted(t *testing.T) {
	t.Parallel()
	r, path, _ := countedAndClosed(t)

	// A session that changes courses without ever asking for figures keeps
	// nothing new, so the saved figures are now behind the history.
	s := openStore(t, path, Options{Device: testDevice})
	ctx := t.Context()
	mustAddParticipants(t, s, r.c8.ID, r.ana, r.dmitri)
	if err := s.SetParticipantArchived(ctx, participantOf(t, s, r.c2.ID, r.dmitri).ID, true); err != nil {
		t.Fatal(err)
	}
	r.c6.Status = "cancelled"
	if err := s.SaveCourse(ctx, &r.c6); err != nil {
		t.Fatal(err)
	}
	added := mustSaveCourse(t, s, Course{Title: "C11", Status: "held", FirstDay: "2026-02-02"})
	mustAddParticipants(t, s, added.ID, r.bogdan, r.cristina)
	s.Close()

	s = openStore(t, path, Options{Device: testDevice})
	got := periodFigures(t, s)
	want := countedFromTheFile(t, path)
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("figures after changes made since they were saved (-file +got):\n%s", d)
	}
	if s.figures.savedAsOf == 0 {
		t.Error("the saved figures were not used: everything was counted again")
	}
}

func TestSavedFiguresOfAnotherHistoryAreNotUsed(t *testing.T) {
	t.Parallel()
	r, path, want := countedAndClosed(t)

	s := openStore(t, path, Options{Device: testDevice})
	// Saved figures that claim changes this register does not have.
	if _, err := s.write.ExecContext(t.Context(), "UPDATE figure_cache SET as_of = as_of + 1000"); err != nil {
		t.Fatal(err)
	}
	slipOutsideTheHistory(t, s, r.c1.ID)
	if got := periodFigures(t, s); got.BySex["male"] == want.BySex["male"] {
		t.Fatalf("figures saved ahead of the history were used (%d male)", got.BySex["male"])
	}
}

func TestReadOnlyRegisterKeepsNoFigures(t *testing.T) {
	t.Parallel()
	r := newFiguresRegister(t)
	path := r.s.Path()
	r.s.Close()
	before := snapshotFile(t, path)

	s := openStore(t, path, Options{ReadOnly: true})
	if got := periodFigures(t, s); got.Courses == 0 {
		t.Fatal("no courses counted")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	assertFileUnchanged(t, path, before)
}
