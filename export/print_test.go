package export

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/locale"
)

// assertPrintReady checks that every shown sheet prints on A4 as wide as
// the page, with the page number in the footer and, where headings are
// frozen, those rows repeated on every page.
func assertPrintReady(t *testing.T, f *excelize.File) {
	t.Helper()
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	shown := 0
	for _, sheet := range f.GetSheetList() {
		if visible, _ := f.GetSheetVisible(sheet); !visible {
			continue
		}
		shown++
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if layout.Size == nil || *layout.Size != 9 || layout.FitToWidth == nil || *layout.FitToWidth != 1 ||
			layout.FitToHeight == nil || *layout.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v, want A4, one page wide", sheet, layout)
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil || props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not fitted to the page (%v)", sheet, err)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil || hf == nil || !strings.Contains(hf.OddFooter, "&P") {
			t.Errorf("%s: footer %+v, want the page number (%v)", sheet, hf, err)
		}
		panes, _ := f.GetPanes(sheet)
		if panes.Freeze && panes.YSplit > 0 && !strings.Contains(titles[sheet], "$1:$") {
			t.Errorf("%s: frozen headings are not repeated on each printed page (%q)", sheet, titles[sheet])
		}
	}
	if shown == 0 {
		t.Error("no sheet is shown")
	}
}

// TestFooterSaysPageInTheWorkbooksLanguage: the footer's word is the
// translation's, its codes Excel's, and an ampersand of the translation
// is written so Excel prints it rather than reading a code.
func TestFooterSaysPageInTheWorkbooksLanguage(t *testing.T) {
	if got := footer(english()); got != "&L&A&RPage &P / &N" {
		t.Errorf("the English footer: %q", got)
	}
	if got := footer(pseudoLanguage(t)); got != "&L&A&R⟦Page &P / &N⟧" {
		t.Errorf("the footer in the pseudo-language: %q", got)
	}
	amp, err := locale.FromFiles(fstest.MapFS{"t/en.json": {Data: []byte(`{}`)},
		"t/fr.json": {Data: []byte(`{"Page {{.Page}} / {{.Pages}}": "P&S {{.Page}}/{{.Pages}}"}`)}}, "t", "fr")
	if err != nil {
		t.Fatal(err)
	}
	if got := footer(amp); got != "&L&A&RP&&S &P/&N" {
		t.Errorf("a translation with an ampersand: %q", got)
	}
}
