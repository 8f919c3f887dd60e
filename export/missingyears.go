package export

import (
	"strings"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// missingYears says which years of a figure's period nobody entered:
// "2023", "2022 and 2023", "2021, 2022 and 2023"; "" when none.
func missingYears(tr *locale.Translator, v data.FigureValue) string {
	y := v.Missing
	switch len(y) {
	case 0:
		return ""
	case 1:
		return y[0]
	}
	return tr.L("{{.Years}} and {{.Last}}", map[string]any{"Years": strings.Join(y[:len(y)-1], ", "), "Last": y[len(y)-1]})
}

// missingNote is how a figure with years nobody entered says so beside its
// total: "not available for 2023"; "" when every year has figures.
func missingNote(tr *locale.Translator, v data.FigureValue) string {
	if years := missingYears(tr, v); years != "" && !v.Unknown {
		return tr.L("not available for {{.Years}}", map[string]any{"Years": years})
	}
	return ""
}
