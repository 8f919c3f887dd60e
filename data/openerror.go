package data

import (
	"errors"
	"fmt"
)

// OpenProblem names why a data file could not be opened, so that the window
// can offer the right way out (another file, read-only, quit).
type OpenProblem int

const (
	// ProblemOther is any fault without a more precise name.
	ProblemOther OpenProblem = iota
	// ProblemNotDatabase: the file exists but is not a SQLite database.
	ProblemNotDatabase
	// ProblemReadOnly: the file (or its folder) cannot be written to.
	ProblemReadOnly
	// ProblemDamaged: the file is a SQLite database whose pages are damaged.
	ProblemDamaged
	// ProblemInUse: another running NCM Register has the file open.
	ProblemInUse
	// ProblemTooNew: the file was written by a newer version of the program.
	ProblemTooNew
	// ProblemNeedsUpgrade: the file needs a migration but was opened read-only.
	ProblemNeedsUpgrade
	// ProblemNotFound: a file to open read-only does not exist.
	ProblemNotFound
	// ProblemChangesBeside: on read-only media, changes wait in the -wal
	// file beside the data file, which SQLite can only read where it may
	// write its shared memory.
	ProblemChangesBeside
	// ProblemNetworkDrive: the file is on a network drive, where SQLite's
	// locking does not work; it is not opened for writing there.
	ProblemNetworkDrive
)

// OpenError is returned by Open. The file it names has not been changed.
type OpenError struct {
	Problem OpenProblem
	Path    string
	Err     error
}

func (e *OpenError) Error() string {
	what := map[OpenProblem]string{
		ProblemOther:         "cannot be opened",
		ProblemNotDatabase:   "is not an NCM Register data file (not a SQLite database)",
		ProblemReadOnly:      "is read-only",
		ProblemDamaged:       "is damaged",
		ProblemInUse:         "is already open in another NCM Register window",
		ProblemTooNew:        "was written by a newer version of NCM Register",
		ProblemNeedsUpgrade:  "must be upgraded before it can be read, which a read-only file does not allow",
		ProblemNotFound:      "does not exist",
		ProblemChangesBeside: "has changes in its -wal file that can only be read from a folder that can be written to",
		ProblemNetworkDrive:  "is on a network drive, where a register cannot be kept safely",
	}[e.Problem]
	if e.Err != nil {
		return fmt.Sprintf("%s %s: %v", e.Path, what, e.Err)
	}
	return e.Path + " " + what
}

func (e *OpenError) Unwrap() error { return e.Err }

// ProblemOf returns the OpenProblem of err, or ProblemOther when err is not an
// *OpenError.
func ProblemOf(err error) OpenProblem {
	var oe *OpenError
	if errors.As(err, &oe) {
		return oe.Problem
	}
	return ProblemOther
}

// ErrReadOnlyStore is returned by every write on a store opened read-only.
var ErrReadOnlyStore = errors.New("this register is open read-only")
