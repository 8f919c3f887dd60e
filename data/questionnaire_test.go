package data

import (
	"context"
	"errors"
	"testing"
)

// TestAnAddedTemplateNeverReplacesAVersionKept: a version written in the
// editor is new or refused; the one kept stays as it was.
func TestAnAddedTemplateNeverReplacesAVersionKept(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	first := StoredTemplate{TemplateID: "official", Version: "2027.1", Title: "Official", Source: []byte(`{"v":1}`)}
	if err := s.AddTemplate(ctx, first); err != nil {
		t.Fatal(err)
	}
	again := first
	again.Source = []byte(`{"v":2}`)
	if err := s.AddTemplate(ctx, again); !errors.Is(err, ErrTemplateExists) {
		t.Errorf("the same version added twice: %v, want ErrTemplateExists", err)
	}
	got, err := s.Template(ctx, "official", "2027.1")
	if err != nil || string(got.Source) != `{"v":1}` {
		t.Errorf("the version kept: %q, %v", got.Source, err)
	}
	other := first
	other.Version = "2027.2"
	if err := s.AddTemplate(ctx, other); err != nil {
		t.Errorf("another version: %v", err)
	}
	if list, err := s.Templates(ctx); err != nil || len(list) != 2 {
		t.Errorf("templates %+v, %v; want two versions", list, err)
	}
}
