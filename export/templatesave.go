package export

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ncm-register/ncm-register/data"
)

// MarshalTemplate writes a template as the indented JSON of a template
// file, as the built-in one is written: a ministry can read it, send it to
// another laptop or load it there. Empty lists of sectors and figures are
// left out, as in the built-in file.
func MarshalTemplate(t Template) ([]byte, error) {
	t = t.clone()
	for i := range t.Sections {
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
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // "&" and "<" in a question stay readable in the file
	enc.SetIndent("", "  ")
	if err := enc.Encode(t); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// SaveTemplateVersion checks a template edited in the window and keeps it
// in the register as a new version. Every problem comes back at once, each
// addressed to its field (see CheckTemplate; "version" for the version),
// and nothing is kept while one remains. A version the register holds
// already, or the built-in one, is refused, with a free one suggested:
// replies keep the version they were written for, so a version once kept
// never changes.
func SaveTemplateVersion(ctx context.Context, s *data.Store, t Template) error {
	var problems []data.FieldError
	var ve *data.ValidationError
	if err := CheckTemplate(t); errors.As(err, &ve) {
		problems = ve.Errors
	}
	if strings.TrimSpace(t.Version) == "" {
		problems = append(problems, data.FieldError{Field: "version", Key: "error.required", Template: "Required"})
	} else if def, err := DefaultTemplate(); err == nil && def.ID == t.ID && def.Version == t.Version {
		problems = append(problems, versionTaken(ctx, s, t))
	}
	if len(problems) > 0 {
		return &data.ValidationError{Errors: problems}
	}
	raw, err := MarshalTemplate(t)
	if err != nil {
		return err
	}
	// What is kept must read back: Templates leaves out a stored template
	// that does not parse, and replies written for it would lose it.
	if _, err := ParseTemplate(raw); err != nil {
		return fmt.Errorf("the questionnaire written out does not read back: %w", err)
	}
	err = s.AddTemplate(ctx, data.StoredTemplate{TemplateID: t.ID, Version: t.Version, Title: t.Title, Source: raw})
	if errors.Is(err, data.ErrTemplateExists) {
		return &data.ValidationError{Errors: []data.FieldError{versionTaken(ctx, s, t)}}
	}
	return err
}

// versionTaken is the problem of a version that is in use, with one that is free.
func versionTaken(ctx context.Context, s *data.Store, t Template) data.FieldError {
	return data.FieldError{Field: "version", Key: "error.template.version_taken",
		Template: "Version {{.Version}} of this questionnaire is in the register already, and replies keep the version they were written for: give this one a version of its own, for example {{.Suggested}}",
		Data:     map[string]any{"Version": t.Version, "Suggested": SuggestVersion(ctx, s, t.ID, t.Version)}}
}

// SuggestVersion is a version of questionnaire id that the register does
// not hold yet, made from the version it starts from: "1.0" gives "1.0.1",
// and "1.0.1", made from "1.0" held in the register, gives "1.0.2" (or the
// next that is free); a questionnaire started empty gets the day's date,
// "2026-03-02".
func SuggestVersion(ctx context.Context, s *data.Store, id, from string) string {
	def, _ := DefaultTemplate()
	taken := func(v string) bool {
		if id == def.ID && v == def.Version {
			return true
		}
		// Archived ones too: their id stays in the register. A register that
		// cannot be read suggests v, and saving says what is wrong.
		_, err := s.Template(ctx, id, v)
		return err == nil
	}
	base, n := strings.TrimSpace(from), 0
	if base == "" {
		base = time.Now().Format(time.DateOnly)
		if !taken(base) {
			return base
		}
	}
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		if k, err := strconv.Atoi(base[i+1:]); err == nil && k >= 0 && taken(base[:i]) {
			base, n = base[:i], k // a version made from another counts on from it
		}
	}
	for n++; ; n++ {
		if v := base + "." + strconv.Itoa(n); !taken(v) {
			return v
		}
	}
}
