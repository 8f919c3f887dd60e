package data

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOrganisationNamesReadsManyInOneGo(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "Centrul „Speranța”", Sector: "ngo"})
	gone := mustSaveOrg(t, s, Organisation{Name: "Closed shelter", Sector: "ngo"})
	if err := s.SetOrganisationArchived(t.Context(), gone.ID, true); err != nil {
		t.Fatal(err)
	}
	// More ids than one statement takes, the known ones at the edges of
	// its chunks.
	ids := make([]string, 1001)
	for i := range ids {
		ids[i] = fmt.Sprintf("not-in-the-register-%d", i)
	}
	ids[0], ids[500], ids[1000] = police.ID, ngo.ID, gone.ID
	got, err := s.OrganisationNames(t.Context(), ids)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{police.ID: "Police", ngo.ID: "Centrul „Speranța”", gone.ID: "Closed shelter"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("names (-want +got):\n%s", d)
	}
	if got, err := s.OrganisationNames(t.Context(), nil); err != nil || len(got) != 0 {
		t.Errorf("no ids: %v, %v", got, err)
	}
}
