package assets

import (
	"bytes"
	"testing"
)

// TestDocumentFontsAreTrueType: the PDF library embeds TrueType outlines
// only; a CFF font ("OTTO", as Noto Sans CJK is in Debian) would load and
// then print nothing. The CJK font unpacks whole.
func TestDocumentFontsAreTrueType(t *testing.T) {
	cjk, err := FontCJK()
	if err != nil {
		t.Fatal(err)
	}
	if len(cjk) < 3<<20 {
		t.Errorf("the CJK font unpacks to %d bytes, want its 3.6 MB", len(cjk))
	}
	trueType := []byte{0, 1, 0, 0}
	for name, font := range map[string][]byte{"DejaVu Sans": FontRegular, "DejaVu Sans Bold": FontBold,
		"Noto Sans Scripts": FontScriptsRegular, "Noto Sans Scripts Bold": FontScriptsBold, "CJK": cjk} {
		if !bytes.HasPrefix(font, trueType) {
			t.Errorf("%s starts with %q, not a TrueType font's version", name, font[:min(4, len(font))])
		}
	}
}
