package data

import (
	"context"
	"database/sql"
	"strings"
)

// organisationSearchText is what a search looks through for an organisation.
func organisationSearchText(v values) string {
	return orgSearchText(v["name"], v["acronym"], v["region"])
}

func orgSearchText(name, acronym, region string) string {
	return Fold(name + " " + acronym + " " + region)
}

// contactSearchText is what a search looks through for a contact: the name,
// the position and the e-mail addresses.
func contactSearchText(v values) string {
	return Fold(v["name"] + " " + v["position"] + " " + strings.ReplaceAll(v["emails"], "\n", " "))
}

// fillSearchText fills the folded search text (and the folded name key) of
// every record, when migration 0004 brings the column; the triggers put each
// row in the full-text index as it is written.
func fillSearchText(ctx context.Context, tx *sql.Tx) error {
	for _, t := range []struct {
		table, columns string
		fill           func(v values) (string, []any)
	}{
		{"organisation", "name, acronym, region", func(v values) (string, []any) {
			return "UPDATE organisation SET search_text = ?, name_key = ? WHERE pk = ?",
				[]any{organisationSearchText(v), Fold(v["name"])}
		}},
		{"contact", "name, position, emails", func(v values) (string, []any) {
			return "UPDATE contact SET search_text = ? WHERE pk = ?", []any{contactSearchText(v)}
		}},
	} {
		rows, err := tx.QueryContext(ctx, "SELECT pk, "+t.columns+" FROM "+t.table)
		if err != nil {
			return err
		}
		type row struct {
			pk int64
			v  values
		}
		var all []row
		names := strings.Split(t.columns, ", ")
		for rows.Next() {
			dest := make([]string, len(names))
			ptrs := []any{new(int64)}
			for i := range dest {
				ptrs = append(ptrs, &dest[i])
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return err
			}
			v := values{}
			for i, n := range names {
				v[n] = dest[i]
			}
			all = append(all, row{*ptrs[0].(*int64), v})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range all {
			q, args := t.fill(r.v)
			if _, err := tx.ExecContext(ctx, q, append(args, r.pk)...); err != nil {
				return err
			}
		}
	}
	return nil
}
