package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testDevice is the laptop name the test stores sign their changes with.
const testDevice = "laptop-test"

// testNow is the fixed "today" of the tests (the clock ticks a millisecond
// per call from there), so that dates in the future and history times do
// not depend on when the tests run.
var testNow = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// openStore opens path and closes it at the end of the test.
func openStore(t testing.TB, path string, opts Options) *Store {
	t.Helper()
	s, err := Open(t.Context(), path, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// emptyRegister is a register just made by Open, closed, kept for the
// whole test run: most tests start from a copy of it rather than migrating
// a new file each time (TestOpenCreatesPrivateRegister makes its own).
var emptyRegister struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func copyOfEmptyRegister(t testing.TB) string {
	t.Helper()
	emptyRegister.once.Do(func() {
		emptyRegister.dir, emptyRegister.err = os.MkdirTemp("", "ncm-register-test-")
		if emptyRegister.err != nil {
			return
		}
		emptyRegister.path = filepath.Join(emptyRegister.dir, "empty.db")
		var s *Store
		if s, emptyRegister.err = Open(context.Background(), emptyRegister.path, Options{}); emptyRegister.err == nil {
			emptyRegister.err = s.Close()
		}
	})
	if emptyRegister.err != nil {
		t.Fatalf("making the empty register: %v", emptyRegister.err)
	}
	path := filepath.Join(t.TempDir(), "register.db")
	if err := copyFile(emptyRegister.path, path); err != nil {
		t.Fatal(err)
	}
	return path
}

func removeEmptyRegister() {
	if emptyRegister.dir != "" {
		os.RemoveAll(emptyRegister.dir)
	}
}

// newStore opens a new, empty register in a temporary folder, with a fixed clock.
func newStore(t testing.TB) *Store {
	t.Helper()
	s := openStore(t, copyOfEmptyRegister(t), Options{Device: testDevice})
	var tick atomic.Int64
	s.now = func() time.Time { return testNow.Add(time.Duration(tick.Add(1)) * time.Millisecond) }
	return s
}

// sampleStore is a new register holding the small sample.
func sampleStore(t testing.TB) *Store {
	t.Helper()
	s := newStore(t)
	if err := s.GenerateSample(t.Context(), SmallSample, 1); err != nil {
		t.Fatalf("GenerateSample: %v", err)
	}
	return s
}

func mustSaveOrg(t testing.TB, s *Store, o Organisation) Organisation {
	t.Helper()
	if err := s.SaveOrganisation(t.Context(), &o); err != nil {
		t.Fatalf("SaveOrganisation(%q): %v", o.Name, err)
	}
	return o
}

func mustSaveContact(t testing.TB, s *Store, c Contact) Contact {
	t.Helper()
	if err := s.SaveContact(t.Context(), &c); err != nil {
		t.Fatalf("SaveContact(%q): %v", c.Name, err)
	}
	return c
}

// rowCounts counts the rows of every table that a write touches, archived
// records included.
func rowCounts(t testing.TB, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"organisation", "contact", "change", "change_item", "setting",
		"organisation_fts", "contact_fts"} {
		var n int
		if err := s.read.QueryRowContext(t.Context(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		out[table] = n
	}
	return out
}

// fileState is what a call must leave unchanged in a file it refuses.
type fileState struct {
	data []byte
	mod  time.Time
	mode fs.FileMode
}

func snapshotFile(t testing.TB, path string) fileState {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileState{data: b, mod: info.ModTime(), mode: info.Mode()}
}

func assertFileUnchanged(t testing.TB, path string, before fileState) {
	t.Helper()
	after := snapshotFile(t, path)
	if !bytes.Equal(after.data, before.data) {
		t.Errorf("%s: content changed (%d bytes before, %d after)", path, len(before.data), len(after.data))
	}
	if !after.mod.Equal(before.mod) {
		t.Errorf("%s: modification time changed from %v to %v", path, before.mod, after.mod)
	}
	if after.mode != before.mode {
		t.Errorf("%s: mode changed from %v to %v", path, before.mode, after.mode)
	}
}

// setUserVersion writes PRAGMA user_version into a register and closes it,
// the way a newer version of the program would have left the file.
func setUserVersion(t testing.TB, path string, v int) {
	t.Helper()
	s, err := Open(t.Context(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// PRAGMA takes no bound parameters.
	if _, err := s.write.ExecContext(t.Context(), fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// invalidFields lists the fields a *ValidationError names, sorted; nil when
// err is not one.
func invalidFields(err error) []string {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, e := range ve.Errors {
		if !seen[e.Field] {
			seen[e.Field] = true
			out = append(out, e.Field)
		}
	}
	sort.Strings(out)
	return out
}

// rowNames lists the names of the rows, in the order they came.
func rowNames(rows []OrganisationRow) []string {
	if len(rows) == 0 {
		return nil
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Name
	}
	return out
}

// cloneContact copies c with its own slices, so that a later change to c's
// slices shows in a comparison.
func cloneContact(c Contact) Contact {
	cp := func(s []string) []string {
		if s == nil {
			return nil
		}
		return append([]string(nil), s...)
	}
	c.Emails, c.Phones, c.Languages, c.Roles = cp(c.Emails), cp(c.Phones), cp(c.Languages), cp(c.Roles)
	return c
}

// oldRegister makes a register of an earlier schema version, as that
// version's program left it, for the tests of upgrades to write into the
// way that version did; the caller closes it before opening it anew.
func oldRegister(t testing.TB, version int) (string, *Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	if err := createPrivateFile(path); err != nil {
		t.Fatal(err)
	}
	old := &Store{path: path, device: "old-laptop", now: func() time.Time { return testNow }}
	var err error
	if old.write, err = sql.Open("sqlite", dsn(path, writing, readerCacheKiB)); err != nil {
		t.Fatal(err)
	}
	old.write.SetMaxOpenConns(1)
	if err := old.migrateTo(t.Context(), version); err != nil {
		t.Fatal(err)
	}
	return path, old
}

// markFirstDay marks everyone on course c on its first day: present, or
// absent where absent says so.
func markFirstDay(t testing.TB, s *Store, c Course, absent func(Participant) bool) {
	t.Helper()
	people, err := s.Participants(context.Background(), c.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	var marks []Mark
	for _, p := range people {
		mark := "present"
		if absent(p) {
			mark = "absent"
		}
		marks = append(marks, Mark{ParticipantID: p.ID, Day: c.FirstDay, Mark: mark})
	}
	if err := s.SetMarks(context.Background(), c.ID, marks); err != nil {
		t.Fatal(err)
	}
}
