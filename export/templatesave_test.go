package export

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ncm-register/ncm-register/data"
)

func openTestStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"), data.Options{Device: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestAnEditedTemplateIsKeptAsANewVersion: a copy of the built-in template,
// changed, is kept under a version of its own and reads back equal; the
// same version twice, the built-in's own version, or a version left empty
// are refused beside the version field, with a free one suggested.
func TestAnEditedTemplateIsKeptAsANewVersion(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	tpl, err := DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	if got := problems(t, SaveTemplateVersion(ctx, s, tpl)); len(got) != 1 ||
		got[0] != "version error.template.version_taken: Version 1.0 of this questionnaire is in the register already, and replies keep the version they were written for: give this one a version of its own, for example 1.0.1" {
		t.Errorf("saving over the built-in version: %q", got)
	}
	tpl.Version = SuggestVersion(ctx, s, tpl.ID, tpl.Version)
	if tpl.Version != "1.0.1" {
		t.Errorf("suggested %q for a copy of version 1.0, want 1.0.1", tpl.Version)
	}
	tpl.Sections[0].Questions[0].Text = "Has the State ratified the Protocol? (edited)"
	tpl.Sections[1].Questions = append(tpl.Sections[1].Questions,
		Question{ID: "B2", Kind: "figures", Text: "Who coordinates & how?", AskedOf: []string{}, Bindings: []string{"training.courses"}})
	if err := SaveTemplateVersion(ctx, s, tpl); err != nil {
		t.Fatal(err)
	}
	got, err := TemplateOf(ctx, s, tpl.ID, "1.0.1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(normalised(tpl), normalised(got)); diff != "" {
		t.Errorf("read back (-saved +read):\n%s", diff)
	}
	stored, err := s.Template(ctx, tpl.ID, "1.0.1")
	if err != nil {
		t.Fatal(err)
	}
	src := string(stored.Source)
	if !strings.Contains(src, "\n  \"sections\": [\n") || !strings.Contains(src, "coordinates & how") || strings.Contains(src, "asked_of\": []") {
		t.Errorf("the file kept is not indented JSON in the built-in's form:\n%.400s", src)
	}

	tpl.Sections[0].Questions[0].Text = "Changed again, same version"
	if got := problems(t, SaveTemplateVersion(ctx, s, tpl)); len(got) != 1 || !strings.HasPrefix(got[0], "version error.template.version_taken: Version 1.0.1 ") ||
		!strings.HasSuffix(got[0], "for example 1.0.2") {
		t.Errorf("the same version twice: %q", got)
	}
	if again, _ := TemplateOf(ctx, s, tpl.ID, "1.0.1"); again.Sections[0].Questions[0].Text != "Has the State ratified the Protocol? (edited)" {
		t.Errorf("a refused save changed the version kept: %q", again.Sections[0].Questions[0].Text)
	}
	tpl.Version = " "
	if got := problems(t, SaveTemplateVersion(ctx, s, tpl)); !cmp.Equal(got, []string{"version error.required: Required"}) {
		t.Errorf("no version: %q", got)
	}
	tpl.Version = "1.0.2"
	tpl.Sections[2].Questions[0].Text = ""
	tpl.Sections[3].Questions[0].ID = "A1"
	if got := problems(t, SaveTemplateVersion(ctx, s, tpl)); len(got) != 2 {
		t.Errorf("an empty text and a duplicate id: %q", got)
	}
	if list, err := Templates(ctx, s); err != nil || len(list) != 2 {
		t.Errorf("%d templates (%v); want the built-in and 1.0.1 only", len(list), err)
	}
}

func TestSuggestVersion(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	raw := []byte(`{"id": "official", "version": "2027", "title": "Official", "sections": [{"id": "A", "title": "A"}]}`)
	if _, err := LoadTemplate(ctx, s, raw); err != nil {
		t.Fatal(err)
	}
	if v := SuggestVersion(ctx, s, "official", "2027"); v != "2027.1" {
		t.Errorf("suggested %q for a copy of 2027, want 2027.1", v)
	}
	if v := SuggestVersion(ctx, s, "new", ""); !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(v) {
		t.Errorf("suggested %q, want a date", v)
	}
}
