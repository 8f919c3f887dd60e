package export

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ncm-register/ncm-register/assets"
	"github.com/ncm-register/ncm-register/data"
)

func TestDefaultTemplateCoversSectionsAToH(t *testing.T) {
	tpl, err := DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	bound := 0
	for _, s := range tpl.Sections {
		ids = append(ids, s.ID)
		if len(s.Questions) == 0 {
			t.Errorf("section %s has no question", s.ID)
		}
		for _, q := range s.Questions {
			bound += len(q.Bindings)
		}
	}
	if strings.Join(ids, "") != "ABCDEFGH" {
		t.Errorf("sections %v, want A to H", ids)
	}
	if bound < 15 {
		t.Errorf("only %d bindings to figures of the register", bound)
	}
	if !strings.Contains(tpl.Note, "not at hand") {
		t.Error("the cover note should say the official text is not at hand")
	}
}

func TestBrokenTemplatesAreRefusedWithTheirLine(t *testing.T) {
	base := `{
  "id": "t",
  "title": "T",
  "sections": [
    {"id": "A", "title": "A", "questions": [
      {"id": "A1", "kind": "figures", "text": "Q", "bindings": ["training.courses"]}
    ]}
  ]
}`
	if _, err := ParseTemplate([]byte(base)); err != nil {
		t.Fatalf("a good template was refused: %v", err)
	}
	for _, tc := range []struct {
		name, from, to, want string
	}{
		{"unknown figure", `"training.courses"`, `"training.nothing"`, "line 6: question A1: “training.nothing” is not a figure of the register"},
		{"unknown kind", `"figures"`, `"essay"`, "line 6: question A1: “essay” is not a kind of question"},
		{"syntax", `"Q",`, `"Q"`, "line 6: not valid JSON"},
		{"empty text", `"text": "Q"`, `"text": "  "`, "line 6: question A1: the text is empty"},
		{"no question id", `"id": "A1", `, ``, "line 6: question 1 of section A: an id is needed"},
		{"unknown field", `"text": "Q"`, `"txt": "Q"`, `line 6: json: unknown field "txt"`},
		{"translation under a name", `"text": "Q"`, `"text": "Q", "texts": {"fr": "Q", "french": "Q"}`, "line 6: question A1: “french” is not a language code"},
		{"translation in English", `"title": "T"`, `"title": "T", "titles": {"en": "T"}`, "line 1: the template's titles: “en” is English: the English is the text itself"},
		{"unknown sector", `"kind"`, `"asked_of": ["wizards"], "kind"`, "line 6: question A1: “wizards” is not a sector code"},
		{"wrong type", `"bindings": ["training.courses"]`, `"bindings": "training.courses"`, "should be a []string"},
		{"a key twice", `"kind": "figures"`, `"kind": "figures", "kind": "narrative"`, `line 6: the key "kind" is written twice`},
		{"trailing data", "]\n}", "]\n}\n{\"id\": \"u\"}", "line 10: there is more after the end of the template"},
		{"trailing garbage", "]\n}", "]\n} x", "line 9: not valid JSON"},
		{"not UTF-8", `"T"`, "\"T\xe9\"", "line 3: the file is not UTF-8 text"},
		{"control character in an id", `"id": "A1"`, `"id": "A\u00071"`, `line 6: the id "A\a1" holds a control character`},
		{"section twice", `{"id": "A", "title": "A", "questions": [`, `{"id": "A", "title": "A", "questions": []},
    {"id": "A", "title": "A again", "questions": [`, "line 6: section A: another section has the id “A” too"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseTemplate([]byte(strings.Replace(base, tc.from, tc.to, 1)))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := ParseTemplate([]byte(`{"id": "t", "title": "T", "sections": []}`)); err == nil ||
		!strings.Contains(err.Error(), "no sections") {
		t.Errorf("a template without sections: %v", err)
	}
	twice := strings.Replace(base, `{"id": "A1", "kind": "figures", "text": "Q", "bindings": ["training.courses"]}`,
		`{"id": "A1", "kind": "figures", "text": "Q"}, {"id": "A1", "kind": "narrative", "text": "Q2"}`, 1)
	if _, err := ParseTemplate([]byte(twice)); err == nil || !strings.Contains(err.Error(), "line 6: question A1: a question of section A has the id “A1” too") {
		t.Errorf("a question id used twice: %v", err)
	}
}

func TestCompleteness(t *testing.T) {
	tpl, err := DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	answers := map[string]data.Answer{
		"A1": {QuestionID: "A1", YesNo: "yes"},
		"C1": {QuestionID: "C1", Narrative: "The committee …"},
	}
	figures := map[string]data.FigureValue{"mechanism.members": {Total: 12}, "mechanism.members_by_sector": {Total: 12}}
	c := CheckCompleteness(tpl, answers, figures)
	total := 0
	for _, s := range tpl.Sections {
		total += len(s.Questions)
	}
	if c.Questions != total || len(c.Unanswered) != total-2 {
		t.Errorf("%d questions, %d unanswered; want %d and %d", c.Questions, len(c.Unanswered), total, total-2)
	}
	for _, id := range c.Unanswered {
		if id == "A1" || id == "C1" {
			t.Errorf("%s is answered", id)
		}
	}
	for _, z := range c.ZeroFigures {
		if z == "C1: mechanism.members" {
			t.Error("a figure of 12 is listed as zero")
		}
	}
	if !contains(c.ZeroFigures, "C1: mechanism.government") {
		t.Errorf("a missing figure is not listed: %v", c.ZeroFigures)
	}

	// Not available is not zero: nobody entered the figure, or some years of it.
	q := boundTo(t, tpl, "statistics.convicted")
	figures["statistics.convicted"] = data.FigureValue{Unknown: true}
	c = CheckCompleteness(tpl, answers, figures)
	if want := q + ": statistics.convicted: not available"; !contains(c.NotAvailable, want) || contains(c.ZeroFigures, q+": statistics.convicted") {
		t.Errorf("a figure nobody entered: not available %v, zero %v; want %q", c.NotAvailable, c.ZeroFigures, want)
	}
	figures["statistics.convicted"] = data.FigureValue{Total: 9, Rows: []data.FigureRow{{Code: "2024", Label: "2024", Value: 9}}, Missing: []string{"2025"}}
	c = CheckCompleteness(tpl, answers, figures)
	if want := q + ": statistics.convicted: not available for 2025"; !contains(c.NotAvailable, want) {
		t.Errorf("a year nobody entered: %v, want %q", c.NotAvailable, want)
	}
}

// boundTo is the id of the first question of the template bound to a figure.
func boundTo(t *testing.T, tpl Template, figure string) string {
	t.Helper()
	for _, s := range tpl.Sections {
		for _, q := range s.Questions {
			if slices.Contains(q.Bindings, figure) {
				return q.ID
			}
		}
	}
	t.Fatalf("no question bound to %s", figure)
	return ""
}

func TestLoadedTemplatesAreKeptAndFound(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(ctx, filepath.Join(t.TempDir(), "r.db"), data.Options{Device: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	raw := []byte(`{"id": "official", "version": "2027", "title": "Official questionnaire",
  "sections": [{"id": "I", "title": "Coordination", "questions": [
    {"id": "I.1", "kind": "figures", "text": "Members?", "bindings": ["mechanism.members"]}]}]}`)
	if _, err := LoadTemplate(ctx, s, []byte(`{"id": "broken", "title": "x", "sections": [{"id": "A", "questions": [
    {"id": "A1", "kind": "figures", "text": "?", "bindings": ["no.such.figure"]}]}]}`)); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a template binding an unknown figure: %v", err)
	}
	if _, err := LoadTemplate(ctx, s, raw); err != nil {
		t.Fatal(err)
	}
	list, err := Templates(ctx, s)
	if err != nil || len(list) != 2 || list[0].ID != "ecosoc-2006-27" || list[1].ID != "official" {
		t.Fatalf("templates %+v, %v", list, err)
	}
	got, err := TemplateOf(ctx, s, "official", "2027")
	if err != nil || got.Sections[0].Questions[0].ID != "I.1" || strings.Join(got.Bindings(), ",") != "mechanism.members" {
		t.Errorf("the loaded template: %+v, %v", got, err)
	}
	if _, err := TemplateOf(ctx, s, "official", "2030"); err == nil || !strings.Contains(err.Error(), "load its template file") {
		t.Errorf("a template not loaded: %v", err)
	}
}

func TestSilentAgencies(t *testing.T) {
	tpl, err := DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	members := []data.Organisation{{ID: "p", Name: "Police", Sector: "police"}, {ID: "n", Name: "NGO", Sector: "ngo"},
		{ID: "m", Name: "Media", Sector: "media"}}
	got := SilentAgencies(tpl, members, []data.Contribution{{OrganisationID: "n", QuestionID: "D1"}})
	if len(got) != 1 || got[0].ID != "p" {
		t.Errorf("silent agencies %+v; want the police only (the NGO contributed, the media are asked nothing)", got)
	}
}

// bigTemplate is a template of n questions, one a line, in sections of 100.
func bigTemplate(n int) []byte {
	var b strings.Builder
	b.WriteString("{\n\"id\": \"big\",\n\"title\": \"Big\",\n\"sections\": [\n")
	for s := 0; s*100 < n; s++ {
		if s > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, "{\"id\": \"S%d\", \"title\": \"Section %d\", \"questions\": [\n", s, s)
		for q := s * 100; q < min(n, (s+1)*100); q++ {
			if q > s*100 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, "{\"id\": \"Q%d\", \"kind\": \"figures\", \"text\": \"Question %d\", \"bindings\": [\"training.courses\"]}", q, q)
		}
		b.WriteString("\n]}")
	}
	b.WriteString("\n]\n}\n")
	return []byte(b.String())
}

func TestALargeTemplateNamesTheLineOfItsLastQuestion(t *testing.T) {
	raw := bigTemplate(10_000)
	tpl, err := ParseTemplate(raw)
	if err != nil || len(tpl.Sections) != 100 {
		t.Fatalf("%d sections, %v", len(tpl.Sections), err)
	}
	broken := bytes.Replace(raw, []byte(`"id": "Q9999", "kind": "figures"`), []byte(`"id": "Q9999", "kind": "essay"`), 1)
	lines := bytes.Split(raw, []byte("\n"))
	want := 0
	for i, l := range lines {
		if bytes.Contains(l, []byte(`"Q9999"`)) {
			want = i + 1
		}
	}
	if _, err := ParseTemplate(broken); err == nil || !strings.HasPrefix(err.Error(), fmt.Sprintf("line %d: question Q9999", want)) {
		t.Errorf("err = %v, want line %d", err, want)
	}
}

// BenchmarkParseTemplate: parsing is linear (it took 14 s for 10,000
// questions and 3 min 45 s for 40,000 when each question's line was
// searched from the file's start).
func BenchmarkParseTemplate(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 40_000} {
		raw := bigTemplate(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseTemplate(raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTemplateOfAStoredTemplate: a reply's template, read again on
// every reload, is parsed once.
func BenchmarkTemplateOfAStoredTemplate(b *testing.B) {
	s, err := data.Open(context.Background(), filepath.Join(b.TempDir(), "r.db"), data.Options{Device: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := LoadTemplate(context.Background(), s, bigTemplate(10_000)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := TemplateOf(context.Background(), s, "big", ""); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzParseTemplate: no file makes the parser panic; a refusal names a
// line of the file; a template accepted has an id, a title and sections,
// and writes out to JSON that parses to the same template.
func FuzzParseTemplate(f *testing.F) {
	raw, err := assets.Questionnaires.ReadFile("questionnaires/ecosoc-2006-27.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add(bigTemplate(3))
	for _, seed := range []string{
		`{"id": "t", "title": "T", "sections": [{"id": "A", "title": "A", "questions": [{"id": "A1", "kind": "narrative", "text": "Q"}]}]}`,
		`{"id": "t", "title": "T", "titles": {}, "sections": [{"id": "A", "title": "A", "titles": {"fr": "A"}, "questions": [{"id": "A1", "kind": "narrative", "text": "Q", "texts": {}}]}]}`,
		`{"id": "t", "id": "u"}`, `{"id": "t"} {"id": "u"}`, "{\"id\": \"t\xff\"}", `{"id": "A\u0007"}`, `[`, ``, `null`, `{"sections": null}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		tpl, err := ParseTemplate(raw)
		if err != nil {
			var te *TemplateError
			if !errors.As(err, &te) || te.Line < 0 || te.Line > bytes.Count(raw, []byte("\n"))+1 {
				t.Fatalf("refused with %v, not a line of the file", err)
			}
			return
		}
		if tpl.ID == "" || tpl.Title == "" || len(tpl.Sections) == 0 {
			t.Fatalf("accepted a template without id, title or sections: %+v", tpl)
		}
		out, err := json.Marshal(tpl)
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParseTemplate(out)
		if err != nil || !reflect.DeepEqual(normalised(again), normalised(tpl)) {
			t.Fatalf("written out and read again: %v\n%+v\n%+v", err, again, tpl)
		}
	})
}

// normalised treats a missing list and an empty one alike, and missing
// translations and an empty object of them.
func normalised(t Template) Template {
	t = t.clone()
	t.eachText(func(_, _ string, texts *Texts) {
		if len(*texts) == 0 {
			*texts = nil
		}
	})
	for i := range t.Sections {
		if len(t.Sections[i].Questions) == 0 {
			t.Sections[i].Questions = nil
		}
		for j := range t.Sections[i].Questions {
			q := &t.Sections[i].Questions[j]
			if len(q.AskedOf) == 0 {
				q.AskedOf = nil
			}
			if len(q.Bindings) == 0 {
				q.Bindings = nil
			}
		}
	}
	return t
}

func TestATemplateFileTooLargeIsRefusedBeforeItIsRead(t *testing.T) {
	if raw, err := ReadTemplateSource(bytes.NewReader(bigTemplate(1000))); err != nil || len(raw) == 0 {
		t.Fatalf("a template of 1,000 questions: %v", err)
	}
	// An endless stream: reading stops just past the bound.
	_, err := ReadTemplateSource(io.LimitReader(zeros{}, 1<<40))
	var te *TemplateError
	if !errors.As(err, &te) || !strings.Contains(err.Error(), "larger than 16 MB") {
		t.Errorf("err = %v, want the file refused for its size", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }
