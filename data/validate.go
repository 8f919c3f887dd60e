package data

import (
	"errors"
	"net/mail"
	"strings"
	"text/template"
	"time"
	"unicode"

	"github.com/nyaruka/phonenumbers"
)

// FieldError is one problem with one field, shown beside that field. Key is
// the translation key; Template is the English text (a text/template over
// Data) used when no translation exists.
type FieldError struct {
	Field    string
	Key      string
	Template string
	Data     map[string]any
}

// Message renders the English text.
func (e FieldError) Message() string {
	t, err := template.New(e.Key).Parse(e.Template)
	if err != nil {
		return e.Template
	}
	var b strings.Builder
	if err := t.Execute(&b, e.Data); err != nil {
		return e.Template
	}
	return b.String()
}

// ValidationError lists every field that keeps a record from being saved.
// Nothing was written when it is returned.
type ValidationError struct {
	Errors []FieldError
}

func (v *ValidationError) Error() string {
	msgs := make([]string, len(v.Errors))
	for i, e := range v.Errors {
		msgs[i] = e.Field + ": " + e.Message()
	}
	return strings.Join(msgs, "; ")
}

// For returns the problem with one field, if there is one.
func (v *ValidationError) For(field string) (FieldError, bool) {
	for _, e := range v.Errors {
		if e.Field == field {
			return e, true
		}
	}
	return FieldError{}, false
}

// validator collects field problems while a record is normalised.
type validator struct{ errs []FieldError }

func (v *validator) add(field, key, tmpl string, data map[string]any) {
	v.errs = append(v.errs, FieldError{Field: field, Key: key, Template: tmpl, Data: data})
}

func (v *validator) err() error {
	if len(v.errs) == 0 {
		return nil
	}
	return &ValidationError{Errors: v.errs}
}

func (v *validator) required(field, value string) {
	if strings.TrimSpace(value) == "" {
		v.add(field, "error.required", "Required", nil)
	}
}

func (v *validator) code(field, value string, list []Code) {
	if value != "" && !codeKnown(list, value) {
		v.add(field, "error.unknown_code", "“{{.Value}}” is not one of the choices", map[string]any{"Value": value})
	}
}

// email checks one address and returns it without any display name.
func (v *validator) email(field, value string) string {
	value = strings.TrimSpace(value)
	if value == "" {
		return ""
	}
	addr, err := mail.ParseAddress(value)
	if err == nil {
		// net/mail gives a quoted local part ("a b"@x.org) without its
		// quotes, which is then another address or none at all (found by
		// FuzzEmail); such are refused.
		var again *mail.Address
		if again, err = mail.ParseAddress(addr.Address); err == nil && again.Address != addr.Address {
			err = errors.New("a quoted name is not kept as typed")
		}
	}
	if err != nil || !strings.Contains(addr.Address[strings.LastIndex(addr.Address, "@")+1:], ".") {
		v.add(field, "error.email", "“{{.Value}}” is not an e-mail address (like name@agency.gov)", map[string]any{"Value": value})
		return value
	}
	return addr.Address
}

// phone parses a number as written by people (spaces, dashes, a national
// trunk prefix) and returns it in international E.164 form. Numbers without a
// country code are read as numbers of the register's country.
func (v *validator) phone(field, value, region string) string {
	value = strings.TrimSpace(value)
	if value == "" {
		return ""
	}
	// The library reads letters as a keypad's digits ("+373 79 CALL ME"
	// would be stored as +373 792 25 563): a number is written in digits.
	if strings.IndexFunc(value, unicode.IsLetter) >= 0 {
		v.add(field, "error.phone_letters", "“{{.Value}}” has letters: write the number in digits", map[string]any{"Value": value})
		return value
	}
	num, err := phonenumbers.Parse(value, region)
	// Possible, not only locally, no longer than E.164 allows (15 digits),
	// and read back as itself: the library calls some overlong national
	// numbers possible, and reads some numbers with leading zeros back as
	// other numbers (found by FuzzPhone).
	if err == nil && (phonenumbers.IsPossibleNumberWithReason(num) != phonenumbers.IS_POSSIBLE || !stableE164(num)) {
		err = errors.New("not a possible number")
	}
	if err != nil {
		key, tmpl := "error.phone", "“{{.Value}}” is not a phone number"
		if region == "" && !strings.HasPrefix(value, "+") {
			key, tmpl = "error.phone_no_country", "“{{.Value}}”: start with + and the country code, or set the register's country in Settings"
		}
		v.add(field, key, tmpl, map[string]any{"Value": value})
		return value
	}
	return phonenumbers.Format(num, phonenumbers.E164)
}

// stableE164 says whether a number's E.164 form is at most 15 digits and
// parses back to the same form.
func stableE164(num *phonenumbers.PhoneNumber) bool {
	e := phonenumbers.Format(num, phonenumbers.E164)
	back, err := phonenumbers.Parse(e, "")
	return len(e) <= 16 && err == nil && phonenumbers.Format(back, phonenumbers.E164) == e
}

// dateNotFuture checks a YYYY-MM-DD date that cannot lie ahead (a consent given).
func (v *validator) dateNotFuture(field, value string, now time.Time) string {
	value = strings.TrimSpace(value)
	if value == "" {
		return ""
	}
	d, err := time.Parse(time.DateOnly, value)
	if err != nil {
		v.add(field, "error.date", "“{{.Value}}” is not a date", map[string]any{"Value": value})
		return value
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	if d.After(today) {
		v.add(field, "error.date_future", "{{.Value}} is in the future", map[string]any{"Value": value})
	}
	return d.Format(time.DateOnly)
}

// lines trims each value, drops empty ones and duplicates, keeping the order.
func lines(values []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range values {
		s = strings.TrimSpace(s)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// CountryKnown tells whether code is an ISO 3166 alpha-2 code with a phone numbering plan.
func CountryKnown(code string) bool {
	return phonenumbers.GetCountryCodeForRegion(code) != 0
}

// references checks that each id of a field (empty ones aside) names a
// record of entity that exists; the first that does not is reported beside
// the field. An error reading the register is returned.
func (v *validator) references(field, entity string, ids []string, exists func(entity, id string) (bool, error)) error {
	for _, id := range ids {
		if id == "" {
			continue
		}
		ok, err := exists(entity, id)
		if err != nil {
			return err
		}
		if !ok {
			v.add(field, "error.no_record", "One of these is no longer in the register", nil)
			return nil
		}
	}
	return nil
}
