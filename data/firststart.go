package data

import (
	"context"
	"database/sql"
)

// settingStarted marks a register whose first start is over (the choice
// between an empty and a sample register was made). It is bookkeeping, not
// a change of the user's, so it is not in the history.
const settingStarted = "started"

// IsNew tells whether the register has never been used: no change was ever
// made to it and its first start is not over.
func (s *Store) IsNew(ctx context.Context) (bool, error) {
	var changes int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM change").Scan(&changes); err != nil {
		return false, err
	}
	started, err := s.Setting(ctx, settingStarted)
	return changes == 0 && started == "", err
}

// MarkStarted records that the first start is over.
func (s *Store) MarkStarted(ctx context.Context) error {
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		return writeSetting(ctx, tx, settingStarted, s.timestamp())
	})
}
