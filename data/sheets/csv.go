package sheets

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// The encodings in which spreadsheet programs save CSV files: Excel's "CSV
// UTF-8" (with a byte-order mark), "Unicode text" (UTF-16), and the
// Windows code pages of Western and Cyrillic systems.
const (
	UTF8        = "UTF-8"
	UTF16       = "UTF-16"
	Windows1252 = "Windows-1252"
	Windows1251 = "Windows-1251"
)

// Encodings are the encodings a user may choose for a CSV file when the
// one detected is wrong, in the order offered.
var Encodings = []string{UTF8, UTF16, Windows1252, Windows1251}

// CSV is a CSV file read: its rows, and how it was read.
type CSV struct {
	Rows      [][]string
	Encoding  string // one of Encodings
	Detected  bool   // the encoding was detected, not chosen
	Sure      bool   // the detection had a byte-order mark or valid UTF-8 to go by
	Separator rune   // ',', ';' or '\t'
}

// ReadCSV reads a CSV file within the limits, in the encoding given or,
// when enc is "", the one detected, with the separator detected from its
// first lines.
func ReadCSV(ctx context.Context, r io.Reader, lim Limits, enc string) (CSV, error) {
	raw, err := readBounded(r, lim.FileBytes)
	if err != nil {
		return CSV{}, err
	}
	out := CSV{Encoding: enc}
	if enc == "" {
		out.Encoding, out.Sure = detectEncoding(raw)
		out.Detected = true
	}
	text, err := decode(raw, out.Encoding)
	if err != nil {
		return CSV{}, err
	}
	out.Separator = detectSeparator(text)
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = out.Separator
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = false
	for {
		if len(out.Rows)%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return CSV{}, err
			}
		}
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return CSV{}, &Error{Row: pe.Line, Column: pe.Column, Reason: csvReason(pe.Err)}
		}
		if err != nil {
			return CSV{}, &Error{Reason: "the file cannot be read (" + err.Error() + ")"}
		}
		if len(out.Rows) >= lim.Rows {
			return CSV{}, &Error{Reason: fmt.Sprintf("the file has more than %d lines, more than this program reads at once; "+
				"split it into several files", lim.Rows)}
		}
		if e := checkRow(rec, lim); e != nil {
			e.Row, _ = cr.FieldPos(0)
			return CSV{}, e
		}
		out.Rows = append(out.Rows, rec)
	}
	return out, nil
}

func csvReason(err error) string {
	switch {
	case errors.Is(err, csv.ErrQuote):
		return "a quotation mark is not closed or stands inside a field; put the field in quotes and double the quotation marks inside it"
	case errors.Is(err, csv.ErrBareQuote):
		return "a quotation mark stands inside a field that is not in quotes"
	}
	return err.Error()
}

// detectEncoding reads the byte-order mark, or takes valid UTF-8 as
// UTF-8; other text is a Windows code page, Cyrillic when most of its
// letters are high bytes (Cyrillic words are all high bytes, Western text
// has an accented letter here and there). sure is false in that last case.
func detectEncoding(raw []byte) (enc string, sure bool) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return UTF8, true
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return UTF16, true
	case utf8.Valid(raw):
		return UTF8, true
	}
	high, ascii := 0, 0
	for _, b := range raw {
		switch {
		case b >= 0xC0:
			high++
		case b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z':
			ascii++
		}
	}
	if high > ascii/3 {
		return Windows1251, false
	}
	return Windows1252, false
}

// decode turns a file's bytes into UTF-8 without a byte-order mark.
func decode(raw []byte, enc string) ([]byte, error) {
	var e encoding.Encoding
	switch enc {
	case UTF8:
		e = unicode.UTF8BOM // strips a byte-order mark if there is one
	case UTF16:
		e = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case Windows1252:
		e = charmap.Windows1252
	case Windows1251:
		e = charmap.Windows1251
	default:
		return nil, &Error{Reason: fmt.Sprintf("“%s” is not an encoding this program reads", enc)}
	}
	// The UTF-8 decoder would put U+FFFD for each byte that is not UTF-8
	// and go on; such a file is in another encoding.
	if enc == UTF8 && !utf8.Valid(raw) {
		return nil, &Error{Reason: "the file is not UTF-8 text; choose its encoding (Windows-1252 for Western, Windows-1251 for Cyrillic)"}
	}
	text, _, err := transform.Bytes(e.NewDecoder(), raw)
	if err != nil {
		return nil, &Error{Reason: fmt.Sprintf("the file is not %s text (%v); choose another encoding", enc, err)}
	}
	return text, nil
}

// detectSeparator chooses among comma, semicolon (Excel's where the
// decimal mark is a comma) and tab the one that splits the first lines
// into the same number of fields, more than one; a comma when none does.
func detectSeparator(text []byte) rune {
	head := text[:min(len(text), 64<<10)]
	best, bestScore := ',', 0
	for _, sep := range []rune{',', ';', '\t'} {
		cr := csv.NewReader(bytes.NewReader(head))
		cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = sep, -1, true
		var counts []int
		for len(counts) < 20 {
			rec, err := cr.Read()
			if err != nil {
				break
			}
			counts = append(counts, len(rec))
		}
		if len(counts) == 0 || counts[0] < 2 {
			continue
		}
		same := 0
		for _, n := range counts {
			if n == counts[0] {
				same++
			}
		}
		// Lines that agree count most, then fields.
		if score := same*1000 + counts[0]; score > bestScore {
			best, bestScore = sep, score
		}
	}
	return best
}
