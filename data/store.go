package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/gofrs/flock"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Options say how to open a register.
type Options struct {
	// ReadOnly opens the file without writing to it: no migration, no lock,
	// every write returns ErrReadOnlyStore.
	ReadOnly bool
	// Device names this laptop in the history of changes (usually the host name).
	Device string
	// CheckAfter, if set, holds back the background check of a large
	// register's every page until it is closed (the window's first frame:
	// reading 300 MB competes with painting it). Writes wait for the check.
	CheckAfter <-chan struct{}
}

// Store is an open register. It is safe for use from several goroutines.
type Store struct {
	path     string
	readOnly bool
	device   string
	read     *sql.DB // several connections: WAL lets readers run beside the writer
	// find is the search's own reader: one connection keeping up to 64 MiB
	// of pages, as a search reads the same full-text pages at every
	// keystroke (with SQLite's default 2 MiB, reading them again was a
	// third of a search's time). The other readers keep 8 MiB each: with
	// 64 MiB each, counting every course of a large register left the
	// window holding 450 MB.
	find    *sql.DB
	write   *sql.DB // one connection, so our own writes never wait on each other
	lock    *flock.Flock
	now     func() time.Time
	lists   listCache   // the organisation list, kept until the register changes
	figures figureCache // each course's training figures, likewise
	checked integrity   // the check of every page that opening started
	newest  newestSeen  // the newest change id, while nothing was written
}

var sqliteHeader = []byte("SQLite format 3\x00")

// Open opens (and, when it does not exist yet, creates) the register at path,
// applying pending migrations. On failure it returns an *OpenError and leaves
// the file as it was.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &OpenError{Problem: ProblemOther, Path: path, Err: err}
	}
	if kind, ok := networkDrive(abs); ok && !opts.ReadOnly {
		return nil, &OpenError{Problem: ProblemNetworkDrive, Path: abs, Err: fmt.Errorf("the folder is on a %s drive", kind)}
	}
	if err := checkFile(abs, opts.ReadOnly); err != nil {
		return nil, err
	}
	s := &Store{path: abs, readOnly: opts.ReadOnly, device: opts.Device, now: time.Now}
	if s.device == "" {
		s.device, _ = os.Hostname()
	}
	if !opts.ReadOnly {
		s.lock = flock.New(abs + ".lock")
		locked, err := s.lock.TryLock()
		if err != nil {
			return nil, &OpenError{Problem: ProblemReadOnly, Path: abs, Err: err}
		}
		if !locked {
			return nil, &OpenError{Problem: ProblemInUse, Path: abs}
		}
		_ = os.Chmod(abs+".lock", 0o600)
	}
	if err := s.openPools(ctx, opts.CheckAfter); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// checkFile looks at the file before SQLite does, so that a file that is not
// a database, or that must not be written, is refused before anything touches it.
func checkFile(path string, readOnly bool) error {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if readOnly {
			return &OpenError{Problem: ProblemNotFound, Path: path}
		}
		return createPrivateFile(path)
	case err != nil:
		return &OpenError{Problem: ProblemOther, Path: path, Err: err}
	case info.IsDir():
		return &OpenError{Problem: ProblemNotDatabase, Path: path, Err: errors.New("it is a folder")}
	}
	if info.Size() > 0 {
		f, err := os.Open(path)
		if err != nil {
			return &OpenError{Problem: ProblemOther, Path: path, Err: err}
		}
		head := make([]byte, len(sqliteHeader))
		_, err = io.ReadFull(f, head)
		f.Close()
		if err != nil || !bytes.Equal(head, sqliteHeader) {
			return &OpenError{Problem: ProblemNotDatabase, Path: path}
		}
	}
	if readOnly {
		return nil
	}
	// A file without its owner's write bit was made read-only on purpose; we
	// respect that even when running as root, who could write it anyway.
	if info.Mode().Perm()&0o200 == 0 {
		return &OpenError{Problem: ProblemReadOnly, Path: path}
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return &OpenError{Problem: ProblemReadOnly, Path: path, Err: err}
		}
		return &OpenError{Problem: ProblemOther, Path: path, Err: err}
	}
	f.Close()
	// The data file holds personal data: keep it to its owner.
	if info.Mode().Perm()&0o077 != 0 {
		_ = os.Chmod(path, 0o600)
	}
	return nil
}

// createPrivateFile makes an empty data file readable by its owner only, in a
// folder that is private too, so that SQLite's -wal and -shm files (which take
// the database file's mode) are private as well.
func createPrivateFile(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return &OpenError{Problem: ProblemReadOnly, Path: path, Err: err}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return &OpenError{Problem: ProblemReadOnly, Path: path, Err: err}
		}
		return &OpenError{Problem: ProblemOther, Path: path, Err: err}
	}
	return f.Close()
}

// The pages each connection may keep, in KiB (see Store.find).
const searchCacheKiB, readerCacheKiB = 64 << 10, 8 << 10

// readerMapBytes is how much of the file each reader maps.
const readerMapBytes = 1 << 30

// access is how a connection pool uses the file.
type access int

const (
	writing   access = iota
	reading          // beside a writer, or read-only
	immutable        // read-only where SQLite may write nothing, not even shared memory
)

// dsn puts the pragmas in the address so that every pooled connection gets them.
func dsn(path string, how access, cacheKiB int) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	// Each connection keeps up to cacheKiB of the file's pages (SQLite's
	// default is 2 MiB). The cache grows only as far as the file is read,
	// so small registers use little. See the pools in Store.
	q.Add("_pragma", fmt.Sprintf("cache_size(-%d)", cacheKiB))
	switch how {
	case immutable:
		q.Set("immutable", "1")
		q.Add("_pragma", "query_only(1)")
	case reading:
		q.Set("mode", "ro")
		q.Add("_pragma", "query_only(1)")
		// Readers map the file (up to 1 GiB) rather than copy its pages
		// into each connection's cache: the first count after opening
		// reads most of the file, and the four readers would each copy it
		// (the Overview's first count 115 → 84 ms). Writes never go
		// through the map. SQLite's caveat is an I/O error while reading
		// a mapped page, which ends the program rather than returning an
		// error; it needs a drive removed while open, and network drives
		// are refused already.
		q.Add("_pragma", fmt.Sprintf("mmap_size(%d)", readerMapBytes))
	default:
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		// Statement journals in memory: each insert that fires the
		// full-text triggers keeps one, and on disk they cost a write
		// system call per page (a sixth of a large import's time).
		q.Add("_pragma", "temp_store(MEMORY)")
		q.Set("_txlock", "immediate")
	}
	return sqliteAddress(path, q)
}

// sharedMemoryMissing says whether a read-only open failed for want of a
// place to write SQLite's shared memory (the -shm file).
func sharedMemoryMissing(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	code := se.Code() & 0xff
	return code == sqlite3.SQLITE_CANTOPEN || code == sqlite3.SQLITE_READONLY
}

// walIsEmpty says whether no -wal file holds changes that an immutable
// read of the data file would miss.
func (s *Store) walIsEmpty() bool {
	wal, err := os.Stat(s.path + "-wal")
	return errors.Is(err, fs.ErrNotExist) || (err == nil && wal.Size() == 0)
}

// openReaders opens the pool of readers and reads the schema, which makes
// SQLite check the first page, so that a damaged file is refused here,
// before anything writes to it.
func (s *Store) openReaders(ctx context.Context, how access) error {
	var err error
	if s.read, err = sql.Open("sqlite", dsn(s.path, how, readerCacheKiB)); err != nil {
		return &OpenError{Problem: ProblemOther, Path: s.path, Err: err}
	}
	s.read.SetMaxOpenConns(4)
	if s.find, err = sql.Open("sqlite", dsn(s.path, how, searchCacheKiB)); err != nil {
		return &OpenError{Problem: ProblemOther, Path: s.path, Err: err}
	}
	s.find.SetMaxOpenConns(1)
	var tables int
	return s.read.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&tables)
}

func (s *Store) openPools(ctx context.Context, checkAfter <-chan struct{}) error {
	err := s.openReaders(ctx, reading)
	if err != nil && s.readOnly && sharedMemoryMissing(err) {
		if !s.walIsEmpty() {
			return &OpenError{Problem: ProblemChangesBeside, Path: s.path, Err: err}
		}
		// A WAL-mode file on a write-protected stick or a read-only share:
		// SQLite cannot make its -shm file there. With nothing left in a
		// -wal file, everything is in the data file, which SQLite can read
		// as immutable: no shared memory, no lock, nothing written.
		_ = s.read.Close()
		_ = s.find.Close()
		err = s.openReaders(ctx, immutable)
	}
	if err != nil {
		return s.classify(err)
	}
	version, err := schemaVersion(ctx, s.read)
	if err != nil {
		return s.classify(err)
	}
	if version > len(migrations) {
		return &OpenError{Problem: ProblemTooNew, Path: s.path,
			Err: fmt.Errorf("schema version %d, this program knows up to %d", version, len(migrations))}
	}
	if err := s.startIntegrityCheck(ctx, version < len(migrations), checkAfter); err != nil {
		return err
	}
	if s.readOnly {
		if version < len(migrations) {
			return &OpenError{Problem: ProblemNeedsUpgrade, Path: s.path}
		}
		return nil
	}
	// The writer keeps as much as the search: an import of 100,000 contacts
	// writes the same index pages again and again.
	s.write, err = sql.Open("sqlite", dsn(s.path, writing, searchCacheKiB))
	if err != nil {
		return &OpenError{Problem: ProblemOther, Path: s.path, Err: err}
	}
	s.write.SetMaxOpenConns(1)
	// The writer switches a new file to WAL and migrates.
	if err := s.migrate(ctx); err != nil {
		return s.classify(err)
	}
	return nil
}

// classify turns SQLite's result codes into the problems a user can act on.
func (s *Store) classify(err error) error {
	var oe *OpenError
	if errors.As(err, &oe) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return &OpenError{Problem: ProblemNotDatabase, Path: s.path, Err: err}
		case sqlite3.SQLITE_CORRUPT:
			return &OpenError{Problem: ProblemDamaged, Path: s.path, Err: err}
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
			return &OpenError{Problem: ProblemReadOnly, Path: s.path, Err: err}
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return &OpenError{Problem: ProblemInUse, Path: s.path, Err: err}
		}
	}
	return &OpenError{Problem: ProblemOther, Path: s.path, Err: err}
}

// CheckIntegrity reads every page of the file (SQLite's quick_check). It is
// slow on large registers, so the window runs it in the background after
// opening rather than making every start wait for it.
func (s *Store) CheckIntegrity(ctx context.Context) error {
	rows, err := s.read.QueryContext(ctx, "PRAGMA quick_check(5)")
	if err != nil {
		return s.classify(err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return s.classify(err)
		}
		if msg != "ok" {
			problems = append(problems, msg)
		}
	}
	if err := rows.Err(); err != nil {
		return s.classify(err)
	}
	if len(problems) > 0 {
		return &OpenError{Problem: ProblemDamaged, Path: s.path, Err: errors.New(problems[0])}
	}
	return nil
}

// Path is the absolute path of the data file.
func (s *Store) Path() string { return s.path }

// ReadOnly tells whether the register was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Device is the name this laptop signs its changes with.
func (s *Store) Device() string { return s.device }

// Close closes the file and releases the lock that keeps a second instance
// out. Every change is then in the data file alone, or Close returns an
// *IncompleteError: the changes are safe in the -wal file beside it, which
// must stay with the data file until the register is opened again.
func (s *Store) Close() error {
	var errs []error
	// What this session counted helps the next one start; a failure to
	// keep it costs only a count from the file next time.
	_ = s.saveFigures(context.Background())
	s.newest.closed.Store(true)
	// Readers close first so that the writer is the file's last connection:
	// only it can checkpoint the WAL into the data file and empty the -wal
	// file. Otherwise the records would stay in the -wal file, and a copy
	// of the data file alone (a backup, a file carried on a USB stick)
	// would lack them, or be malformed if a checkpoint stopped half way.
	s.stopIntegrityCheck()
	if s.find != nil {
		errs = append(errs, s.find.Close())
	}
	if s.read != nil {
		errs = append(errs, s.read.Close())
	}
	if s.write != nil {
		if err := s.checkpoint(); err != nil {
			errs = append(errs, err)
		}
		errs = append(errs, s.write.Close())
	}
	if s.lock != nil {
		errs = append(errs, s.lock.Unlock())
	}
	return errors.Join(errs...)
}

// IncompleteError says that closing could not move every change into the
// data file (a full disk, a stick pulled out): they wait in the -wal file.
type IncompleteError struct {
	Path string
	Err  error
}

func (e *IncompleteError) Error() string {
	return fmt.Sprintf("%s could not be written completely (%v): its last changes are kept in %s-wal beside it; "+
		"keep the two files together and open the register again once there is room", e.Path, e.Err, filepath.Base(e.Path))
}

func (e *IncompleteError) Unwrap() error { return e.Err }

// checkpoint copies the WAL into the data file and empties it (TRUNCATE),
// checking that it did: SQLite's own checkpoint on closing says nothing
// when it fails.
func (s *Store) checkpoint() error {
	var busy, frames, copied int
	err := s.write.QueryRow("PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &frames, &copied)
	if err == nil && busy != 0 {
		err = errors.New("the file was busy")
	}
	if err != nil {
		return &IncompleteError{Path: s.path, Err: err}
	}
	return nil
}

// writeTx runs fn in one immediate transaction on the writer: all of it lands
// (the change and its history) or none of it does.
func (s *Store) writeTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.readOnly {
		return ErrReadOnlyStore
	}
	if err := s.Checked(ctx); err != nil {
		return err
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Counted whatever the outcome: a commit that reports failure may
	// still have landed, and reading the newest change again is cheap.
	defer s.newest.writes.Add(1)
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) timestamp() string {
	return s.now().UTC().Format(timeLayout)
}

// timeLayout sorts as text in time order, which the history relies on.
const timeLayout = "2006-01-02T15:04:05.000Z"
