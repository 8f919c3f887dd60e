package data

import "unicode/utf16"

// MaxTextLength is the most text one answer or field may hold: what one
// spreadsheet cell holds (32,767 UTF-16 code units, as Excel counts), so
// that everything in the register can be written to the reply's workbook
// and read back from an agency's.
const MaxTextLength = 32767

// TextLength is a text's length as spreadsheets count it: an emoji or a
// rare CJK character outside the Basic Multilingual Plane counts twice.
func TextLength(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// tooLong is the problem with a field longer than MaxTextLength.
func tooLong(field, s string) []FieldError {
	if len(s) <= MaxTextLength/2 { // no text under 16,384 bytes can reach the limit
		return nil
	}
	if n := TextLength(s); n > MaxTextLength {
		return []FieldError{{Field: field, Key: "error.too_long",
			Template: "At most {{.Max}} characters, what one spreadsheet cell holds; this has {{.Length}}",
			Data:     map[string]any{"Max": MaxTextLength, "Length": n}}}
	}
	return nil
}
