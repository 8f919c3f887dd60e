package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/ncm-register/ncm-register/assets"
	"github.com/ncm-register/ncm-register/data"
)

var translationsOnce sync.Once

// loadTranslations adds the program's translation files to Fyne's.
func loadTranslations() {
	translationsOnce.Do(func() {
		if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
			fyne.LogError("loading translations", err)
		}
	})
}

// codeLabel is the translated label of a code-list entry, under the key
// "<list>.<code>", falling back to its English label.
func codeLabel(list string, c data.Code) string {
	return lang.X(list+"."+c.Code, c.Label)
}

// sectorLabel is the translated label of a sector code ("" for none).
func sectorLabel(code string) string {
	if s, ok := data.SectorByCode(code); ok {
		return codeLabel("sector", s.Code)
	}
	return code
}

// labelOf finds the translated label of code in list.
func labelOf(listName string, list []data.Code, code string) string {
	for _, c := range list {
		if c.Code == code {
			return codeLabel(listName, c)
		}
	}
	return code
}

// fieldMessage is the translated message of a validation problem.
func fieldMessage(fe data.FieldError) string {
	return lang.X(fe.Key, fe.Template, fe.Data)
}
