package sheets

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// A phone's export: a 3.0 card with a folded line, a 4.0 card, a card
// with no organisation.
const phoneExport = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Pérez;José;;;\r\nFN:José Pérez\r\nORG:Ministry of the Interior;Anti-trafficking unit\r\n" +
	"TITLE:Chief inspector\r\nTEL;TYPE=CELL:+373 79 123 456\r\nTEL;TYPE=WORK:022 255 555\r\nEMAIL:jose@moi.example.org\r\n" +
	"NOTE:Met at the regional meeting\\, 2025\r\nEND:VCARD\r\n" +
	"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ольга Иванова\r\nN:Иванова;Ольга;;;\r\nORG:МВД\r\nEMAIL;TYPE=work:olga@mvd.example\r\n" +
	" .ru\r\nEND:VCARD\r\n" +
	"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Pop\r\nEND:VCARD\r\n"

func TestReadVCard(t *testing.T) {
	got, err := ReadVCard(context.Background(), strings.NewReader(phoneExport), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		VCardColumns,
		{"José Pérez", "José", "Pérez", "Ministry of the Interior", "Chief inspector", "+373 79 123 456\n022 255 555",
			"jose@moi.example.org", "Met at the regional meeting, 2025"},
		{"Ольга Иванова", "Ольга", "Иванова", "МВД", "", "", "olga@mvd.example.ru", ""},
		{"Ana Pop", "", "", "", "", "", "", ""},
	}
	if len(got.Rows) != len(want) {
		t.Fatalf("%d rows, want %d: %q", len(got.Rows), len(want), got.Rows)
	}
	for i := range want {
		if strings.Join(got.Rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q\nwant %q", i, got.Rows[i], want[i])
		}
	}
}

func TestReadVCardRefuses(t *testing.T) {
	lim := DefaultLimits
	lim.Rows = 3
	many := strings.Repeat("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n", 5)
	for name, tc := range map[string]struct {
		raw  string
		lim  Limits
		want string
	}{
		"empty":       {"", DefaultLimits, "holds no vCard"},
		"not a vcard": {"Name,Organisation\nJosé,Police\n", DefaultLimits, "holds no vCard"},
		"broken card": {"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n", DefaultLimits, "card 1 cannot be read"},
		"latin-1":     {"BEGIN:VCARD\r\nFN:Jos\xe9\r\nEND:VCARD\r\n", DefaultLimits, "not UTF-8"},
		"too many":    {many, lim, "more than 3 cards"},
	} {
		_, err := ReadVCard(context.Background(), strings.NewReader(tc.raw), tc.lim)
		if err == nil || !IsLimit(err) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an *Error saying %q", name, err, tc.want)
		}
	}
}

func FuzzReadVCard(f *testing.F) {
	f.Add([]byte(phoneExport))
	f.Add([]byte("BEGIN:VCARD\nVERSION:4.0\nFN:A\nTEL:1\nEND:VCARD\n"))
	f.Add([]byte("BEGIN:VCARD\r\nORG:;;\r\nN:;\r\nEND:VCARD\r\n"))
	lim := Limits{FileBytes: 1 << 20, Rows: 50, Columns: 20}
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, err := ReadVCard(context.Background(), bytes.NewReader(raw), lim)
		if err != nil {
			if !IsLimit(err) {
				t.Fatalf("refused with %T %v, want an *Error", err, err)
			}
			return
		}
		if len(got.Rows) > lim.Rows+1 || len(got.Rows) < 2 {
			t.Fatalf("%d rows read, the limit is %d cards", len(got.Rows), lim.Rows)
		}
		for _, r := range got.Rows {
			if len(r) != len(VCardColumns) {
				t.Fatalf("a row of %d cells", len(r))
			}
			for _, c := range r {
				if !utf8.ValidString(c) {
					t.Fatalf("a cell of invalid UTF-8: %q", c)
				}
			}
		}
	})
}
