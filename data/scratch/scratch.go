// Package scratch keeps the temporary files that hold personal data (a
// spreadsheet library's spill files, a document being written beside its
// final name) where they can be found again and removed at the next start
// if the program was killed while they existed.
//
// Each running program has its own folder under a private root (0700 in
// the user's cache folder), held by a lock while it runs; Clean removes the
// folders of programs no longer running, and the files they were writing
// elsewhere, which each such folder lists.
package scratch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/gofrs/flock"
)

var (
	mu      sync.Mutex
	root    string // "" until first used: the user's cache folder
	session string // this program's folder
	//lint:ignore U1000 kept so that the lock (its open file) lives, and holds, while the program runs
	lock *flock.Flock
)

// SetRoot puts the scratch folders under dir (tests use a temporary one).
// It takes effect before the first Dir.
func SetRoot(dir string) {
	mu.Lock()
	defer mu.Unlock()
	root, session = dir, ""
}

func rootDir() (string, error) {
	if root != "" {
		return root, nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	root = filepath.Join(cache, "ncm-register", "scratch")
	return root, nil
}

// Dir is this program's private folder for temporary files.
func Dir() (string, error) {
	mu.Lock()
	defer mu.Unlock()
	if session != "" {
		return session, nil
	}
	r, err := rootDir()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(r, 0o700); err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp(r, "session-")
	if err != nil {
		return "", err
	}
	l := flock.New(dir + ".lock")
	if ok, err := l.TryLock(); err != nil || !ok {
		os.Remove(dir)
		return "", fmt.Errorf("cannot lock the scratch folder %s: %v", dir, err)
	}
	session, lock = dir, l
	return session, nil
}

// Track notes that a temporary file is being written at path (outside the
// scratch folder), so that Clean removes it if the program dies before
// done is called. done forgets it.
func Track(path string) (done func()) {
	dir, err := Dir()
	if err != nil {
		return func() {}
	}
	marker, err := os.CreateTemp(dir, "writing-*.path")
	if err != nil {
		return func() {}
	}
	_, err = marker.WriteString(path)
	marker.Close()
	if err != nil {
		os.Remove(marker.Name())
		return func() {}
	}
	return func() { os.Remove(marker.Name()) }
}

// Clean removes what programs that are no longer running left behind:
// their scratch folders and the files they were writing. It returns how
// many files it removed.
func Clean() (int, error) {
	mu.Lock()
	r, err := rootDir()
	mine := session
	mu.Unlock()
	if err != nil {
		return 0, err
	}
	entries, err := os.ReadDir(r)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	removed := 0
	var errs []error
	for _, e := range entries {
		dir := filepath.Join(r, e.Name())
		if !e.IsDir() || !strings.HasPrefix(e.Name(), "session-") || dir == mine {
			continue
		}
		l := flock.New(dir + ".lock")
		if ok, err := l.TryLock(); err != nil || !ok {
			continue // a running program's
		}
		n, err := removeSession(dir)
		removed += n
		errs = append(errs, err)
		l.Unlock()
		os.Remove(dir + ".lock")
	}
	return removed, errors.Join(errs...)
}

// removeSession removes the files a session was writing, then its folder.
func removeSession(dir string) (int, error) {
	removed := 0
	markers, _ := filepath.Glob(filepath.Join(dir, "writing-*.path"))
	for _, m := range markers {
		raw, err := os.ReadFile(m)
		// Only a temporary document file is ever named, never a document.
		if name := filepath.Base(string(raw)); err == nil && strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".tmp") {
			if os.Remove(string(raw)) == nil {
				removed++
			}
		}
	}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(path, ".path") {
			removed++
		}
		return nil
	})
	return removed, errors.Join(err, os.RemoveAll(dir))
}
