package export

import (
	"strings"
	"testing"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
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
	got := draftParts(english(), v)
	want := "Sector D 19, Sector J 9, Sector I 8, Sector F 7, Sector H 6, Sector E 5, and 4 others, 10 in all"
	if got != want {
		t.Errorf("drafted\n%s\nwant\n%s", got, want)
	}
}

// TestTheDraftIsWrittenInTheWindowsLanguage: the sentences drafted for
// the officer to edit are in the window's language, with its numbers.
func TestTheDraftIsWrittenInTheWindowsLanguage(t *testing.T) {
	fr := locale.For("fr")
	q := Question{Bindings: []string{"training.participants_by_sector", "campaigns.reach"}}
	got := DraftNarrativeIn(fr, q, map[string]data.FigureValue{
		"training.participants_by_sector": {Total: 1234, Rows: []data.FigureRow{{Code: "police", Label: "Police", Value: 1234}}},
		"campaigns.reach":                 {},
	})
	title, _ := figureText(fr, "training.participants_by_sector")
	for _, want := range []string{title, fr.Count(1234), fr.L("{{.Figure}}: none recorded for the period.", map[string]any{"Figure": ""})[2:]} {
		if !strings.Contains(got, want) {
			t.Errorf("the French draft %q lacks %q", got, want)
		}
	}
	for _, english := range []string{"Training participants by sector", "none recorded", "1,234"} {
		if strings.Contains(got, english) {
			t.Errorf("the French draft %q says %q", got, english)
		}
	}
}
