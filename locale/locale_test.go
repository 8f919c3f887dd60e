package locale

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// files are translation files as the program embeds them, in three
// languages, for the tests of the rules rather than of the words.
var files = fstest.MapFS{
	"t/en.json": {Data: []byte(`{"{{.Count}} course": {"one": "{{.Count}} course", "other": "{{.Count}} courses"},
		"{{.Name}} joined on {{.Day}}": "{{.Name}} joined on {{.Day}}", "Save": "Save"}`)},
	"t/fr.json": {Data: []byte(`{"{{.Count}} course": {"one": "{{.Count}} cours", "other": "{{.Count}} cours"},
		"{{.Name}} joined on {{.Day}}": "Le {{.Day}}, {{.Name}} a rejoint", "Save": "Enregistrer"}`)},
	"t/ru.json": {Data: []byte(`{"{{.Count}} course": {"one": "{{.Count}} курс", "few": "{{.Count}} курса",
		"many": "{{.Count}} курсов", "other": "{{.Count}} курса"}}`)},
	"t/notes.txt": {Data: []byte("not a translation")},
}

func translators(t *testing.T) map[string]*Translator {
	t.Helper()
	bundle, langs, err := readFiles(files, "t")
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]Language{{"en", "English"}, {"fr", "Français"}, {"ru", "Русский"}}, langs); d != "" {
		t.Errorf("languages from the files (-want +got):\n%s", d)
	}
	out := map[string]*Translator{}
	for tag, code := range map[string]string{"en": "en", "en-US": "en", "fr": "fr", "ru": "ru", "es": "es"} {
		out[tag] = newTranslator(bundle, code, tag)
	}
	return out
}

func TestPluralsFollowTheLanguagesRules(t *testing.T) {
	tr := translators(t)
	for _, tc := range []struct {
		lang  string
		count int
		want  string
	}{
		{"en", 1, "1 course"}, {"en", 2, "2 courses"}, {"en", 1234, "1,234 courses"},
		{"fr", 1, "1 cours"}, {"fr", 1234, "1\u202f234 cours"},
		{"ru", 1, "1 курс"}, {"ru", 3, "3 курса"}, {"ru", 5, "5 курсов"}, {"ru", 11, "11 курсов"},
		{"ru", 21, "21 курс"}, {"ru", 22, "22 курса"}, {"ru", 1234, "1\u00a0234 курса"},
	} {
		// The caller's own Count (an int) gives way to the grouped one.
		if got := tr[tc.lang].N("{{.Count}} course", tc.count, map[string]any{"Count": tc.count}); got != tc.want {
			t.Errorf("%s, %d: %q, want %q", tc.lang, tc.count, got, tc.want)
		}
	}
}

func TestNamedPlaceholdersMoveAndMissingStringsStayEnglish(t *testing.T) {
	tr := translators(t)
	data := map[string]any{"Name": "Ana Popescu", "Day": "3 mars 2026"}
	if got := tr["fr"].L("{{.Name}} joined on {{.Day}}", data); got != "Le 3 mars 2026, Ana Popescu a rejoint" {
		t.Errorf("French: %q", got)
	}
	if got := tr["ru"].L("{{.Name}} joined on {{.Day}}", data); got != "Ana Popescu joined on 3 mars 2026" {
		t.Errorf("a string Russian lacks: %q, want the English filled in", got)
	}
	if got := tr["fr"].L("Save"); got != "Enregistrer" {
		t.Errorf("Save in French: %q", got)
	}
	if got := tr["fr"].X("sector.police", "Police"); got != "Police" {
		t.Errorf("a key no file has: %q", got)
	}
}

func TestDatesAndNumbersInEachLanguage(t *testing.T) {
	tr := translators(t)
	day := time.Date(2025, time.October, 6, 14, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang                     string
		date, long, full, column string
		count                    string
	}{
		{"en", "6 Oct 2025", "6 October 2025", "Monday, 6 October 2025", "Mon 6 Oct", "12,345"},
		{"en-US", "Oct 6, 2025", "October 6, 2025", "Monday, October 6, 2025", "Mon Oct 6", "12,345"},
		{"fr", "6 oct. 2025", "6 octobre 2025", "lundi 6 octobre 2025", "lun. 6 oct.", "12\u202f345"},
		{"es", "6 oct. 2025", "6 de octubre de 2025", "lunes, 6 de octubre de 2025", "lun. 6 oct.", "12.345"},
		{"ru", "6 окт. 2025 г.", "6 октября 2025 г.", "понедельник, 6 октября 2025 г.", "пн 6 окт.", "12\u00a0345"},
	} {
		got := []string{tr[tc.lang].Date(day), tr[tc.lang].LongDate(day), tr[tc.lang].FullDate(day), tr[tc.lang].DayColumn(day), tr[tc.lang].Count(12345)}
		want := []string{tc.date, tc.long, tc.full, tc.column, tc.count}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", tc.lang, d)
		}
	}
	if !tr["en-US"].MonthFirst() || tr["en"].MonthFirst() || tr["fr"].MonthFirst() {
		t.Error("only English in the United States writes the month first")
	}
}

func TestCountriesAndOrderFollowTheLanguage(t *testing.T) {
	tr := translators(t)
	for lang, want := range map[string]string{"en": "Germany", "fr": "Allemagne", "ru": "Германия", "es": "Alemania"} {
		if got := tr[lang].Country("de"); got != want {
			t.Errorf("DE in %s: %q, want %q", lang, got, want)
		}
	}
	if got := tr["fr"].Country("not a code"); got != "not a code" {
		t.Errorf("an unknown code: %q", got)
	}
	names := []string{"zèbre", "Étage", "école", "Zoo", "Abeille"}
	tr["fr"].SortStrings(names)
	if d := cmp.Diff([]string{"Abeille", "école", "Étage", "zèbre", "Zoo"}, names); d != "" {
		t.Errorf("French order (-want +got):\n%s", d)
	}
	// Ё is Е with a mark: ёж before ель, not after я as its code point.
	ru := []string{"Яблоко", "ёж", "Ель", "Жук", "Арбуз"}
	tr["ru"].SortStrings(ru)
	if d := cmp.Diff([]string{"Арбуз", "ёж", "Ель", "Жук", "Яблоко"}, ru); d != "" {
		t.Errorf("Russian order (-want +got):\n%s", d)
	}
}

func TestATranslatorFromFilesOfItsOwn(t *testing.T) {
	fr, err := FromFiles(files, "t", "fr-CA")
	if err != nil {
		t.Fatal(err)
	}
	if fr.Code() != "fr" || fr.L("Save") != "Enregistrer" || fr.Date(time.Date(2025, 10, 6, 0, 0, 0, 0, time.UTC)) != "6 oct. 2025" {
		t.Errorf("French from the files: %s, %q, %q", fr.Code(), fr.L("Save"), fr.Date(time.Date(2025, 10, 6, 0, 0, 0, 0, time.UTC)))
	}
	if xx, err := FromFiles(files, "t", "xx"); err != nil || xx.Code() != "en" {
		t.Errorf("a language without a file: %v, %v; want English", xx, err)
	}
	if _, err := FromFiles(files, "nowhere", "fr"); err == nil {
		t.Error("a folder that is not there gave a translator")
	}
}

func TestTheProgramsFilesAndTheSystemsChoice(t *testing.T) {
	if err := LoadError(); err != nil {
		t.Fatal(err)
	}
	langs := Languages()
	if len(langs) == 0 || langs[0] != (Language{"en", "English"}) {
		t.Fatalf("the program's languages: %v", langs)
	}
	have := map[string]bool{}
	for _, l := range langs {
		have[l.Code] = true
	}
	for wanted, want := range map[string]string{"en_US.UTF-8": "en", "xx": "en", "": "en"} {
		if got := Match(wanted); got != want {
			t.Errorf("Match(%q) = %q, want %q", wanted, got, want)
		}
	}
	if have["fr"] {
		if got := Match("fr_CA.UTF-8"); got != "fr" {
			t.Errorf("Match(fr_CA) = %q", got)
		}
	}
	Set("en-US")
	t.Cleanup(func() { Set("en") })
	if !Current().MonthFirst() || Current().Code() != "en" {
		t.Errorf("the window set to en-US: %s, month first %v", Current().Code(), Current().MonthFirst())
	}
}
