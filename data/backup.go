package data

import (
	"archive/tar"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"filippo.io/age"

	"github.com/ncm-register/ncm-register/data/scratch"
)

// Backups are consistent snapshots of the register (SQLite's VACUUM INTO,
// never a copy of a file being written), encrypted with age. Each backup
// file is a tar archive of three parts:
//
//   - about.json: when, on which laptop, of which schema (not secret);
//   - key.age: the register's backup key, sealed with the passphrase
//     (age's scrypt recipient);
//   - register.age: the snapshot, encrypted to that key and, when one is
//     set, to the ministry's public key.
//
// So backups can be made without the passphrase (on closing, daily), the
// passphrase is asked for only to set up and to restore, the ministry can
// open any laptop's backup with its own key, and a backup carries all it
// needs: nothing kept elsewhere can be lost. age detects a wrong passphrase,
// a damaged or tampered file.

// BackupExt ends the name of every backup file.
const BackupExt = ".ncmbackup"

// backupStamp is the time in a backup's name (UTC): names sort by it, and
// two backups a second apart do not take one name.
const backupStamp = "2006-01-02-150405.000"

// BackupSettings say how this register is backed up.
type BackupSettings struct {
	Folder    string
	Keep      int    // the newest backups kept in Folder; older ones are removed
	Recipient string // the public half of the backup key; empty until set up
	Ministry  string // an age public key that can open every backup, or empty
	LastAt    string // when the last backup was made (UTC, RFC 3339), or empty
	LastFile  string
	sealedKey []byte
}

// Ready tells whether backups are set up: a folder and a key.
func (b BackupSettings) Ready() bool {
	return b.Folder != "" && b.Recipient != "" && len(b.sealedKey) > 0
}

// BackupSettings reads how the register is backed up.
func (s *Store) BackupSettings(ctx context.Context) (BackupSettings, error) {
	b := BackupSettings{Keep: 10}
	err := s.read.QueryRowContext(ctx, `SELECT folder, keep, recipient, sealed_key, ministry, last_at, last_file
		FROM backup_settings WHERE id = 1`).Scan(&b.Folder, &b.Keep, &b.Recipient, &b.sealedKey, &b.Ministry, &b.LastAt, &b.LastFile)
	if errors.Is(err, sql.ErrNoRows) {
		return b, nil
	}
	return b, err
}

// ScryptWorkFactor is how hard a passphrase is to guess, as age's scrypt
// counts it (2^18 rounds, about a second: age's own default); the tests
// lower it.
var ScryptWorkFactor = 18

// MinPassphrase is the shortest passphrase backups accept.
const MinPassphrase = 10

// ErrWrongPassphrase is returned when a backup's passphrase (or key) does not open it.
var ErrWrongPassphrase = errors.New("this passphrase does not open the backup")

// SetUpBackups chooses the folder, how many backups to keep, the ministry's
// key (optional) and, when passphrase is not empty, a new backup key sealed
// with it (backups made before stay openable with the passphrase they were
// made with). Problems are a *ValidationError by field.
func (s *Store) SetUpBackups(ctx context.Context, folder string, keep int, ministry, passphrase string) error {
	var v validator
	folder, ministry = strings.TrimSpace(folder), strings.TrimSpace(ministry)
	if folder == "" {
		v.add("folder", "error.required", "Required", nil)
	} else if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		v.add("folder", "error.no_folder", "This folder does not exist", nil)
	}
	if keep < 1 {
		v.add("keep", "error.keep", "Keep at least one backup", nil)
	}
	if ministry != "" {
		if _, err := age.ParseX25519Recipient(ministry); err != nil {
			v.add("ministry", "error.age_key", "Not an age public key (it starts with age1)", nil)
		}
	}
	old, err := s.BackupSettings(ctx)
	if err != nil {
		return err
	}
	recipient, sealed := old.Recipient, old.sealedKey
	if passphrase != "" || recipient == "" {
		if len([]rune(passphrase)) < MinPassphrase {
			v.add("passphrase", "error.passphrase_short", "At least {{.Min}} characters", map[string]any{"Min": MinPassphrase})
		}
	}
	if err := v.err(); err != nil {
		return err
	}
	if passphrase != "" {
		if recipient, sealed, err = newBackupKey(passphrase); err != nil {
			return err
		}
	}
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO backup_settings (id, folder, keep, recipient, sealed_key, ministry)
			VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET folder = excluded.folder, keep = excluded.keep,
			recipient = excluded.recipient, sealed_key = excluded.sealed_key, ministry = excluded.ministry`,
			folder, keep, recipient, sealed, ministry)
		return err
	})
}

// newBackupKey makes a backup key and seals its secret half with the passphrase.
func newBackupKey(passphrase string) (recipient string, sealed []byte, err error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return "", nil, err
	}
	lock, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return "", nil, err
	}
	lock.SetWorkFactor(ScryptWorkFactor)
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, lock)
	if err != nil {
		return "", nil, err
	}
	if _, err := io.WriteString(w, id.String()); err != nil {
		return "", nil, err
	}
	if err := w.Close(); err != nil {
		return "", nil, err
	}
	return id.Recipient().String(), buf.Bytes(), nil
}

// ErrBackupsNotSetUp is returned by BackUp before SetUpBackups.
var ErrBackupsNotSetUp = errors.New("backups are not set up: choose a folder and a passphrase in Settings")

// BackupAbout is what a backup file says of itself, readable without the passphrase.
type BackupAbout struct {
	MadeAt   string `json:"made_at"` // UTC, RFC 3339
	Device   string `json:"device"`
	Register string `json:"register"` // the register file's name
	Schema   int    `json:"schema"`
}

// BackUp writes a backup of the register into the backup folder, whole or
// not at all (written under a temporary name, renamed when complete),
// removes the backups beyond the number kept, and returns the file's path.
func (s *Store) BackUp(ctx context.Context) (string, error) {
	set, err := s.BackupSettings(ctx)
	if err != nil {
		return "", err
	}
	if !set.Ready() {
		return "", ErrBackupsNotSetUp
	}
	recipients := []age.Recipient{}
	for _, key := range []string{set.Recipient, set.Ministry} {
		if key == "" {
			continue
		}
		r, err := age.ParseX25519Recipient(key)
		if err != nil {
			return "", fmt.Errorf("the backup key %q: %w", key, err)
		}
		recipients = append(recipients, r)
	}
	snapshot, done, err := s.snapshot(ctx)
	if err != nil {
		return "", err
	}
	defer done()
	schema, _ := schemaVersion(ctx, s.read)
	made := s.now().UTC()
	about := BackupAbout{MadeAt: made.Format(time.RFC3339), Device: s.device, Register: filepath.Base(s.path), Schema: schema}
	prefix := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path)) + "-"
	name := prefix + made.Format(backupStamp) + BackupExt
	path := filepath.Join(set.Folder, name)
	if err := writeBackupFile(path, about, set.sealedKey, snapshot, recipients); err != nil {
		return "", err
	}
	if !s.readOnly {
		if err := s.writeTx(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "UPDATE backup_settings SET last_at = ?, last_file = ? WHERE id = 1", about.MadeAt, path)
			return err
		}); err != nil {
			return path, err
		}
	}
	return path, pruneBackups(set.Folder, prefix, set.Keep)
}

// snapshot writes a consistent copy of the register into a private
// temporary file; done removes it.
func (s *Store) snapshot(ctx context.Context) (string, func(), error) {
	dir, err := scratch.Dir()
	if err != nil {
		return "", nil, err
	}
	f, err := os.CreateTemp(dir, "snapshot-*.db")
	if err != nil {
		return "", nil, err
	}
	path := f.Name()
	f.Close()
	os.Remove(path) // VACUUM INTO wants to make the file itself
	untrack := scratch.Track(path)
	done := func() { os.Remove(path); untrack() }
	// VACUUM INTO writes only the new file, but SQLite refuses it on the
	// readers, which are query-only: the writer makes the copy (saves wait
	// for it), or, for a register open read-only, a connection of its own.
	db := s.write
	if s.readOnly {
		q := url.Values{}
		q.Set("mode", "ro")
		q.Add("_pragma", "busy_timeout(5000)")
		if db, err = sql.Open("sqlite", sqliteAddress(s.path, q)); err != nil {
			done()
			return "", nil, err
		}
		defer db.Close()
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		done()
		return "", nil, fmt.Errorf("copying the register: %w", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		done()
		return "", nil, err
	}
	return path, done, nil
}

func writeBackupFile(path string, about BackupAbout, sealedKey []byte, snapshot string, recipients []age.Recipient) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".backup-*.part")
	if err != nil {
		return fmt.Errorf("writing into the backup folder: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	tw := tar.NewWriter(tmp)
	aboutJSON, _ := json.Marshal(about)
	for _, part := range []struct {
		name string
		data []byte
	}{{"about.json", aboutJSON}, {"key.age", sealedKey}} {
		if err := tw.WriteHeader(&tar.Header{Name: part.name, Mode: 0o600, Size: int64(len(part.data)), ModTime: time.Now()}); err != nil {
			return err
		}
		if _, err := tw.Write(part.data); err != nil {
			return err
		}
	}
	// The encrypted size is needed before the encrypted bytes: encrypt into
	// a private temporary file first.
	enc, err := encryptFile(snapshot, recipients)
	if err != nil {
		return err
	}
	defer os.Remove(enc)
	in, err := os.Open(enc)
	if err != nil {
		return err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return err
	}
	if err := tw.WriteHeader(&tar.Header{Name: "register.age", Mode: 0o600, Size: st.Size(), ModTime: time.Now()}); err != nil {
		return err
	}
	if _, err := io.Copy(tw, in); err != nil {
		return err
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	ok = true
	return nil
}

// encryptFile encrypts a file into a private temporary file of the scratch folder.
func encryptFile(path string, recipients []age.Recipient) (string, error) {
	dir, err := scratch.Dir()
	if err != nil {
		return "", err
	}
	out, err := os.CreateTemp(dir, "backup-*.age")
	if err != nil {
		return "", err
	}
	in, err := os.Open(path)
	if err != nil {
		out.Close()
		os.Remove(out.Name())
		return "", err
	}
	defer in.Close()
	w, err := age.Encrypt(out, recipients...)
	if err == nil {
		_, err = io.Copy(w, in)
	}
	if err == nil {
		err = w.Close()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}

// pruneBackups removes the oldest backups of one register beyond keep.
func pruneBackups(folder, prefix string, keep int) error {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, prefix) && strings.HasSuffix(n, BackupExt) && !e.IsDir() {
			names = append(names, n)
		}
	}
	slices.Sort(names) // the time in the name sorts them oldest first
	for len(names) > keep {
		if err := os.Remove(filepath.Join(folder, names[0])); err != nil {
			return err
		}
		names = names[1:]
	}
	return nil
}
