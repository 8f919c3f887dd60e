package ui

import (
	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// codeLabel is the translated label of a code-list entry, under the key
// "<list>.<code>", falling back to its English label.
func codeLabel(list string, c data.Code) string {
	if list == "country" { // CLDR names every country in every language
		return locale.Current().Country(c.Code)
	}
	return locale.X(list+"."+c.Code, c.Label)
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
	return locale.X(fe.Key, fe.Template, fe.Data)
}

// labelled writes a value after its label ("Social media: 12"): the colon
// and its spacing are the language's (French puts a space before it).
func labelled(label, value string) string {
	return locale.L("{{.Label}}: {{.Value}}", map[string]any{"Label": label, "Value": value})
}

// grouped writes a whole number with the window's language's grouping.
func grouped(n int) string { return locale.Current().Count(n) }

// questionnaireName is a questionnaire with its version, as lists name it
// ("Questionnaire on trafficking (version 2027)").
func questionnaireName(title, version string) string {
	return locale.L("{{.Questionnaire}} (version {{.Version}})", map[string]any{"Questionnaire": title, "Version": version})
}

// figureTitle is a named figure's title in the window's language.
func figureTitle(name string) string {
	title, _ := export.FigureText(locale.Current(), name)
	return title
}

// figureRule is how a named figure is counted, in the window's language.
func figureRule(name string) string {
	_, rule := export.FigureText(locale.Current(), name)
	return rule
}
