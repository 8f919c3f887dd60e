package locale

import (
	"encoding/json"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/ncm-register/ncm-register/assets"
)

// Language is one the program speaks: its code and its name in itself
// ("Français"), as the Settings list shows it.
type Language struct {
	Code, Name string
}

// loaded is the list of translation files, read once. A file is parsed
// when its language is first asked for (bundleFor): parsing all four took
// 18 ms before the window's first frame, where one language needs 5.
var loaded struct {
	once        sync.Once
	languages   []Language
	bundles     sync.Map // code → *i18n.Bundle
	translators sync.Map // tag → *Translator
	err         error
}

func load() {
	loaded.once.Do(func() {
		loaded.languages, loaded.err = listFiles(assets.Translations, "translations")
	})
}

// listFiles names the languages of dir/<code>.json in files, English first,
// the others by code, so that the list does not move when the window's
// language changes.
func listFiles(files fs.FS, dir string) ([]Language, error) {
	entries, err := fs.ReadDir(files, dir)
	if err != nil {
		return nil, err
	}
	var langs []Language
	for _, e := range entries {
		if code, ok := strings.CutSuffix(e.Name(), ".json"); ok {
			langs = append(langs, Language{Code: code, Name: ownName(language.Make(code))})
		}
	}
	sort.Slice(langs, func(i, j int) bool {
		if (langs[i].Code == "en") != (langs[j].Code == "en") {
			return langs[i].Code == "en"
		}
		return langs[i].Code < langs[j].Code
	})
	return langs, nil
}

// bundleFor is a bundle of the program's English and code's files, parsed
// once; a file that cannot be parsed leaves its strings English.
func bundleFor(code string) *i18n.Bundle {
	if b, ok := loaded.bundles.Load(code); ok {
		return b.(*i18n.Bundle)
	}
	bundle := i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, c := range []string{"en", code} {
		if raw, err := fs.ReadFile(assets.Translations, "translations/"+c+".json"); err == nil {
			_, _ = bundle.ParseMessageFileBytes(raw, c+".json")
		}
	}
	b, _ := loaded.bundles.LoadOrStore(code, bundle)
	return b.(*i18n.Bundle)
}

// readFiles reads every dir/<code>.json of files into one bundle whose
// source language is English.
func readFiles(files fs.FS, dir string) (*i18n.Bundle, []Language, error) {
	bundle := i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	langs, err := listFiles(files, dir)
	if err != nil {
		return bundle, nil, err
	}
	for _, l := range langs {
		raw, err := fs.ReadFile(files, path.Join(dir, l.Code+".json"))
		if err != nil {
			return bundle, nil, err
		}
		if _, err := bundle.ParseMessageFileBytes(raw, l.Code+".json"); err != nil {
			return bundle, nil, err
		}
	}
	return bundle, langs, nil
}

// ownName is a language's name in itself, capitalised as a list item
// ("Français", "Español", "Русский").
func ownName(tag language.Tag) string {
	name := display.Self.Name(tag)
	if name == "" {
		return tag.String()
	}
	return cases.Title(tag, cases.NoLower).String(name)
}

// Languages lists the languages with a translation file, English first.
func Languages() []Language {
	load()
	return append([]Language(nil), loaded.languages...)
}

// LoadError is the error reading the translation files, if any: the
// program then speaks English. It parses them all.
func LoadError() error {
	load()
	if loaded.err != nil {
		return loaded.err
	}
	_, _, err := readFiles(assets.Translations, "translations")
	return err
}

// Match is the code of the language of the files closest to what the
// system asks for (tags such as "fr-CA" or "ru_RU.UTF-8"), English when
// none is close.
func Match(wanted ...string) string {
	load()
	return closest(loaded.languages, wanted...)
}

// closest is the code of the language of langs closest to those wanted.
func closest(langs []Language, wanted ...string) string {
	var have []language.Tag
	for _, l := range langs {
		have = append(have, language.Make(l.Code))
	}
	if len(have) == 0 {
		return "en"
	}
	var tags []language.Tag
	for _, w := range wanted {
		w, _, _ = strings.Cut(w, ".") // ru_RU.UTF-8
		if tag, err := language.Parse(strings.ReplaceAll(w, "_", "-")); err == nil {
			tags = append(tags, tag)
		}
	}
	_, i, conf := language.NewMatcher(have).Match(tags...)
	if conf == language.No {
		return "en"
	}
	return langs[i].Code
}

// FromFiles is the translator of a language (a code or a tag, as For
// takes) from translation files other than the program's: dir/<code>.json
// in files, English among them. A test uses it to see what a language
// would show before the program has its file.
func FromFiles(files fs.FS, dir, tag string) (*Translator, error) {
	bundle, langs, err := readFiles(files, dir)
	if err != nil {
		return nil, err
	}
	return newTranslator(bundle, closest(langs, tag), tag), nil
}
