package data

import (
	"context"
	"os"
)

// checkBeforeWriting is the size up to which a register's every page is
// checked before it is opened for writing (a quarter of a second or so on
// a laptop; the large register of 100,000 contacts takes about 0.3 s). A
// larger one is checked in the background, and its first write waits for
// the result: a damaged register is never written to. (A variable so that
// tests reach the background case on small files.)
var checkBeforeWriting int64 = 32 << 20

// integrity is the result of the check that opening a register starts.
type integrity struct {
	done   chan struct{} // closed when err is known
	err    error
	cancel context.CancelFunc
}

// startIntegrityCheck checks the file after the readers are open and
// before the writer is: small files at once (Open fails on damage), large
// ones in the background, unless a migration is pending, which writes.
func (s *Store) startIntegrityCheck(ctx context.Context, pendingMigration bool, after <-chan struct{}) error {
	s.checked = integrity{done: make(chan struct{})}
	info, err := os.Stat(s.path)
	if err == nil && info.Size() == 0 { // a new register: nothing to check
		close(s.checked.done)
		return nil
	}
	if s.readOnly || (err == nil && info.Size() > checkBeforeWriting && !pendingMigration) {
		bg, cancel := context.WithCancel(context.Background())
		s.checked.cancel = cancel
		go func() {
			defer close(s.checked.done)
			if after != nil {
				select {
				case <-after:
				case <-bg.Done():
				}
			}
			s.checked.err = s.CheckIntegrity(bg)
		}()
		return nil
	}
	defer close(s.checked.done)
	s.checked.err = s.CheckIntegrity(ctx)
	return s.checked.err
}

// Checked waits for the check that opening started and returns what it
// found: nil, or an *OpenError with ProblemDamaged.
func (s *Store) Checked(ctx context.Context) error {
	if s.checked.done == nil {
		return nil
	}
	select {
	case <-s.checked.done:
		return s.checked.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// stopIntegrityCheck ends a background check when the register closes.
func (s *Store) stopIntegrityCheck() {
	if s.checked.cancel != nil {
		s.checked.cancel()
		<-s.checked.done
	}
}

// checkPassed says, without waiting, whether the check that opening
// started has ended and found the file whole.
func (s *Store) checkPassed() bool {
	if s.checked.done == nil {
		return true
	}
	select {
	case <-s.checked.done:
		return s.checked.err == nil
	default:
		return false
	}
}
