package locale

import (
	"strings"
	"text/template"

	"github.com/go-playground/locales"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// A Translator speaks one language: its strings, dates, numbers, plurals
// and names. It is safe for concurrent use.
type Translator struct {
	code      string // "en", "fr", "es", "ru"
	tag       language.Tag
	localizer *i18n.Localizer
	cldr      locales.Translator // dates and numbers
	monthDay  bool               // writes the month before the day ("Jan 2, 2026")
}

// Code is the language's code, the name of its translation file.
func (t *Translator) Code() string { return t.code }

// Tag is the language as x/text names it.
func (t *Translator) Tag() language.Tag { return t.tag }

// L translates an English string. Its placeholders are named, in go-i18n's
// template form ("{{.Name}} joined on {{.Day}}"), so that a translation
// can put them in the order its language needs; data holds their values
// (a map[string]any or a struct).
func (t *Translator) L(msg string, data ...any) string {
	return t.X(msg, msg, data...)
}

// X translates the string under key, falling back to the English one.
func (t *Translator) X(key, fallback string, data ...any) string {
	var d any
	if len(data) > 0 {
		d = data[0]
	}
	out, err := t.localizer.Localize(&i18n.LocalizeConfig{
		DefaultMessage: &i18n.Message{ID: key, Other: fallback},
		TemplateData:   d,
	})
	if err != nil || out == "" {
		return fill(key, fallback, d)
	}
	return out
}

// N translates a string that depends on a count, in the plural form the
// language gives that count (Russian has one, few, many and other). The
// count is the template's {{.Count}} unless data says otherwise.
func (t *Translator) N(msg string, count int, data ...any) string {
	return t.XN(msg, msg, count, data...)
}

// XN is N for the string under key. {{.Count}} is written with the
// language's grouping ("1 234"), whatever data holds under Count.
func (t *Translator) XN(key, fallback string, count int, data ...any) string {
	var d any = map[string]any{"Count": t.Count(count)}
	if len(data) > 0 && data[0] != nil {
		d = data[0]
		if m, ok := d.(map[string]any); ok {
			withCount := make(map[string]any, len(m)+1)
			for k, v := range m {
				withCount[k] = v
			}
			withCount["Count"] = t.Count(count)
			d = withCount
		}
	}
	out, err := t.localizer.Localize(&i18n.LocalizeConfig{
		DefaultMessage: &i18n.Message{ID: key, One: fallback, Other: fallback},
		PluralCount:    count,
		TemplateData:   d,
	})
	if err != nil || out == "" {
		return fill(key, fallback, d)
	}
	return out
}

// fill writes the English template when no file has the string.
func fill(key, text string, data any) string {
	if !strings.Contains(text, "{{") {
		return text
	}
	tmpl, err := template.New(key).Parse(text)
	if err != nil {
		return text
	}
	var b strings.Builder
	if tmpl.Execute(&b, data) != nil {
		return text
	}
	return b.String()
}
