package export

import (
	"maps"
	"reflect"
	"slices"
	"testing"
)

// TestTranslationsKeepOnlyWhatTheyTranslate: a version edited from the
// built-in one keeps the translations of the words left as they were,
// wherever they moved to, and drops those of the words changed; typed
// back as it was, a word has them again; the template edited and the one
// taken from are not changed.
func TestTranslationsKeepOnlyWhatTheyTranslate(t *testing.T) {
	def, err := DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	tr := TranslationsOf(def)
	if got := tr.Keep(def); !reflect.DeepEqual(got, def) {
		t.Fatal("a template not edited lost translations")
	}

	edited := def.clone()
	a := edited.Sections[0].Questions
	a[0].Text = "Has the State ratified the Protocol? Name the authority that deposited it."
	a[2].Text += " " // a space is a change too
	edited.Sections[2].Title = "National coordination"
	edited.Note = "Written for the 2027 round."
	// A2 moves to section B, A3 is typed back as it was.
	edited.Sections[1].Questions = append(edited.Sections[1].Questions, a[1])
	edited.Sections[0].Questions = []Question{a[0], a[2]}
	edited.Sections[0].Questions[1].Text = def.Sections[0].Questions[2].Text
	edited.Sections = append(edited.Sections, TemplateSection{ID: "I", Title: "New", Questions: []Question{{ID: "I1", Kind: "narrative", Text: "New?"}}})

	got := tr.Keep(edited)
	if got.Sections[0].Questions[0].Texts != nil {
		t.Errorf("A1, rewritten, keeps %v", got.Sections[0].Questions[0].Texts)
	}
	if !maps.Equal(got.Sections[0].Questions[1].Texts, def.Sections[0].Questions[2].Texts) {
		t.Errorf("A3, typed back, has %v", got.Sections[0].Questions[1].Texts)
	}
	if moved := got.Sections[1].Questions[1]; moved.ID != "A2" || !maps.Equal(moved.Texts, def.Sections[0].Questions[1].Texts) {
		t.Errorf("A2, moved to section B, has %v", moved.Texts)
	}
	if got.Sections[2].Titles != nil || !maps.Equal(got.Sections[3].Titles, def.Sections[3].Titles) {
		t.Errorf("section C (renamed) has %v, section D %v", got.Sections[2].Titles, got.Sections[3].Titles)
	}
	if got.Notes != nil || !maps.Equal(got.Titles, def.Titles) || !maps.Equal(got.Resolutions, def.Resolutions) {
		t.Errorf("the note (rewritten) has %v; the title %v, the resolution %v", got.Notes, got.Titles, got.Resolutions)
	}
	if got.Sections[8].Questions[0].Texts != nil || got.Sections[8].Titles != nil {
		t.Error("a new section got translations")
	}
	if edited.Sections[0].Questions[0].Texts == nil || edited.Notes == nil {
		t.Error("Keep changed the template it was given")
	}
	if again, _ := DefaultTemplate(); !reflect.DeepEqual(again, def) {
		t.Error("Keep changed the built-in template")
	}
	if !tr.Translate("question", "Anything", nil) || tr.Translate("section", def.Title, def.Titles) {
		t.Error("Translate: no translations have nothing to drop, and the title's are not a section's")
	}
	var kinds []string
	def.eachText(func(kind, _ string, _ *Texts) {
		if !slices.Contains(kinds, kind) {
			kinds = append(kinds, kind)
		}
	})
	if !slices.Equal(kinds, TranslationKinds) {
		t.Errorf("the kinds of text translated are %q; TranslationKinds says %q", kinds, TranslationKinds)
	}

	// Saved and read back, the translations kept are in the file.
	raw, err := MarshalTemplate(got)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseTemplate(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(back.Sections[1].Questions[1].Texts, def.Sections[0].Questions[1].Texts) || back.Sections[0].Questions[0].Texts != nil ||
		!maps.Equal(back.Titles, def.Titles) {
		t.Errorf("read back, A2 has %v, A1 %v, the title %v", back.Sections[1].Questions[1].Texts, back.Sections[0].Questions[0].Texts, back.Titles)
	}
}
