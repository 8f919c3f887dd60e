package sheets

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"
)

// VCardColumns are the columns a vCard file is read into, one row per
// card: the names the import's mapping knows.
var VCardColumns = []string{"Full name", "Given name", "Family name", "Organisation", "Position", "Phones", "E-mails", "Notes"}

// ReadVCard reads a .vcf file (vCard 3.0 or 4.0, as phones and mail
// programs write them) as a table: a header row of VCardColumns, then a
// row per card, with several phones or e-mails one per line in their cell.
func ReadVCard(ctx context.Context, r io.Reader, lim Limits) (Table, error) {
	raw, err := readBounded(r, lim.FileBytes)
	if err != nil {
		return Table{}, err
	}
	if !utf8.Valid(raw) {
		return Table{}, &Error{Reason: "the file is not UTF-8 text, as vCard files are"}
	}
	dec := vcard.NewDecoder(bytes.NewReader(raw))
	rows := [][]string{append([]string(nil), VCardColumns...)}
	for card := 1; ; card++ {
		if card%100 == 0 {
			if err := ctx.Err(); err != nil {
				return Table{}, err
			}
		}
		c, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Table{}, &Error{Row: card, Reason: fmt.Sprintf("card %d cannot be read: %v", card, err)}
		}
		if len(rows) > lim.Rows {
			return Table{}, &Error{Reason: fmt.Sprintf("more than %d cards", lim.Rows)}
		}
		row := make([]string, len(VCardColumns))
		row[0] = strings.TrimSpace(c.PreferredValue(vcard.FieldFormattedName))
		if n := c.Name(); n != nil {
			row[1], row[2] = strings.TrimSpace(n.GivenName), strings.TrimSpace(n.FamilyName)
		}
		// ORG is "organisation;unit;…": the organisation is the first part.
		org, _, _ := strings.Cut(c.PreferredValue(vcard.FieldOrganization), ";")
		row[3] = strings.TrimSpace(org)
		row[4] = strings.TrimSpace(c.PreferredValue(vcard.FieldTitle))
		row[5] = strings.Join(c.Values(vcard.FieldTelephone), "\n")
		row[6] = strings.Join(c.Values(vcard.FieldEmail), "\n")
		row[7] = strings.TrimSpace(c.PreferredValue(vcard.FieldNote))
		if e := checkRow(row, lim); e != nil {
			e.Row = card
			return Table{}, e
		}
		rows = append(rows, row)
	}
	if len(rows) == 1 {
		return Table{}, &Error{Reason: "the file holds no vCard"}
	}
	return Table{Rows: rows}, nil
}
