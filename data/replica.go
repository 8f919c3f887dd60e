package data

import (
	"context"
	"database/sql"
	"errors"

	"github.com/google/uuid"
)

// A register is copied between laptops; each copy in use is a replica, and
// each change is stamped with the replica it was made in and that replica's
// next sequence number. A copy knows which replica it is by where it is
// used: the laptop's name and the file's path. Opened elsewhere (the file
// copied to another laptop, or to a stick), it starts a replica of its own,
// so that two copies never number their changes alike.

// RegisterID is the identity shared by every copy of a register.
func (s *Store) RegisterID(ctx context.Context) (string, error) {
	var id string
	err := s.read.QueryRowContext(ctx, "SELECT uid FROM register_identity WHERE id = 1").Scan(&id)
	return id, err
}

// replicaIn finds, or starts, the replica of this file as used here, in
// the transaction of the change being made (opening writes nothing: a
// damaged file must be found before anything is written to it). It is
// looked up each time rather than kept, so that a change taken back whole
// takes a replica it started with it.
func (s *Store) replicaIn(ctx context.Context, tx execer) (string, error) {
	var id string
	err := tx.QueryRowContext(ctx, "SELECT id FROM replica WHERE device = ? AND path = ?", s.device, s.path).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		id = uuid.NewString()
		_, err = tx.ExecContext(ctx, "INSERT INTO replica (id, device, path, seen_at) VALUES (?, ?, ?, ?)",
			id, s.device, s.path, s.timestamp())
	}
	return id, err
}

// copyChangeIdentity gives the register an identity and the changes made
// before this schema theirs: a replica standing for the copy they were made
// in, numbered in the order they were made.
func (s *Store) copyChangeIdentity(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "INSERT INTO register_identity (id, uid) VALUES (1, ?)", uuid.NewString()); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM change").Scan(&n); err != nil || n == 0 {
		return err
	}
	earlier := uuid.NewString()
	if _, err := tx.ExecContext(ctx, "INSERT INTO replica (id, device, path, received, seen_at) VALUES (?, '', '', 0, ?)",
		earlier, s.timestamp()); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT id FROM change ORDER BY id")
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i, id := range ids {
		if _, err := tx.ExecContext(ctx, "UPDATE change SET uid = ?, replica = ?, seq = ? WHERE id = ?",
			uuid.NewString(), earlier, i+1, id); err != nil {
			return err
		}
	}
	return nil
}
