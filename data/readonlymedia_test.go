package data

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// mountSmallDisk mounts a file system of the given size at a new folder and
// unmounts it when the test ends: a real USB stick or full disk, not a
// folder that pretends. It skips the test, saying why, where this machine
// does not let the test mount one (not root, or in a container without the
// right).
func mountSmallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "stick")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "ncm-test", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a file system here (%v: %s); the read-only and full-disk cases need one", err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", "-l", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// remountReadOnly makes a mounted folder read-only, as a write-protected
// stick or a read-only share is.
func remountReadOnly(t *testing.T, dir string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Fatalf("remount read-only: %v: %s", err, out)
	}
}

func TestOpenReadOnlyOnReadOnlyMedia(t *testing.T) {
	dir := mountSmallDisk(t, "16m")
	path := filepath.Join(dir, "register.db")
	s := openStore(t, path, Options{})
	org := mustSaveOrg(t, s, Organisation{Name: "Gendarmerie nationale", Sector: "police"})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	remountReadOnly(t, dir)
	before := snapshotFile(t, path)

	if _, err := Open(t.Context(), path, Options{}); ProblemOf(err) != ProblemReadOnly {
		t.Errorf("Open(read-write) on read-only media: %v, want ProblemReadOnly", err)
	}
	ro, err := Open(t.Context(), path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open(read-only) on read-only media: %v", err)
	}
	if got, err := ro.Organisation(t.Context(), org.ID); err != nil || got.Name != org.Name {
		t.Errorf("Organisation = %q, %v; want %q", got.Name, err, org.Name)
	}
	if rows, err := ro.Organisations(t.Context(), OrganisationFilter{Query: "gendarmerie"}); err != nil || len(rows) != 1 {
		t.Errorf("search = %v, %v", rows, err)
	}
	if err := ro.CheckIntegrity(t.Context()); err != nil {
		t.Errorf("CheckIntegrity: %v", err)
	}
	if err := ro.SaveOrganisation(t.Context(), &Organisation{Name: "New", Sector: "ngo"}); !errors.Is(err, ErrReadOnlyStore) {
		t.Errorf("a write on read-only media: %v, want ErrReadOnlyStore", err)
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	assertFileUnchanged(t, path, before)
}

// A register copied to a stick while it was open has its last changes in
// the -wal file beside it; on read-only media they cannot be read, and an
// immutable read would show the register without them. It is refused,
// saying why.
func TestReadOnlyMediaWithChangesInTheWALFileIsExplained(t *testing.T) {
	dir := mountSmallDisk(t, "16m")
	src := filepath.Join(t.TempDir(), "register.db")
	s := openStore(t, src, Options{})
	mustSaveOrg(t, s, Organisation{Name: "Gendarmerie nationale", Sector: "police"})
	// Copied while still open: the change is in the -wal file.
	for _, suffix := range []string{"", "-wal"} {
		raw, err := os.ReadFile(src + suffix)
		if err != nil || (suffix == "-wal" && len(raw) == 0) {
			t.Fatalf("%s: %d bytes, %v; want the change in the -wal file", src+suffix, len(raw), err)
		}
		if err := os.WriteFile(filepath.Join(dir, "register.db"+suffix), raw, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	remountReadOnly(t, dir)
	_, err := Open(t.Context(), filepath.Join(dir, "register.db"), Options{ReadOnly: true})
	if ProblemOf(err) != ProblemChangesBeside || !strings.Contains(err.Error(), "-wal") {
		t.Errorf("Open(read-only) = %v, want ProblemChangesBeside", err)
	}
}

// On a full disk saves are refused whole, and closing says that the last
// changes could not reach the data file rather than leaving a data file
// that is malformed without its -wal file. Once there is room again, every
// saved change is there.
func TestAFullDiskLosesNothingAndClosingSaysSo(t *testing.T) {
	dir := mountSmallDisk(t, "2m")
	path := filepath.Join(dir, "register.db")
	s := openStore(t, path, Options{})
	notes := strings.Repeat("Focal point for labour exploitation cases. ", 40)
	saved := 0
	var full error
	for i := range 5000 {
		o := Organisation{Name: fmt.Sprintf("Labour inspectorate %d", i), Sector: "labour_inspection", Notes: notes}
		if full = s.SaveOrganisation(t.Context(), &o); full != nil {
			break
		}
		saved++
	}
	if full == nil || saved == 0 {
		t.Fatalf("saved %d organisations without filling 2 MB (err %v)", saved, full)
	}
	var incomplete *IncompleteError
	err := s.Close()
	t.Logf("%d saved before the disk was full (%v); Close: %v", saved, full, err)
	if !errors.As(err, &incomplete) {
		// The checkpoint may find room where the WAL's pages were; then the
		// data file must hold everything by itself.
		if err != nil {
			t.Fatalf("Close: %v, want nil or an *IncompleteError", err)
		}
		if wal, statErr := os.Stat(path + "-wal"); statErr == nil && wal.Size() > 0 {
			t.Errorf("Close returned no error but left %d bytes in the -wal file", wal.Size())
		}
	} else if _, statErr := os.Stat(path + "-wal"); statErr != nil || !strings.Contains(err.Error(), "register.db-wal") {
		t.Errorf("Close said %q but the -wal file is %v", err, statErr)
	}

	// Room again: everything saved before the disk filled is there.
	if out, err := exec.Command("mount", "-o", "remount,size=32m", dir).CombinedOutput(); err != nil {
		t.Fatalf("remount larger: %v: %s", err, out)
	}
	again := openStore(t, path, Options{})
	if err := again.CheckIntegrity(t.Context()); err != nil {
		t.Errorf("CheckIntegrity: %v", err)
	}
	rows, err := again.Organisations(t.Context(), OrganisationFilter{Query: "labour inspectorate"})
	if err != nil || len(rows) != saved {
		t.Errorf("%d organisations after reopening, %d were saved (%v)", len(rows), saved, err)
	}
	if err := again.Close(); err != nil {
		t.Errorf("Close with room: %v", err)
	}
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		t.Errorf("the -wal file keeps %d bytes after a clean close", wal.Size())
	}
}
