package export

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ncm-register/ncm-register/data"
)

// problems lists the field, key and English message of each problem.
func problems(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *data.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, not a *data.ValidationError", err)
	}
	var out []string
	for _, fe := range ve.Errors {
		out = append(out, fmt.Sprintf("%s %s: %s", fe.Field, fe.Key, fe.Message()))
	}
	return out
}

// TestCheckTemplateGivesEveryProblemBesideItsField: an edited template with
// a problem in each place gets all of them at once, in the order of the
// file, each addressed to the field the editor shows it beside.
func TestCheckTemplateGivesEveryProblemBesideItsField(t *testing.T) {
	tpl := Template{ID: "t", Version: "1", Sections: []TemplateSection{
		{ID: "A", Title: "A", Questions: []Question{
			{ID: "A1", Kind: "narrative", Text: "Q"},
			{ID: "A2", Kind: "narrative", Text: "  "},
		}},
		{ID: "", Title: "No id", Questions: []Question{
			{ID: "A1", Kind: "essay", Text: "Q", AskedOf: []string{"police", "wizards"}, Bindings: []string{"training.courses", "no.such"}},
			{ID: "", Kind: "figures", Text: "Q"},
		}},
		{ID: "A", Title: "A again"},
	}}
	want := []string{
		"title error.required: Required",
		"sections.0.questions.1.text error.template.no_text: The text is empty",
		"sections.1.id error.template.no_section_id: An id is needed, for example “A”",
		"sections.1.questions.0.id error.template.question_twice: A question of section A has the id “A1” too: each question needs its own",
		"sections.1.questions.0.kind error.template.kind: “essay” is not a kind of question; the kinds are narrative, figures, list, yes_no",
		"sections.1.questions.0.asked_of error.template.sector: “wizards” is not a sector code",
		"sections.1.questions.0.bindings error.template.figure: “no.such” is not a figure of the register",
		"sections.1.questions.1.id error.template.no_question_id: An id is needed, for example “A1”",
		"sections.2.id error.template.section_twice: Another section has the id “A” too: each section needs its own",
	}
	if diff := cmp.Diff(want, problems(t, CheckTemplate(tpl))); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if got := problems(t, CheckTemplate(Template{ID: "t\t", Title: "T"})); !cmp.Equal(got, []string{
		"id error.template.control: An id cannot hold a tab, a line break or another control character",
		"sections error.template.no_sections: The questionnaire has no sections"}) {
		t.Errorf("a template with a tab in its id and no sections: %q", got)
	}
	def, err := DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckTemplate(def); err != nil {
		t.Errorf("the built-in template: %v", err)
	}
}

// TestTranslationsAreUnderLanguageCodes: a translation is under the code
// of a language as the program names it (fr, es, ru); another code, one
// written otherwise, or English, is refused beside the field it is in,
// each once and in the order of the codes.
func TestTranslationsAreUnderLanguageCodes(t *testing.T) {
	tpl := Template{ID: "t", Title: "T", Version: "1",
		Titles:      Texts{"fr": "T", "french": "T"},
		Resolutions: Texts{"es": "R"},
		Notes:       Texts{"en": "N"},
		Sections: []TemplateSection{{ID: "A", Title: "A", Titles: Texts{"FR": "A", "ru": "A"}, Questions: []Question{
			{ID: "A1", Kind: "narrative", Text: "Q", Texts: Texts{"fra": "Q", "pt-BR": "Q", "xx": "Q", "": "Q", "es": "P"}},
			{ID: "A2", Kind: "narrative", Text: "Q", Texts: Texts{"de": "F", "zh": "问"}},
		}}}}
	want := []string{
		"titles error.template.language: “french” is not a language code, such as fr, es or ru",
		"notes error.template.language_english: “en” is English: the English is the text itself, not one of its translations",
		"sections.0.titles error.template.language_form: Write the language “FR” as “fr”",
		"sections.0.questions.0.texts error.template.language: “” is not a language code, such as fr, es or ru",
		"sections.0.questions.0.texts error.template.language_form: Write the language “fra” as “fr”",
		"sections.0.questions.0.texts error.template.language: “pt-BR” is not a language code, such as fr, es or ru",
		"sections.0.questions.0.texts error.template.language: “xx” is not a language code, such as fr, es or ru",
	}
	if diff := cmp.Diff(want, problems(t, CheckTemplate(tpl))); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestTemplateFieldOf(t *testing.T) {
	for _, tc := range []struct {
		field      string
		section, q int
		name       string
	}{
		{"title", -1, -1, "title"},
		{"sections", -1, -1, "sections"},
		{SectionField(2, "id"), 2, -1, "id"},
		{QuestionField(0, 11, "bindings"), 0, 11, "bindings"},
		{"sections.x.id", -1, -1, "sections.x.id"},
		{"sections.1.answers.2.id", -1, -1, "sections.1.answers.2.id"},
	} {
		s, q, name := TemplateFieldOf(tc.field)
		if s != tc.section || q != tc.q || name != tc.name {
			t.Errorf("TemplateFieldOf(%q) = %d, %d, %q; want %d, %d, %q", tc.field, s, q, name, tc.section, tc.q, tc.name)
		}
	}
}
