package data

import (
	"context"
	"testing"
)

// TestUpgradeFoldsSearchText builds a register of schema version 3 (before
// the folded search text), writes records the way that version did, and
// checks that opening it with this program brings the records into search.
func TestUpgradeFoldsSearchText(t *testing.T) {
	ctx := context.Background()
	path, old := oldRegister(t, 3)
	for _, q := range []string{
		`INSERT INTO organisation (id, name, name_key, sector, created_at, updated_at)
		 VALUES ('o1', 'Komenda Policji Łódź', 'komenda policji łódź', 'police', 't', 't')`,
		`INSERT INTO contact (id, organisation_id, name, position, emails, created_at, updated_at)
		 VALUES ('c1', 'o1', 'Łukasz Jørgensen', 'Ελληνική Αστυνομία', 'lukasz@policja.example.org', 't', 't')`,
	} {
		if _, err := old.write.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s := openStore(t, path, Options{})
	defer s.Close()
	if v, _ := schemaVersion(ctx, s.read); v != len(migrations) {
		t.Fatalf("schema version %d after opening, want %d", v, len(migrations))
	}
	for _, q := range []string{"lodz", "ŁÓDŹ", "lukasz", "jorgensen", "ελληνικη", "policja"} {
		rows, err := s.Organisations(ctx, OrganisationFilter{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0].ID != "o1" {
			t.Errorf("%q found %v after the upgrade, want the Łódź police", q, rowNames(rows))
		}
	}
	var key string
	if err := s.read.QueryRowContext(ctx, "SELECT name_key FROM organisation WHERE id = 'o1'").Scan(&key); err != nil || key != "komenda policji lodz" {
		t.Errorf("name key %q, %v: want it folded anew", key, err)
	}
}
