package data

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func countedCourses(t *testing.T) *figureCache {
	t.Helper()
	r := newFiguresRegister(t)
	c, err := r.s.lockedFigures(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	c.mu.Unlock()
	if len(c.courses) < 9 || len(c.orgs.names) < 3 {
		t.Fatalf("%d courses, %d organisations counted", len(c.courses), len(c.orgs.names))
	}
	return c
}

func TestSavedFiguresReadBackAsWritten(t *testing.T) {
	t.Parallel()
	c := countedCourses(t)
	blob := encodeFigures(c.orgs.names, c.courses)
	orgs, courses, err := decodeFigures(blob)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(c.orgs.names, orgs.names); d != "" {
		t.Errorf("organisations (-written +read):\n%s", d)
	}
	if d := cmp.Diff(c.courses, courses, cmp.AllowUnexported(courseCounts{}), cmpopts.EquateEmpty()); d != "" {
		t.Errorf("courses (-written +read):\n%s", d)
	}
	again := encodeFigures(orgs.names, courses)
	if string(again) != string(blob) {
		t.Error("the same figures encode to other bytes")
	}
}

func TestDamagedSavedFiguresAreRefused(t *testing.T) {
	t.Parallel()
	c := countedCourses(t)
	blob := encodeFigures(c.orgs.names, c.courses)
	for n := range len(blob) {
		if _, _, err := decodeFigures(blob[:n]); err == nil {
			t.Fatalf("the first %d of %d bytes read as whole figures", n, len(blob))
		}
	}
	if _, _, err := decodeFigures(append(append([]byte(nil), blob...), 0)); err == nil {
		t.Error("a byte after the figures went unnoticed")
	}
	// Any byte changed: refused, or read as some figures, never a panic
	// nor an organisation number outside the names.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		bad := append([]byte(nil), blob...)
		bad[rng.IntN(len(bad))] ^= byte(1 + rng.IntN(255))
		orgs, courses, err := decodeFigures(bad)
		if err != nil {
			continue
		}
		for _, cc := range courses {
			for _, oc := range cc.byOrg {
				if int(oc.Org) >= len(orgs.names) || oc.Org < 0 {
					t.Fatalf("organisation %d of %d names", oc.Org, len(orgs.names))
				}
			}
		}
	}
}
