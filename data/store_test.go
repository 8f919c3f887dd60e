package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestOpenCreatesPrivateRegister(t *testing.T) {
	t.Parallel()
	// The folders do not exist yet: Open makes them, private to the user.
	base := t.TempDir()
	path := filepath.Join(base, "ncm", "registers", "register.db")
	s := openStore(t, path, Options{})

	var version int
	if err := s.read.QueryRowContext(t.Context(), "PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version != len(migrations) {
		t.Errorf("user_version = %d, want %d (the number of migrations)", version, len(migrations))
	}
	var tables []string
	rows, err := s.read.QueryContext(t.Context(),
		"SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('organisation', 'contact', 'change', 'change_item', 'setting', 'organisation_fts', 'contact_fts') ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	want := []string{"change", "change_item", "contact", "contact_fts", "organisation", "organisation_fts", "setting"}
	if d := cmp.Diff(want, tables); d != "" {
		t.Errorf("tables (-want +got):\n%s", d)
	}

	for _, dir := range []string{filepath.Join(base, "ncm"), filepath.Dir(path)} {
		info, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != 0o700 {
			t.Errorf("folder %s has mode %v, want 0700", dir, got)
		}
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o600 {
		t.Errorf("data file has mode %v, want 0600", got)
	}
	// Write something so that SQLite's -wal and -shm files exist, then
	// check that every file beside the data file is private too.
	mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s has mode %v: others can read it", e.Name(), info.Mode().Perm())
		}
	}
}

func TestOpenMakesExistingFilePrivate(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "register.db")
	s := openStore(t, path, Options{})
	mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	openStore(t, path, Options{})
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o600 {
		t.Errorf("after Open the data file has mode %v, want 0600", got)
	}
}

func TestReopenKeepsRecords(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "register.db")
	s := openStore(t, path, Options{Device: testDevice})
	if err := s.SetCountry(t.Context(), "FR"); err != nil {
		t.Fatal(err)
	}
	org := mustSaveOrg(t, s, Organisation{Name: "Gendarmerie nationale", Sector: "police", Phone: "01 23 45 67 89"})
	contact := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Hélène Moreau", Emails: []string{"helene@gendarmerie.example.org"}})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// Close leaves one self-contained file: no -wal file holding records
	// that a copy of the data file alone would lack.
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s still exists after Close (err %v)", filepath.Base(path+suffix), err)
		}
	}
	copied := filepath.Join(t.TempDir(), "copy.db")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copied, b, 0o600); err != nil {
		t.Fatal(err)
	}

	for name, p := range map[string]string{"same file": path, "copy of the data file alone": copied} {
		t.Run(name, func(t *testing.T) {
			s := openStore(t, p, Options{})
			var version int
			if err := s.read.QueryRowContext(t.Context(), "PRAGMA user_version").Scan(&version); err != nil {
				t.Fatal(err)
			}
			if version != len(migrations) {
				t.Errorf("user_version = %d, want %d", version, len(migrations))
			}
			gotOrg, err := s.Organisation(t.Context(), org.ID)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(org, gotOrg); d != "" {
				t.Errorf("organisation after reopening (-before +after):\n%s", d)
			}
			gotContact, err := s.Contact(t.Context(), contact.ID)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(contact, gotContact); d != "" {
				t.Errorf("contact after reopening (-before +after):\n%s", d)
			}
			if got := s.Country(t.Context()); got != "FR" {
				t.Errorf("country = %q, want FR", got)
			}
		})
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	t.Parallel()
	for _, opts := range []Options{{}, {ReadOnly: true}} {
		t.Run(map[bool]string{false: "read-write", true: "read-only"}[opts.ReadOnly], func(t *testing.T) {
			path := copyOfEmptyRegister(t)
			s := openStore(t, path, Options{})
			mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			setUserVersion(t, path, len(migrations)+1)
			before := snapshotFile(t, path)

			s2, err := Open(t.Context(), path, opts)
			if err == nil {
				s2.Close()
				t.Fatal("Open succeeded on a file of a newer schema")
			}
			if got := ProblemOf(err); got != ProblemTooNew {
				t.Errorf("ProblemOf(%v) = %d, want ProblemTooNew", err, got)
			}
			assertFileUnchanged(t, path, before)
			// A read-only connection may leave an empty -wal file (SQLite
			// makes one when the folder is writable); never one with content.
			if info, err := os.Stat(path + "-wal"); err == nil && info.Size() > 0 {
				t.Errorf("a -wal file of %d bytes was left beside the refused file", info.Size())
			}
		})
	}
}

func TestOpenFaults(t *testing.T) {
	t.Parallel()
	writeFile := func(content string, mode os.FileMode) func(t *testing.T, dir string) string {
		return func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "register.db")
			if err := os.WriteFile(p, []byte(content), mode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(p, mode); err != nil { // past the umask
				t.Fatal(err)
			}
			return p
		}
	}
	register := func(mode os.FileMode) func(t *testing.T, dir string) string {
		return func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "register.db")
			s := openStore(t, p, Options{})
			mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(p, mode); err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	tests := []struct {
		name     string
		make     func(t *testing.T, dir string) string
		readOnly bool
		want     OpenProblem
	}{
		{"text file", writeFile("name,sector\nPolice,police\n", 0o600), false, ProblemNotDatabase},
		{"text file opened read-only", writeFile("name,sector\nPolice,police\n", 0o600), true, ProblemNotDatabase},
		{"shorter than a header", writeFile("SQLite", 0o600), false, ProblemNotDatabase},
		{"header of another format", writeFile("PK\x03\x04 this is a zip archive, not a register", 0o600), false, ProblemNotDatabase},
		{"folder", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "register.db")
			if err := os.Mkdir(p, 0o700); err != nil {
				t.Fatal(err)
			}
			return p
		}, false, ProblemNotDatabase},
		{"missing, read-only", func(t *testing.T, dir string) string { return filepath.Join(dir, "missing.db") }, true, ProblemNotFound},
		{"file without write permission", register(0o400), false, ProblemReadOnly},
		{"file without write permission for anyone", register(0o444), false, ProblemReadOnly},
		{"database of an older schema, read-only", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "register.db")
			db, err := sql.Open("sqlite", p)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("CREATE TABLE older (x TEXT)"); err != nil {
				t.Fatal(err)
			}
			return p
		}, true, ProblemNeedsUpgrade},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.make(t, t.TempDir())
			var before *fileState
			if info, err := os.Stat(path); err == nil && !info.IsDir() {
				st := snapshotFile(t, path)
				before = &st
			}
			s, err := Open(t.Context(), path, Options{ReadOnly: tt.readOnly})
			if err == nil {
				s.Close()
				t.Fatalf("Open succeeded, want problem %d", tt.want)
			}
			if got := ProblemOf(err); got != tt.want {
				t.Errorf("ProblemOf(%v) = %d, want %d", err, got, tt.want)
			}
			var oe *OpenError
			if !errors.As(err, &oe) || oe.Path != path {
				t.Errorf("error %#v does not name the path %s", err, path)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("message %q does not name the file", err.Error())
			}
			if before != nil {
				assertFileUnchanged(t, path, *before)
			} else if info, err := os.Stat(path); err == nil && !info.IsDir() {
				t.Errorf("Open created %s", path)
			}
		})
	}
}

func TestOpenReadOnlyFile(t *testing.T) {
	t.Parallel()
	path := copyOfEmptyRegister(t)
	s := openStore(t, path, Options{})
	if err := s.SetCountry(t.Context(), "FR"); err != nil {
		t.Fatal(err)
	}
	org := mustSaveOrg(t, s, Organisation{Name: "Gendarmerie nationale", Sector: "police"})
	contact := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Hélène Moreau"})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	before := snapshotFile(t, path)

	if _, err := Open(t.Context(), path, Options{}); ProblemOf(err) != ProblemReadOnly {
		t.Fatalf("Open(read-write) of a 0400 file: %v, want ProblemReadOnly", err)
	}
	ro := openStore(t, path, Options{ReadOnly: true})
	if !ro.ReadOnly() {
		t.Error("ReadOnly() = false")
	}

	t.Run("reads", func(t *testing.T) {
		got, err := ro.Organisation(t.Context(), org.ID)
		if err != nil || got.Name != org.Name {
			t.Errorf("Organisation = %q, %v; want %q", got.Name, err, org.Name)
		}
		rows, err := ro.Organisations(t.Context(), OrganisationFilter{Query: "helene"})
		if err != nil || len(rows) != 1 || rows[0].ID != org.ID {
			t.Errorf("Organisations(helene) = %v, %v; want the gendarmerie", rows, err)
		}
		if c, err := ro.Count(t.Context()); err != nil || c != (Counts{1, 1}) {
			t.Errorf("Count = %v, %v", c, err)
		}
		if h, err := ro.History(t.Context(), org.ID); err != nil || len(h) != 1 {
			t.Errorf("History = %d changes, %v; want 1", len(h), err)
		}
		if got := ro.Country(t.Context()); got != "FR" {
			t.Errorf("Country = %q", got)
		}
		if err := ro.CheckIntegrity(t.Context()); err != nil {
			t.Errorf("CheckIntegrity: %v", err)
		}
	})

	writes := []struct {
		name string
		fn   func() error
	}{
		{"SaveOrganisation new", func() error {
			return ro.SaveOrganisation(t.Context(), &Organisation{Name: "Douanes", Sector: "customs"})
		}},
		{"SaveOrganisation edit", func() error { o := org; o.Notes = "edited"; return ro.SaveOrganisation(t.Context(), &o) }},
		{"SaveContact", func() error { c := contact; c.Position = "Chief"; return ro.SaveContact(t.Context(), &c) }},
		{"SetOrganisationArchived", func() error { return ro.SetOrganisationArchived(t.Context(), org.ID, true) }},
		{"SetContactArchived", func() error { return ro.SetContactArchived(t.Context(), contact.ID, true) }},
		{"SetCountry", func() error { return ro.SetCountry(t.Context(), "BE") }},
		{"Import", func() error {
			return ro.Import(t.Context(), "test", []Organisation{{Name: "Douanes", Sector: "customs"}}, nil)
		}},
		{"GenerateSample", func() error { return ro.GenerateSample(t.Context(), SmallSample, 1) }},
		{"Undo", func() error { _, err := ro.Undo(t.Context()); return err }},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			if err := w.fn(); !errors.Is(err, ErrReadOnlyStore) {
				t.Errorf("got %v, want ErrReadOnlyStore", err)
			}
		})
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	assertFileUnchanged(t, path, before)
}

func TestOpenInUse(t *testing.T) {
	t.Parallel()
	path := copyOfEmptyRegister(t)
	first, err := Open(t.Context(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	org := mustSaveOrg(t, first, Organisation{Name: "Police", Sector: "police"})

	second, err := Open(t.Context(), path, Options{})
	if err == nil {
		second.Close()
		first.Close()
		t.Fatal("a second Open of a file in use succeeded")
	}
	if got := ProblemOf(err); got != ProblemInUse {
		t.Errorf("ProblemOf(%v) = %d, want ProblemInUse", err, got)
	}

	// Reading beside the instance that holds the file is allowed.
	ro := openStore(t, path, Options{ReadOnly: true})
	if _, err := ro.Organisation(t.Context(), org.ID); err != nil {
		t.Errorf("read-only beside the open register: %v", err)
	}
	ro.Close()

	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again := openStore(t, path, Options{})
	if _, err := again.Organisation(t.Context(), org.ID); err != nil {
		t.Errorf("after the first closed: %v", err)
	}
}

func TestOpenDamaged(t *testing.T) {
	t.Parallel()
	// One register with the small sample, copied and damaged per case.
	src := copyOfEmptyRegister(t)
	s := openStore(t, src, Options{})
	if err := s.GenerateSample(t.Context(), SmallSample, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckIntegrity(t.Context()); err != nil {
		t.Fatalf("CheckIntegrity on a healthy register: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	healthy, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	if len(healthy) < 20*page {
		t.Fatalf("sample register is only %d bytes", len(healthy))
	}
	// Damage among the last pages written (the sample's data), which opening
	// does not read: the schema's pages come first, as the migrations ran on
	// the empty register before the sample was loaded.
	middle := (len(healthy)/page - 4) * page

	tests := []struct {
		name     string
		from, to int // bytes overwritten with garbage
		readOnly bool
		// Open refuses pages it reads when opening (the first) and, for
		// writing, every damaged page of a register of ordinary size; for
		// reading, the others are found by the check Open starts.
		wantOpen      OpenProblem
		openSucceeds  bool
		wantIntegrity OpenProblem
	}{
		{name: "two pages in the middle", from: middle, to: middle + 2*page, wantOpen: ProblemDamaged},
		{name: "two pages in the middle, read-only", from: middle, to: middle + 2*page, readOnly: true, openSucceeds: true, wantIntegrity: ProblemDamaged},
		{name: "first page after the header", from: 100, to: page, wantOpen: ProblemDamaged},
		{name: "first page after the header, read-only", from: 100, to: page, readOnly: true, wantOpen: ProblemDamaged},
		{name: "header", from: 0, to: 100, wantOpen: ProblemNotDatabase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			damaged := append([]byte(nil), healthy...)
			for i := tt.from; i < tt.to; i++ {
				damaged[i] = byte(i*131 + 7)
			}
			path := filepath.Join(t.TempDir(), "damaged.db")
			if err := os.WriteFile(path, damaged, 0o600); err != nil {
				t.Fatal(err)
			}
			before := snapshotFile(t, path)

			s, err := Open(t.Context(), path, Options{ReadOnly: tt.readOnly})
			if !tt.openSucceeds {
				if err == nil {
					s.Close()
					t.Fatal("Open succeeded on a damaged first page")
				}
				if got := ProblemOf(err); got != tt.wantOpen {
					t.Errorf("Open: ProblemOf(%v) = %d, want %d", err, got, tt.wantOpen)
				}
			} else {
				if err != nil {
					t.Fatalf("Open: %v (damage past the first page is for CheckIntegrity to find)", err)
				}
				err := s.Checked(t.Context())
				if got := ProblemOf(err); err == nil || got != tt.wantIntegrity {
					t.Errorf("Checked: ProblemOf(%v) = %d, want %d", err, got, tt.wantIntegrity)
				}
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}
			// Nothing was repaired, rewritten or truncated behind the user's back.
			assertFileUnchanged(t, path, before)
		})
	}
}

// TestOpenReadOnlyWhereNothingCanBeCreated opens read-only a register whose
// folder takes no new file (a write-protected stick, a read-only share): the
// -shm file SQLite would make beside a WAL-mode file cannot be made, here
// because a folder of that name stands in its way (which holds for root
// too). It reads because Close left no -wal file: everything is in the
// data file, which SQLite then reads without shared memory.
func TestOpenReadOnlyWhereNothingCanBeCreated(t *testing.T) {
	t.Parallel()
	path := copyOfEmptyRegister(t)
	s := openStore(t, path, Options{})
	org := mustSaveOrg(t, s, Organisation{Name: "Gendarmerie nationale", Sector: "police"})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(path+"-shm", 0o500); err != nil {
		t.Fatal(err)
	}
	before := snapshotFile(t, path)
	ro := openStore(t, path, Options{ReadOnly: true})
	if got, err := ro.Organisation(t.Context(), org.ID); err != nil || got.Name != org.Name {
		t.Errorf("Organisation = %q, %v; want %q", got.Name, err, org.Name)
	}
	if rows, err := ro.Organisations(t.Context(), OrganisationFilter{Query: "gendarmerie"}); err != nil || len(rows) != 1 {
		t.Errorf("search = %v, %v", rows, err)
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	assertFileUnchanged(t, path, before)
}

// A register too large to check before opening is opened for writing and
// checked in the background; its first write waits for the check, and a
// damaged one is never written to.
func TestALargeDamagedRegisterIsNeverWrittenTo(t *testing.T) {
	src := copyOfEmptyRegister(t)
	s := openStore(t, src, Options{})
	if err := s.GenerateSample(t.Context(), SmallSample, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	middle := (len(raw)/page - 4) * page
	for i := middle; i < middle+2*page; i++ {
		raw[i] = byte(i*131 + 7)
	}
	path := filepath.Join(t.TempDir(), "damaged.db")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	before := snapshotFile(t, path)
	old := checkBeforeWriting
	checkBeforeWriting = 0 // every register counts as large
	t.Cleanup(func() { checkBeforeWriting = old })

	d, err := Open(t.Context(), path, Options{})
	if err != nil {
		t.Fatalf("Open: %v (a large register is checked after opening)", err)
	}
	err = d.SaveOrganisation(t.Context(), &Organisation{Name: "Written over damage", Sector: "ngo"})
	if ProblemOf(err) != ProblemDamaged {
		t.Errorf("a write to a damaged register: %v, want ProblemDamaged", err)
	}
	if err := d.Close(); err != nil && ProblemOf(err) != ProblemDamaged {
		var incomplete *IncompleteError
		if !errors.As(err, &incomplete) {
			t.Errorf("Close: %v", err)
		}
	}
	assertFileUnchanged(t, path, before)
}

// TestLargeRegisterCheckWaitsForTheWindow: the background check of a large
// register starts only once CheckAfter is closed (the window's first frame);
// a write waits for it, then goes through.
func TestLargeRegisterCheckWaitsForTheWindow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "large.db")
	s := openStore(t, path, Options{})
	if err := s.SaveOrganisation(t.Context(), &Organisation{Name: "Before", Sector: "ngo"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	old := checkBeforeWriting
	checkBeforeWriting = 0 // every register counts as large
	t.Cleanup(func() { checkBeforeWriting = old })

	painted := make(chan struct{})
	s, err := Open(t.Context(), path, Options{CheckAfter: painted})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	soon, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	if err := s.Checked(soon); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("before the window was painted the check ended: %v", err)
	}
	saved := make(chan error, 1)
	go func() { saved <- s.SaveOrganisation(context.Background(), &Organisation{Name: "After", Sector: "ngo"}) }()
	close(painted)
	if err := <-saved; err != nil {
		t.Errorf("a write once the check ran: %v", err)
	}
	if err := s.Checked(t.Context()); err != nil {
		t.Errorf("the check: %v", err)
	}
}

// TestAClosedStoreAnswersNothing: what is kept in memory (the list, the
// figures) does not outlive the register.
func TestAClosedStoreAnswersNothing(t *testing.T) {
	t.Parallel()
	s := sampleStore(t)
	ctx := t.Context()
	if _, err := s.Organisations(ctx, OrganisationFilter{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TrainingFiguresForPeriod(ctx, "2000-01-01", "2099-12-31"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := s.Organisations(ctx, OrganisationFilter{}); !errors.Is(err, ErrClosed) {
		t.Errorf("the list after closing: %v, want ErrClosed", err)
	}
	if _, _, err := s.FirstOrganisations(ctx, OrganisationFilter{Query: "a"}, FirstScreen); !errors.Is(err, ErrClosed) {
		t.Errorf("a search after closing: %v, want ErrClosed", err)
	}
	if _, err := s.TrainingFiguresForPeriod(ctx, "2000-01-01", "2099-12-31"); !errors.Is(err, ErrClosed) {
		t.Errorf("figures after closing: %v, want ErrClosed", err)
	}
}

// TestReadersMapTheFileAndSeeItGrow: the readers map the data file, the
// writer does not, and a reader still finds what was written after the
// map was made and copied into a file grown past it.
func TestReadersMapTheFileAndSeeItGrow(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	s := newStore(t)
	for pool, want := range map[string]int64{"read": readerMapBytes, "write": 0} {
		db := map[string]*sql.DB{"read": s.read, "write": s.write}[pool]
		var size int64
		if err := db.QueryRowContext(ctx, "PRAGMA mmap_size").Scan(&size); err != nil || size != want {
			t.Errorf("%s pool maps %d bytes (%v), want %d", pool, size, err, want)
		}
	}
	if _, err := s.Organisations(ctx, OrganisationFilter{}); err != nil { // the readers map the file as it is
		t.Fatal(err)
	}
	var ids []string
	for i := range 300 { // some hundreds of pages more than the empty register
		o := Organisation{Name: fmt.Sprintf("Agency %03d with a long name to fill pages", i), Sector: "ngo"}
		if err := s.SaveOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, o.ID)
	}
	if err := s.checkpoint(); err != nil { // the pages leave the WAL for the grown file
		t.Fatal(err)
	}
	for _, id := range []string{ids[0], ids[299]} {
		if o, err := s.Organisation(ctx, id); err != nil || o.ID != id {
			t.Errorf("a reader after the file grew: %+v, %v", o, err)
		}
	}
}
