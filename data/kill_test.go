package data

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestKilledInTheMiddleOfSavesLeavesAllOrNothing runs saves in a child
// process, kills it without warning while it writes, and checks that every
// change in the file is whole: each record has its history, each history
// entry has its items and its record, and the file is in good order.
func TestKilledInTheMiddleOfSavesLeavesAllOrNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "register.db")
	s, err := Open(ctx, path, Options{Device: "parent"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	saved := killChildAfter(t, "TestSavingChild", "NCM_SAVING_CHILD="+path, "saved ", 40)
	if saved < 40 {
		t.Fatalf("the child saved only %d times before it stopped", saved)
	}

	s, err = Open(ctx, path, Options{Device: "parent"})
	if err != nil {
		t.Fatalf("after the kill the register does not open: %v", err)
	}
	defer s.Close()
	if err := s.CheckIntegrity(ctx); err != nil {
		t.Fatalf("after the kill: %v", err)
	}
	count := func(q string) int {
		t.Helper()
		var n int
		if err := s.read.QueryRowContext(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	orgs := count("SELECT count(*) FROM organisation")
	if orgs < saved/2 {
		t.Errorf("%d organisations in the file, but %d saves were reported done", orgs, saved)
	}
	if n := count(`SELECT count(*) FROM organisation o WHERE NOT EXISTS
		(SELECT 1 FROM change_item i WHERE i.record_id = o.id AND i.kind = 'create')`); n != 0 {
		t.Errorf("%d organisations without the history of their creation", n)
	}
	if n := count(`SELECT count(*) FROM change c WHERE NOT EXISTS
		(SELECT 1 FROM change_item i WHERE i.change_id = c.id)`); n != 0 {
		t.Errorf("%d history entries without items", n)
	}
	if n := count(`SELECT count(*) FROM change_item i WHERE i.entity = 'organisation'
		AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.id = i.record_id)`); n != 0 {
		t.Errorf("%d history items of organisations that are not in the file", n)
	}
	// Every stored note was written by an update whose history says so.
	if n := count(`SELECT count(*) FROM organisation o WHERE o.notes <> '' AND NOT EXISTS
		(SELECT 1 FROM change_item i WHERE i.record_id = o.id AND i.field = 'notes' AND i.new_value = o.notes)`); n != 0 {
		t.Errorf("%d organisations whose notes have no history", n)
	}
	if orgs != count("SELECT count(*) FROM change WHERE action = 'create'") {
		t.Error("organisations and their creations in the history differ in number")
	}
}

// TestSavingChild is the child process of the test above; it does nothing
// in a normal run.
func TestSavingChild(t *testing.T) {
	path := os.Getenv("NCM_SAVING_CHILD")
	if path == "" {
		t.Skip("runs only as the child of TestKilledInTheMiddleOfSavesLeavesAllOrNothing")
	}
	ctx := context.Background()
	s, err := Open(ctx, path, Options{Device: "child"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		o := Organisation{Name: fmt.Sprintf("Agency %d", i), Sector: "police", Region: "North"}
		if err := s.SaveOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		o.Notes = fmt.Sprintf("note %d", i)
		if err := s.SaveOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("saved %d\n", i)
	}
}

// killChildAfter runs the test named in a child process of this test
// binary with env set, counts the lines it prints that start with prefix,
// and kills it without warning at the n-th (or when it stops); it returns
// how many it counted.
func killChildAfter(t *testing.T, test, env, prefix string, n int) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), env)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	count := 0
	lines := bufio.NewScanner(out)
	for count < n && lines.Scan() {
		if strings.HasPrefix(lines.Text(), prefix) {
			count++
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	return count
}
