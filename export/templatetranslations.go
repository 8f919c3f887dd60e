package export

import (
	"slices"
	"strings"
)

// Translations remembers what a template's translations translate: each
// English word of it that has translations (its title, resolution and
// note, a section's title, a question), with them. The editor takes them
// of the template it opens and, when it saves a new version, Keep drops
// the translations whose English has been changed since: they translate
// words the new version no longer has.
type Translations map[string]bool

// TranslationsOf is what t's translations translate.
func TranslationsOf(t Template) Translations {
	tr := Translations{}
	t.eachText(func(kind, english string, texts *Texts) {
		if len(*texts) > 0 {
			tr[translationKey(kind, english, *texts)] = true
		}
	})
	return tr
}

// Keep is t with the translations of its words whose English is as it was
// in the template tr was taken of, and without the others; t itself is
// not changed. A word keeps its translations wherever it has moved to,
// and gets them back when its English is typed back as it was.
func (tr Translations) Keep(t Template) Template {
	t = t.clone()
	t.eachText(func(kind, english string, texts *Texts) {
		if !tr.Translate(kind, english, *texts) {
			*texts = nil
		}
	})
	return t
}

// Translate reports whether texts still translate an English text of a
// kind (TranslationKinds): whether the template tr was taken of had that
// English with them. No translations have nothing to drop.
func (tr Translations) Translate(kind, english string, texts Texts) bool {
	return len(texts) == 0 || tr[translationKey(kind, english, texts)]
}

// TranslationKinds are the kinds of text a template translates: its
// title, resolution and note, a section's title and a question's text.
var TranslationKinds = []string{"title", "resolution", "note", "section", "question"}

// eachText calls f with each English text of t that can have translations,
// and where its translations are.
func (t *Template) eachText(f func(kind, english string, texts *Texts)) {
	f("title", t.Title, &t.Titles)
	f("resolution", t.Resolution, &t.Resolutions)
	f("note", t.Note, &t.Notes)
	for i := range t.Sections {
		sec := &t.Sections[i]
		f("section", sec.Title, &sec.Titles)
		for j := range sec.Questions {
			q := &sec.Questions[j]
			f("question", q.Text, &q.Texts)
		}
	}
}

// translationKey names an English text of a kind with its translations.
func translationKey(kind, english string, texts Texts) string {
	var b strings.Builder
	b.WriteString(kind + "\x00" + english)
	codes := make([]string, 0, len(texts))
	for code := range texts {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
		b.WriteString("\x00" + code + "\x01" + texts[code])
	}
	return b.String()
}
