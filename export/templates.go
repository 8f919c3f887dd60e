package export

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/ncm-register/ncm-register/data"
)

// Templates lists the questionnaires a reply can be written for: the one
// shipped with the program, then those loaded into the register.
func Templates(ctx context.Context, s *data.Store) ([]Template, error) {
	def, err := DefaultTemplate()
	if err != nil {
		return nil, err
	}
	out := []Template{def}
	stored, err := s.Templates(ctx)
	if err != nil {
		return nil, err
	}
	for _, st := range stored {
		if st.TemplateID == def.ID && st.Version == def.Version {
			continue
		}
		if t, err := parseKept(st.Source); err == nil {
			out = append(out, t)
		}
	}
	return out, nil
}

// TemplateOf finds the questionnaire a reply was written for.
func TemplateOf(ctx context.Context, s *data.Store, id, version string) (Template, error) {
	def, err := DefaultTemplate()
	if err != nil || (def.ID == id && def.Version == version) {
		return def, err
	}
	st, err := s.Template(ctx, id, version)
	if errors.Is(err, data.ErrNotFound) {
		return Template{}, fmt.Errorf("the questionnaire %s version %s is not in this register; load its template file in Settings", id, version)
	}
	if err != nil {
		return Template{}, err
	}
	return parseKept(st.Source)
}

// MaxTemplateBytes bounds a template file: the default questionnaire is
// 6 KB, one of 40,000 questions about 4 MB.
const MaxTemplateBytes = 16 << 20

// ReadTemplateSource reads a template file, refusing one larger than
// MaxTemplateBytes before it is read whole.
func ReadTemplateSource(r io.Reader) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxTemplateBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxTemplateBytes {
		return nil, &TemplateError{Reason: fmt.Sprintf("the file is larger than %d MB; a questionnaire template is far smaller", MaxTemplateBytes>>20)}
	}
	return raw, nil
}

// LoadTemplate checks a template file and keeps it in the register; a file
// that does not parse, or binds figures the register cannot compute, is
// refused with its line and the problem, and nothing is kept.
func LoadTemplate(ctx context.Context, s *data.Store, raw []byte) (Template, error) {
	t, err := ParseTemplate(raw)
	if err != nil {
		return t, err
	}
	return t, s.SaveTemplate(ctx, data.StoredTemplate{TemplateID: t.ID, Version: t.Version, Title: t.Title, Source: raw})
}

// Bindings are the named figures a template's questions bind, each once.
func (t Template) Bindings() []string {
	var names []string
	seen := map[string]bool{}
	for _, sec := range t.Sections {
		for _, q := range sec.Questions {
			for _, b := range q.Bindings {
				if !seen[b] {
					seen[b] = true
					names = append(names, b)
				}
			}
		}
	}
	return names
}
