package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sync"

	"github.com/ncm-register/ncm-register/assets"
	"github.com/ncm-register/ncm-register/data"
)

// Template is a questionnaire: sections of numbered questions, each of a
// kind, asked of some sectors, and bound to named figures of the register.
//
// Its words are in English (Title, Text …) and, where the template gives
// them, in other languages by code (Titles["fr"], Texts["ru"] …): a reply
// in French prints the French questions, or the English where a template
// has no French.
type Template struct {
	ID          string            `json:"id"`
	Version     string            `json:"version"`
	Title       string            `json:"title"`
	Titles      Texts             `json:"titles,omitempty"`
	Resolution  string            `json:"resolution"`
	Resolutions Texts             `json:"resolutions,omitempty"`
	Note        string            `json:"note"`
	Notes       Texts             `json:"notes,omitempty"`
	Sections    []TemplateSection `json:"sections"`
}

// TemplateSection is a section of a questionnaire (A to H in the default).
type TemplateSection struct {
	ID        string     `json:"id"`
	Title     string     `json:"title"`
	Titles    Texts      `json:"titles,omitempty"`
	Questions []Question `json:"questions"`
}

// Question is one question of a questionnaire.
type Question struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"` // narrative, figures, list, yes_no
	Text     string   `json:"text"`
	Texts    Texts    `json:"texts,omitempty"`
	AskedOf  []string `json:"asked_of,omitempty"` // sector codes of the agencies usually asked
	Bindings []string `json:"bindings,omitempty"` // names of data.NamedFigures
}

// Texts are a template's words in languages other than English, by code.
type Texts map[string]string

// in is the text in a language, or the English one where there is none.
func (t Texts) in(code, english string) string {
	if s := t[code]; s != "" {
		return s
	}
	return english
}

// TitleIn is the questionnaire's title in a language (a code: "fr").
func (t Template) TitleIn(code string) string { return t.Titles.in(code, t.Title) }

// ResolutionIn is the resolution it answers, in a language.
func (t Template) ResolutionIn(code string) string { return t.Resolutions.in(code, t.Resolution) }

// NoteIn is its note to the replying State, in a language.
func (t Template) NoteIn(code string) string { return t.Notes.in(code, t.Note) }

// TitleIn is the section's title in a language.
func (s TemplateSection) TitleIn(code string) string { return s.Titles.in(code, s.Title) }

// TextIn is the question in a language.
func (q Question) TextIn(code string) string { return q.Texts.in(code, q.Text) }

// QuestionKinds are the kinds a question can be of.
var QuestionKinds = []string{"narrative", "figures", "list", "yes_no"}

// TemplateError names the line of a template file that cannot be used, and why.
type TemplateError struct {
	Line   int
	Reason string
}

func (e *TemplateError) Error() string {
	if e.Line == 0 {
		return e.Reason
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
}

// DefaultTemplate is the questionnaire shipped with the program.
func DefaultTemplate() (Template, error) {
	raw, err := assets.Questionnaires.ReadFile("questionnaires/ecosoc-2006-27.json")
	if err != nil {
		return Template{}, err
	}
	return parseKept(raw)
}

// parsed keeps each template source parsed once (by its SHA-256): a reply
// is loaded again after every change, and its template need not be read
// again each time.
var parsed sync.Map

// parseKept parses a template source, or gives a copy of the template it
// was parsed to before (callers may change what they get).
func parseKept(raw []byte) (Template, error) {
	key := sha256.Sum256(raw)
	if t, ok := parsed.Load(key); ok {
		return t.(Template).clone(), nil
	}
	t, err := ParseTemplate(raw)
	if err != nil {
		return t, err
	}
	parsed.Store(key, t)
	return t.clone(), nil
}

// clone copies a template's sections and questions.
func (t Template) clone() Template {
	t.Titles, t.Resolutions, t.Notes = maps.Clone(t.Titles), maps.Clone(t.Resolutions), maps.Clone(t.Notes)
	t.Sections = slices.Clone(t.Sections)
	for i, sec := range t.Sections {
		t.Sections[i].Titles = maps.Clone(sec.Titles)
		t.Sections[i].Questions = slices.Clone(sec.Questions)
		for j, q := range t.Sections[i].Questions {
			t.Sections[i].Questions[j].Texts = maps.Clone(q.Texts)
			t.Sections[i].Questions[j].AskedOf = slices.Clone(q.AskedOf)
			t.Sections[i].Questions[j].Bindings = slices.Clone(q.Bindings)
		}
	}
	return t
}

// ParseTemplate reads a questionnaire template and checks it: the JSON, the
// fields it knows, then what CheckTemplate checks of an edited one (unique
// section and question ids, texts, known kinds and sectors, and bindings to
// figures the register can compute). The first problem is reported with
// the line it is on.
func ParseTemplate(raw []byte) (Template, error) {
	var t Template
	lines, err := scanTemplate(raw)
	if err != nil {
		return t, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return t, &TemplateError{Line: lineAt(raw, int(se.Offset)), Reason: "not valid JSON: " + se.Error()}
		case errors.As(err, &te):
			return t, &TemplateError{Line: lineAt(raw, int(te.Offset)), Reason: fmt.Sprintf("%s should be a %s", te.Field, te.Type)}
		}
		return t, &TemplateError{Line: lineOfUnknownField(raw, err), Reason: err.Error()}
	}
	if err := CheckTemplate(t); err != nil {
		var ve *data.ValidationError
		if errors.As(err, &ve) && len(ve.Errors) > 0 {
			first := ve.Errors[0]
			return t, &TemplateError{Line: lines.of(t, first.Field), Reason: fileReason(t, first)}
		}
		return t, err
	}
	return t, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// lineAt is the line (from 1) of a byte offset.
func lineAt(raw []byte, offset int) int {
	if offset > len(raw) {
		offset = len(raw)
	}
	return bytes.Count(raw[:offset], []byte("\n")) + 1
}

// lineOf is the line of the i-th object scanned (1 when there is none).
func lineOf(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 1
}

// lineOfUnknownField finds the line of the field json names in an
// "unknown field" error.
func lineOfUnknownField(raw []byte, err error) int {
	m := regexp.MustCompile(`unknown field "([^"]+)"`).FindStringSubmatch(err.Error())
	if m == nil {
		return 0
	}
	if i := bytes.Index(raw, []byte(`"`+m[1]+`"`)); i >= 0 {
		return lineAt(raw, i)
	}
	return 0
}
