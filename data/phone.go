package data

import "github.com/nyaruka/phonenumbers"

// FormatPhone shows a stored E.164 number the way people read it, in
// international format ("+373 22 123 456"). Text that is not a number is
// returned as it is.
func FormatPhone(e164 string) string {
	num, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return e164
	}
	return phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
}
