package data

import (
	"context"
	"database/sql"
	"errors"
	"sync/atomic"
)

// newestSeen remembers the newest change id read, and how many writes this
// Store had committed before reading it. Every write goes through writeTx,
// and a register open for writing is locked against other programs, so
// while no write has committed since, the newest change is still the one
// read: the list and the figures kept in memory need not ask SQLite at each
// keystroke (a query costs 30–50 µs, a quarter of a search that finds a
// few records). A register open read-only may be written by the program
// that has it open for writing, so it always asks.
type newestSeen struct {
	writes atomic.Int64 // writes committed by this Store
	seen   atomic.Pointer[newestRead]
	closed atomic.Bool // the Store was closed: nothing kept in memory answers any more
}

// ErrClosed is returned by a Store used after Close.
var ErrClosed = errors.New("the register is closed")

type newestRead struct{ writes, id int64 }

// newestChange is the id of the register's newest change (0 for none).
func (s *Store) newestChange(ctx context.Context) (int64, error) {
	if s.newest.closed.Load() {
		return 0, ErrClosed
	}
	writes := s.newest.writes.Load() // before reading: a write committed meanwhile is read again next time
	if seen := s.newest.seen.Load(); !s.readOnly && seen != nil && seen.writes == writes {
		return seen.id, nil
	}
	var id sql.NullInt64
	if err := s.read.QueryRowContext(ctx, "SELECT max(id) FROM change").Scan(&id); err != nil {
		return 0, err
	}
	s.newest.seen.Store(&newestRead{writes: writes, id: id.Int64})
	return id.Int64, nil
}
