package data

import (
	"strconv"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// FormatPhone shows a stored E.164 number the way people read it, in
// international format ("+373 22 123 456"). Text that is not a number is
// returned as it is.
func FormatPhone(e164 string) string {
	num, ok := fromE164(e164)
	if !ok {
		var err error
		if num, err = phonenumbers.Parse(e164, ""); err != nil {
			return e164
		}
	}
	return phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
}

var callingCodes = sync.OnceValue(phonenumbers.GetSupportedCallingCodes)

// fromE164 reads a number as the register stores it (+, the country code,
// the national number) without the library's general parser, whose
// regular expressions took half the time of writing a directory of
// 100,000 people. ok is false for anything else, and for national numbers
// with a leading zero (Italy's), which the parser is left to read.
func fromE164(s string) (*phonenumbers.PhoneNumber, bool) {
	if len(s) < 4 || len(s) > 16 || s[0] != '+' {
		return nil, false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return nil, false
		}
	}
	codes := callingCodes()
	for n := 1; n <= 3 && n+1 < len(s); n++ {
		cc, _ := strconv.Atoi(s[1 : 1+n])
		if !codes[cc] {
			continue
		}
		rest := s[1+n:]
		if rest[0] == '0' {
			return nil, false
		}
		national, err := strconv.ParseUint(rest, 10, 64)
		if err != nil {
			return nil, false
		}
		code := int32(cc)
		return &phonenumbers.PhoneNumber{CountryCode: &code, NationalNumber: &national}, true
	}
	return nil, false
}
