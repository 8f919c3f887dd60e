package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestRegisterOnANetworkDriveIsRefused: a register in a shared folder is
// not opened for writing (nor created there), and says why; read-only, it
// can be looked at.
func TestRegisterOnANetworkDriveIsRefused(t *testing.T) {
	existing := copyOfEmptyRegister(t)
	before := snapshotFile(t, existing)
	networkDrive = func(string) (string, bool) { return "SMB", true }
	t.Cleanup(func() { networkDrive = onNetworkDrive })

	for _, path := range []string{existing, filepath.Join(t.TempDir(), "new.db")} {
		_, err := Open(t.Context(), path, Options{})
		var oe *OpenError
		if !errors.As(err, &oe) || oe.Problem != ProblemNetworkDrive {
			t.Fatalf("%s on a network drive: %v", path, err)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(existing), "new.db")); err == nil {
		t.Error("a register was created on the network drive")
	}
	assertFileUnchanged(t, existing, before)
	s, err := Open(t.Context(), existing, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only on a network drive: %v", err)
	}
	s.Close()
}

// TestThisFolderIsNotANetworkDrive: the test's own temporary folder, on
// the machine's disk, is not taken for a network drive.
func TestThisFolderIsNotANetworkDrive(t *testing.T) {
	if kind, ok := onNetworkDrive(filepath.Join(t.TempDir(), "register.db")); ok {
		t.Errorf("a local folder is taken for a %s drive", kind)
	}
}
