package export

import (
	"strings"
	"testing"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/vg"
)

func TestShorten(t *testing.T) {
	sty := chartText(labelSize, nil, xfont.WeightNormal, xfont.StyleNormal)
	tests := []struct {
		label string
		width vg.Length
		want  string
	}{
		{"Judiciary", 100, "Judiciary"},
		{"Employers' organisation", 60, "Employers'…"},
		{"Министерство внутренних дел", 60, "Министерст…"},
		// "e" and a combining acute: never cut between the letter and its
		// accent ("Sante…" would be a different word).
		{"Sante\u0301 publique", sty.Width("Sante…") + 0.5, "Sante\u0301…"},
		{"Anything", 1, ""},
	}
	for _, tt := range tests {
		got := shorten(sty, tt.label, tt.width)
		if got != tt.want {
			t.Errorf("shorten(%q, %v) = %q, want %q", tt.label, tt.width, got, tt.want)
		}
		if got != "" && sty.Width(got) > tt.width && got != tt.label {
			t.Errorf("shorten(%q, %v) = %q is %v wide", tt.label, tt.width, got, sty.Width(got))
		}
		if got != tt.label && got != "" && !strings.HasSuffix(got, ellipsis) {
			t.Errorf("shorten(%q) = %q has no ellipsis", tt.label, got)
		}
	}
}
