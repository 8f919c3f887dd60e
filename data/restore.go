package data

import (
	"archive/tar"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"

	"github.com/ncm-register/ncm-register/data/scratch"
)

// BackupError says why a file cannot be restored; nothing was replaced.
type BackupError struct {
	Path   string
	Reason string
	Err    error
}

func (e *BackupError) Error() string { return filepath.Base(e.Path) + ": " + e.Reason }
func (e *BackupError) Unwrap() error { return e.Err }

// OpenedBackup is a backup decrypted into a private temporary file, opened
// read-only and checked, ready to replace a register.
type OpenedBackup struct {
	About  BackupAbout
	Counts Counts
	path   string
	done   func()
}

// Close removes the decrypted copy.
func (b *OpenedBackup) Close() {
	if b.done != nil {
		b.done()
		b.done = nil
	}
}

// ReadBackupAbout reads what a backup says of itself (when, which laptop),
// without the passphrase.
func ReadBackupAbout(path string) (BackupAbout, error) {
	var about BackupAbout
	err := eachBackupPart(path, func(name string, r io.Reader) error {
		if name == "about.json" {
			return json.NewDecoder(io.LimitReader(r, 1<<16)).Decode(&about)
		}
		return nil
	})
	if err == nil && about.MadeAt == "" {
		err = &BackupError{Path: path, Reason: "this is not a backup of a register"}
	}
	return about, err
}

// OpenBackup decrypts a backup with its passphrase, or with an age secret
// key (AGE-SECRET-KEY-1…, the ministry's), into a private temporary file,
// and checks it: whole, not tampered with (age authenticates every byte),
// a register SQLite finds sound, of a schema this program knows. A wrong
// passphrase is ErrWrongPassphrase; any other problem a *BackupError or
// an *OpenError (a newer program's register).
func OpenBackup(ctx context.Context, path, secret string) (*OpenedBackup, error) {
	var about BackupAbout
	var sealed []byte
	dir, err := scratch.Dir()
	if err != nil {
		return nil, err
	}
	out, err := os.CreateTemp(dir, "restore-*.db")
	if err != nil {
		return nil, err
	}
	untrack := scratch.Track(out.Name())
	b := &OpenedBackup{path: out.Name(), done: func() {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(out.Name() + suffix)
		}
		untrack()
	}}
	fail := func(err error) (*OpenedBackup, error) {
		out.Close()
		b.Close()
		return nil, err
	}
	found := false
	err = eachBackupPart(path, func(name string, r io.Reader) error {
		switch name {
		case "about.json":
			return json.NewDecoder(io.LimitReader(r, 1<<16)).Decode(&about)
		case "key.age":
			var err error
			sealed, err = io.ReadAll(io.LimitReader(r, 1<<16))
			return err
		case "register.age":
			found = true
			id, err := backupIdentity(secret, sealed)
			if err != nil {
				return err
			}
			plain, err := age.Decrypt(r, id)
			if err != nil {
				var wrong *age.NoIdentityMatchError
				if errors.As(err, &wrong) {
					return ErrWrongPassphrase
				}
				return &BackupError{Path: path, Reason: "the backup is damaged or was changed since it was made", Err: err}
			}
			if _, err := io.Copy(out, plain); err != nil {
				return &BackupError{Path: path, Reason: "the backup is damaged, cut short or was changed since it was made", Err: err}
			}
		}
		return nil
	})
	if err == nil && !found {
		err = &BackupError{Path: path, Reason: "this is not a backup of a register"}
	}
	if err != nil {
		return fail(err)
	}
	if err := out.Close(); err != nil {
		return fail(err)
	}
	b.About = about
	// The copy is the program's own: opening it for writing brings a backup
	// of an earlier version up to date now, so that a backup that cannot be
	// upgraded is found before anything is replaced.
	st, err := Open(ctx, b.path, Options{Device: about.Device})
	if err != nil {
		var oe *OpenError
		if errors.As(err, &oe) && oe.Problem == ProblemTooNew {
			oe.Path = path
			return fail(oe)
		}
		return fail(&BackupError{Path: path, Reason: "the register in the backup cannot be opened", Err: err})
	}
	if err := st.CheckIntegrity(ctx); err != nil {
		st.Close()
		return fail(&BackupError{Path: path, Reason: "the register in the backup is damaged", Err: err})
	}
	b.Counts, err = st.Count(ctx)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(err)
	}
	return b, nil
}

// backupIdentity is the key that opens a backup: an age secret key as
// given, or the backup key sealed in the file, opened with the passphrase.
func backupIdentity(secret string, sealed []byte) (age.Identity, error) {
	if id, ok, err := secretKey(secret); ok {
		return id, err
	}
	lock, err := age.NewScryptIdentity(strings.TrimSpace(secret))
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	key, err := age.Decrypt(bytes.NewReader(sealed), lock)
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	text, err := io.ReadAll(key)
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	return age.ParseX25519Identity(strings.TrimSpace(string(text)))
}

// eachBackupPart reads the parts of a backup file in order.
func eachBackupPart(path string, each func(name string, r io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return &BackupError{Path: path, Reason: "the file cannot be read", Err: err}
	}
	defer f.Close()
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return &BackupError{Path: path, Reason: "this is not a backup of a register, or it is cut short", Err: err}
		}
		if err := each(h.Name, tr); err != nil {
			return err
		}
	}
}

// InstallBackup puts a checked backup in the place of the register at
// path, which must be closed (and, the program's way, backed up first):
// the copy is written beside it and renamed over it, so that the register
// is the old one or the restored one, never a mix; the old one's -wal and
// -shm files go, since they belong to it.
func InstallBackup(b *OpenedBackup, path string) error {
	in, err := os.Open(b.path)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(path), ".restoring-*.db")
	if err != nil {
		return err
	}
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			os.Remove(tmp.Name())
			return err
		}
	}
	return os.Rename(tmp.Name(), path)
}
