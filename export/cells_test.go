package export

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
)

// assertTextCell checks that a cell holds text exactly as typed, no
// formula, and, when the text looks like a formula, Excel's quote prefix,
// so that editing the cell later cannot turn it into one.
func assertTextCell(t *testing.T, f *excelize.File, sheet, cell, want string) {
	t.Helper()
	if got, _ := f.GetCellValue(sheet, cell); got != want {
		t.Errorf("%s!%s = %q, want %q as typed", sheet, cell, got, want)
	}
	if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
		t.Errorf("%s!%s holds the formula %q", sheet, cell, formula)
	}
	if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		t.Errorf("%s!%s is stored as %v, want text", sheet, cell, typ)
	}
	if formulaLike(want) && !quotePrefixed(f, sheet, cell) {
		t.Errorf("%s!%s holds %q without the quote prefix", sheet, cell, want)
	}
}

// quotePrefixed reads the quotePrefix of a cell's format from the saved
// workbook's styles.
func quotePrefixed(f *excelize.File, sheet, cell string) bool {
	style, err := f.GetCellStyle(sheet, cell)
	if err != nil || f.Styles == nil || f.Styles.CellXfs == nil || style >= len(f.Styles.CellXfs.Xf) {
		return false
	}
	q := f.Styles.CellXfs.Xf[style].QuotePrefix
	return q != nil && *q
}

func TestFormulaLike(t *testing.T) {
	for in, want := range map[string]bool{
		"=1+1": true, "+33 1": true, "-x": true, "@SUM(A1)": true, " =x": true, "\t- Law 241/2005": true,
		"José": false, "": false, "a=b": false, "'=x": false, "1-2": false,
	} {
		if got := formulaLike(in); got != want {
			t.Errorf("formulaLike(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestQuotedStylesKeepTheirLookAndAreMadeOnce(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	b := newBook(f, nil)
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := b.text("Sheet1", "A1", "- Law 241/2005", bold)
	if err != nil || c.StyleID == bold || c.Value != "- Law 241/2005" {
		t.Fatalf("text = %+v, %v: want the text as typed in a quoted twin of style %d", c, err, bold)
	}
	if again, _ := b.text("Sheet1", "A2", "=x", bold); again.StyleID != c.StyleID {
		t.Errorf("a second formula-like text got style %d, want the same twin %d", again.StyleID, c.StyleID)
	}
	twin, _ := f.GetStyle(c.StyleID)
	if twin.Font == nil || !twin.Font.Bold || twin.Alignment == nil || !twin.Alignment.WrapText {
		t.Errorf("the quoted twin lost its look: %+v", twin)
	}
	if plain, _ := b.text("Sheet1", "A3", "Law 241/2005", bold); plain.StyleID != bold {
		t.Errorf("plain text got style %d, want %d", plain.StyleID, bold)
	}
	// A style made later with the same look is the original, not the twin.
	if same, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true}}); same != bold {
		t.Errorf("NewStyle found style %d, want the original %d", same, bold)
	}
}

func TestTextLongerThanACellIsRefusedNotCut(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	b := newBook(f, nil)
	if _, err := b.text("S", "B7", strings.Repeat("a", maxCellUnits), 0); err != nil {
		t.Errorf("a text of exactly %d characters is refused: %v", maxCellUnits, err)
	}
	// An emoji counts twice, as Excel counts it.
	_, err := b.text("S", "B7", strings.Repeat("a", maxCellUnits-1)+"🙂", 0)
	tooLong, ok := err.(*TextTooLongError)
	if !ok || tooLong.Units != maxCellUnits+1 || tooLong.Cell != "B7" || !strings.Contains(err.Error(), "sheet “S”, cell B7") {
		t.Errorf("err = %v, want the sheet, cell and length %d", err, maxCellUnits+1)
	}
}

// words is a text's words in order: what a split must keep.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestSplitKeepsEveryWordAndFitsEachPartInARow(t *testing.T) {
	sentence := "The national referral mechanism was revised in 2025 after consultation with every member agency. "
	var lines []string
	for i := range 60 {
		lines = append(lines, "- line "+strings.Repeat("x", i%7))
	}
	for name, text := range map[string]string{
		"5,000 characters":     strings.Repeat(sentence, 5000/len(sentence)),
		"30,000 characters":    strings.Repeat(sentence, 30000/len(sentence)),
		"60 short lines":       strings.Join(lines, "\n"),
		"paragraphs":           strings.Repeat(strings.Repeat(sentence, 6)+"\n", 20),
		"one word of 9,000":    strings.Repeat("ж", 9000),
		"short":                "Yes.",
		"empty":                "",
		"empty lines in a row": strings.Repeat("\n", 100),
	} {
		t.Run(name, func(t *testing.T) {
			l := layoutFor(70, 11)
			parts := l.split(text)
			if len(parts) == 0 {
				t.Fatal("no parts")
			}
			for i, p := range parts {
				lines := 0
				for para := range strings.SplitSeq(p, "\n") {
					lines += l.lines(para)
				}
				if lines > l.maxLines {
					t.Errorf("part %d needs %d lines, a row shows %d", i, lines, l.maxLines)
				}
				if data.TextLength(p) > maxCellUnits {
					t.Errorf("part %d is longer than a cell holds", i)
				}
			}
			joined := strings.Join(parts, "\n")
			if strings.Contains(name, "word of") {
				if strings.Join(parts, "") != text {
					t.Errorf("a long word cut into parts does not join back")
				}
			} else if words(joined) != words(text) {
				t.Errorf("the parts lost or changed words")
			}
			if strings.Contains(name, "lines") && name != "empty lines in a row" && joined != text {
				t.Errorf("lines split between parts do not join back with line breaks")
			}
		})
	}
}
