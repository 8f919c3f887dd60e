package data

import (
	"context"
	"database/sql"
	"slices"
)

// rewriteReferences makes every reference to the record from (of kind
// entity) point at to instead, in every field of every table that refers to
// that kind, each change recorded under change so that Undo takes it back.
// In a list that already holds to, from is simply left out. Records whose
// ids are in except are left alone (a merge has dealt with them). It
// reports how many records it changed.
func rewriteReferences(ctx context.Context, tx *sql.Tx, change int64, entity, from, to, at string, except map[string]bool) (int, error) {
	changed := 0
	for _, name := range Entities() {
		t := tables[name]
		for _, f := range t.fields {
			if !f.IsReference() || f.Refers != entity {
				continue
			}
			ids, err := referringRecords(ctx, tx, t, f, from)
			if err != nil {
				return changed, err
			}
			for _, id := range ids {
				if except[id] || (name == entity && id == from) {
					continue
				}
				old, err := t.load(ctx, tx, id)
				if err != nil {
					return changed, err
				}
				next := make(values, len(old))
				for k, v := range old {
					next[k] = v
				}
				next[f.Name] = replaceReference(old[f.Name], from, to)
				ok, err := t.update(ctx, tx, change, id, old, next, at)
				if err != nil {
					return changed, err
				}
				if ok {
					changed++
				}
			}
		}
	}
	return changed, nil
}

// referringRecords lists the records of t whose field f refers to id.
func referringRecords(ctx context.Context, tx *sql.Tx, t table, f Field, id string) ([]string, error) {
	q := "SELECT id FROM " + t.entity + " WHERE " + f.Name + " = ?"
	args := []any{id}
	if f.linked() {
		link, column := linkTable(f.Refers)
		q = "SELECT DISTINCT record_id FROM " + link + " WHERE entity = ? AND field = ? AND " + column + " = ?"
		args = []any{t.entity, f.Name, id}
	}
	return queryStrings(ctx, tx, q, args...)
}

// replaceReference replaces from by to in a reference or a list of them
// (ids one per line), keeping the order and each id once.
func replaceReference(value, from, to string) string {
	ids := splitLines(value)
	var out []string
	for _, id := range ids {
		if id == from {
			id = to
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return joinLines(out)
}
