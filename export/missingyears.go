package export

import (
	"strings"

	"github.com/ncm-register/ncm-register/data"
)

// missingYears says which years of a figure's period nobody entered:
// "2023", "2022 and 2023", "2021, 2022 and 2023"; "" when none.
func missingYears(v data.FigureValue) string {
	y := v.Missing
	switch len(y) {
	case 0:
		return ""
	case 1:
		return y[0]
	}
	return strings.Join(y[:len(y)-1], ", ") + " and " + y[len(y)-1]
}

// missingNote is how a figure with years nobody entered says so beside its
// total: "not available for 2023"; "" when every year has figures.
func missingNote(v data.FigureValue) string {
	if years := missingYears(v); years != "" && !v.Unknown {
		return data.NotAvailable + " for " + years
	}
	return ""
}
