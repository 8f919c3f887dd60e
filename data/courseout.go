package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"sort"
)

// Taking a course out: a package holding one course, its participants,
// their marks and certificates, and every record these refer to (people,
// organisations, trainers, organisers), for a trainer who records
// attendance on a laptop of their own, offline, and sends it back.
//
// The trainer's laptop opens the package as a new register: a copy of the
// coordinator's register that holds only the course. It counts itself as
// knowing every change the coordinator's register had when the course
// was taken out (its records are as those changes left them), so its own
// edits follow those, and only edits made on the coordinator's laptop
// since are questions when the package comes back. What it sends back is
// its own changes alone.

// ErrNotCoursePackage is returned when a package to open as a course taken
// out is an ordinary package of changes.
var ErrNotCoursePackage = errors.New("this package holds changes, not a course taken out: receive it with Receive changes")

// ErrCoursePackage is returned when a course taken out is received as
// changes: it is opened as a register of its own.
var ErrCoursePackage = errors.New("this package holds a course taken out: open it with Open a course taken out")

// TakeCourseOut gathers the course and what it needs into a package.
func (s *Store) TakeCourseOut(ctx context.Context, courseID string) (*Package, error) {
	register, err := s.RegisterID(ctx)
	if err != nil {
		return nil, err
	}
	course, err := courseTable.load(ctx, s.read, courseID)
	if err != nil {
		return nil, err
	}
	p := &Package{Format: PackageFormat, Register: register, Device: s.device, Made: s.timestamp(), Course: courseID}
	if p.Knows, err = s.LocalClock(ctx); err != nil {
		return nil, err
	}
	if err := s.read.QueryRowContext(ctx, "SELECT id FROM replica WHERE device = ? AND path = ?", s.device, s.path).Scan(&p.From); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	records, err := s.courseRecords(ctx, courseID)
	if err != nil {
		return nil, err
	}
	c := PackageChange{Action: "take-out", Device: s.device, At: p.Made}
	c.setSummary(summaryOf(sumTakeOut, "Course", course["title"], "Device", s.device))
	for _, r := range records {
		c.Items = append(c.Items, PackageItem{Entity: r.entity, Record: r.id, Kind: "create", New: tables[r.entity].snapshot(r.v)})
	}
	if country := s.Country(ctx); country != "" {
		c.Items = append(c.Items, PackageItem{Entity: "setting", Record: "country", Kind: "update", Field: "value", New: country})
	}
	p.Changes = []PackageChange{c}
	return p, nil
}

type takenRecord struct {
	entity, id string
	v          values
}

// courseRecords are the course, its participants, their marks and
// certificates, and, following every reference, the records they name.
func (s *Store) courseRecords(ctx context.Context, courseID string) ([]takenRecord, error) {
	var out []takenRecord
	seen := map[recordKey]bool{}
	var add func(entity, id string) error
	add = func(entity, id string) error {
		k := recordKey{entity, id}
		if id == "" || seen[k] {
			return nil
		}
		seen[k] = true
		t := tables[entity]
		v, err := t.load(ctx, s.read, id)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		out = append(out, takenRecord{entity, id, v})
		for _, f := range t.fields {
			if !f.IsReference() {
				continue
			}
			for _, ref := range splitLines(v[f.Name]) {
				if err := add(f.Refers, ref); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := add("course", courseID); err != nil {
		return nil, err
	}
	for _, q := range []struct{ entity, sql string }{
		{"participant", "SELECT id FROM participant WHERE course_id = ? ORDER BY pk"},
		{"attendance", "SELECT a.id FROM attendance a JOIN participant p ON p.id = a.participant_id WHERE p.course_id = ? ORDER BY a.pk"},
		{"certificate", "SELECT c.id FROM certificate c JOIN participant p ON p.id = c.participant_id WHERE p.course_id = ? ORDER BY c.pk"},
	} {
		ids, err := queryStrings(ctx, s.read, q.sql, courseID)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			if err := add(q.entity, id); err != nil {
				return nil, err
			}
		}
	}
	// Organisations first, then people, then the rest: the order a
	// register is filled in (foreign keys are checked at the end anyway).
	rank := map[string]int{"organisation": 0, "contact": 1, "course": 2, "participant": 3, "attendance": 4, "certificate": 5}
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].entity] < rank[out[j].entity] })
	return out, nil
}

// OpenCourseOut makes a new register at path from a course taken out and
// opens it: a copy of the coordinator's register that holds the course.
// path must not exist yet.
func OpenCourseOut(ctx context.Context, path string, p *Package, opts Options) (*Store, error) {
	if p.Course == "" || len(p.Changes) != 1 {
		return nil, ErrNotCoursePackage
	}
	if _, err := os.Stat(path); err == nil {
		return nil, fmt.Errorf("%s is there already: choose a new file for the course's register", path)
	}
	s, err := Open(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	if err := s.fillCourseOut(ctx, p); err != nil {
		s.Close()
		os.Remove(path)
		return nil, err
	}
	return s, nil
}

func (s *Store) fillCourseOut(ctx context.Context, p *Package) error {
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE register_identity SET uid = ? WHERE id = 1", p.Register); err != nil {
			return err
		}
		c := p.Changes[0]
		change, err := s.newChange(ctx, tx, "take-out", c.summary())
		if err != nil {
			return err
		}
		at := s.timestamp()
		for _, it := range c.Items {
			if it.Entity == "setting" {
				if err := writeSetting(ctx, tx, it.Record, it.New); err != nil {
					return err
				}
				continue
			}
			t, ok := tableFor(it.Entity)
			if !ok || it.Kind != "create" {
				return fmt.Errorf("the package holds an unknown record %q", it.Entity)
			}
			v, err := snapshotValues(it.New)
			if err != nil {
				return err
			}
			if err := t.insert(ctx, tx, change, it.Record, v, at); err != nil {
				return fmt.Errorf("%s %s: %w", it.Entity, it.Record, err)
			}
		}
		// The records are as the coordinator's changes left them: their
		// values were written by those, known to every later change here,
		// and the taking out is this laptop's alone (not sent back).
		var replica string
		if err := tx.QueryRowContext(ctx, "SELECT replica FROM change WHERE id = ?", change).Scan(&replica); err != nil {
			return err
		}
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{"DELETE FROM field_version", nil},
			{"UPDATE change SET uid = NULL, replica = NULL, seq = NULL WHERE id = ?", []any{change}},
			{"UPDATE replica SET received = 0 WHERE id = ?", []any{replica}},
		} {
			if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
				return err
			}
		}
		for rep, seq := range p.Knows {
			if _, err := tx.ExecContext(ctx, `INSERT INTO replica (id, device, path, received, seen_at) VALUES (?, '', '', ?, ?)
				ON CONFLICT (id) DO UPDATE SET received = excluded.received`, rep, seq, at); err != nil {
				return err
			}
		}
		return notePeerIn(ctx, tx, p, at)
	})
}
