package export

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/locale"
)

// The pseudo-language is English with every string of en.json wrapped in
// ⟦ ⟧: a document written in it shows each word the program translated
// in brackets, so any English word outside them is scaffolding that
// escaped the translator. It is filed as Russian, whatever the files of
// the program hold: CLDR writes Russian dates, numbers and country names
// in Cyrillic, so that every word in Latin letters outside the brackets
// is either the fixture's own (names, titles, venues) or English the
// program wrote without its translator (French would write "mars" and
// "Moldavie" in Latin letters, which no list of English words tells
// apart from English).
const (
	pseudoOpen, pseudoClose = "⟦", "⟧"
	pseudoTag               = "ru"
)

// pseudoLanguage is the translator of the pseudo-language, made from the
// program's en.json: each text wrapped, its placeholders kept, and each
// plural given Russian's forms (one, few, many, other), so that no count
// falls back to English for want of its form.
func pseudoLanguage(t testing.TB) *locale.Translator {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "assets", "translations", "en.json"))
	if err != nil {
		t.Fatal(err)
	}
	var english map[string]any
	if err := json.Unmarshal(raw, &english); err != nil {
		t.Fatal(err)
	}
	wrap := func(s string) string { return pseudoOpen + s + pseudoClose }
	pseudo := make(map[string]any, len(english))
	for key, v := range english {
		switch v := v.(type) {
		case string:
			pseudo[key] = wrap(v)
		case map[string]any:
			one, _ := v["one"].(string)
			other, _ := v["other"].(string)
			pseudo[key] = map[string]string{"one": wrap(one), "few": wrap(other), "many": wrap(other), "other": wrap(other)}
		default:
			t.Fatalf("en.json: %q is neither a text nor plural forms", key)
		}
	}
	dir := t.TempDir()
	out, err := json.Marshal(pseudo)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, pseudoTag+".json"), out, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "en.json"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	tr, err := locale.FromFiles(os.DirFS(dir), ".", pseudoTag)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// latinWord is a word in Latin letters, of two letters or more (a single
// letter is a question's number, "A1", more often than a word).
var latinWord = regexp.MustCompile(`\p{Latin}{2,}`)

// untranslated is every word in Latin letters of text that stands outside
// the pseudo-language's brackets and is not a word of the fixture's own
// texts: English the program wrote without its translator. Brackets nest
// (a translated text holds translated words); a closing bracket met
// before its opening (text read back out of order) counts for nothing.
func untranslated(text string, own []string) []string {
	allowed := map[string]bool{}
	for _, s := range own {
		for _, w := range latinWord.FindAllString(s, -1) {
			allowed[strings.ToLower(w)] = true
		}
	}
	var outside strings.Builder
	depth := 0
	for _, r := range text {
		switch string(r) {
		case pseudoOpen:
			depth++
			outside.WriteByte(' ')
		case pseudoClose:
			depth = max(0, depth-1)
			outside.WriteByte(' ')
		default:
			if depth == 0 {
				outside.WriteRune(r)
			}
		}
	}
	var found []string
	for _, w := range latinWord.FindAllString(outside.String(), -1) {
		if !allowed[strings.ToLower(w)] && !slices.Contains(found, w) {
			found = append(found, w)
		}
	}
	return found
}

// assertNoEnglish fails listing the English words a document written in
// the pseudo-language shows outside the brackets, with the texts they
// were found in.
func assertNoEnglish(t *testing.T, document string, texts []string, own ...string) {
	t.Helper()
	var found, where []string
	for _, text := range texts {
		words := untranslated(text, own)
		for _, w := range words {
			if !slices.Contains(found, w) {
				found = append(found, w)
			}
		}
		if len(words) > 0 && len(where) < 12 {
			where = append(where, strings.Join(strings.Fields(text), " "))
		}
	}
	if len(found) > 0 {
		t.Errorf("%s: English outside the translation: %q, in\n%s", document, found, strings.Join(where, "\n"))
	}
}

// assertPseudoTranslated checks that a document in the pseudo-language
// did go through the translator: a document that wrote no bracket at all
// would pass assertNoEnglish with its English left as user data.
func assertPseudoTranslated(t *testing.T, document string, texts []string) {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(s, pseudoOpen) {
			return
		}
	}
	t.Errorf("%s: no word of the pseudo-language in the document", document)
}

// pdfWords are the texts of a PDF as they were written into it, one per
// line of pdftotext's raw reading (the order of the content, so that a
// text wrapped over lines keeps its brackets together), with the
// document's title, which a viewer shows above it.
func pdfWords(t *testing.T, pdf []byte) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (from poppler-utils, which make test installs): %v", err)
	}
	info, err := exec.Command("pdfinfo", "-enc", "UTF-8", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	out := []string{strings.ReplaceAll(string(text), "\f", "\n")}
	for _, line := range strings.Split(string(info), "\n") {
		if title, ok := strings.CutPrefix(line, "Title:"); ok {
			out = append(out, strings.TrimSpace(title))
		}
	}
	return out
}

// chartRunText finds the words of a chart's XML: its title and axis titles.
var chartRunText = regexp.MustCompile(`<a:t>([^<]*)</a:t>`)

// xlsxWords are the texts a workbook shows: the names of its visible
// sheets, their cells (hidden columns left out: they hold what the
// program reads back, not words for people), footers, the prompts and
// lists of its validations, and the titles of its charts.
func xlsxWords(t *testing.T, raw []byte) []string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	for _, sheet := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(sheet); err != nil || !visible {
			continue
		}
		out = append(out, sheet)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for c, v := range row {
				name, _ := excelize.ColumnNumberToName(c + 1)
				if shown, _ := f.GetColVisible(sheet, name); shown && v != "" {
					out = append(out, v)
				}
			}
		}
		if hf, err := f.GetHeaderFooter(sheet); err == nil && hf != nil {
			out = append(out, hf.OddHeader, hf.OddFooter, hf.EvenHeader, hf.EvenFooter)
		}
		validations, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range validations {
			for _, s := range []*string{dv.ErrorTitle, dv.Error, dv.PromptTitle, dv.Prompt} {
				if s != nil {
					out = append(out, *s)
				}
			}
			if dv.Type == "list" {
				out = append(out, dv.Formula1)
			}
		}
	}
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range z.File {
		if !strings.HasPrefix(file.Name, "xl/charts/chart") {
			continue
		}
		r, err := file.Open()
		if err != nil {
			t.Fatal(err)
		}
		xml, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range chartRunText.FindAllSubmatch(xml, -1) {
			out = append(out, html.UnescapeString(string(m[1])))
		}
	}
	return out
}

// TestUntranslatedFindsEnglishOutsideTheBrackets: the detector itself, on
// texts whose answer is known.
func TestUntranslatedFindsEnglishOutsideTheBrackets(t *testing.T) {
	for _, c := range []struct {
		text string
		own  []string
		want []string
	}{
		{"⟦Signature⟧ Ольга Иванова", nil, nil},
		{"⟦Day 1 of 3⟧ · понедельник, 2 марта 2026 г.", nil, nil},
		{"Signature ⟦Name⟧", nil, []string{"Signature"}},
		{"⟦present on ⟦3⟧ days⟧ Venue: Chișinău", []string{"Chișinău"}, []string{"Venue"}},
		{"⟦Organised by ⟦a⟧\nand⟧ Ministry of Internal Affairs", []string{"Ministry of Internal Affairs"}, nil},
		{"⟧ stray Monday", nil, []string{"stray", "Monday"}},
	} {
		if got := untranslated(c.text, c.own); !slices.Equal(got, c.want) {
			t.Errorf("untranslated(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	if got := pseudoLanguage(t).L("Signature"); got != "⟦Signature⟧" {
		t.Errorf("the pseudo-language writes Signature as %q", got)
	}
	if got := pseudoLanguage(t).N("{{.Count}} certificate issued and recorded", 5); !strings.HasPrefix(got, "⟦5 ") || unicode.IsLetter([]rune(got)[len([]rune(got))-1]) {
		t.Errorf("the pseudo-language writes a Russian plural as %q", got)
	}
}
