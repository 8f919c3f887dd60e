package export

import (
	"strings"
	"time"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// Documents are written in a language of their own, chosen when saved
// (default: the window's), so a French reply can be written from an
// English window and each agency gets its workbook in its language. Every
// function that writes words takes a *locale.Translator; nil means English.

// english is the translator of a document written before a language was chosen.
func english() *locale.Translator { return locale.For("en") }

// orEnglish is tr, or English when none was given.
func orEnglish(tr *locale.Translator) *locale.Translator {
	if tr == nil {
		return english()
	}
	return tr
}

// codeText is the label of a code of a named code list (data.CodeList) in
// the document's language; countries by CLDR's names. A code the list
// does not know is written as it is.
func codeText(tr *locale.Translator, list, code string) string {
	if list == "country" {
		return tr.Country(code)
	}
	codes, _ := data.CodeList(list)
	for _, c := range codes {
		if c.Code == code {
			return tr.X(list+"."+c.Code, c.Label)
		}
	}
	return code
}

// CodeText is codeText for the window: a code's label in a language.
func CodeText(tr *locale.Translator, list, code string) string {
	return codeText(orEnglish(tr), list, code)
}

// codeTexts are the labels of several codes of a list.
func codeTexts(tr *locale.Translator, list string, codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = codeText(tr, list, c)
	}
	return out
}

// sectorText is a sector's label ("" for none).
func sectorText(tr *locale.Translator, code string) string {
	if code == "" {
		return ""
	}
	return codeText(tr, "sector", code)
}

// FigureText is a named figure's title and counting rule in a language,
// as the window shows them.
func FigureText(tr *locale.Translator, name string) (title, rule string) {
	return figureText(orEnglish(tr), name)
}

// figureText is a named figure's title and counting rule in the
// document's language, or its name for one the register no longer knows
// (a frozen reply can outlive a figure).
func figureText(tr *locale.Translator, name string) (title, rule string) {
	f, ok := data.NamedFigureByName(name)
	if !ok {
		return name, ""
	}
	title = tr.X("figure."+name, f.Title)
	if f.Rule != "" {
		rule = tr.L(f.Rule)
	}
	return title, rule
}

// rowText is the label of a line of a figure's breakdown in the
// document's language: the entry of the code list it was counted by, or a
// line of the figures' own (government, joint, no channel recorded …);
// a year, or a label the lists do not know, stays as it is.
func rowText(tr *locale.Translator, r data.FigureRow) string {
	if r.SumOf != "" {
		return tr.L("{{.Year}} (the sum of the breakdown {{.Breakdown}}; no total entered)",
			map[string]any{"Year": r.Code, "Breakdown": strings.ToLower(tr.L(r.SumOf))})
	}
	for _, name := range data.CodeListNames() {
		if name == "figure_row" {
			continue
		}
		codes, _ := data.CodeList(name)
		for _, c := range codes {
			if c.Code == r.Code && c.Label == r.Label {
				return codeText(tr, name, c.Code)
			}
		}
	}
	for _, c := range data.FigureRowLabels {
		if c.Label == r.Label {
			return tr.X("figure_row."+c.Code, c.Label)
		}
	}
	return r.Label
}

// dayIn writes a day (YYYY-MM-DD) as the document's language does, its
// month abbreviated ("6 Oct 2025", "6 oct. 2025"); other text as it is.
func dayIn(tr *locale.Translator, day string) string {
	if t, err := time.Parse(time.DateOnly, day); err == nil {
		return tr.Date(t)
	}
	return day
}

// longDayIn writes a day in full words ("6 October 2025", "6 октября 2025 г.").
func longDayIn(tr *locale.Translator, day string) string {
	if t, err := time.Parse(time.DateOnly, day); err == nil {
		return tr.LongDate(t)
	}
	return day
}

// daysIn writes the days of a course or campaign: "6 Oct 2025", or
// "6 Oct 2025 – 8 Oct 2025".
func daysIn(tr *locale.Translator, first, last string) string {
	if last == "" || last == first {
		return dayIn(tr, first)
	}
	return dayIn(tr, first) + " – " + dayIn(tr, last)
}

// longDaysIn writes the days of a course in full words ("2 March 2026",
// "2 March 2026 – 4 March 2026").
func longDaysIn(tr *locale.Translator, first, last string) string {
	if last == "" || last == first {
		return longDayIn(tr, first)
	}
	return longDayIn(tr, first) + " – " + longDayIn(tr, last)
}

// sexIn is a sex in the document's language, or "not recorded".
func sexIn(tr *locale.Translator, code string) string {
	if code == "" {
		return tr.L("not recorded")
	}
	return codeText(tr, "sex", code)
}
