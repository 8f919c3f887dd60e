package export

import (
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

func TestDraftNarrative(t *testing.T) {
	q := Question{ID: "D1", Bindings: []string{"training.courses", "training.participants_by_sex", "campaigns.reach"}}
	got := DraftNarrative(q, map[string]data.FigureValue{
		"training.courses":             {Total: 12, Rows: []data.FigureRow{{Code: "joint", Label: "Joint", Value: 9}, {Code: "not_joint", Label: "Not joint", Value: 3}}},
		"training.participants_by_sex": {Total: 1234, Rows: []data.FigureRow{{Code: "female", Label: "Female", Value: 700}, {Code: "male", Label: "Male", Value: 534}}},
	})
	want := "Training courses held: 12 (Joint 9, Not joint 3). " +
		"Training participants by sex: 1,234 (Female 700, Male 534). " +
		"Estimated reach of the awareness campaigns: none recorded for the period."
	if got != want {
		t.Errorf("draft\n%s\nwant\n%s", got, want)
	}
	if got := formatCount(1234567); got != "1,234,567" {
		t.Errorf("formatCount = %q", got)
	}
}

// TestDraftNamesTheLargestPartsAndWhatIsLeft: a long breakdown is drafted
// largest first, and the lines left out are counted and added up, so that
// a large line is never hidden behind "and 18 more" while a small one is
// named.
func TestDraftNamesTheLargestPartsAndWhatIsLeft(t *testing.T) {
	v := data.FigureValue{Total: 64}
	for i, n := range []int{2, 3, 1, 19, 5, 7, 4, 6, 8, 9} {
		v.Rows = append(v.Rows, data.FigureRow{Code: string(rune('a' + i)), Label: "Sector " + string(rune('A'+i)), Value: n})
	}
	v.Rows = append(v.Rows, data.FigureRow{Code: "z", Label: "Empty", Value: 0})
	got := draftParts(v)
	want := "Sector D 19, Sector J 9, Sector I 8, Sector F 7, Sector H 6, Sector E 5, and 4 others, 10 in all"
	if got != want {
		t.Errorf("drafted\n%s\nwant\n%s", got, want)
	}
}
