package data

import (
	"testing"
)

// TestEveryFieldIsDescribed holds the field metadata to the schema: each
// column a table's writes use is described once, with a label, a code list
// that exists for codes, and a kind of record that exists for references;
// and each column of the table that a user can change is among them.
func TestEveryFieldIsDescribed(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	machine := map[string]bool{"pk": true, "id": true, "created_at": true, "updated_at": true,
		"name_key": true, "search_text": true, "title_key": true}
	total := 0
	for _, entity := range Entities() {
		fields, _ := Fields(entity)
		columns := map[string]bool{}
		rows, err := s.read.QueryContext(ctx, "SELECT name FROM pragma_table_info(?)", entity)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				t.Fatal(err)
			}
			columns[c] = true
		}
		rows.Close()
		seen := map[string]bool{}
		for _, f := range fields {
			total++
			where := entity + "." + f.Name
			if seen[f.Name] {
				t.Errorf("%s is described twice", where)
			}
			seen[f.Name] = true
			if f.Label == "" {
				t.Errorf("%s has no label", where)
			}
			if columns[f.Name] == f.linked() {
				t.Errorf("%s: a column of %s %v, kept in a link table %v; want one or the other", where, entity, columns[f.Name], f.linked())
			}
			if f.linked() && f.Refers != "organisation" && f.Refers != "contact" {
				t.Errorf("%s is a list of %s, which has no link table", where, f.Refers)
			}
			switch f.Kind {
			case KindCode, KindCodes:
				if list, ok := CodeList(f.List); !ok || len(list) == 0 {
					t.Errorf("%s draws on code list %q, which does not exist", where, f.List)
				}
			case KindReference, KindReferences:
				if _, ok := tableFor(f.Refers); !ok {
					t.Errorf("%s refers to %q, which the register does not keep", where, f.Refers)
				}
			}
			if f.List != "" && f.Kind != KindCode && f.Kind != KindCodes {
				t.Errorf("%s names a code list but does not hold codes", where)
			}
		}
		for c := range columns {
			if !seen[c] && !machine[c] {
				t.Errorf("column %s.%s has no field description", entity, c)
			}
		}
	}
	if total < 159 {
		t.Errorf("%d fields described; the register had 159 when the metadata was written", total)
	}
}

func TestRecordNameNamesWhatAReferencePointsTo(t *testing.T) {
	s := newStore(t)
	o := mustSaveOrg(t, s, Organisation{Name: "Ministry of Labour", Sector: "ministry"})
	c := mustSaveContact(t, s, Contact{OrganisationID: o.ID, Name: "Ana Pop"})
	for _, tc := range []struct{ entity, id, want string }{
		{"organisation", o.ID, "Ministry of Labour"},
		{"contact", c.ID, "Ana Pop"},
	} {
		got, err := s.RecordName(t.Context(), tc.entity, tc.id)
		if err != nil || got != tc.want {
			t.Errorf("RecordName(%s) = %q, %v; want %q", tc.entity, got, err, tc.want)
		}
	}
	if _, err := s.RecordName(t.Context(), "organisation", "no-such-id"); err != ErrNotFound {
		t.Errorf("a missing record: %v, want ErrNotFound", err)
	}
	if _, err := s.RecordName(t.Context(), "victim", o.ID); err == nil {
		t.Error("an entity the register does not keep was named")
	}
}
