package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ncm-register/ncm-register/locale"
)

// TestTheBuiltInTemplateIsInFrenchSpanishAndRussian: the title, the
// resolution, the note, every section's title and every question have
// words of their own in each language (not the English copied), in the
// terms of the Trafficking in Persons Protocol in that language; a
// language the template lacks gets the English.
func TestTheBuiltInTemplateIsInFrenchSpanishAndRussian(t *testing.T) {
	tpl, err := DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	trafficking := map[string]string{"fr": "traite des personnes", "es": "trata de personas", "ru": "торговл"}
	for code, term := range trafficking {
		t.Run(code, func(t *testing.T) {
			translated := func(what, english, text string) {
				t.Helper()
				if strings.TrimSpace(text) == "" || text == english {
					t.Errorf("%s in %s is %q (English %q)", what, code, text, english)
				}
			}
			translated("the title", tpl.Title, tpl.TitleIn(code))
			translated("the resolution", tpl.Resolution, tpl.ResolutionIn(code))
			translated("the note", tpl.Note, tpl.NoteIn(code))
			if r := tpl.ResolutionIn(code); !strings.Contains(r, "2006/27") || !strings.Contains(r, term) {
				t.Errorf("the resolution in %s does not name 2006/27 and %q: %q", code, term, r)
			}
			if n := tpl.NoteIn(code); !strings.Contains(n, "E/CN.15/2008/6") {
				t.Errorf("the note in %s lost the report's symbol: %q", code, n)
			}
			uses := 0
			for _, sec := range tpl.Sections {
				translated("section "+sec.ID, sec.Title, sec.TitleIn(code))
				for _, q := range sec.Questions {
					translated("question "+q.ID, q.Text, q.TextIn(code))
					if strings.Contains(q.TextIn(code), term) {
						uses++
					}
				}
			}
			if english := questionsWith(tpl, "trafficking in persons"); uses < english {
				t.Errorf("%d questions in %s say %q; %d say trafficking in persons in English", uses, code, term, english)
			}
		})
	}

	// German is not in the template: English, and the template unchanged.
	sec, q := tpl.Sections[0], tpl.Sections[0].Questions[0]
	if tpl.TitleIn("de") != tpl.Title || tpl.ResolutionIn("de") != tpl.Resolution || tpl.NoteIn("de") != tpl.Note ||
		sec.TitleIn("de") != sec.Title || q.TextIn("de") != q.Text || q.TextIn("en") != q.Text {
		t.Errorf("a language the template lacks does not fall back to English: %q, %q, %q", tpl.TitleIn("de"), sec.TitleIn("de"), q.TextIn("de"))
	}
	if _, ok := q.Texts["de"]; ok {
		t.Error("asking for German added it")
	}
	// A translation left empty is no translation.
	q.Texts = Texts{"fr": ""}
	if q.TextIn("fr") != q.Text {
		t.Errorf("an empty French text gives %q, not the English", q.TextIn("fr"))
	}
}

// questionsWith counts the questions whose English says s.
func questionsWith(tpl Template, s string) int {
	n := 0
	for _, sec := range tpl.Sections {
		for _, q := range sec.Questions {
			if strings.Contains(q.Text, s) {
				n++
			}
		}
	}
	return n
}

// testTranslator is a translator of a language the program has no file
// for: a few strings of the reply, the rest in English.
func testTranslator(t *testing.T, tag string, translated map[string]string) *locale.Translator {
	t.Helper()
	raw, err := json.Marshal(translated)
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{"t/en.json": {Data: []byte("{}")}, "t/" + tag + ".json": {Data: raw}}
	tr, err := locale.FromFiles(files, "t", tag)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Code() != tag {
		t.Fatalf("the translator speaks %q, not %q", tr.Code(), tag)
	}
	return tr
}

// TestAFrenchReplyPrintsTheFrenchQuestions: a reply written in French,
// with the program's French, has the template's French title and
// resolution on its cover, and each section's sheet is named and headed
// in French and asks the French questions; the answers typed stay as they
// were.
func TestAFrenchReplyPrintsTheFrenchQuestions(t *testing.T) {
	r := newReplyRegister(t)
	c := r.load(t)
	fr := locale.For("fr")
	if c.Language = fr; fr.Code() != "fr" || fr.L("Resolution") == "Resolution" {
		t.Fatalf("the program's French is %q (Resolution: %q)", fr.Code(), fr.L("Resolution"))
	}
	f, _ := workbook(t, c)

	cover := sheetRows(t, f, fr.L("Cover"))
	if cover[0][0] != r.tpl.TitleIn("fr") || rowStarting(cover, fr.L("Resolution"), r.tpl.ResolutionIn("fr")) == 0 {
		t.Errorf("the cover lacks the French title or resolution:\n%q", cover)
	}
	sheets := f.GetSheetList()
	for i, sec := range r.tpl.Sections {
		sheet := sheets[1+i]
		if !strings.HasPrefix(sheet, sec.ID+" ") || !strings.HasPrefix(sec.TitleIn("fr"), strings.TrimPrefix(sheet, sec.ID+" ")) {
			t.Errorf("the sheet of section %s is named %q; want its French title %q", sec.ID, sheet, sec.TitleIn("fr"))
			continue
		}
		rows := sheetRows(t, f, sheet)
		if rows[0][0] != sec.ID+". "+sec.TitleIn("fr") {
			t.Errorf("sheet %q is headed %q", sheet, rows[0][0])
		}
		for _, q := range sec.Questions {
			at := rowStarting(rows, q.ID)
			if at == 0 || rows[at-1][1] != q.TextIn("fr") {
				t.Errorf("sheet %q does not ask %s in French (%q):\n%q", sheet, q.ID, q.TextIn("fr"), rows)
			}
		}
	}
	a := sheetRows(t, f, sheets[1])
	if a1 := rowStarting(a, "A1"); a1 == 0 || a[a1][1] != "Both ratified on 16 September 2005." {
		t.Errorf("A1's answer in the French reply:\n%q", a)
	}

	// A language the template lacks asks the English questions.
	c.Language = testTranslator(t, "de", map[string]string{"Cover": "Deckblatt"})
	f, _ = workbook(t, c)
	if rows := sheetRows(t, f, "A Legal framework"); rowStarting(rows, "A1", r.tpl.Sections[0].Questions[0].Text) == 0 {
		t.Errorf("a German reply does not ask A1 in English:\n%q", rows)
	}
}

// TestARussianReplyPDFHasTheRussianSections: a reply written in Russian,
// with the program's Russian, prints the resolution, the section titles
// and the questions in Russian.
func TestARussianReplyPDFHasTheRussianSections(t *testing.T) {
	r := newReplyRegister(t)
	c := r.load(t)
	if c.Language = locale.For("ru"); c.Language.Code() != "ru" {
		t.Fatalf("the program's Russian is %q", c.Language.Code())
	}
	var b bytes.Buffer
	if err := ReplyPDF(&b, c); err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(strings.Join(pdfText(t, b.Bytes()), "\n")), " ")
	want := []string{r.tpl.ResolutionIn("ru")[:60]}
	for _, sec := range r.tpl.Sections {
		want = append(want, sec.ID+". "+sec.TitleIn("ru"))
	}
	want = append(want, "G1. "+r.tpl.Sections[6].Questions[0].TextIn("ru")[:40])
	for _, w := range want {
		if w = strings.Join(strings.Fields(w), " "); !strings.Contains(flat, w) {
			t.Errorf("the Russian PDF lacks %q", w)
		}
	}
	if strings.Contains(flat, r.tpl.Sections[0].Title) {
		t.Errorf("the Russian PDF has the English title of section A")
	}
}
