package data

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// CurrencyField is the form field of the currency of a measure's value.
func CurrencyField(measure string) string { return measure + "/currency" }

// checkCurrency asks a currency of the value of assets confiscated, an ISO
// 4217 code ("MDL", "EUR"), and of no other figure: an amount without its
// currency cannot be read, let alone added up.
func checkCurrency(v *validator, st *Statistic) {
	st.Currency = strings.ToUpper(strings.TrimSpace(st.Currency))
	field := CurrencyField(st.Measure)
	switch {
	case st.Measure != AssetsMeasure && st.Currency != "":
		v.add(field, "error.currency_not_money", "Only the value of assets has a currency", nil)
	case st.Measure != AssetsMeasure:
	case st.Currency == "":
		v.add(field, "error.currency_required", "Which currency? An ISO code such as EUR", nil)
	default:
		if _, err := currency.ParseISO(st.Currency); err != nil {
			v.add(field, "error.currency_unknown", "“{{.Value}}” is not a currency code; use the ISO code, such as EUR",
				map[string]any{"Value": st.Currency})
		}
	}
}

// CountryCurrency is the currency a country used on day, "" when it is not
// known: the currency offered for the value of assets of a register's
// country.
func CountryCurrency(country string, day time.Time) string {
	r, err := language.ParseRegion(country)
	if err != nil {
		return ""
	}
	q := currency.Query(currency.Region(r), currency.Date(day))
	for q.Next() {
		if q.IsTender() {
			return q.Unit().String()
		}
	}
	return ""
}

// inCurrencies gives a money figure its currency: the rows' one, or, when
// the years are in different currencies, each row its own and no total.
func inCurrencies(v FigureValue, byYear map[int]string) FigureValue {
	units := map[string]bool{}
	for _, r := range v.Rows {
		y, _ := strconv.Atoi(r.Code)
		units[byYear[y]] = true
	}
	if len(units) == 1 {
		for u := range units {
			v.Unit = u
		}
		return v
	}
	v.Unadded, v.Total = len(units) > 1, 0
	for i, r := range v.Rows {
		y, _ := strconv.Atoi(r.Code)
		v.Rows[i].Label = r.Label + " (" + byYear[y] + ")"
	}
	return v
}
