package locale

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/ncm-register/ncm-register/assets"
)

// placeholder finds the named placeholders of a template ({{.Name}}).
var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

func placeholders(s string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// readFile reads a translation file as its entries: a string, or the
// plural forms of one.
func readFile(t *testing.T, name string) map[string]any {
	t.Helper()
	raw, err := fs.ReadFile(assets.Translations, "translations/"+name)
	if err != nil {
		t.Fatal(err)
	}
	var entries map[string]any
	if err := json.Unmarshal(raw, &entries); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return entries
}

// TestEveryLanguageHasTheEnglishStrings: each file has exactly the keys of
// en.json (a missing one would show English, an extra one is dead), the
// same placeholders in every form (a translation cannot lose a name or a
// date, nor ask for one that is not given), a plural where English has
// one, and every plural form its language's rules choose for some count
// (Russian one, few, many and other), read through go-i18n as the
// program reads them.
func TestEveryLanguageHasTheEnglishStrings(t *testing.T) {
	english := readFile(t, "en.json")
	counts := []int{0, 1, 2, 3, 4, 5, 7, 11, 12, 14, 21, 22, 25, 101, 111, 1000, 1000000}
	for _, l := range Languages() {
		if l.Code == "en" {
			continue
		}
		t.Run(l.Code, func(t *testing.T) {
			entries := readFile(t, l.Code+".json")
			var missing, extra []string
			for k := range english {
				if _, ok := entries[k]; !ok {
					missing = append(missing, k)
				}
			}
			for k := range entries {
				if _, ok := english[k]; !ok {
					extra = append(extra, k)
				}
			}
			sort.Strings(missing)
			sort.Strings(extra)
			if len(missing) > 0 {
				t.Errorf("%d strings missing, e.g. %q", len(missing), missing[:min(5, len(missing))])
			}
			if len(extra) > 0 {
				t.Errorf("%d strings English does not have, e.g. %q", len(extra), extra[:min(5, len(extra))])
			}
			load()
			localizer := i18n.NewLocalizer(bundleFor(l.Code), l.Code)
			for key, en := range english {
				tr, ok := entries[key]
				if !ok {
					continue
				}
				switch en := en.(type) {
				case string:
					s, ok := tr.(string)
					if !ok {
						t.Errorf("%q: a plural where English has one text", key)
						continue
					}
					if strings.TrimSpace(s) == "" {
						t.Errorf("%q: empty", key)
					}
					if !slices.Equal(placeholders(s), placeholders(en)) {
						t.Errorf("%q: placeholders %v, English has %v", key, placeholders(s), placeholders(en))
					}
				case map[string]any:
					forms, ok := tr.(map[string]any)
					if !ok {
						t.Errorf("%q: one text where English has plural forms", key)
						continue
					}
					want := placeholders(en["other"].(string))
					for form, text := range forms {
						if got := placeholders(text.(string)); !slices.Equal(got, want) {
							t.Errorf("%q, %s: placeholders %v, English has %v", key, form, got, want)
						}
					}
					for _, n := range counts {
						if _, err := localizer.Localize(&i18n.LocalizeConfig{MessageID: key, PluralCount: n,
							TemplateData: map[string]any{"Count": n}}); err != nil {
							t.Errorf("%q for %d: %v", key, n, err)
							break
						}
					}
				}
			}
		})
	}
}
