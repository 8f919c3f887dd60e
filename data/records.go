package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// table describes a record table for the generic writes that keep the
// history: insert, field updates and deletes all go through here, so every
// change is recorded the same way and Undo can take any of them back.
type table struct {
	entity string
	fields []string // user fields, in form order; "archived" is one of them
	// derived computes columns that follow from the user fields.
	derived func(v values) map[string]string
}

// values are a record's fields as text, the way the history keeps them.
type values map[string]string

func bindValue(field, v string) any {
	if field == "archived" {
		if v == "1" {
			return 1
		}
		return 0
	}
	return v
}

// change opens one entry in the history; items are added by the writes below.
func (s *Store) newChange(ctx context.Context, tx *sql.Tx, action, summary string) (int64, error) {
	res, err := tx.ExecContext(ctx,
		"INSERT INTO change (at, device, action, summary) VALUES (?, ?, ?, ?)",
		s.timestamp(), s.device, action, summary)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func addItem(ctx context.Context, tx *sql.Tx, change int64, entity, id, kind, field, old, new string) error {
	_, err := tx.ExecContext(ctx,
		"INSERT INTO change_item (change_id, entity, record_id, kind, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)",
		change, entity, id, kind, field, old, new)
	return err
}

func (t table) insert(ctx context.Context, tx *sql.Tx, change int64, id string, v values, at string) error {
	cols := []string{"id"}
	args := []any{id}
	for _, f := range t.fields {
		cols = append(cols, f)
		args = append(args, bindValue(f, v[f]))
	}
	if t.derived != nil {
		for k, d := range t.derived(v) {
			cols = append(cols, k)
			args = append(args, d)
		}
	}
	cols = append(cols, "created_at", "updated_at")
	args = append(args, at, at)
	q := fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", t.entity, strings.Join(cols, ", "),
		strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", "))
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		return err
	}
	snapshot, _ := json.Marshal(v)
	return addItem(ctx, tx, change, t.entity, id, "create", "", "", string(snapshot))
}

// update writes the fields that differ between old and new and records each
// one. It reports whether anything changed.
func (t table) update(ctx context.Context, tx *sql.Tx, change int64, id string, old, new values, at string) (bool, error) {
	var sets []string
	var args []any
	for _, f := range t.fields {
		if old[f] == new[f] {
			continue
		}
		sets = append(sets, f+" = ?")
		args = append(args, bindValue(f, new[f]))
		if err := addItem(ctx, tx, change, t.entity, id, "update", f, old[f], new[f]); err != nil {
			return false, err
		}
	}
	if len(sets) == 0 {
		return false, nil
	}
	if t.derived != nil {
		for k, d := range t.derived(new) {
			sets = append(sets, k+" = ?")
			args = append(args, d)
		}
	}
	sets = append(sets, "updated_at = ?")
	args = append(args, at, id)
	q := fmt.Sprintf("UPDATE %s SET %s WHERE id = ?", t.entity, strings.Join(sets, ", "))
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return false, ErrNotFound
	}
	return true, nil
}

func (t table) delete(ctx context.Context, tx *sql.Tx, change int64, id string) error {
	old, err := t.load(ctx, tx, id)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM "+t.entity+" WHERE id = ?", id); err != nil {
		return err
	}
	snapshot, _ := json.Marshal(old)
	return addItem(ctx, tx, change, t.entity, id, "delete", "", string(snapshot), "")
}

// queryer is what both *sql.DB and *sql.Tx offer for reading.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// load reads a record's fields as text.
func (t table) load(ctx context.Context, q queryer, id string) (values, error) {
	cols := make([]string, len(t.fields))
	for i, f := range t.fields {
		cols[i] = "CAST(" + f + " AS TEXT)"
	}
	dest := make([]string, len(t.fields))
	ptrs := make([]any, len(dest))
	for i := range dest {
		ptrs[i] = &dest[i]
	}
	err := q.QueryRowContext(ctx, fmt.Sprintf("SELECT %s FROM %s WHERE id = ?", strings.Join(cols, ", "), t.entity), id).Scan(ptrs...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	v := values{}
	for i, f := range t.fields {
		v[f] = dest[i]
	}
	return v, nil
}

// ErrNotFound is returned for a record id that is not in the register.
var ErrNotFound = errors.New("no such record in the register")

func tableFor(entity string) (table, bool) {
	switch entity {
	case organisationTable.entity:
		return organisationTable, true
	case contactTable.entity:
		return contactTable, true
	}
	return table{}, false
}

func joinLines(list []string) string { return strings.Join(list, "\n") }
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func boolText(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
