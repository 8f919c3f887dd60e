package data

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"
)

// PackageExtension is how an exchange package's file name ends.
const PackageExtension = ".ncmpkg"

// Bounds on a package read from outside: a package of every change of a
// large register (100,000 people imported, a year of attendance) is well
// under both.
const (
	maxPackageFile  = 512 << 20 // bytes on disk
	maxPackageBytes = 4 << 30   // bytes of JSON once decrypted and unpacked
)

// PackageError says why a file cannot be received; nothing was changed.
type PackageError struct {
	Path   string
	Reason string
	Err    error
}

func (e *PackageError) Error() string { return filepath.Base(e.Path) + ": " + e.Reason }
func (e *PackageError) Unwrap() error { return e.Err }

// EncodePackage writes p to w, compressed and encrypted with age for the
// passphrase (scrypt) and for the age public keys given.
func EncodePackage(w io.Writer, p *Package, passphrase string, keys ...string) error {
	var recipients []age.Recipient
	if passphrase != "" {
		r, err := age.NewScryptRecipient(passphrase)
		if err != nil {
			return err
		}
		r.SetWorkFactor(ScryptWorkFactor)
		recipients = append(recipients, r)
	}
	for _, k := range keys {
		r, err := age.ParseX25519Recipient(strings.TrimSpace(k))
		if err != nil {
			return fmt.Errorf("not an age public key: %w", err)
		}
		recipients = append(recipients, r)
	}
	if len(recipients) == 0 {
		return errors.New("a package needs a passphrase or the receiver's key")
	}
	buf := bufio.NewWriterSize(w, 1<<16)
	enc, err := age.Encrypt(buf, recipients...)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(enc, gzip.BestSpeed)
	if err != nil {
		return err
	}
	if err := json.NewEncoder(zw).Encode(p); err != nil {
		return err
	}
	for _, c := range []io.Closer{zw, enc} {
		if err := c.Close(); err != nil {
			return err
		}
	}
	return buf.Flush()
}

// ReadPackage decrypts and reads a package with a passphrase or an age
// secret key. A wrong passphrase is ErrWrongPassphrase; a file that is not
// a package, is cut short or was changed since it was written is a
// *PackageError.
func ReadPackage(path, secret string) (*Package, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > maxPackageFile {
		return nil, &PackageError{Path: path, Reason: fmt.Sprintf("the file is larger (%d MB) than any package this program writes", st.Size()>>20)}
	}
	id, err := packageIdentity(secret)
	if err != nil {
		return nil, err
	}
	plain, err := age.Decrypt(bufio.NewReader(f), id)
	if err != nil {
		var wrong *age.NoIdentityMatchError
		if errors.As(err, &wrong) {
			return nil, ErrWrongPassphrase
		}
		return nil, &PackageError{Path: path, Reason: "this is not an exchange package of a register, or it is damaged", Err: err}
	}
	zr, err := gzip.NewReader(plain)
	if err != nil {
		return nil, &PackageError{Path: path, Reason: "the package is damaged or was changed since it was written", Err: err}
	}
	var p Package
	dec := json.NewDecoder(io.LimitReader(zr, maxPackageBytes))
	if err := dec.Decode(&p); err != nil {
		return nil, &PackageError{Path: path, Reason: "the package is damaged, cut short or was changed since it was written", Err: err}
	}
	if p.Format > PackageFormat {
		return nil, &PackageError{Path: path, Reason: "the package was written by a newer version of the program; update this one first"}
	}
	if p.Format < 1 || p.Register == "" {
		return nil, &PackageError{Path: path, Reason: "this is not an exchange package of a register"}
	}
	return &p, nil
}

func packageIdentity(secret string) (age.Identity, error) {
	if id, ok, err := secretKey(secret); ok {
		return id, err
	}
	id, err := age.NewScryptIdentity(strings.TrimSpace(secret))
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	return id, nil
}

// CheckPackageSecrets says, field by field, what is wrong with the way a
// package is to be locked: a passphrase of at least MinPassphrase
// characters typed twice alike, or the receiver's age public key, or both.
func CheckPackageSecrets(passphrase, again, key string) error {
	var v validator
	key = strings.TrimSpace(key)
	if key != "" {
		if _, err := age.ParseX25519Recipient(key); err != nil {
			v.add("key", "error.age_key", "Not an age public key (it starts with age1)", nil)
		}
	}
	if passphrase != "" || key == "" {
		switch {
		case len([]rune(passphrase)) < MinPassphrase:
			v.add("passphrase", "error.passphrase_short", "At least {{.Min}} characters", map[string]any{"Min": MinPassphrase})
		case passphrase != again:
			v.add("again", "error.passphrase_again", "The two passphrases differ", nil)
		}
	}
	return v.err()
}

// secretKey reads an age secret key typed where a passphrase may be; ok
// is false when secret is not one.
func secretKey(secret string) (id age.Identity, ok bool, err error) {
	secret = strings.TrimSpace(secret)
	if !strings.HasPrefix(secret, "AGE-SECRET-KEY-1") {
		return nil, false, nil
	}
	key, err := age.ParseX25519Identity(secret)
	if err != nil {
		return nil, true, ErrWrongPassphrase
	}
	return key, true, nil
}
