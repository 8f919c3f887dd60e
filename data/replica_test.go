package data

import (
	"path/filepath"
	"testing"
)

type stamp struct {
	uid, replica string
	seq          int
}

func stamps(t *testing.T, s *Store) []stamp {
	t.Helper()
	rows, err := s.read.QueryContext(t.Context(), "SELECT coalesce(uid, ''), coalesce(replica, ''), coalesce(seq, 0) FROM change ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []stamp
	for rows.Next() {
		var st stamp
		if err := rows.Scan(&st.uid, &st.replica, &st.seq); err != nil {
			t.Fatal(err)
		}
		out = append(out, st)
	}
	return out
}

// TestEveryChangeHasAGlobalIdentity: changes are numbered per copy of the
// register; a copy opened on another laptop (or at another path) numbers
// its own from 1, under the register's one identity.
func TestEveryChangeHasAGlobalIdentity(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	path := filepath.Join(dir, "register.db")
	s := openStore(t, path, Options{Device: "coordinator"})
	mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	mustSaveOrg(t, s, Organisation{Name: "La Strada", Sector: "ngo"})
	register, err := s.RegisterID(ctx)
	if err != nil || register == "" {
		t.Fatalf("register id %q, %v", register, err)
	}
	first := stamps(t, s)
	if len(first) != 2 || first[0].replica == "" || first[0].replica != first[1].replica ||
		first[0].seq != 1 || first[1].seq != 2 || first[0].uid == first[1].uid || first[0].uid == "" {
		t.Fatalf("the first changes are stamped %+v", first)
	}
	s.Close()

	// The same file, the same laptop: the same replica, numbering on.
	s = openStore(t, path, Options{Device: "coordinator"})
	mustSaveOrg(t, s, Organisation{Name: "Customs", Sector: "customs"})
	if got := stamps(t, s); got[2].replica != first[0].replica || got[2].seq != 3 {
		t.Errorf("reopened: %+v", got[2])
	}
	s.Close()

	// A copy on the trainer's laptop: the same register, a replica of its own.
	copied := filepath.Join(t.TempDir(), "register.db")
	if err := copyFile(path, copied); err != nil {
		t.Fatal(err)
	}
	c := openStore(t, copied, Options{Device: "trainer"})
	mustSaveOrg(t, c, Organisation{Name: "IOM", Sector: "international_org"})
	got := stamps(t, c)
	last := got[len(got)-1]
	if last.replica == first[0].replica || last.seq != 1 {
		t.Errorf("the copy's first change is stamped %+v: want a replica of its own, from 1", last)
	}
	if id, _ := c.RegisterID(ctx); id != register {
		t.Errorf("the copy is register %q, the original %q", id, register)
	}
}

// TestUpgradeGivesEarlierChangesTheirIdentity: a register of schema 17
// with a history gets a register identity, and its changes identities and
// numbers in the order they were made.
func TestUpgradeGivesEarlierChangesTheirIdentity(t *testing.T) {
	path, old := oldRegister(t, 17)
	for _, q := range []string{
		`INSERT INTO change (at, device, action, summary) VALUES ('t1', 'old', 'create', 'a'), ('t2', 'old', 'create', 'b'), ('t3', 'old', 'update', 'c')`,
	} {
		if _, err := old.write.ExecContext(t.Context(), q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	s := openStore(t, path, Options{Device: "coordinator"})
	got := stamps(t, s)
	if len(got) != 3 {
		t.Fatalf("%d changes after the upgrade", len(got))
	}
	for i, st := range got {
		if st.uid == "" || st.replica != got[0].replica || st.seq != i+1 {
			t.Errorf("change %d stamped %+v", i+1, st)
		}
	}
	mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	after := stamps(t, s)
	if now := after[3]; now.replica == got[0].replica || now.seq != 1 {
		t.Errorf("the first change after the upgrade %+v: want this laptop's own replica", now)
	}
	if id, err := s.RegisterID(t.Context()); err != nil || id == "" {
		t.Errorf("register id %q, %v", id, err)
	}
}
