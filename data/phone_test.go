package data

import (
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// TestFormatPhoneReadsStoredNumbersAsTheParserDoes holds the quick reading
// of stored numbers to the library's parser, over every phone of a large
// sample and numbers of the edge cases.
func TestFormatPhoneReadsStoredNumbersAsTheParserDoes(t *testing.T) {
	orgs, people := SampleRecords(SampleSize{Organisations: 500, Contacts: 5000}, 3)
	numbers := []string{"+37322123456", "+12025550123", "+442079460958", "+390612345678", "+79161234567",
		"+8613800138000", "+2250707070707", "+35312345678", "+1", "+999123", "12345", "+373 22", "", "+", "call me"}
	for _, o := range orgs {
		numbers = append(numbers, o.Phone)
	}
	for _, c := range people {
		numbers = append(numbers, c.Phones...)
	}
	region := SampleCountry
	for _, raw := range numbers {
		want := raw
		if num, err := phonenumbers.Parse(raw, ""); err == nil {
			want = phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
		}
		if got := FormatPhone(raw); got != want {
			t.Errorf("FormatPhone(%q) = %q, the parser gives %q", raw, got, want)
		}
		// And numbers as the register stores them, from the sample's.
		if num, err := phonenumbers.Parse(raw, region); err == nil {
			e := phonenumbers.Format(num, phonenumbers.E164)
			back, _ := phonenumbers.Parse(e, "")
			if got, want := FormatPhone(e), phonenumbers.Format(back, phonenumbers.INTERNATIONAL); got != want {
				t.Errorf("FormatPhone(%q) = %q, the parser gives %q", e, got, want)
			}
		}
	}
}
