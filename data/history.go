package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Change is one entry of the history: one user action, with the fields it changed.
type Change struct {
	ID     int64
	At     string // UTC, 2006-01-02T15:04:05.000Z
	Device string // the laptop it was made on
	// create, update, archive, restore, import, merge, setting, undo, receive
	// (changes from another laptop); upgrade and take-out are not undoable.
	Action string
	// Summary is what the change did, as an English sentence; What is the
	// same as structure, for saying it in the reader's language.
	Summary string
	What    Summary
	Undone  bool // taken back by a later Undo
	// Entity is the kind of record the change's first item is about (set
	// by LastUndoable and LastRedoable, to say where the change was made).
	Entity string
	Items  []ChangeItem
}

// ChangeItem is one record created or deleted, or one field changed.
type ChangeItem struct {
	Entity   string // organisation, contact, setting
	RecordID string
	Kind     string // create, update, delete
	Field    string // for updates
	Old, New string // field values as text; for create/delete, all values as JSON
}

// ErrNothingToUndo is returned by Undo when no change is left to take back.
var ErrNothingToUndo = errors.New("nothing to undo")

// History lists the changes that touched one record, newest first.
func (s *Store) History(ctx context.Context, recordID string) ([]Change, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT c.id, c.at, c.device, c.action, `+summaryColumns("c")+`, c.undone_by IS NOT NULL,
		       i.entity, i.record_id, i.kind, i.field, i.old_value, i.new_value
		FROM change_item i JOIN change c ON c.id = i.change_id
		WHERE i.record_id = ? AND c.received_in IS NULL
		ORDER BY c.id DESC, i.rowid`, recordID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		var it ChangeItem
		var s summaryScan
		if err := rows.Scan(&c.ID, &c.At, &c.Device, &c.Action, &c.Summary, &s.key, &s.args, &c.Undone,
			&it.Entity, &it.RecordID, &it.Kind, &it.Field, &it.Old, &it.New); err != nil {
			return nil, err
		}
		if n := len(out); n > 0 && out[n-1].ID == c.ID {
			out[n-1].Items = append(out[n-1].Items, it)
			continue
		}
		c.What = storedSummary(c.Summary, s.key, s.args)
		c.Items = []ChangeItem{it}
		out = append(out, c)
	}
	return out, rows.Err()
}

// summaryColumns are the columns of a change's summary (of the change
// named alias): its sentence, key and values, scanned into Summary and a
// summaryScan.
func summaryColumns(alias string) string {
	return alias + ".summary, coalesce(" + alias + ".summary_key, ''), coalesce(" + alias + ".summary_args, '')"
}

type summaryScan struct{ key, args string }

// scanChange reads the columns of lastUndoable and lastRedoable.
func scanChange(row *sql.Row) (c Change, err error) {
	var s summaryScan
	err = row.Scan(&c.ID, &c.At, &c.Device, &c.Action, &c.Summary, &s.key, &s.args, &c.Entity)
	c.What = storedSummary(c.Summary, s.key, s.args)
	return c, err
}

// changeEntity is the SQL for the kind of record a change (named alias)
// is about: its first item's. The settings of the data checks are made in
// the Statistics, and said to be about statistics.
func changeEntity(alias string) string {
	return `coalesce((SELECT CASE WHEN entity = 'setting' AND record_id LIKE 'quality.%' THEN 'statistic' ELSE entity END
		FROM change_item WHERE change_id = ` + alias + `.id ORDER BY rowid LIMIT 1), '')`
}

// lastUndoable is the change that Undo takes back.
var lastUndoable = `
	SELECT id, at, device, action, ` + summaryColumns("change") + `, ` + changeEntity("change") + `
	FROM change
	WHERE undone_by IS NULL AND received_in IS NULL AND action NOT IN ('undo', 'upgrade', 'take-out')
	ORDER BY id DESC LIMIT 1`

// LastUndoable is the change that Undo would take back; ok is false when there is none.
func (s *Store) LastUndoable(ctx context.Context) (c Change, ok bool, err error) {
	c, err = scanChange(s.read.QueryRowContext(ctx, lastUndoable))
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	return c, err == nil, err
}

// ErrNothingToRedo is returned by Redo when no Undo is left to take back.
var ErrNothingToRedo = errors.New("nothing to redo")

// lastRedoable is the Undo that Redo takes back: the latest one not taken
// back already, while no other change was made after it (a new change
// ends what can be redone, as in every editor).
var lastRedoable = `
	SELECT u.id, u.at, u.device, u.action, ` + summaryColumns("u") + `, ` + changeEntity("u") + `
	FROM change u
	WHERE u.action = 'undo' AND u.undone_by IS NULL AND u.received_in IS NULL
	  AND NOT EXISTS (SELECT 1 FROM change later WHERE later.id > u.id AND later.received_in IS NULL
	                  AND later.action NOT IN ('undo', 'redo'))
	ORDER BY u.id DESC LIMIT 1`

// LastRedoable is the Undo that Redo would take back; ok is false when there is none.
func (s *Store) LastRedoable(ctx context.Context) (c Change, ok bool, err error) {
	c, err = scanChange(s.read.QueryRowContext(ctx, lastRedoable))
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	return c, err == nil, err
}

// Redo takes back the latest Undo, as one change of its own (which Undo
// can take back in turn).
func (s *Store) Redo(ctx context.Context) (Change, error) {
	var undo Change
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		var err error
		undo, err = scanChange(tx.QueryRowContext(ctx, lastRedoable))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNothingToRedo
		}
		if err != nil {
			return err
		}
		items, err := changeItems(ctx, tx, undo.ID)
		if err != nil {
			return err
		}
		undo.Items = items
		// What the Undo took back is done again.
		redone := undo.What.Of
		if redone == nil { // an Undo whose sentence says no known change
			again := parseSummary(strings.TrimPrefix(undo.Summary, "Undo: "))
			redone = &again
		}
		change, err := s.newChange(ctx, tx, "redo", summaryAbout(sumRedo, *redone))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE change SET undoes = ? WHERE id = ?", undo.ID, change); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE change SET undone_by = ? WHERE id = ?", change, undo.ID); err != nil {
			return err
		}
		for i := len(items) - 1; i >= 0; i-- {
			if err := s.revert(ctx, tx, change, items[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return undo, err
}

// Undo takes back the most recent change that is not yet undone: fields get
// their old values, created records are removed, archived ones restored. The
// undo is itself recorded in the history, in the same transaction.
func (s *Store) Undo(ctx context.Context) (Change, error) {
	var undone Change
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		var err error
		undone, err = scanChange(tx.QueryRowContext(ctx, lastUndoable))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNothingToUndo
		}
		if err != nil {
			return err
		}
		items, err := changeItems(ctx, tx, undone.ID)
		if err != nil {
			return err
		}
		undone.Items = items
		change, err := s.newChange(ctx, tx, "undo", summaryAbout(sumUndo, undone.What))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE change SET undoes = ? WHERE id = ?", undone.ID, change); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE change SET undone_by = ? WHERE id = ?", change, undone.ID); err != nil {
			return err
		}
		// Newest item first: contacts created after their organisation go first.
		for i := len(items) - 1; i >= 0; i-- {
			if err := s.revert(ctx, tx, change, items[i]); err != nil {
				return err
			}
		}
		return nil
	})
	undone.Undone = err == nil
	return undone, err
}

func changeItems(ctx context.Context, tx *sql.Tx, change int64) ([]ChangeItem, error) {
	rows, err := tx.QueryContext(ctx, `SELECT entity, record_id, kind, field, old_value, new_value
		FROM change_item WHERE change_id = ? ORDER BY rowid`, change)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []ChangeItem
	for rows.Next() {
		var it ChangeItem
		if err := rows.Scan(&it.Entity, &it.RecordID, &it.Kind, &it.Field, &it.Old, &it.New); err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

// revert applies the opposite of one item, recording it under change.
func (s *Store) revert(ctx context.Context, tx *sql.Tx, change int64, it ChangeItem) error {
	if it.Entity == "setting" {
		if err := writeSetting(ctx, tx, it.RecordID, it.Old); err != nil {
			return err
		}
		return addItem(ctx, tx, change, it.Entity, it.RecordID, "update", it.Field, it.New, it.Old)
	}
	t, ok := tableFor(it.Entity)
	if !ok {
		return fmt.Errorf("history names an unknown kind of record %q", it.Entity)
	}
	switch it.Kind {
	case "create":
		return t.delete(ctx, tx, change, it.RecordID)
	case "delete":
		var v values
		if err := json.Unmarshal([]byte(it.Old), &v); err != nil {
			return err
		}
		return t.insert(ctx, tx, change, it.RecordID, v, s.timestamp())
	case "update":
		old, err := t.load(ctx, tx, it.RecordID)
		if err != nil {
			return err
		}
		next := values{}
		for k, v := range old {
			next[k] = v
		}
		next[it.Field] = it.Old
		_, err = t.update(ctx, tx, change, it.RecordID, old, next, s.timestamp())
		return err
	case "merge":
		return nil // a note for the kept record's History; the items around it do the work
	case "resolve", "restore", "drop":
		return nil // a receiving's decisions, for the other copies; the items taken did the work here
	}
	return fmt.Errorf("history has an unknown kind of change %q", it.Kind)
}
