package export

import (
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

func TestDraftNarrative(t *testing.T) {
	q := Question{ID: "D1", Bindings: []string{"training.courses", "training.participants_by_sex", "campaigns.reach"}}
	got := DraftNarrative(q, map[string]data.FigureValue{
		"training.courses":             {Total: 12, Rows: []data.FigureRow{{Code: "joint", Label: "Of which joint (several sectors)", Value: 9}}},
		"training.participants_by_sex": {Total: 1234, Rows: []data.FigureRow{{Code: "female", Label: "Female", Value: 700}, {Code: "male", Label: "Male", Value: 534}}},
	})
	want := "Training courses held: 12, of which joint (several sectors) 9. " +
		"Training participants by sex: 1,234 (Female 700, Male 534). " +
		"Estimated reach of the awareness campaigns: none recorded for the period."
	if got != want {
		t.Errorf("draft\n%s\nwant\n%s", got, want)
	}
	if got := formatCount(1234567); got != "1,234,567" {
		t.Errorf("formatCount = %q", got)
	}
}
