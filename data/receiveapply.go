package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// ErrPlanStale is returned when the register changed between the preview
// of a package and its applying: the preview must be made again.
var ErrPlanStale = errors.New("the register changed since the preview; open the package again")

// ApplyReceive applies a planned package as one change, which one Undo
// takes back: the changes received are kept as they were made (to travel
// on to other copies), what receiving did here is the change's items, and
// the user's decisions (the side chosen in each conflict, the records
// merged) are items that travel with it, so that the other copies follow.
func (s *Store) ApplyReceive(ctx context.Context, plan *ReceivePlan, ch ReceiveChoices) error {
	for i, c := range plan.Conflicts {
		if i >= len(ch.Sides) || ch.Sides[i] < 0 || ch.Sides[i] >= len(c.Sides) {
			return ErrUndecided
		}
	}
	if plan.Fresh == 0 {
		return s.notePeer(ctx, plan.Package)
	}
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		var last int64
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM change").Scan(&last); err != nil {
			return err
		}
		if last != plan.base {
			return ErrPlanStale
		}
		// References may point at records the package creates further on.
		if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
			return err
		}
		a := &applying{s: s, tx: tx, plan: plan, ch: ch, at: s.timestamp(), alias: map[string]string{}}
		var err error
		if a.change, err = s.newChange(ctx, tx, "receive", summaryOf(sumReceive, "Device", plan.Package.Device)); err != nil {
			return err
		}
		return a.run(ctx)
	})
}

// CertificateNumberError refuses a package that brings a certificate whose
// number was given here to another certificate: two laptops issued
// certificates of one year at once. Nothing is received.
type CertificateNumberError struct {
	Number, Device string
}

func (e *CertificateNumberError) Error() string {
	return "certificate " + e.Number + " was issued both here and on “" + e.Device +
		"”: issue certificates on one laptop only, and take back (Undo) those issued on the other before sending"
}

type applying struct {
	s      *Store
	tx     *sql.Tx
	plan   *ReceivePlan
	ch     ReceiveChoices
	change int64
	at     string
	alias  map[string]string // a record received that is one here already → the one kept
	// later are decisions found while taking the package, written after
	// it, so that they travel.
	later []func() error
}

func (a *applying) runLater() error {
	for len(a.later) > 0 {
		f := a.later[0]
		a.later = a.later[1:]
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// insert writes a record the package brings (or brings back). An
// organisation coming back beside one of the same name and sector entered
// since is one organisation: it comes back merged into that one.
func (a *applying) insert(ctx context.Context, t table, id string, v values) error {
	if t.entity == "certificate" {
		var n int
		if err := a.tx.QueryRowContext(ctx, "SELECT count(*) FROM certificate WHERE number = ? AND id <> ?", v["number"], id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &CertificateNumberError{Number: v["number"], Device: a.plan.Package.Device}
		}
	}
	if t.entity != "organisation" || v["merged_into"] != "" {
		return t.insert(ctx, a.tx, a.change, id, v, a.at)
	}
	var other string
	err := a.tx.QueryRowContext(ctx, "SELECT id FROM organisation WHERE name_key = ? AND sector = ? AND merged_into = '' AND id <> ?",
		Fold(v["name"]), v["sector"], id).Scan(&other)
	if errors.Is(err, sql.ErrNoRows) {
		return t.insert(ctx, a.tx, a.change, id, v, a.at)
	}
	if err != nil {
		return err
	}
	v = copyValues(v)
	v["archived"], v["merged_into"] = "1", other
	if err := t.insert(ctx, a.tx, a.change, id, v, a.at); err != nil {
		return err
	}
	a.later = append(a.later, func() error {
		for _, f := range [][2]string{{"archived", "1"}, {"merged_into", other}} {
			if err := addItem(ctx, a.tx, a.change, t.entity, id, "resolve", f[0], "", f[1]); err != nil {
				return err
			}
		}
		_, err := rewriteReferences(ctx, a.tx, a.change, t.entity, id, other, a.at, nil)
		return err
	})
	return nil
}

func (a *applying) run(ctx context.Context) error {
	sames := map[string]SameRecord{} // by the id that gives way
	for _, same := range a.plan.Same {
		sames[same.Drop] = same
		if a.isHere(same.Entity, same.Drop) {
			if err := a.giveWay(ctx, same); err != nil {
				return err
			}
		} else if same.Entity != "organisation" {
			a.alias[same.Drop] = same.Keep
		}
	}
	// What the package does here, taken back by Undo, not sent on.
	var mark int64
	if err := a.tx.QueryRowContext(ctx, "SELECT coalesce(max(rowid), 0) FROM change_item").Scan(&mark); err != nil {
		return err
	}
	// Removals first, then records merged away, then the other edits, then
	// new records: a name an organisation gives up is free before another
	// takes it.
	step := func(st *recordState) int {
		present := st.present(a.plan, a.ch)
		switch {
		case st.here != nil && !present:
			return 0
		case st.here != nil && !st.setting && st.finalValues(a.plan, a.ch)["merged_into"] != "":
			return 1
		case st.here != nil || st.setting:
			return 2
		}
		return 3
	}
	for pass := range 4 {
		for _, st := range a.plan.records {
			if step(st) != pass {
				continue
			}
			if err := a.take(ctx, st, sames); err != nil {
				return err
			}
		}
	}
	if _, err := a.tx.ExecContext(ctx, "UPDATE change_item SET taken = 1 WHERE change_id = ? AND rowid > ?", a.change, mark); err != nil {
		return err
	}
	if err := a.noteVersions(ctx); err != nil {
		return err
	}
	if err := a.decide(ctx, sames); err != nil {
		return err
	}
	if err := a.restoreReferred(ctx); err != nil {
		return err
	}
	if err := a.storeReceived(ctx); err != nil {
		return err
	}
	var decisions int
	if err := a.tx.QueryRowContext(ctx, "SELECT count(*) FROM change_item WHERE change_id = ? AND taken = 0", a.change).Scan(&decisions); err != nil {
		return err
	}
	if decisions == 0 {
		return a.keepLocal(ctx)
	}
	_, err := a.tx.ExecContext(ctx, `UPDATE change SET clock = (SELECT json_group_object(id, received) FROM replica WHERE received > 0)
		WHERE id = ?`, a.change)
	return err
}

// keepLocal makes a receiving that decided nothing a change of this copy
// alone: it has nothing to tell the others, and were it numbered among
// this copy's changes, every exchange would have one more to send, and two
// laptops would never be done sending each other their receivings.
func (a *applying) keepLocal(ctx context.Context) error {
	var replica string
	var seq int64
	if err := a.tx.QueryRowContext(ctx, "SELECT replica, seq FROM change WHERE id = ?", a.change).Scan(&replica, &seq); err != nil {
		return err
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{"DELETE FROM field_version WHERE replica = ? AND seq = ?", []any{replica, seq}},
		{"UPDATE change SET uid = NULL, replica = NULL, seq = NULL WHERE id = ?", []any{a.change}},
		{"UPDATE replica SET received = received - 1 WHERE id = ? AND received = ?", []any{replica, seq}},
	} {
		if _, err := a.tx.ExecContext(ctx, q.sql, q.args...); err != nil {
			return err
		}
	}
	return nil
}

func (a *applying) isHere(entity, id string) bool {
	st, ok := a.plan.byKey[recordKey{entity, id}]
	return ok && st.here != nil
}

// giveWay makes the record here that is one with a record received (and
// has the larger identity) give way to it before that one is written.
func (a *applying) giveWay(ctx context.Context, same SameRecord) error {
	t := tables[same.Entity]
	old, err := t.load(ctx, a.tx, same.Drop)
	if err != nil {
		return err
	}
	if same.Entity == "organisation" {
		gone := copyValues(old)
		gone["archived"], gone["merged_into"] = "1", same.Keep
		if _, err := t.update(ctx, a.tx, a.change, same.Drop, old, gone, a.at); err != nil {
			return err
		}
		_, err := rewriteReferences(ctx, a.tx, a.change, same.Entity, same.Drop, same.Keep, a.at, nil)
		return err
	}
	if err := moveMarks(ctx, a.tx, a.change, same.Drop, same.Keep, a.at); err != nil {
		return err
	}
	if err := moveCertificate(ctx, a.tx, a.change, same.Drop, same.Keep, a.at); err != nil {
		return err
	}
	if _, err := rewriteReferences(ctx, a.tx, a.change, same.Entity, same.Drop, same.Keep, a.at, nil); err != nil {
		return err
	}
	return t.delete(ctx, a.tx, a.change, same.Drop)
}

// take writes what the package does to one record.
func (a *applying) take(ctx context.Context, st *recordState, sames map[string]SameRecord) error {
	plan := a.plan
	if st.setting {
		v := st.finalValues(plan, a.ch)
		if v["value"] == st.here["value"] {
			return nil
		}
		if err := writeSetting(ctx, a.tx, st.key.id, v["value"]); err != nil {
			return err
		}
		return addItem(ctx, a.tx, a.change, "setting", st.key.id, "update", "value", st.here["value"], v["value"])
	}
	present := st.present(plan, a.ch)
	switch {
	case st.here == nil && !present:
		return nil
	case st.here == nil:
		if st.conflict >= 0 {
			return nil // restored by the user's choice: among the decisions, to travel
		}
		same, isSame := sames[st.key.id]
		if isSame && same.Entity != "organisation" {
			return nil // the record here stands for it
		}
		v := a.aliased(st, st.finalValues(plan, a.ch))
		if isSame {
			v["archived"], v["merged_into"] = "1", same.Keep
		}
		return a.insert(ctx, st.t, st.key.id, v)
	case !present:
		return st.t.delete(ctx, a.tx, a.change, st.key.id)
	}
	v := a.aliased(st, st.finalValues(plan, a.ch))
	_, err := st.t.update(ctx, a.tx, a.change, st.key.id, st.here, v, a.at)
	return err
}

func fill(v, from values) {
	for k, x := range from {
		if v[k] == "" && k != "merged_into" && k != "archived" {
			v[k] = x
		}
	}
}

// aliased points the record's references at the records kept here.
func (a *applying) aliased(st *recordState, v values) values {
	if len(a.alias) == 0 {
		return v
	}
	for _, f := range st.t.fields {
		if !f.IsReference() || v[f.Name] == "" {
			continue
		}
		ids := strings.Split(v[f.Name], "\n")
		for i, id := range ids {
			ids[i] = aliased(a.alias, id)
		}
		v[f.Name] = strings.Join(ids, "\n")
	}
	return v
}

// noteVersions: a field taken from a received change is that change's
// (another copy's later edit, knowing it, follows it without conflict).
func (a *applying) noteVersions(ctx context.Context) error {
	for _, st := range a.plan.records {
		if st.here == nil && !st.present(a.plan, a.ch) {
			continue
		}
		for field, hs := range st.heads {
			if len(distinctValues(hs)) != 1 {
				continue // a conflict: the decision is the field's version
			}
			// The value's versions are the heads left: those received
			// replace the ones here, unless one here wrote the same value.
			local := false
			for _, h := range hs {
				local = local || h.change == nil
			}
			if !local {
				if _, err := a.tx.ExecContext(ctx, "DELETE FROM field_version WHERE entity = ? AND record_id = ? AND field = ?",
					st.key.entity, st.key.id, field); err != nil {
					return err
				}
			}
			for _, h := range hs {
				if h.change == nil || h.change == st.created {
					continue
				}
				if _, err := a.tx.ExecContext(ctx, `INSERT INTO field_version (entity, record_id, field, replica, seq) VALUES (?, ?, ?, ?, ?)
					ON CONFLICT (entity, record_id, field, replica) DO UPDATE SET seq = max(seq, excluded.seq)`,
					st.key.entity, st.key.id, field, h.replica, h.seq); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// decide records the user's decisions (and the records found to be one) as
// items that travel with this change to the other copies.
func (a *applying) decide(ctx context.Context, sames map[string]SameRecord) error {
	for i, c := range a.plan.Conflicts {
		chosen := c.Sides[a.ch.Sides[i]]
		st := a.plan.byKey[recordKey{c.Entity, c.Record}]
		switch c.Kind {
		case ConflictField, ConflictArchived:
			if err := addItem(ctx, a.tx, a.change, c.Entity, c.Record, "resolve", c.Field, c.Sides[0].Value, chosen.Value); err != nil {
				return err
			}
			if c.Kind == ConflictArchived && chosen.Value == "0" {
				// In use again: merged into nothing, here and there.
				if err := addItem(ctx, a.tx, a.change, c.Entity, c.Record, "resolve", "merged_into", "", ""); err != nil {
					return err
				}
			}
		case ConflictDeletedThere:
			if chosen.Value == SideRemoved {
				if err := addItem(ctx, a.tx, a.change, c.Entity, c.Record, "drop", "", st.t.snapshot(st.here), ""); err != nil {
					return err
				}
			}
			if chosen.Value == SideKept {
				// Kept here: the other copies get it back as it is here.
				v, err := st.t.load(ctx, a.tx, c.Record)
				if err != nil {
					return err
				}
				if err := addItem(ctx, a.tx, a.change, c.Entity, c.Record, "restore", "", "", st.t.snapshot(v)); err != nil {
					return err
				}
			}
		case ConflictDeletedHere:
			if chosen.Value == SideRemoved {
				if err := addItem(ctx, a.tx, a.change, c.Entity, c.Record, "drop", "", st.t.snapshot(st.finalValues(a.plan, a.ch)), ""); err != nil {
					return err
				}
			}
			if chosen.Value == SideKept {
				v := a.aliased(st, st.finalValues(a.plan, a.ch))
				if err := a.insert(ctx, st.t, c.Record, v); err != nil {
					return err
				}
			}
		}
	}
	for _, same := range a.plan.Same {
		t := tables[same.Entity]
		// The one kept takes the other's values where it has none, and
		// says so to the other copies.
		kept, err := t.load(ctx, a.tx, same.Keep)
		if err != nil {
			return err
		}
		filled := copyValues(kept)
		dropped := a.plan.byKey[recordKey{same.Entity, same.Drop}]
		if dropped.here != nil {
			fill(filled, dropped.here)
		} else {
			fill(filled, dropped.finalValues(a.plan, a.ch))
		}
		if _, err := t.update(ctx, a.tx, a.change, same.Keep, kept, filled, a.at); err != nil {
			return err
		}
		if dropped.here != nil {
			continue // gave way before the package was written
		}
		if same.Entity == "organisation" {
			for _, f := range [][2]string{{"archived", "1"}, {"merged_into", same.Keep}} {
				if err := addItem(ctx, a.tx, a.change, same.Entity, same.Drop, "resolve", f[0], "", f[1]); err != nil {
					return err
				}
			}
			if _, err := rewriteReferences(ctx, a.tx, a.change, same.Entity, same.Drop, same.Keep, a.at, nil); err != nil {
				return err
			}
			continue
		}
		// Never written here: the copies that have it remove it, and point
		// what referred to it at the kept record.
		st := a.plan.byKey[recordKey{same.Entity, same.Drop}]
		if err := addItem(ctx, a.tx, a.change, same.Entity, same.Drop, "drop", "", t.snapshot(st.finalValues(a.plan, a.ch)), ""); err != nil {
			return err
		}
		for _, other := range a.plan.records {
			if other.setting || !other.present(a.plan, a.ch) {
				continue
			}
			v := other.finalValues(a.plan, a.ch)
			for _, f := range other.t.fields {
				if f.IsReference() && f.Refers == same.Entity && strings.Contains(v[f.Name], same.Drop) {
					if err := addItem(ctx, a.tx, a.change, other.key.entity, other.key.id, "resolve", f.Name,
						v[f.Name], replaceReference(v[f.Name], same.Drop, same.Keep)); err != nil {
						return err
					}
				}
			}
		}
	}
	if err := a.runLater(); err != nil {
		return err
	}
	for i, d := range a.plan.Duplicates {
		if i >= len(a.ch.Merge) || !a.ch.Merge[i] {
			continue
		}
		if here, ok := a.plan.byKey[recordKey{d.Entity, d.Here}]; ok && !here.present(a.plan, a.ch) {
			continue // removed by the user's choice: nothing left to merge with
		}
		if err := a.mergeDuplicate(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

// mergeDuplicate merges a record received into the one here it is one
// with: the one here is kept, its empty fields taking the other's values.
func (a *applying) mergeDuplicate(ctx context.Context, d PackageDuplicate) error {
	t := tables[d.Entity]
	kept, err := t.load(ctx, a.tx, d.Here)
	if err != nil {
		return err
	}
	dropped, err := t.load(ctx, a.tx, d.Incoming)
	if err != nil {
		return err
	}
	chosen := copyValues(kept)
	fill(chosen, dropped)
	var step mergeStep
	if d.Entity == "contact" {
		step = a.s.foldParticipations
	}
	return mergeRecords(ctx, a.tx, a.change, a.at, t, d.Here, d.Incoming, kept, dropped, chosen, nil, step)
}

// storeReceived keeps the changes received as they were made, and what
// this register now holds of each copy's changes.
func (a *applying) storeReceived(ctx context.Context) error {
	c := newStmtCache(a.tx)
	for _, pc := range a.plan.fresh {
		// Kept as it came, structure and all, to travel on as it came.
		res, err := c.ExecContext(ctx, `INSERT INTO change (at, device, action, summary, summary_key, summary_args,
			uid, replica, seq, clock, received_in) VALUES (?, ?, ?, ?, nullif(?, ''), nullif(?, ''), ?, ?, ?, ?, ?)`,
			pc.At, pc.Device, pc.Action, pc.Summary, pc.SummaryKey, string(pc.SummaryArgs), pc.UID, pc.Replica, pc.Seq,
			pc.Clock.String(), a.change)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for _, it := range pc.Items {
			if _, err := c.ExecContext(ctx, `INSERT INTO change_item (change_id, entity, record_id, kind, field, old_value, new_value)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, id, it.Entity, it.Record, it.Kind, it.Field, it.Old, it.New); err != nil {
				return err
			}
		}
		if _, err := c.ExecContext(ctx, `INSERT INTO replica (id, device, path, received, seen_at) VALUES (?, ?, '', ?, ?)
			ON CONFLICT (id) DO UPDATE SET received = max(received, excluded.received)`, pc.Replica, pc.Device, pc.Seq, a.at); err != nil {
			return err
		}
	}
	return notePeerIn(ctx, a.tx, a.plan.Package, a.at)
}

// notePeer remembers what the sender had, for the next package to it.
func (s *Store) notePeer(ctx context.Context, p *Package) error {
	return s.writeTx(ctx, func(tx *sql.Tx) error { return notePeerIn(ctx, tx, p, s.timestamp()) })
}

func notePeerIn(ctx context.Context, tx *sql.Tx, p *Package, at string) error {
	if p.From == "" {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO replica (id, device, path, received, seen_at, knows) VALUES (?, ?, '', 0, ?, ?)
		ON CONFLICT (id) DO UPDATE SET device = excluded.device, seen_at = excluded.seen_at, knows = excluded.knows`,
		p.From, p.Device, at, p.Knows.String())
	return err
}

// restoreReferred brings back the records removed here that the package's
// records refer to (a person kept on one laptop whose organisation was
// removed on another): what is kept keeps what it needs. Each comes back
// as it was removed, a decision that travels.
func (a *applying) restoreReferred(ctx context.Context) error {
	for round := 0; round < 20; round++ {
		missing, err := a.missingReferences(ctx)
		if err != nil || len(missing) == 0 {
			return err
		}
		for _, m := range missing {
			snap, err := tombstoneIn(ctx, a.tx, m.id)
			if err != nil {
				return err
			}
			if snap == "" {
				return fmt.Errorf("the package refers to %s %s, which is not in this register", m.entity, m.id)
			}
			v, err := snapshotValues(snap)
			if err != nil {
				return err
			}
			if err := a.insert(ctx, tables[m.entity], m.id, v); err != nil {
				return err
			}
		}
		if err := a.runLater(); err != nil {
			return err
		}
	}
	return errors.New("records refer to removed records in a circle")
}

type missingRecord struct{ entity, id string }

// missingReferences lists the records referred to that are not here, by
// SQLite's own check of the foreign keys.
func (a *applying) missingReferences(ctx context.Context) ([]missingRecord, error) {
	rows, err := a.tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, err
	}
	type violation struct {
		table, parent string
		rowid         int64
		fk            int
	}
	var vs []violation
	for rows.Next() {
		var v violation
		var rowid sql.NullInt64
		if err := rows.Scan(&v.table, &rowid, &v.parent, &v.fk); err != nil {
			rows.Close()
			return nil, err
		}
		v.rowid = rowid.Int64
		vs = append(vs, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	seen := map[missingRecord]bool{}
	var out []missingRecord
	for _, v := range vs {
		if _, ok := tables[v.parent]; !ok {
			return nil, fmt.Errorf("%s refers to a missing %s", v.table, v.parent)
		}
		column, err := a.fkColumn(ctx, v.table, v.fk)
		if err != nil {
			return nil, err
		}
		var id string
		if err := a.tx.QueryRowContext(ctx, "SELECT "+column+" FROM "+v.table+" WHERE rowid = ?", v.rowid).Scan(&id); err != nil {
			return nil, err
		}
		m := missingRecord{v.parent, id}
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	return out, nil
}

func (a *applying) fkColumn(ctx context.Context, table string, fk int) (string, error) {
	rows, err := a.tx.QueryContext(ctx, "SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE id = ?", table, fk)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	if !rows.Next() {
		return "", fmt.Errorf("no foreign key %d on %s", fk, table)
	}
	var column string
	err = rows.Scan(&column)
	return column, err
}
