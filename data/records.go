package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
)

// table describes a record table for the generic writes that keep the
// history: insert, field updates and deletes all go through here, so every
// change is recorded the same way and Undo can take any of them back.
type table struct {
	entity string
	fields []Field // user fields, in form order; "archived" is one of them
	// label is the field that names a record in the history ("name" when empty).
	label string
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

// execer is what the writes below need of a transaction: *sql.Tx, or a
// stmtCache over one.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// stmtCache prepares each statement once per transaction. Import writes the
// same few statements for every record of a batch; SQLite parsing them again
// for each of 100,000 records took a quarter of the import's time.
type stmtCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt // closed by the transaction's end
}

func newStmtCache(tx *sql.Tx) *stmtCache {
	return &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (c *stmtCache) prepare(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := c.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = st
	return st, nil
}

func (c *stmtCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := c.prepare(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (c *stmtCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.prepare(ctx, query)
	if err != nil {
		return c.tx.QueryRowContext(ctx, query, args...) // a Row carrying the same error
	}
	return st.QueryRowContext(ctx, args...)
}

// change opens one entry in the history; items are added by the writes
// below. Its summary is kept as structure and as the English sentence.
func (s *Store) newChange(ctx context.Context, tx execer, action string, what Summary) (int64, error) {
	args, err := encodeArgs(what)
	if err != nil {
		return 0, err
	}
	replica, err := s.replicaIn(ctx, tx)
	if err != nil {
		return 0, err
	}
	// The replica's count of its changes held here moves on first, so that
	// the change's clock counts the change itself.
	if _, err := tx.ExecContext(ctx, "UPDATE replica SET received = received + 1 WHERE id = ?", replica); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx,
		`INSERT INTO change (at, device, action, summary, summary_key, summary_args, uid, replica, seq, clock)
		 VALUES (?, ?, ?, ?, nullif(?, ''), nullif(?, ''), ?, ?,
		 (SELECT received FROM replica WHERE id = ?),
		 (SELECT json_group_object(id, received) FROM replica WHERE received > 0))`,
		s.timestamp(), s.device, action, what.Text, what.Key, args, uuid.NewString(), replica, replica)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// addItemRow writes an item of the history as an upgrade to an earlier
// schema writes it (addItem is for everything else).
func addItemRow(ctx context.Context, tx execer, change int64, entity, id, kind, field, old, new string) error {
	_, err := tx.ExecContext(ctx,
		"INSERT INTO change_item (change_id, entity, record_id, kind, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)",
		change, entity, id, kind, field, old, new)
	return err
}

// addItem writes an item of the history and notes which change the field
// (or the record's being here) now has its value from.
func addItem(ctx context.Context, tx execer, change int64, entity, id, kind, field, old, new string) error {
	err := addItemRow(ctx, tx, change, entity, id, kind, field, old, new)
	switch kind {
	case "update", "resolve":
	case "create", "delete", "restore", "drop":
		field = exists // the record's being here at all
	default:
		return err
	}
	if err != nil {
		return err
	}
	// The field's value is now this change's alone: an exchange compares
	// what another copy's change knew with it.
	if _, err := tx.ExecContext(ctx, "DELETE FROM field_version WHERE entity = ? AND record_id = ? AND field = ?",
		entity, id, field); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO field_version (entity, record_id, field, replica, seq)
		SELECT ?, ?, ?, replica, seq FROM change WHERE id = ?`, entity, id, field, change)
	return err
}

func (t table) insert(ctx context.Context, tx execer, change int64, id string, v values, at string) error {
	cols := []string{"id"}
	args := []any{id}
	for _, f := range t.stored() {
		cols = append(cols, f.Name)
		args = append(args, bindValue(f.Name, v[f.Name]))
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
	for _, f := range t.linked() {
		if err := writeLinks(ctx, tx, t.entity, id, f, v[f.Name]); err != nil {
			return err
		}
	}
	snapshot := t.snapshot(v)
	return addItem(ctx, tx, change, t.entity, id, "create", "", "", snapshot)
}

// insertChunk is how many records insertBatch writes per statement.
const insertChunk = 200

// insertBatch inserts many records as insert does, a chunk per statement.
//
// Why: SQLite wraps every statement that fires the full-text triggers in a
// savepoint, and FTS5 writes its pending index to disk at each savepoint.
// One statement per record made a 100,000-contact import flush (and merge)
// the index 100,000 times, most of the import's time.
//
// A chunk that fails is taken back and written again a record at a time, so
// that the error is that of the first record that fails, at index failed.
func (t table) insertBatch(ctx context.Context, tx execer, change int64, ids []string, vs []values, at string) (failed int, err error) {
	for start := 0; start < len(ids); start += insertChunk {
		end := min(start+insertChunk, len(ids))
		if _, err := tx.ExecContext(ctx, "SAVEPOINT insert_batch"); err != nil {
			return start, err
		}
		if err := t.insertRows(ctx, tx, change, ids[start:end], vs[start:end], at); err != nil {
			if _, err := tx.ExecContext(ctx, "ROLLBACK TO insert_batch"); err != nil {
				return start, err
			}
			for i := start; i < end; i++ {
				if err := t.insert(ctx, tx, change, ids[i], vs[i], at); err != nil {
					return i, err
				}
			}
		}
		if _, err := tx.ExecContext(ctx, "RELEASE insert_batch"); err != nil {
			return start, err
		}
	}
	return 0, nil
}

// insertRows writes records and their history items, in the order and form
// that insert gives them, with one statement for the records and one for the items.
func (t table) insertRows(ctx context.Context, tx execer, change int64, ids []string, vs []values, at string) error {
	var derived []string
	if t.derived != nil && len(vs) > 0 {
		for k := range t.derived(vs[0]) {
			derived = append(derived, k)
		}
		sort.Strings(derived)
	}
	cols := append(append(append([]string{"id"}, t.columns()...), derived...), "created_at", "updated_at")
	stored := t.stored()
	args := make([]any, 0, len(ids)*len(cols))
	items := make([]any, 0, len(ids)*7)
	for i, id := range ids {
		v := vs[i]
		args = append(args, id)
		for _, f := range stored {
			args = append(args, bindValue(f.Name, v[f.Name]))
		}
		if len(derived) > 0 {
			d := t.derived(v)
			for _, k := range derived {
				args = append(args, d[k])
			}
		}
		args = append(args, at, at)
		// A batch (an import, a sample) records each creation without
		// repeating its values: they are the record's own until a later
		// change, whose items keep the old values. Repeating them doubled
		// the history of a large import and put it over 5 s.
		items = append(items, change, t.entity, id, "create", "", "", "")
	}
	rows := func(n, width int) string {
		row := "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
		return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
	}
	q := fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", t.entity, strings.Join(cols, ", "), rows(len(ids), len(cols)))
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		return err
	}
	for _, f := range t.linked() {
		for i, id := range ids {
			if err := writeLinks(ctx, tx, t.entity, id, f, vs[i][f.Name]); err != nil {
				return err
			}
		}
	}
	_, err := tx.ExecContext(ctx,
		"INSERT INTO change_item (change_id, entity, record_id, kind, field, old_value, new_value) VALUES "+rows(len(ids), 7),
		items...)
	return err
}

// update writes the fields that differ between old and new and records each
// one. It reports whether anything changed.
func (t table) update(ctx context.Context, tx *sql.Tx, change int64, id string, old, new values, at string) (changed bool, err error) {
	var sets []string
	var args []any
	for _, field := range t.fields {
		f := field.Name
		if old[f] == new[f] {
			continue
		}
		if err := addItem(ctx, tx, change, t.entity, id, "update", f, old[f], new[f]); err != nil {
			return false, err
		}
		changed = true
		if field.linked() {
			if err := writeLinks(ctx, tx, t.entity, id, field, new[f]); err != nil {
				return false, err
			}
			continue
		}
		sets = append(sets, f+" = ?")
		args = append(args, bindValue(f, new[f]))
	}
	if !changed {
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
	for _, f := range t.linked() {
		if err := writeLinks(ctx, tx, t.entity, id, f, ""); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM "+t.entity+" WHERE id = ?", id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM field_version WHERE entity = ? AND record_id = ?", t.entity, id); err != nil {
		return err
	}
	snapshot := t.snapshot(old)
	return addItem(ctx, tx, change, t.entity, id, "delete", "", snapshot, "")
}

// queryer is what both *sql.DB and *sql.Tx offer for reading.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// load reads a record's fields as text.
func (t table) load(ctx context.Context, q queryer, id string) (values, error) {
	cols := make([]string, len(t.fields))
	for i, f := range t.fields {
		if f.linked() {
			cols[i] = linkedList(t.entity, f)
		} else {
			cols[i] = "CAST(" + f.Name + " AS TEXT)"
		}
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
		v[f.Name] = dest[i]
	}
	return v, nil
}

// ErrNotFound is returned for a record id that is not in the register.
var ErrNotFound = errors.New("no such record in the register")

// tables are the record tables whose changes the history can take back.
var tables = map[string]table{}

func init() {
	for _, t := range []table{organisationTable, contactTable, courseTable, participantTable, attendanceTable, certificateTable, statisticTable, agreementTable, planTable, actionTable, progressTable, campaignTable, bodyTable, meetingTable, workingGroupTable, replyTable, answerTable, contributionTable, questionnaireTable, membershipTable} {
		tables[t.entity] = t
	}
}

// columns are the names of the user fields kept in the table's own columns.
func (t table) columns() []string {
	var out []string
	for _, f := range t.stored() {
		out = append(out, f.Name)
	}
	return out
}

// stored are the fields kept in the table's own columns, linked those kept
// in a link table.
func (t table) stored() []Field { return t.pick(false) }
func (t table) linked() []Field { return t.pick(true) }

func (t table) pick(linked bool) []Field {
	var out []Field
	for _, f := range t.fields {
		if f.linked() == linked {
			out = append(out, f)
		}
	}
	return out
}

func tableFor(entity string) (table, bool) {
	t, ok := tables[entity]
	return t, ok
}

// name is what the history calls a record of the table.
func (t table) name(v values) string {
	if t.label != "" {
		return v[t.label]
	}
	return v["name"]
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

// snapshot writes a record's fields as a JSON object, in the table's field
// order (the history keeps it for creations and deletions). Written by hand
// because encoding/json sorts a map's keys by reflection and allocates for
// every value, which took an eighth of a large import.
func (t table) snapshot(v values) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, f := range t.fields {
		if i > 0 {
			b.WriteByte(',')
		}
		appendJSONString(&b, f.Name)
		b.WriteByte(':')
		appendJSONString(&b, v[f.Name])
	}
	b.WriteByte('}')
	return b.String()
}

// appendJSONString writes s as a JSON string: quotes, backslashes and
// control characters escaped, invalid UTF-8 replaced as encoding/json does.
func appendJSONString(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c < 0x20:
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&0xf])
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(`\ufffd`)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
}

// saveRecord creates (when creating) or updates a record from its fields,
// with its history entry, in one transaction; check runs first inside it
// (a duplicate, dates that leave attendance outside). A save does not
// archive or restore: the stored archived state is kept. A save that
// changes nothing leaves no history entry.
func (s *Store) saveRecord(ctx context.Context, t table, id string, creating bool, v values, check func(*sql.Tx) error) error {
	name := t.name(v)
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		if check != nil {
			if err := check(tx); err != nil {
				return err
			}
		}
		at := s.timestamp()
		if creating {
			change, err := s.newChange(ctx, tx, "create", summaryOf(sumAdd, "Entity", t.entity, "Name", name))
			if err != nil {
				return err
			}
			return t.insert(ctx, tx, change, id, v, at)
		}
		old, err := t.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if archived, ok := old["archived"]; ok {
			v["archived"] = archived
		}
		for _, f := range t.fields {
			if _, given := v[f.Name]; !given {
				v[f.Name] = old[f.Name] // a field the form does not show (merged_into) stays
			}
		}
		change, err := s.newChange(ctx, tx, "update", summaryOf(sumEdit, "Entity", t.entity, "Name", name))
		if err != nil {
			return err
		}
		changed, err := t.update(ctx, tx, change, id, old, v, at)
		if err == nil && !changed {
			err = errNoChange
		}
		return err
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	return err
}

// saveWithID saves a record under *id, giving a new record (an empty id)
// its id first. Callers work on a copy, so a refused save leaves theirs as
// it was.
func (s *Store) saveWithID(ctx context.Context, t table, id *string, v values, check func(*sql.Tx) error) error {
	creating := *id == ""
	if creating {
		*id = uuid.NewString()
	}
	return s.saveRecord(ctx, t, *id, creating, v, check)
}

// readBack gives the caller the record as stored (derived fields, times).
func readBack[T any](ctx context.Context, read func(context.Context, string) (T, error), id string, into *T) error {
	got, err := read(ctx, id)
	if err == nil {
		*into = got
	}
	return err
}
