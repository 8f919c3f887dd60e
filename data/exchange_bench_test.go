package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExchange is a package of 10,000 changes between two copies of
// the large register (10,000 organisations, 100,000 people): the
// coordinator edited 10,000 people, the trainer 500 of the same ones
// (500 questions). Targets: written under 2 s, previewed with its
// questions under 3 s, applied under 3 s. The passphrase's work factor is
// the real one.
func BenchmarkExchange(b *testing.B) {
	ctx := context.Background()
	saved := ScryptWorkFactor
	ScryptWorkFactor = 18
	defer func() { ScryptWorkFactor = saved }()
	full, _ := largeRegisters(b)
	dir := b.TempDir()
	coordPath, trainerPath := filepath.Join(dir, "coordinator.db"), filepath.Join(dir, "trainer.db")
	for _, p := range []string{coordPath, trainerPath} {
		if err := copyFile(full, p); err != nil {
			b.Fatal(err)
		}
	}
	coord, err := Open(ctx, coordPath, Options{Device: "coordinator"})
	if err != nil {
		b.Fatal(err)
	}
	defer coord.Close()
	trainer, err := Open(ctx, trainerPath, Options{Device: "trainer"})
	if err != nil {
		b.Fatal(err)
	}
	people := someIDs(b, coord, "SELECT id FROM contact ORDER BY pk LIMIT 10000")
	editPeople(b, trainer, people[:500], "Trainer's position")
	// What the coordinator knows of the trainer's copy: the register as
	// copied (as a first package from it would have said).
	copied, err := coord.LocalClock(ctx)
	if err != nil {
		b.Fatal(err)
	}
	trainerReplica := replicaOf(b, trainer)
	if err := trainer.Close(); err != nil {
		b.Fatal(err)
	}
	if _, err := coord.write.ExecContext(ctx, `INSERT INTO replica (id, device, path, received, seen_at, knows)
		VALUES (?, 'trainer', '', 0, '', ?)`, trainerReplica, copied.String()); err != nil {
		b.Fatal(err)
	}
	editPeople(b, coord, people, "Coordinator's position")
	pkgPath := filepath.Join(dir, "changes"+PackageExtension)

	b.Run("write", func(b *testing.B) {
		for b.Loop() {
			p, err := coord.MakePackage(ctx, trainerReplica)
			if err != nil {
				b.Fatal(err)
			}
			if len(p.Changes) != 10_000 {
				b.Fatalf("%d changes in the package", len(p.Changes))
			}
			if err := writePackageFile(pkgPath, p, testPassphrase); err != nil {
				b.Fatal(err)
			}
		}
	})
	received := filepath.Join(dir, "receiving.db")
	var plan *ReceivePlan
	var st *Store
	fresh := func(b *testing.B) {
		if st != nil {
			st.Close()
		}
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(received + suffix)
		}
		if err := copyFile(trainerPath, received); err != nil {
			b.Fatal(err)
		}
		if st, err = Open(ctx, received, Options{Device: "trainer"}); err != nil {
			b.Fatal(err)
		}
	}
	defer func() {
		if st != nil {
			st.Close()
		}
	}()
	b.Run("preview", func(b *testing.B) {
		fresh(b)
		for b.Loop() {
			p, err := ReadPackage(pkgPath, testPassphrase)
			if err != nil {
				b.Fatal(err)
			}
			if plan, err = st.PlanReceive(ctx, p, false); err != nil {
				b.Fatal(err)
			}
			if len(plan.Conflicts) != 500 || len(plan.Taken) != 9_500 {
				b.Fatalf("%d questions, %d taken", len(plan.Conflicts), len(plan.Taken))
			}
		}
	})
	b.Run("apply", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			fresh(b)
			p, err := ReadPackage(pkgPath, testPassphrase)
			if err != nil {
				b.Fatal(err)
			}
			if plan, err = st.PlanReceive(ctx, p, false); err != nil {
				b.Fatal(err)
			}
			ch := ReceiveChoices{Sides: make([]int, len(plan.Conflicts))}
			b.StartTimer()
			if err := st.ApplyReceive(ctx, plan, ch); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// editPeople changes each person's position, one change each, as many
// saves would (in one transaction, to build the register quickly).
func editPeople(tb testing.TB, s *Store, ids []string, position string) {
	tb.Helper()
	ctx := context.Background()
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		for i, id := range ids {
			old, err := contactTable.load(ctx, tx, id)
			if err != nil {
				return err
			}
			next := copyValues(old)
			next["position"] = fmt.Sprintf("%s %d", position, i)
			change, err := s.newChange(ctx, tx, "update", Summary{Text: "Edit contact"})
			if err != nil {
				return err
			}
			if _, err := contactTable.update(ctx, tx, change, id, old, next, s.timestamp()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func replicaOf(b *testing.B, s *Store) string {
	b.Helper()
	var id string
	if err := s.read.QueryRowContext(context.Background(), "SELECT id FROM replica WHERE device = ? AND path = ?", s.device, s.path).Scan(&id); err != nil {
		b.Fatal(err)
	}
	return id
}
