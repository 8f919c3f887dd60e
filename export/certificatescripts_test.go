package export

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ncm-register/ncm-register/data"
)

// scriptNames are participants' names and organisations in the scripts of
// the regions that use the program.
var scriptNames = []data.Certificate{
	{Number: "2026-0001", Name: "Ionuț Popescu-Gómez", OrganisationName: "Centrul „Speranța”"},
	{Number: "2026-0002", Name: "Ольга Иванова", OrganisationName: "МВД — Управление"},
	{Number: "2026-0003", Name: "Γιώργος Παπαδόπουλος", OrganisationName: "Ελληνική Αστυνομία"},
	{Number: "2026-0004", Name: "王伟", OrganisationName: "公安部 (Ministry of Public Security)"},
	{Number: "2026-0005", Name: "प्रिया शर्मा", OrganisationName: "महिला एवं बाल विकास मंत्रालय"},
	{Number: "2026-0006", Name: "ნინო ბერიძე", OrganisationName: "შინაგან საქმეთა სამინისტრო"},
	{Number: "2026-0007", Name: "Անի Հակոբյան", OrganisationName: "Ոստիկանություն"},
	{Number: "2026-0008", Name: "さくら 김민준", OrganisationName: "สมชาย ใจดี"},
	{Number: "2026-0009", Name: "አበበ ቢቂላ", OrganisationName: "Nino ნინო (mixed)"},
}

var scriptsCourse = data.Course{Title: "Victim identification", FirstDay: "2026-03-02", LastDay: "2026-03-03", Venue: "Tbilisi"}

// pdfFonts lists the fonts a PDF embeds, as poppler's pdffonts names them.
func pdfFonts(t *testing.T, pdf []byte) map[string]bool {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatalf("pdffonts (from poppler-utils, which make test installs): %v", err)
	}
	fonts := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n")[2:] {
		if f := strings.Fields(line); len(f) > 0 {
			fonts[f[0]] = f[len(f)-5] == "yes" // name … emb sub uni object ID
		}
	}
	return fonts
}

// pdfLineFonts reads back, with poppler's pdftohtml, the family of the
// font each line of a PDF is printed in. pdftotext alone would not tell a
// name printed as empty boxes in DejaVu from one printed in its font: both
// read back as typed.
func pdfLineFonts(t *testing.T, pdf []byte) map[string]string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftohtml", "-xml", "-stdout", "-i", path).Output()
	if err != nil {
		t.Fatalf("pdftohtml (from poppler-utils, which make test installs): %v", err)
	}
	var doc struct {
		Pages []struct {
			Fonts []struct {
				ID     string `xml:"id,attr"`
				Family string `xml:"family,attr"`
			} `xml:"fontspec"`
			Lines []struct {
				Font  string `xml:"font,attr"`
				Text  string `xml:",chardata"`
				Bold  string `xml:"b"`
				Slant string `xml:"i"`
			} `xml:"text"`
		} `xml:"page"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	families, lines := map[string]string{}, map[string]string{}
	for _, p := range doc.Pages {
		for _, f := range p.Fonts { // a font is specified on the first page that uses it
			families[f.ID] = f.Family
		}
		for _, l := range p.Lines {
			lines[strings.TrimSpace(l.Text+l.Bold+l.Slant)] = families[l.Font]
		}
	}
	return lines
}

// TestCertificatesPrintNamesInEveryScript: names in Latin with accents,
// Cyrillic, Greek, Chinese, Devanagari, Georgian, Armenian, Japanese,
// Korean, Thai and Ethiopic come back from the PDF as typed, and the PDF
// embeds the fallback fonts that print them.
func TestCertificatesPrintNamesInEveryScript(t *testing.T) {
	var b bytes.Buffer
	if err := Certificates(&b, nil, scriptsCourse, []string{"საქართველოს შსს", "UNODC"}, scriptNames, data.DefaultCertificateTemplate(), false); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, b.Bytes())
	if len(pages) != len(scriptNames) {
		t.Fatalf("%d pages for %d certificates", len(pages), len(scriptNames))
	}
	for i, c := range scriptNames {
		for _, want := range []string{c.Name, c.OrganisationName, "საქართველოს შსს"} {
			if !strings.Contains(pages[i], want) {
				t.Errorf("certificate %s lacks %q:\n%s", c.Number, want, pages[i])
			}
		}
	}
	// Each line in the font of its script: the names in bold where the font has it.
	lines := pdfLineFonts(t, b.Bytes())
	for text, want := range map[string]string{
		"Ionuț Popescu-Gómez": "dejavuB", "Ольга Иванова": "dejavuB", "Ελληνική Αστυνομία": "dejavu",
		"王伟": "cjk", "公安部 (Ministry of Public Security)": "cjk", "さくら 김민준": "cjk",
		"प्रिया शर्मा": "notoscriptsB", "महिला एवं बाल विकास मंत्रालय": "notoscripts",
		"ნინო ბერიძე": "notoscriptsB", "Անի Հակոբյան": "notoscriptsB", "สมชาย ใจดี": "notoscripts",
		"አበበ ቢቂላ": "notoscriptsB", "Nino ნინო (mixed)": "notoscripts", "Organised by საქართველოს შსს, UNODC": "notoscripts",
	} {
		if got := lines[text]; got != "utf8"+want {
			t.Errorf("%q is printed in %q, want utf8%s", text, got, want)
		}
	}
	fonts := pdfFonts(t, b.Bytes())
	for _, want := range []string{"utf8" + fontFamily, "utf8" + fontFamily + "B", "utf8" + scriptsFamily, "utf8" + scriptsFamily + "B", "utf8" + cjkFamily} {
		if !fonts[want] {
			t.Errorf("%s is not embedded; the PDF has %v", want, fonts)
		}
	}
}

// TestDocumentsEmbedOnlyTheFontsTheyNeed: a document in Latin, Greek and
// Cyrillic alone carries neither fallback font (the CJK one alone would
// cost each document its parsing and an embedded copy).
func TestDocumentsEmbedOnlyTheFontsTheyNeed(t *testing.T) {
	var b bytes.Buffer
	if err := Certificates(&b, nil, scriptsCourse, nil, scriptNames[:3], data.DefaultCertificateTemplate(), false); err != nil {
		t.Fatal(err)
	}
	fonts := pdfFonts(t, b.Bytes())
	if !fonts["utf8"+fontFamily] {
		t.Errorf("DejaVu is not embedded: %v", fonts)
	}
	for name := range fonts {
		if strings.Contains(name, scriptsFamily) || strings.Contains(name, cjkFamily) {
			t.Errorf("%s is embedded in a document that does not use it", name)
		}
	}
}

// TestDocumentsRefuseArabicAndHebrew: a name in Arabic or Hebrew script
// stops the document before anything is written, with an error that names
// the record, the field and the script and says why in words.
func TestDocumentsRefuseArabicAndHebrew(t *testing.T) {
	arabic := data.Certificate{Number: "2026-0100", Name: "محمد العلي", OrganisationName: "Ministry"}
	hebrew := data.Participant{Name: "Dana Levi", OrganisationName: "משטרת ישראל", Status: data.StatusConfirmed}
	for _, c := range []struct {
		what          string
		write         func(*bytes.Buffer) error
		record, field string
		script        string
		message       string
	}{
		{"certificate", func(b *bytes.Buffer) error {
			return Certificates(b, nil, scriptsCourse, nil, append(scriptNames[:2:2], arabic), data.DefaultCertificateTemplate(), false)
		}, "certificate 2026-0100", "name", "Arabic",
			"the name “محمد العلي” of certificate 2026-0100 is written in Arabic script, which PDF documents cannot print yet; " +
				"its letters would come out unjoined and in the wrong order"},
		{"sign-in sheets", func(b *bytes.Buffer) error {
			return SignInSheets(b, nil, scriptsCourse, []data.Participant{{Name: "Ольга Иванова", Status: data.StatusConfirmed}, hebrew}, 2)
		}, "participant 2 on the sheets", "organisation", "Hebrew",
			"the organisation “משטרת ישראל” of participant 2 on the sheets is written in Hebrew script, which PDF documents cannot print yet; " +
				"its letters would come out in the wrong order"},
		{"member list", func(b *bytes.Buffer) error {
			return MemberListPDF(b, nil, data.Body{Name: "National Commission"}, []data.Organisation{{Name: "Police"}, {Name: "وزارة العدل"}})
		}, "member 2 of the list", "name", "Arabic", ""},
	} {
		var b bytes.Buffer
		err := c.write(&b)
		var refused *UnprintableScriptError
		if !errors.As(err, &refused) {
			t.Errorf("%s: error %v, want an UnprintableScriptError", c.what, err)
			continue
		}
		if refused.Record != c.record || refused.Field != c.field || refused.Script != c.script {
			t.Errorf("%s: refused %+v, want %s's %s in %s", c.what, refused, c.record, c.field, c.script)
		}
		if c.message != "" && err.Error() != c.message {
			t.Errorf("%s: the message says\n%s\nwant\n%s", c.what, err, c.message)
		}
		if b.Len() > 0 {
			t.Errorf("%s: %d bytes written before the refusal", c.what, b.Len())
		}
	}
}
