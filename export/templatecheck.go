package export

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/ncm-register/ncm-register/data"
)

// CheckTemplate checks a questionnaire as the program holds it, whether
// decoded from a file or edited in the window, and gives every problem at
// once (a *data.ValidationError, or nil), each addressed to its field:
//
//	title, id, version, titles, resolutions, notes, sections   the questionnaire's
//	sections.<i>.id|titles                            a section's
//	sections.<i>.questions.<j>.id|text|texts|kind|asked_of|bindings   a question's
//
// with i and j counted from 0. TemplateFieldOf takes an address apart.
// ParseTemplate reports the first problem with the line of the file it is on.
func CheckTemplate(t Template) error {
	var c templateCheck
	if strings.TrimSpace(t.ID) == "" {
		c.add("id", "error.required", "Required", nil)
	}
	if strings.TrimSpace(t.Title) == "" {
		c.add("title", "error.required", "Required", nil)
	}
	c.controls("id", t.ID)
	c.controls("version", t.Version)
	c.languages("titles", t.Titles)
	c.languages("resolutions", t.Resolutions)
	c.languages("notes", t.Notes)
	if len(t.Sections) == 0 {
		c.add("sections", "error.template.no_sections", "The questionnaire has no sections", nil)
	}
	sections := map[string]bool{}
	questions := map[string]string{} // question id → the id of its section
	for i, sec := range t.Sections {
		at := SectionField(i, "id")
		switch {
		case strings.TrimSpace(sec.ID) == "":
			c.add(at, "error.template.no_section_id", "An id is needed, for example “A”", nil)
		case sections[sec.ID]:
			c.add(at, "error.template.section_twice", "Another section has the id “{{.ID}}” too: each section needs its own", map[string]any{"ID": sec.ID})
		}
		c.controls(at, sec.ID)
		c.languages(SectionField(i, "titles"), sec.Titles)
		sections[sec.ID] = true
		for j, q := range sec.Questions {
			c.question(i, j, q, sec.ID, questions)
		}
	}
	if len(c.errs) == 0 {
		return nil
	}
	return &data.ValidationError{Errors: c.errs}
}

// question checks one question: an id of its own, a text, a known kind, and
// sectors and figures the register knows.
func (c *templateCheck) question(i, j int, q Question, section string, seen map[string]string) {
	at := func(name string) string { return QuestionField(i, j, name) }
	switch in, twice := seen[q.ID]; {
	case strings.TrimSpace(q.ID) == "":
		c.add(at("id"), "error.template.no_question_id", "An id is needed, for example “A1”", nil)
	case twice:
		c.add(at("id"), "error.template.question_twice", "A question of section {{.Section}} has the id “{{.ID}}” too: each question needs its own",
			map[string]any{"ID": q.ID, "Section": in})
	default:
		seen[q.ID] = section
	}
	c.controls(at("id"), q.ID)
	if strings.TrimSpace(q.Text) == "" {
		c.add(at("text"), "error.template.no_text", "The text is empty", nil)
	}
	c.languages(at("texts"), q.Texts)
	if !contains(QuestionKinds, q.Kind) {
		c.add(at("kind"), "error.template.kind", "“{{.Kind}}” is not a kind of question; the kinds are {{.Kinds}}",
			map[string]any{"Kind": q.Kind, "Kinds": strings.Join(QuestionKinds, ", ")})
	}
	for _, sector := range q.AskedOf {
		if _, ok := data.SectorByCode(sector); !ok {
			c.add(at("asked_of"), "error.template.sector", "“{{.Sector}}” is not a sector code", map[string]any{"Sector": sector})
		}
	}
	for _, b := range q.Bindings {
		if _, ok := data.NamedFigureByName(b); !ok {
			c.add(at("bindings"), "error.template.figure", "“{{.Figure}}” is not a figure of the register", map[string]any{"Figure": b})
		}
	}
}

// templateCheck collects the problems of a template in the order of its
// file, so that the first is the one a reader of the file meets first.
type templateCheck struct{ errs []data.FieldError }

func (c *templateCheck) add(field, key, tmpl string, values map[string]any) {
	c.errs = append(c.errs, data.FieldError{Field: field, Key: key, Template: tmpl, Data: values})
}

// controls refuses an id with a control character (a tab pasted into the
// field): ids name questions in workbooks and files sent to agencies.
func (c *templateCheck) controls(field, id string) {
	if strings.IndexFunc(id, unicode.IsControl) >= 0 {
		c.add(field, "error.template.control", "An id cannot hold a tab, a line break or another control character", nil)
	}
}

// languages refuses a translation under a code that is not a language's
// as the program names its languages (the base language of BCP 47, in
// lower case: "fr", "es", "ru"): a reply in French looks for "fr", and
// would never find "FR", "fra" or "french". English is the text itself,
// so "en" is refused too: it would stand in for the English text.
func (c *templateCheck) languages(field string, texts Texts) {
	codes := make([]string, 0, len(texts))
	for code := range texts {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
		base, err := language.ParseBase(code)
		switch {
		case err != nil || base.String() == "und":
			c.add(field, "error.template.language", "“{{.Code}}” is not a language code, such as fr, es or ru", map[string]any{"Code": code})
		case base.String() != code:
			c.add(field, "error.template.language_form", "Write the language “{{.Code}}” as “{{.Base}}”",
				map[string]any{"Code": code, "Base": base.String()})
		case code == "en":
			c.add(field, "error.template.language_english", "“{{.Code}}” is English: the English is the text itself, not one of its translations", map[string]any{"Code": code})
		}
	}
}

// SectionField is the address of a field of the i-th section.
func SectionField(i int, name string) string {
	return "sections." + strconv.Itoa(i) + "." + name
}

// QuestionField is the address of a field of the j-th question of the
// i-th section.
func QuestionField(i, j int, name string) string {
	return fmt.Sprintf("sections.%d.questions.%d.%s", i, j, name)
}

// TemplateFieldOf takes a field address of CheckTemplate apart: the section
// and question it is in (-1 for none) and the field's name.
func TemplateFieldOf(field string) (section, question int, name string) {
	parts := strings.Split(field, ".")
	section, question, name = -1, -1, field
	if len(parts) < 3 || parts[0] != "sections" {
		return
	}
	i, err := strconv.Atoi(parts[1])
	if err != nil {
		return
	}
	if len(parts) == 3 {
		return i, -1, parts[2]
	}
	j, err := strconv.Atoi(parts[3])
	if len(parts) != 5 || parts[2] != "questions" || err != nil {
		return
	}
	return i, j, parts[4]
}
