package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// templateLines are the lines of a template file's section and question
// objects, in the order they are written: where a problem found after
// decoding is reported. One pass over the file finds them, so a template
// of 40,000 questions is read in linear time.
type templateLines struct {
	sections, questions []int
}

// Depths of the objects in a template: the template is 1, a section 3
// (in the sections array), a question 5 (in a section's questions array).
const sectionDepth, questionDepth = 3, 5

// container is an object or array open while scanning.
type container struct {
	object  bool
	keys    map[string]bool
	wantKey bool // an object's next string is a key
	key     string
	line    int // of its "id" key, else of its opening brace
}

// scanTemplate reads a template file token by token before it is decoded,
// refusing what encoding/json lets through: bytes that are not UTF-8, a
// key written twice in one object (json keeps the last without a word),
// data after the template, and control characters in an id. It returns
// the lines of the sections and questions.
func scanTemplate(raw []byte) (templateLines, error) {
	var lines templateLines
	if !utf8.Valid(raw) {
		return lines, &TemplateError{Line: lineAt(raw, firstInvalidUTF8(raw)), Reason: "the file is not UTF-8 text; save it as UTF-8"}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	lc := lineCounter{raw: raw, line: 1}
	var stack []*container
	done := false // the template's object has ended
	for {
		start := tokenStart(raw, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err == io.EOF {
			return lines, nil
		}
		if err != nil {
			// The offset of a SyntaxError from Token counts from where the
			// decoder's buffer last began, not from the file's start; the
			// token that failed begins at start.
			return lines, &TemplateError{Line: lc.at(start), Reason: "not valid JSON: " + err.Error()}
		}
		if done {
			return lines, &TemplateError{Line: lc.at(start), Reason: "there is more after the end of the template"}
		}
		var top *container
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if s, isString := tok.(string); isString && top != nil && top.object && top.wantKey {
			if top.keys[s] {
				return lines, &TemplateError{Line: lc.at(start), Reason: fmt.Sprintf("the key %q is written twice in one object", s)}
			}
			top.keys[s], top.key, top.wantKey = true, s, false
			if s == "id" {
				top.line = lc.at(start)
			}
			continue
		}
		if s, isString := tok.(string); isString && top != nil && top.key == "id" && strings.IndexFunc(s, unicode.IsControl) >= 0 {
			return lines, &TemplateError{Line: lc.at(start), Reason: fmt.Sprintf("the id %q holds a control character", s)}
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			c := &container{object: tok == json.Delim('{'), wantKey: true, line: lc.at(start)}
			if c.object {
				c.keys = map[string]bool{}
			}
			stack = append(stack, c)
			continue
		case json.Delim('}'), json.Delim(']'):
			closed := stack[len(stack)-1]
			switch {
			case closed.object && len(stack) == sectionDepth:
				lines.sections = append(lines.sections, closed.line)
			case closed.object && len(stack) == questionDepth:
				lines.questions = append(lines.questions, closed.line)
			}
			stack = stack[:len(stack)-1]
		}
		// A value has ended: in an object, a key comes next.
		if len(stack) == 0 {
			done = true
		} else if parent := stack[len(stack)-1]; parent.object {
			parent.wantKey = true
		}
	}
}

// tokenStart skips the white space and separators before the next token,
// so that its line is the one it is written on.
func tokenStart(raw []byte, offset int) int {
	for offset < len(raw) && strings.IndexByte(" \t\r\n,:", raw[offset]) >= 0 {
		offset++
	}
	return offset
}

func firstInvalidUTF8(raw []byte) int {
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(raw)
}

// lineCounter gives the line of offsets that only grow, counting each
// line break once.
type lineCounter struct {
	raw    []byte
	offset int
	line   int
}

func (c *lineCounter) at(offset int) int {
	offset = min(offset, len(c.raw))
	if offset < c.offset {
		c.offset, c.line = 0, 1
	}
	c.line += bytes.Count(c.raw[c.offset:offset], []byte("\n"))
	c.offset = offset
	return c.line
}

// of is the line of the section or question a field address of
// CheckTemplate points into (1 for the template's own fields).
func (l templateLines) of(t Template, field string) int {
	sec, q, _ := TemplateFieldOf(field)
	switch {
	case sec < 0:
		return 1
	case q < 0:
		return lineOf(l.sections, sec)
	}
	before := 0
	for _, s := range t.Sections[:min(sec, len(t.Sections))] {
		before += len(s.Questions)
	}
	return lineOf(l.questions, before+q)
}
