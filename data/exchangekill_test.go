package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestKilledWhileReceivingLeavesTheRegisterWhole receives a package of
// 3,000 changes in a child process and kills it while it applies: the
// register opens and checks good, holds all of the package or none of it,
// and the package can be received again to the same end.
func TestKilledWhileReceivingLeavesTheRegisterWhole(t *testing.T) {
	ctx := context.Background()
	l := laptopsFrom(t, func(s *Store) {
		if err := s.GenerateSample(ctx, SampleSize{Organisations: 100, Contacts: 3000}, 1); err != nil {
			t.Fatal(err)
		}
	}, "coordinator", "trainer")
	coord, trainer := l[0], l[1]
	editPeople(t, coord, someIDs(t, coord, "SELECT id FROM contact ORDER BY pk"), "Position")
	p, err := coord.MakePackage(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(t.TempDir(), "changes"+PackageExtension)
	if err := writePackageFile(pkg, p, testPassphrase); err != nil {
		t.Fatal(err)
	}
	path := trainer.path
	trainer.Close()

	if n := killChildAfter(t, "TestReceivingChild", "NCM_RECEIVING_CHILD="+path+"\n"+pkg, "applying", 1); n != 1 {
		t.Fatalf("the child did not start applying")
	}

	s, err := Open(ctx, path, Options{Device: "trainer"})
	if err != nil {
		t.Fatalf("after the kill the register does not open: %v", err)
	}
	defer s.Close()
	if err := s.CheckIntegrity(ctx); err != nil {
		t.Fatalf("after the kill: %v", err)
	}
	var received, changed int
	s.read.QueryRowContext(ctx, "SELECT count(*) FROM change WHERE received_in IS NOT NULL").Scan(&received)
	s.read.QueryRowContext(ctx, "SELECT count(*) FROM contact WHERE position LIKE 'Position %'").Scan(&changed)
	if (received != 0 || changed != 0) && (received != 3000 || changed != 3000) {
		t.Fatalf("after the kill: %d changes received, %d people changed: want all or none", received, changed)
	}
	t.Logf("killed while applying: %d changes had landed", received)
	read, err := ReadPackage(pkg, testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanReceive(ctx, read, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ApplyReceive(ctx, plan, ReceiveChoices{}); err != nil {
		t.Fatal(err)
	}
	s.read.QueryRowContext(ctx, "SELECT count(*) FROM contact WHERE position LIKE 'Position %'").Scan(&changed)
	if changed != 3000 {
		t.Errorf("received again after the kill: %d people changed, want 3,000", changed)
	}
}

// TestReceivingChild is the child of the test above: it receives the
// package and says when it starts applying.
func TestReceivingChild(t *testing.T) {
	env := os.Getenv("NCM_RECEIVING_CHILD")
	if env == "" {
		t.Skip("run by TestKilledWhileReceivingLeavesTheRegisterWhole")
	}
	var path, pkg string
	fmt.Sscanf(env, "%s\n%s", &path, &pkg)
	ctx := context.Background()
	s, err := Open(ctx, path, Options{Device: "trainer"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := ReadPackage(pkg, testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanReceive(ctx, p, false)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("applying")
	if err := s.ApplyReceive(ctx, plan, ReceiveChoices{}); err != nil {
		t.Fatal(err)
	}
	fmt.Println("applied")
}
