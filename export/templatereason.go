package export

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ncm-register/ncm-register/data"
)

// fileReason says a problem of a template file in words that stand without
// the field beside them: which question or section it is in, then the
// message the editor shows beside the field.
func fileReason(t Template, fe data.FieldError) string {
	msg := fe.Message()
	sec, q, name := TemplateFieldOf(fe.Field)
	var where string
	switch {
	case sec >= 0 && sec < len(t.Sections) && q >= 0:
		where = questionName(t.Sections[sec], q)
	case sec >= 0 && sec < len(t.Sections):
		where = sectionName(t.Sections[sec], sec)
	case name == "sections":
		return lowerFirst(msg)
	default:
		where = "the template's " + name
	}
	return where + ": " + lowerFirst(msg)
}

// questionName names a question by its id, or by its place when it has none.
func questionName(sec TemplateSection, j int) string {
	if j < len(sec.Questions) && strings.TrimSpace(sec.Questions[j].ID) != "" {
		return "question " + sec.Questions[j].ID
	}
	return fmt.Sprintf("question %d of section %s", j+1, sec.ID)
}

func sectionName(sec TemplateSection, i int) string {
	if strings.TrimSpace(sec.ID) != "" {
		return "section " + sec.ID
	}
	return fmt.Sprintf("section %d", i+1)
}

// lowerFirst puts a message after a colon: "The text is empty" reads
// "question A1: the text is empty".
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}
