package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Receiving a package is worked out in full before anything is written
// (PlanReceive), shown to the user, and applied as one change (ApplyReceive).
//
// Each field of each record the package touches keeps its heads: the
// values no later edit has replaced, with the change that wrote each. The
// field's value here is the first head. An incoming edit replaces the heads
// its change knew (by its clock: it was made after them) and those holding
// the value it was made from (it changed what it saw); what is left beside
// it was written without its knowledge. One value left: taken, or nothing to
// do. Several: a conflict, shown with every value, who wrote it, where and
// when; the user chooses. No laptop's clock is compared.

// ErrOtherRegister is returned for a package from a register that is not a
// copy of this one.
var ErrOtherRegister = errors.New("the package comes from another register, not a copy of this one")

// ErrPackageGap is returned when a package lacks changes that came before
// its own and that this register does not have either.
var ErrPackageGap = errors.New("the package lacks earlier changes this register does not have either")

// ConflictKind says what a conflict is about.
type ConflictKind int

const (
	// ConflictField: one field changed on both sides since they last met.
	ConflictField ConflictKind = iota
	// ConflictArchived: a record archived or merged on one side and edited on the other.
	ConflictArchived
	// ConflictDeletedThere: a record removed there and edited here.
	ConflictDeletedThere
	// ConflictDeletedHere: a record removed here and edited there.
	ConflictDeletedHere
)

// The values of the sides of a conflict over a record removed on one side.
const (
	SideKept    = "kept"
	SideRemoved = "removed"
)

// Side is one of the values a conflict offers.
type Side struct {
	Value  string
	Here   bool   // this register's value
	Device string // the laptop whose change wrote it
	At     string // when, as that laptop's clock said
}

// Conflict is one decision the user has to make.
type Conflict struct {
	Kind   ConflictKind
	Entity string
	Record string
	Name   string // what the record is called
	Field  string // ConflictField and ConflictArchived ("archived")
	Sides  []Side // here first
}

// PlannedRecord is a record the package creates or removes.
type PlannedRecord struct {
	Entity, Record, Name string
}

// PlannedField is a field the package changes that changed only there.
type PlannedField struct {
	Entity, Record, Name, Field string
	Old, New                    string
}

// SameRecord is one record entered on both laptops under two identities
// (the same organisation name and sector, the same person on the same
// course, the same day's mark, the same statistic): they become one, the
// kept one being the one with the smaller identity, which every copy
// chooses alike.
type SameRecord struct {
	Entity, Keep, Drop, Name string
}

// PackageDuplicate is a record the package creates that is probably one
// with a record here; the user chooses to merge them or keep both.
type PackageDuplicate struct {
	Entity   string
	Incoming string
	Here     string
	Match    Match
}

// ReceivePlan is what receiving a package would do.
type ReceivePlan struct {
	Package    *Package
	Already    int // changes this register has already
	Fresh      int // changes new here
	New        []PlannedRecord
	Taken      []PlannedField
	Removed    []PlannedRecord
	Conflicts  []Conflict
	Same       []SameRecord
	Duplicates []PackageDuplicate

	fresh   []*PackageChange
	records []*recordState // in the order the package first touches them
	byKey   map[recordKey]*recordState
	base    int64 // the last change here when planned
}

// ReceiveChoices are the user's decisions: for each conflict (by index) the
// side chosen, and for each duplicate whether to merge it.
type ReceiveChoices struct {
	Sides []int  // index into Conflicts[i].Sides; -1 undecided
	Merge []bool // by index into Duplicates
}

// ErrUndecided is returned by ApplyReceive while a conflict has no choice.
var ErrUndecided = errors.New("choose a value for every conflict first")

type recordKey struct{ entity, id string }

type head struct {
	value   string
	replica string // "" for a value as created here (every change knows it)
	seq     int64
	change  *PackageChange // nil for the value here
}

type recordState struct {
	key      recordKey
	t        table
	setting  bool
	here     values // nil when the record is not here
	versions map[string][]head
	// createdAs are the values the package first creates the record with,
	// when it is not here: the fields no later edit names keep them.
	createdAs values
	created   *PackageChange
	// heads by field; exists ("") holds "1" or "0": whether the record is
	// there at all, written by creations, removals and restorations.
	heads     map[string][]head
	tombstone values // the record's values when removed here
	conflict  int    // index of its record-level conflict, -1 none
}

// exists is the pseudo-field of a record's being in the register at all.
const exists = ""

// PlanReceive works out what receiving p would do; it writes nothing.
// separate allows a package from a register that began apart from this one.
func (s *Store) PlanReceive(ctx context.Context, p *Package, separate bool) (*ReceivePlan, error) {
	register, err := s.RegisterID(ctx)
	if err != nil {
		return nil, err
	}
	if p.Course != "" {
		return nil, ErrCoursePackage
	}
	if p.Register != register && !separate {
		return nil, ErrOtherRegister
	}
	local, err := s.LocalClock(ctx)
	if err != nil {
		return nil, err
	}
	plan := &ReceivePlan{Package: p, byKey: map[recordKey]*recordState{}}
	if err := s.read.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM change").Scan(&plan.base); err != nil {
		return nil, err
	}
	have := Clock{}
	for k, v := range local {
		have[k] = v
	}
	for i := range p.Changes {
		c := &p.Changes[i]
		if have.Knows(c.Replica, c.Seq) {
			plan.Already++
			continue
		}
		if c.Seq != have[c.Replica]+1 {
			return nil, fmt.Errorf("%w (from %s: change %d, while %d is the last here)", ErrPackageGap, c.Device, c.Seq, have[c.Replica])
		}
		have[c.Replica] = c.Seq
		plan.fresh = append(plan.fresh, c)
		for _, it := range c.Items {
			if err := s.planItem(ctx, plan, c, it); err != nil {
				return nil, err
			}
		}
	}
	plan.Fresh = len(plan.fresh)
	if err := s.settle(ctx, plan); err != nil {
		return nil, err
	}
	return plan, nil
}

// state finds or loads what the plan knows of a record.
func (s *Store) state(ctx context.Context, plan *ReceivePlan, entity, id string) (*recordState, error) {
	k := recordKey{entity, id}
	if st, ok := plan.byKey[k]; ok {
		return st, nil
	}
	st := &recordState{key: k, versions: map[string][]head{}, heads: map[string][]head{}, conflict: -1}
	if entity == "setting" {
		st.setting = true
		var v string
		err := s.read.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = ?", id).Scan(&v)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		st.here = values{"value": v}
	} else {
		t, ok := tableFor(entity)
		if !ok {
			return nil, fmt.Errorf("the package names an unknown kind of record %q", entity)
		}
		st.t = t
		v, err := t.load(ctx, s.read, id)
		switch {
		case err == nil:
			st.here = v
		case errors.Is(err, ErrNotFound):
			snap, err := s.tombstone(ctx, id)
			if err != nil {
				return nil, err
			}
			if snap != "" {
				if st.tombstone, err = snapshotValues(snap); err != nil {
					return nil, err
				}
			}
		default:
			return nil, err
		}
	}
	rows, err := s.read.QueryContext(ctx, "SELECT field, replica, seq FROM field_version WHERE entity = ? AND record_id = ?", entity, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var f string
		var h head
		if err := rows.Scan(&f, &h.replica, &h.seq); err != nil {
			rows.Close()
			return nil, err
		}
		st.versions[f] = append(st.versions[f], h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	plan.byKey[k] = st
	plan.records = append(plan.records, st)
	return st, nil
}

// fieldHeads are a field's heads so far: at first its value here, written
// by the changes that wrote it (or, for a field never edited, by the
// record's creation).
func (st *recordState) fieldHeads(field string) []head {
	if hs, ok := st.heads[field]; ok {
		return hs
	}
	var value string
	switch {
	case field == exists && st.here != nil:
		value = "1"
	case field == exists && st.tombstone != nil:
		value = "0"
	case field == exists:
		st.heads[field] = nil // never here
		return nil
	case st.here != nil:
		value = st.here[field]
	case st.created != nil:
		h := head{value: st.createdAs[field], replica: st.created.Replica, seq: st.created.Seq, change: st.created}
		st.heads[field] = []head{h}
		return st.heads[field]
	case st.tombstone != nil:
		value = st.tombstone[field]
	default:
		st.heads[field] = nil
		return nil
	}
	vs := st.versions[field]
	if len(vs) == 0 {
		vs = st.versions[exists]
	}
	var hs []head
	for _, h := range vs {
		h.value = value
		hs = append(hs, h)
	}
	if len(hs) == 0 {
		hs = []head{{value: value}} // as created: every change that edits it knows it
	}
	st.heads[field] = hs
	return hs
}

// write applies one incoming write to a field's heads: it replaces the
// heads its change knew; what is left was written without its knowledge
// and stands beside it. (A head is not replaced for holding the value the
// change replaced: two edits can write one value apart, and an edit that
// knew one of them did not know the other. Replacing it made two copies
// decide one question two ways.)
func (st *recordState) write(c *PackageChange, field, value string) {
	hs := st.fieldHeads(field)
	var left []head
	for _, h := range hs {
		if !c.knows(h.replica, h.seq) {
			left = append(left, h)
		}
	}
	st.heads[field] = append(left, head{value: value, replica: c.Replica, seq: c.Seq, change: c})
}

func (s *Store) planItem(ctx context.Context, plan *ReceivePlan, c *PackageChange, it PackageItem) error {
	// A receiving's decisions travel as items of their own kinds, so that
	// its Undo leaves them alone; received, they do what they say.
	switch it.Kind {
	case "merge":
		return nil // a note for the History; the items around it do the work
	case "restore":
		it.Kind = "create"
	case "drop":
		it.Kind = "delete"
	case "create", "delete", "update", "resolve":
	default:
		return fmt.Errorf("the package has an unknown kind of change %q", it.Kind)
	}
	st, err := s.state(ctx, plan, it.Entity, it.Record)
	if err != nil {
		return err
	}
	switch it.Kind {
	case "create":
		v, err := snapshotValues(it.New)
		if err != nil {
			return fmt.Errorf("the package's values of %s %s: %w", it.Entity, it.Record, err)
		}
		if st.here == nil && st.tombstone == nil && st.created == nil {
			st.created, st.createdAs = c, v
			st.heads = map[string][]head{}
			st.heads[exists] = []head{{value: "1", replica: c.Replica, seq: c.Seq, change: c}}
			return nil
		}
		// Here already, removed here, or created again there (a removal
		// taken back): each value is a write.
		st.write(c, exists, "1")
		for f, x := range v {
			hs := distinctValues(st.fieldHeads(f))
			if len(hs) == 1 && hs[0].value == x {
				continue
			}
			st.write(c, f, x)
		}
	case "delete":
		if st.here == nil && st.created == nil && st.tombstone == nil {
			return nil
		}
		st.write(c, exists, "0")
	default:
		if st.here == nil && st.created == nil && st.tombstone == nil {
			return fmt.Errorf("the package changes %s %s, which this register never had", it.Entity, it.Record)
		}
		st.write(c, it.Field, it.New)
	}
	return nil
}

// settle turns the heads into what the plan will do: taken, new, removed,
// conflicts, records entered on both sides, probable duplicates.
func (s *Store) settle(ctx context.Context, plan *ReceivePlan) error {
	for _, st := range plan.records {
		if err := s.settleRecord(ctx, plan, st); err != nil {
			return err
		}
	}
	if err := s.findSame(ctx, plan); err != nil {
		return err
	}
	return s.findPackageDuplicates(ctx, plan)
}

func (s *Store) settleRecord(ctx context.Context, plan *ReceivePlan, st *recordState) error {
	name := s.plannedName(st)
	ex := distinctValues(st.fieldHeads(exists))
	wasHere := st.here != nil
	recordConflict := func(kind ConflictKind, here, there Side) {
		st.conflict = len(plan.Conflicts)
		plan.Conflicts = append(plan.Conflicts, Conflict{Kind: kind, Entity: st.key.entity, Record: st.key.id, Name: name,
			Sides: []Side{here, there}})
	}
	switch {
	case st.setting:
	case len(ex) > 1:
		// Removed on one side, created again or kept on the other.
		var there *PackageChange
		for _, h := range ex {
			if h.change != nil {
				there = h.change
			}
		}
		if wasHere {
			recordConflict(ConflictDeletedThere, s.side(ctx, nil, SideKept), s.side(ctx, there, SideRemoved))
		} else {
			recordConflict(ConflictDeletedHere, Side{Value: SideRemoved, Here: true}, s.side(ctx, there, SideKept))
		}
		return nil
	case len(ex) == 1 && ex[0].value == "0":
		// Removed. Edits made without knowing it are a question.
		by := ex[0]
		edited := st.editedUnknownTo(by)
		switch {
		case wasHere && edited != nil:
			recordConflict(ConflictDeletedThere, s.side(ctx, nil, SideKept), s.side(ctx, by.change, SideRemoved))
		case wasHere:
			plan.Removed = append(plan.Removed, PlannedRecord{st.key.entity, st.key.id, name})
		case edited != nil && edited.change != nil && st.tombstone != nil:
			recordConflict(ConflictDeletedHere, Side{Value: SideRemoved, Here: true}, s.side(ctx, edited.change, SideKept))
		}
		return nil
	case !wasHere:
		plan.New = append(plan.New, PlannedRecord{st.key.entity, st.key.id, name})
		return nil
	}
	for _, field := range sortedKeys(st.heads) {
		if field == exists {
			continue
		}
		hs := distinctValues(st.heads[field])
		switch {
		case len(hs) == 1 && hs[0].change != nil && hs[0].value != st.here[field]:
			plan.Taken = append(plan.Taken, PlannedField{st.key.entity, st.key.id, name, field, st.here[field], hs[0].value})
		case len(hs) > 1:
			c := Conflict{Kind: ConflictField, Entity: st.key.entity, Record: st.key.id, Name: name, Field: field}
			for _, h := range hs {
				if h.change == nil {
					c.Sides = append(c.Sides, s.localSide(ctx, h))
				} else {
					c.Sides = append(c.Sides, s.side(ctx, h.change, h.value))
				}
			}
			plan.Conflicts = append(plan.Conflicts, c)
		}
	}
	if st.setting {
		return nil
	}
	return s.archiveConflict(ctx, plan, st, name)
}

// archiveConflict: a record archived or merged on one side while edited on
// the other is a decision too, though no one field changed on both.
func (s *Store) archiveConflict(ctx context.Context, plan *ReceivePlan, st *recordState, name string) error {
	if _, ok := FieldOf(st.key.entity, "archived"); st.setting || !ok {
		return nil
	}
	final := func(field string) (head, bool) {
		hs := distinctValues(st.heads[field])
		if len(hs) != 1 {
			return head{}, false
		}
		return hs[0], true
	}
	arch, ok := final("archived")
	if !ok {
		return nil // already a conflict of its own
	}
	if into, ok := final("merged_into"); ok && into.value != "" && st.key.entity == "organisation" {
		if s.sameOrganisation(ctx, plan, st, into.value) {
			return nil // one organisation entered twice: it cannot be in use beside itself
		}
	}
	var by *PackageChange
	switch {
	case arch.change != nil && arch.value == "1" && st.here["archived"] == "0":
		by = arch.change // archived there: edited here since?
		if st.editedUnknownTo(head{change: by, replica: by.Replica, seq: by.Seq}) == nil {
			return nil
		}
	case arch.change == nil && st.here["archived"] == "1":
		// Archived here: edited there without knowing?
		edited := false
		for field, hs := range st.heads {
			if field == exists || field == "archived" || field == "merged_into" {
				continue
			}
			for _, h := range hs {
				for _, v := range st.versions["archived"] {
					if h.change != nil && !h.change.knows(v.replica, v.seq) {
						edited, by = true, h.change
					}
				}
			}
		}
		if !edited {
			return nil
		}
	default:
		return nil
	}
	h := head{value: st.here["archived"]}
	if vs := st.versions["archived"]; len(vs) > 0 {
		h.replica, h.seq = vs[0].replica, vs[0].seq
	}
	here := s.localSide(ctx, h)
	there := s.side(ctx, by, "0")
	if arch.change != nil {
		there.Value = "1"
		here.Value = "0"
	}
	st.conflict = len(plan.Conflicts)
	plan.Conflicts = append(plan.Conflicts, Conflict{Kind: ConflictArchived, Entity: st.key.entity, Record: st.key.id,
		Name: name, Field: "archived", Sides: []Side{here, there}})
	// Whether it is archived (or merged) is the question now, not a change taken.
	kept := plan.Taken[:0]
	for _, t := range plan.Taken {
		if t.Entity != st.key.entity || t.Record != st.key.id || (t.Field != "archived" && t.Field != "merged_into") {
			kept = append(kept, t)
		}
	}
	plan.Taken = kept
	return nil
}

// sameOrganisation reports whether the organisation kept (id) has the
// record's name and sector.
func (s *Store) sameOrganisation(ctx context.Context, plan *ReceivePlan, st *recordState, id string) bool {
	kept, err := s.state(ctx, plan, "organisation", id)
	if err != nil {
		return false
	}
	a, b := st.finalValues(plan, ReceiveChoices{}), kept.finalValues(plan, ReceiveChoices{})
	return Fold(a["name"]) == Fold(b["name"]) && a["sector"] == b["sector"]
}

// editedUnknownTo finds a field of the record (here or in the package)
// written by a change the removal by did not know; nil when none.
func (st *recordState) editedUnknownTo(by head) *head {
	if by.change == nil {
		// Removed here: every edit here came before; one received was
		// made apart from the removal unless its change knew it.
		for field, hs := range st.heads {
			for _, h := range hs {
				if field != exists && h.change != nil && !h.change.knows(by.replica, by.seq) {
					return &h
				}
			}
		}
		return nil
	}
	knows := func(h head) bool { return by.change.knows(h.replica, h.seq) }
	for field, vs := range st.versions {
		if field == exists || field == "archived" || field == "merged_into" {
			continue
		}
		for _, v := range vs {
			if !knows(v) {
				return &v
			}
		}
	}
	for field, hs := range st.heads {
		if field == exists {
			continue
		}
		for _, h := range hs {
			if h.change != nil && !knows(h) {
				return &h
			}
		}
	}
	return nil
}

// distinctValues keeps one head per value: the same value written on two
// sides is no conflict. The value here, when it is one, stands for its value.
func distinctValues(hs []head) []head {
	var out []head
next:
	for _, h := range hs {
		for i, o := range out {
			if o.value == h.value {
				if h.change == nil {
					out[i] = h
				}
				continue next
			}
		}
		out = append(out, h)
	}
	return out
}

func (s *Store) side(ctx context.Context, c *PackageChange, value string) Side {
	if c == nil {
		return Side{Value: value, Here: true, Device: s.device}
	}
	return Side{Value: value, Device: c.Device, At: c.At}
}

// localSide describes the value here: who wrote it, where and when.
func (s *Store) localSide(ctx context.Context, h head) Side {
	side := Side{Value: h.value, Here: true, Device: s.device}
	if h.replica == "" {
		return side
	}
	_ = s.read.QueryRowContext(ctx, "SELECT device, at FROM change WHERE replica = ? AND seq = ?", h.replica, h.seq).Scan(&side.Device, &side.At)
	return side
}

// plannedName is what the record is called, here or as the package has it.
func (s *Store) plannedName(st *recordState) string {
	if st.setting {
		return st.key.id
	}
	v := st.here
	if v == nil {
		v = st.createdAs
	}
	if v == nil {
		v = st.tombstone
	}
	if v == nil {
		return st.key.id
	}
	return st.t.name(v)
}

// present reports whether the record is in the register once the plan is
// applied with the choices given.
func (st *recordState) present(plan *ReceivePlan, ch ReceiveChoices) bool {
	if st.setting {
		return true
	}
	if st.conflict >= 0 {
		c := plan.Conflicts[st.conflict]
		if c.Kind == ConflictDeletedHere || c.Kind == ConflictDeletedThere {
			i := 0
			if st.conflict < len(ch.Sides) && ch.Sides[st.conflict] >= 0 {
				i = ch.Sides[st.conflict]
			}
			return c.Sides[i].Value == SideKept
		}
	}
	ex := distinctValues(st.fieldHeads(exists))
	return len(ex) == 1 && ex[0].value == "1"
}

// finalValues are the record's values once the plan is applied with the
// choices given: for each field the one value left, or the side chosen.
func (st *recordState) finalValues(plan *ReceivePlan, ch ReceiveChoices) values {
	pick := func(i int) int {
		if i < len(ch.Sides) && ch.Sides[i] >= 0 {
			return ch.Sides[i]
		}
		return 0
	}
	base := st.here
	if base == nil {
		base = st.createdAs
	}
	if base == nil {
		base = st.tombstone
	}
	v := values{}
	for k, x := range base {
		v[k] = x
	}
	for field, hs := range st.heads {
		if field == exists || len(hs) == 0 {
			continue
		}
		// One value left; or, in a record a side removed (a question of
		// the record's, not its fields), the last value received.
		v[field] = hs[len(hs)-1].value
		if d := distinctValues(hs); len(d) == 1 {
			v[field] = d[0].value
		}
	}
	for i, c := range plan.Conflicts {
		if c.Kind == ConflictField && c.Entity == st.key.entity && c.Record == st.key.id {
			v[c.Field] = c.Sides[pick(i)].Value
		}
	}
	if st.conflict >= 0 && plan.Conflicts[st.conflict].Kind == ConflictArchived {
		v["archived"] = plan.Conflicts[st.conflict].Sides[pick(st.conflict)].Value
		if v["archived"] == "0" {
			v["merged_into"] = ""
		}
	}
	return v
}
