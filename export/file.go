package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ncm-register/ncm-register/data/scratch"
)

// WriteFile writes a document to path through a temporary file in the same
// folder, renamed over path only when the document is whole: a failure (a
// full disk, a write refused) leaves the old file as it was and no half
// written one beside it.
func WriteFile(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	// Should the program die before the rename, the next start removes
	// the half-written file (it holds personal data).
	defer scratch.Track(tmp.Name())()
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// The temporary file is private while it is half written; the document
	// is for colleagues, with the mode the user's files usually get.
	if mode, ok := usualMode(dir); ok {
		if err := os.Chmod(tmp.Name(), mode); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot replace %s (is it open in another program?): %w", path, err)
	}
	done = true
	return nil
}

// usualMode is the mode a new file gets in dir under the user's umask
// (what a word processor's document would have), found by making one.
func usualMode(dir string) (os.FileMode, bool) {
	probe, err := os.CreateTemp(dir, ".mode-*")
	if err != nil {
		return 0, false
	}
	name := probe.Name()
	probe.Close()
	os.Remove(name)
	f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o666)
	if err != nil {
		return 0, false
	}
	defer os.Remove(name)
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, false
	}
	return st.Mode().Perm(), true
}
