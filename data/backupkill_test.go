package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKilledWhileBackingUpLeavesTheRegisterAndTheBackupsWhole backs up in
// a child process, over and over while it also saves, kills it without
// warning, and checks that the register opens and checks good and that
// every backup in the folder opens: a backup cut short is never left under
// a backup's name.
func TestKilledWhileBackingUpLeavesTheRegisterAndTheBackupsWhole(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "register.db")
	folder := t.TempDir()
	s, err := Open(ctx, path, Options{Device: "parent"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.GenerateSample(ctx, SampleSize{Organisations: 200, Contacts: 4000}, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.SetUpBackups(ctx, folder, 50, "", testPassphrase); err != nil {
		t.Fatal(err)
	}
	s.Close()

	made := killChildAfter(t, "TestBackingUpChild", "NCM_BACKING_UP_CHILD="+path, "backed up ", 6)
	if made < 6 {
		t.Fatalf("the child made only %d backups before it stopped", made)
	}

	s, err = Open(ctx, path, Options{Device: "parent"})
	if err != nil {
		t.Fatalf("after the kill the register does not open: %v", err)
	}
	defer s.Close()
	if err := s.CheckIntegrity(ctx); err != nil {
		t.Fatalf("after the kill: %v", err)
	}
	entries, _ := os.ReadDir(folder)
	whole := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), BackupExt) {
			continue // a part being written when the child died
		}
		b, err := OpenBackup(ctx, filepath.Join(folder, e.Name()), testPassphrase)
		if err != nil {
			t.Errorf("backup %s does not open: %v", e.Name(), err)
			continue
		}
		b.Close()
		whole++
	}
	if whole < made {
		t.Errorf("%d backups open, the child reported %d", whole, made)
	}
}

// TestBackingUpChild is the child of the test above: it saves and backs up
// until it is killed.
func TestBackingUpChild(t *testing.T) {
	path := os.Getenv("NCM_BACKING_UP_CHILD")
	if path == "" {
		t.Skip("run by TestKilledWhileBackingUpLeavesTheRegisterAndTheBackupsWhole")
	}
	ctx := context.Background()
	s, err := Open(ctx, path, Options{Device: "child"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		o := Organisation{Name: fmt.Sprintf("Added while backing up %d", i), Sector: "other"}
		if err := s.SaveOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		p, err := s.BackUp(ctx)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println("backed up", p)
	}
}
