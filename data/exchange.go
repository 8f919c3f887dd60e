package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
)

// An exchange package carries, from one copy of a register to another, the
// changes the receiver does not have: the sender's own and those it
// received from others, each with its identity (replica, sequence number),
// what its copy knew when it was made (its clock) and its items. See
// docs/exchange.md.

// PackageFormat is the version of the package's layout this program writes.
const PackageFormat = 1

// Package is the content of an exchange package.
type Package struct {
	Format   int             `json:"format"`
	Register string          `json:"register"`         // the register's identity, shared by its copies
	From     string          `json:"from"`             // the sending replica
	Device   string          `json:"device"`           // the laptop it was written on
	To       string          `json:"to,omitempty"`     // the replica it was written for; "" for anyone
	Made     string          `json:"made"`             // when, as the sender's clock said (shown, never compared)
	Knows    Clock           `json:"knows"`            // what the sender held of every copy's changes
	Course   string          `json:"course,omitempty"` // a course taken out: its id
	Changes  []PackageChange `json:"changes"`
}

// PackageChange is one change as it travels. Its summary travels as the
// English sentence, which every version reads, and as structure (the key
// and values of Summary, as the change row keeps them), which versions
// before schema 26 leave aside: the format stays 1, so that they still
// receive. A package without the structure, from such a version, is read
// from the sentence (parseSummary).
type PackageChange struct {
	UID         string          `json:"uid"`
	Replica     string          `json:"replica"`
	Seq         int64           `json:"seq"`
	At          string          `json:"at"`
	Device      string          `json:"device"`
	Action      string          `json:"action"`
	Summary     string          `json:"summary"`
	SummaryKey  string          `json:"summary_key,omitempty"`
	SummaryArgs json.RawMessage `json:"summary_args,omitempty"`
	Clock       Clock           `json:"clock"`
	Items       []PackageItem   `json:"items"`
}

// summary is what the change did, from its structure where it has one.
func (c *PackageChange) summary() Summary {
	return storedSummary(c.Summary, c.SummaryKey, string(c.SummaryArgs))
}

// setSummary gives the change its sentence and its structure.
func (c *PackageChange) setSummary(what Summary) {
	c.Summary, c.SummaryKey = what.Text, what.Key
	if args, err := encodeArgs(what); err == nil && args != "" {
		c.SummaryArgs = json.RawMessage(args)
	}
}

// PackageItem is one record created or deleted, or one field written.
type PackageItem struct {
	Entity string `json:"entity"`
	Record string `json:"record"`
	Kind   string `json:"kind"` // create, delete, update, resolve, merge
	Field  string `json:"field,omitempty"`
	Old    string `json:"old,omitempty"`
	New    string `json:"new,omitempty"`
}

// knows reports whether the change's copy knew the change (replica, seq)
// when it made it. A change always knows the earlier ones of its own copy.
func (c *PackageChange) knows(replica string, seq int64) bool {
	if replica == c.Replica {
		return seq <= c.Seq
	}
	return c.Clock.Knows(replica, seq)
}

// Peer is another copy of the register this one has heard from.
type Peer struct {
	Replica  string
	Device   string
	LastSeen string // when its last package was received here
}

// Peers lists the copies whose packages were received here, latest first.
func (s *Store) Peers(ctx context.Context) ([]Peer, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT id, device, seen_at FROM replica WHERE knows <> '' ORDER BY seen_at DESC")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Peer
	for rows.Next() {
		var p Peer
		if err := rows.Scan(&p.Replica, &p.Device, &p.LastSeen); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// MakePackage gathers the changes the replica to has not got, as far as
// this register knows from the packages it received from it; to "" means
// anyone, and every change goes. The receiver leaves out what it already
// has, so sending too much is harmless, and a later package carries what an
// earlier one had.
func (s *Store) MakePackage(ctx context.Context, to string) (*Package, error) {
	register, err := s.RegisterID(ctx)
	if err != nil {
		return nil, err
	}
	has := Clock{}
	if to != "" {
		var knows string
		err := s.read.QueryRowContext(ctx, "SELECT knows FROM replica WHERE id = ?", to).Scan(&knows)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("no package from that laptop was ever received here")
		}
		if err != nil {
			return nil, err
		}
		if has, err = parseClock(knows); err != nil {
			return nil, err
		}
	}
	p := &Package{Format: PackageFormat, Register: register, Device: s.device, To: to, Made: s.timestamp()}
	if p.Knows, err = s.LocalClock(ctx); err != nil {
		return nil, err
	}
	var from string
	err = s.read.QueryRowContext(ctx, "SELECT id FROM replica WHERE device = ? AND path = ?", s.device, s.path).Scan(&from)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	p.From = from
	if p.Changes, err = s.changesAfter(ctx, has); err != nil {
		return nil, err
	}
	return p, nil
}

// changesAfter reads the changes that are not within has, in an order in
// which every change comes after those it knew: the order they were made
// or received here, a received change just before the receiving that
// brought it (whose decisions follow it).
func (s *Store) changesAfter(ctx context.Context, has Clock) ([]PackageChange, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT id, uid, replica, seq, at, device, action, summary, coalesce(summary_key, ''), coalesce(summary_args, ''),
		       clock, received_in IS NOT NULL
		FROM change WHERE replica IS NOT NULL
		ORDER BY coalesce(received_in, id), received_in IS NULL, id`)
	if err != nil {
		return nil, err
	}
	var out []PackageChange
	var ids []int64
	var received []bool
	for rows.Next() {
		var c PackageChange
		var id int64
		var clock, args string
		var wasReceived bool
		if err := rows.Scan(&id, &c.UID, &c.Replica, &c.Seq, &c.At, &c.Device, &c.Action, &c.Summary, &c.SummaryKey, &args,
			&clock, &wasReceived); err != nil {
			rows.Close()
			return nil, err
		}
		// The structure travels as it is kept; values that are not JSON
		// (a file edited by hand) stay home, and the sentence goes alone.
		if args != "" && json.Valid([]byte(args)) {
			c.SummaryArgs = json.RawMessage(args)
		}
		if has.Knows(c.Replica, c.Seq) {
			continue
		}
		var err error
		if c.Clock, err = parseClock(clock); err != nil {
			rows.Close()
			return nil, fmt.Errorf("change %d: %w", id, err)
		}
		out = append(out, c)
		ids = append(ids, id)
		received = append(received, wasReceived)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	byID := make(map[int64]int, len(ids))
	for i, id := range ids {
		byID[id] = i
	}
	// The items of the changes to send, read in one pass from the first.
	items, err := s.read.QueryContext(ctx, `
		SELECT change_id, entity, record_id, kind, field, old_value, new_value, taken
		FROM change_item WHERE change_id >= ? ORDER BY change_id, rowid`, minID(ids))
	if err != nil {
		return nil, err
	}
	defer items.Close()
	for items.Next() {
		var id int64
		var it PackageItem
		var taken bool
		if err := items.Scan(&id, &it.Entity, &it.Record, &it.Kind, &it.Field, &it.Old, &it.New, &taken); err != nil {
			return nil, err
		}
		i, ok := byID[id]
		if !ok || (taken && !received[i]) {
			continue // what receiving did here travels as the changes received
		}
		out[i].Items = append(out[i].Items, it)
	}
	if err := items.Err(); err != nil {
		return nil, err
	}
	return out, s.fillCreations(ctx, out)
}

func minID(ids []int64) int64 {
	m := ids[0]
	for _, id := range ids {
		m = min(m, id)
	}
	return m
}

// fillCreations gives the creations a batch (an import) recorded without
// their values the record's values as they are now, or as it was deleted.
// The later changes that made them so travel in the same package, and find
// their new values already there.
func (s *Store) fillCreations(ctx context.Context, changes []PackageChange) error {
	gone := map[string]string{} // record → its values when deleted
	for _, c := range changes {
		for _, it := range c.Items {
			if it.Kind == "delete" {
				gone[it.Record] = it.Old
			}
		}
	}
	for ci := range changes {
		items := changes[ci].Items
		for i := range items {
			it := &items[i]
			if it.Kind != "create" || it.New != "" {
				continue
			}
			t, ok := tableFor(it.Entity)
			if !ok {
				return fmt.Errorf("history names an unknown kind of record %q", it.Entity)
			}
			v, err := t.load(ctx, s.read, it.Record)
			switch {
			case err == nil:
				it.New = t.snapshot(v)
			case errors.Is(err, ErrNotFound):
				if snap, ok := gone[it.Record]; ok {
					it.New = snap
					continue
				}
				if snap, err := s.tombstone(ctx, it.Record); err == nil && snap != "" {
					it.New = snap
					continue
				}
				return fmt.Errorf("%s %s was created but is neither here nor deleted", it.Entity, it.Record)
			default:
				return err
			}
		}
	}
	return nil
}

// tombstone is a deleted record's values, as its last deletion kept them.
func (s *Store) tombstone(ctx context.Context, record string) (string, error) {
	return tombstoneIn(ctx, s.read, record)
}

func tombstoneIn(ctx context.Context, q queryer, record string) (string, error) {
	var snap string
	err := q.QueryRowContext(ctx, `SELECT old_value FROM change_item
		WHERE record_id = ? AND kind = 'delete' ORDER BY change_id DESC, rowid DESC LIMIT 1`, record).Scan(&snap)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return snap, err
}

// snapshotValues reads a record's values as the history's JSON keeps them.
func snapshotValues(snap string) (values, error) {
	v := values{}
	if snap == "" {
		return v, nil
	}
	err := json.Unmarshal([]byte(snap), &v)
	return v, err
}

// sortedKeys returns a map's keys in order, for output that does not
// depend on Go's map order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
