package data

import (
	"context"
	"testing"
)

// BenchmarkBackup backs up the large register (10,000 organisations,
// 100,000 people) encrypted, and opens and checks the backup as a restore
// does (target: under 3 s and under 5 s). The passphrase's work factor is
// the real one: a restore pays it once.
func BenchmarkBackup(b *testing.B) {
	s := openLarge(b)
	ctx := context.Background()
	saved := ScryptWorkFactor
	ScryptWorkFactor = 18
	defer func() { ScryptWorkFactor = saved }()
	if err := s.SetUpBackups(ctx, b.TempDir(), 2, "", testPassphrase); err != nil {
		b.Fatal(err)
	}
	var path string
	b.Run("backup", func(b *testing.B) {
		for b.Loop() {
			var err error
			if path, err = s.BackUp(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("open and check", func(b *testing.B) {
		for b.Loop() {
			opened, err := OpenBackup(ctx, path, testPassphrase)
			if err != nil {
				b.Fatal(err)
			}
			if opened.Counts.Contacts < 100_000 {
				b.Fatalf("the backup holds %+v", opened.Counts)
			}
			opened.Close()
		}
	})
}
