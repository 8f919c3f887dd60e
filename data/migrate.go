package data

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations are the embedded .sql files in name order; the schema version
// kept in PRAGMA user_version is the number of them applied.
var migrations = func() []string {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	return names
}()

func schemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	var v int
	err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// migrate applies the pending migrations, each in its own transaction
// together with the new version number, so that a crash leaves the file at
// one version or the next, never between.
func (s *Store) migrate(ctx context.Context) error { return s.migrateTo(ctx, len(migrations)) }

// afterMigration holds, by the schema version a migration brings, the work
// that SQL alone cannot do (values computed in Go), run in the same
// transaction as the migration's script.
var afterMigration = map[int]func(s *Store, ctx context.Context, tx *sql.Tx) error{
	4:  func(_ *Store, ctx context.Context, tx *sql.Tx) error { return fillSearchText(ctx, tx) },
	15: (*Store).copyReferenceLists,
	18: (*Store).copyChangeIdentity,
}

// migrateTo applies the migrations up to schema version target (tests stop
// early to build files of an older schema).
func (s *Store) migrateTo(ctx context.Context, target int) error {
	// Reading the schema first makes SQLite check the header and the first
	// page, so that a damaged file is reported before anything is written.
	if _, err := s.write.ExecContext(ctx, "SELECT count(*) FROM sqlite_master"); err != nil {
		return err
	}
	version, err := schemaVersion(ctx, s.write)
	if err != nil {
		return err
	}
	if version > len(migrations) {
		return &OpenError{Problem: ProblemTooNew, Path: s.path,
			Err: fmt.Errorf("schema version %d, this program knows up to %d", version, len(migrations))}
	}
	for i := version; i < target; i++ {
		script, err := migrationFiles.ReadFile(migrations[i])
		if err != nil {
			return err
		}
		err = s.writeTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(script)); err != nil {
				return fmt.Errorf("%s: %w", migrations[i], err)
			}
			if after := afterMigration[i+1]; after != nil {
				if err := after(s, ctx, tx); err != nil {
					return fmt.Errorf("%s: %w", migrations[i], err)
				}
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
