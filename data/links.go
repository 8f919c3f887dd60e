package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Lists of references (a course's organisers, an agreement's parties, a
// meeting's participants …) live in link tables, one row per reference,
// with a foreign key to what they point at: organisation_link and
// contact_link. A record's values still carry them as ids one per line,
// in order, so forms, the History and Undo see one field as before.

// linked tells whether a field's values live in a link table.
func (f Field) linked() bool { return f.Kind == KindReferences }

// linkTable is the link table of references to an entity, and its column
// that holds the id pointed at.
func linkTable(refers string) (table, column string) { return refers + "_link", refers + "_id" }

// writeLinks makes the links of one field of one record those of value
// (ids one per line), replacing what was there.
func writeLinks(ctx context.Context, tx execer, entity, id string, f Field, value string) error {
	link, column := linkTable(f.Refers)
	if _, err := tx.ExecContext(ctx, "DELETE FROM "+link+" WHERE entity = ? AND field = ? AND record_id = ?",
		entity, f.Name, id); err != nil {
		return err
	}
	for i, target := range splitLines(value) {
		if _, err := tx.ExecContext(ctx, "INSERT INTO "+link+" (entity, field, record_id, position, "+column+
			") VALUES (?, ?, ?, ?, ?)", entity, f.Name, id, i, target); err != nil {
			return fmt.Errorf("%s of %s %s: %w", f.Name, entity, id, err)
		}
	}
	return nil
}

// linkedList is the SQL expression that reads one linked field of the
// current row of entity as ids one per line, in their order.
func linkedList(entity string, f Field) string {
	link, column := linkTable(f.Refers)
	return fmt.Sprintf("(SELECT coalesce(group_concat(l.%s, char(10) ORDER BY l.position), '') FROM %s l"+
		" WHERE l.entity = '%s' AND l.field = '%s' AND l.record_id = %s.id)", column, link, entity, f.Name, entity)
}

// withLinks is columns (a SELECT list) with each linked field of t
// read from its link table, under its own name.
func withLinks(t table, columns string) string {
	entity := t.entity
	parts := strings.Split(columns, ",")
	for i, p := range parts {
		name := strings.TrimSpace(p)
		for _, f := range t.linked() {
			if f.Name == name {
				parts[i] = strings.Replace(p, name, linkedList(entity, f)+" AS "+name, 1)
			}
		}
	}
	return strings.Join(parts, ",")
}

// copyReferenceLists moves the lists of references of schema 14 (ids one
// per line in a text column) into the link tables, in order, and drops the
// old columns. An id that points at nothing cannot be kept under a foreign
// key (saving never let one in, but a file edited by hand could hold one):
// it is left out and the History says so, in one "upgrade" change that
// Undo does not take back.
func (s *Store) copyReferenceLists(ctx context.Context, tx *sql.Tx) error {
	var change int64
	for _, entity := range Entities() {
		t := tables[entity]
		for _, f := range t.linked() {
			kept, dropped, err := copyList(ctx, tx, t, f)
			if err != nil {
				return err
			}
			for id, old := range dropped {
				if change == 0 {
					// Written as schema 15 writes a change: its global identity
					// comes with schema 18 (copyChangeIdentity).
					res, err := tx.ExecContext(ctx, "INSERT INTO change (at, device, action, summary) VALUES (?, ?, 'upgrade', ?)",
						s.timestamp(), s.device, summaryOf(sumUpgradeReference).Text)
					if err != nil {
						return err
					}
					if change, err = res.LastInsertId(); err != nil {
						return err
					}
				}
				if err := addItemRow(ctx, tx, change, entity, id, "update", f.Name, old, kept[id]); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, "ALTER TABLE "+entity+" DROP COLUMN "+f.Name); err != nil {
				return err
			}
		}
	}
	return nil
}

// copyList copies one field; kept and dropped give, for the records that
// lost an id, the list as it is now and as it was.
func copyList(ctx context.Context, tx *sql.Tx, t table, f Field) (kept, dropped map[string]string, err error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, "+f.Name+" FROM "+t.entity+" WHERE "+f.Name+" <> ''")
	if err != nil {
		return nil, nil, err
	}
	lists := map[string]string{}
	var order []string
	for rows.Next() {
		var id, list string
		if err := rows.Scan(&id, &list); err != nil {
			rows.Close()
			return nil, nil, err
		}
		lists[id] = list
		order = append(order, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	kept, dropped = map[string]string{}, map[string]string{}
	for _, id := range order {
		var ids []string
		for _, target := range splitLines(lists[id]) {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+f.Refers+" WHERE id = ?", target).Scan(&n); err != nil {
				return nil, nil, err
			}
			if n == 1 {
				ids = append(ids, target)
			}
		}
		if now := joinLines(ids); now != lists[id] {
			kept[id], dropped[id] = now, lists[id]
		}
		if err := writeLinks(ctx, tx, t.entity, id, f, joinLines(ids)); err != nil {
			return nil, nil, err
		}
	}
	return kept, dropped, nil
}
