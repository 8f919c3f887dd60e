package data

import (
	"context"
	"os"
	"testing"
)

// BenchmarkQuickCheckLarge is what checking every page of the large
// register costs before it is opened for writing.
func BenchmarkQuickCheckLarge(b *testing.B) {
	full, _ := largeRegisters(b)
	info, _ := os.Stat(full)
	b.ReportMetric(float64(info.Size())/(1<<20), "MB")
	s, err := Open(context.Background(), full, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		if err := s.CheckIntegrity(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}
