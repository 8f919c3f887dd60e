package data

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/google/go-cmp/cmp"
)

const testPassphrase = "correct horse battery staple"

// backedUpStore is a register with a few records and backups set up into a
// folder of the test's own.
func backedUpStore(t *testing.T, ministry string) (*Store, string) {
	t.Helper()
	s := newStore(t)
	o := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	mustSaveContact(t, s, Contact{OrganisationID: o.ID, Name: "Ana Pop"})
	folder := t.TempDir()
	if err := s.SetUpBackups(t.Context(), folder, 3, ministry, testPassphrase); err != nil {
		t.Fatal(err)
	}
	return s, folder
}

func TestBackupAndRestoreRoundTrip(t *testing.T) {
	ministry, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	s, folder := backedUpStore(t, ministry.Recipient().String())
	ctx := t.Context()
	path, err := s.BackUp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != folder || !strings.HasSuffix(path, BackupExt) {
		t.Errorf("backup written to %s", path)
	}
	raw, _ := os.ReadFile(path)
	if strings.Contains(string(raw), "Ana Pop") || strings.Contains(string(raw), testPassphrase) {
		t.Error("the backup holds a name or the passphrase in clear")
	}
	set, _ := s.BackupSettings(ctx)
	if set.LastAt == "" || set.LastFile != path {
		t.Errorf("settings after a backup: %+v", set)
	}
	if strings.Contains(string(set.sealedKey), testPassphrase) {
		t.Error("the passphrase is stored")
	}
	about, err := ReadBackupAbout(path)
	if err != nil || about.Device != testDevice || about.Schema != len(migrations) {
		t.Errorf("about %+v, %v", about, err)
	}

	// The register changes after the backup; restoring brings it back.
	before, _ := s.Count(ctx)
	mustSaveOrg(t, s, Organisation{Name: "Customs", Sector: "customs"})
	for _, secret := range []string{testPassphrase, ministry.String()} {
		b, err := OpenBackup(ctx, path, secret)
		if err != nil {
			t.Fatalf("opening with %.16s…: %v", secret, err)
		}
		if b.Counts != before {
			t.Errorf("the backup holds %+v, the register held %+v when it was made", b.Counts, before)
		}
		b.Close()
	}

	target := filepath.Join(t.TempDir(), "register.db")
	if err := copyFile(s.Path(), target); err != nil {
		t.Fatal(err)
	}
	b, err := OpenBackup(ctx, path, testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := InstallBackup(b, target); err != nil {
		t.Fatal(err)
	}
	restored := openStore(t, target, Options{})
	if got, _ := restored.Count(ctx); got != before {
		t.Errorf("the restored register holds %+v, want %+v", got, before)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o600 {
		t.Errorf("the restored register is %v, want private to its user", st.Mode().Perm())
	}
}

func TestRestoreRefusesWhatItCannotTrust(t *testing.T) {
	s, folder := backedUpStore(t, "")
	ctx := t.Context()
	path, err := s.BackUp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenBackup(ctx, path, "not the passphrase at all"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("a wrong passphrase: %v", err)
	}
	stranger, _ := age.GenerateX25519Identity()
	if _, err := OpenBackup(ctx, path, stranger.String()); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("somebody else's key: %v", err)
	}
	raw, _ := os.ReadFile(path)
	tampered := filepath.Join(folder, "tampered"+BackupExt)
	changed := slices.Clone(raw)
	changed[len(changed)-2000] ^= 0x01 // a byte of the encrypted register
	os.WriteFile(tampered, changed, 0o600)
	var be *BackupError
	if _, err := OpenBackup(ctx, tampered, testPassphrase); !errors.As(err, &be) || !strings.Contains(be.Reason, "changed") {
		t.Errorf("a tampered backup: %v", err)
	}
	cut := filepath.Join(folder, "cut"+BackupExt)
	os.WriteFile(cut, raw[:len(raw)/2], 0o600)
	if _, err := OpenBackup(ctx, cut, testPassphrase); !errors.As(err, &be) {
		t.Errorf("a backup cut short: %v", err)
	}
	other := filepath.Join(folder, "notes.txt")
	os.WriteFile(other, []byte("not a backup"), 0o600)
	if _, err := OpenBackup(ctx, other, testPassphrase); !errors.As(err, &be) || !strings.Contains(be.Reason, "not a backup") {
		t.Errorf("a file that is no backup: %v", err)
	}
}

func TestRestoreRefusesARegisterOfANewerProgram(t *testing.T) {
	s, _ := backedUpStore(t, "")
	ctx := t.Context()
	// A newer program's register: its schema is one this program does not know.
	snapshot, done, err := s.snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	setUserVersion(t, snapshot, len(migrations)+1)
	set, _ := s.BackupSettings(ctx)
	path := filepath.Join(set.Folder, "newer"+BackupExt)
	r, _ := age.ParseX25519Recipient(set.Recipient)
	if err := writeBackupFile(path, BackupAbout{MadeAt: "2027-01-01T00:00:00Z", Schema: len(migrations) + 1}, set.sealedKey, snapshot, []age.Recipient{r}); err != nil {
		t.Fatal(err)
	}
	var oe *OpenError
	if _, err := OpenBackup(ctx, path, testPassphrase); !errors.As(err, &oe) || oe.Problem != ProblemTooNew {
		t.Errorf("a newer program's backup: %v", err)
	}
}

func TestBackupsKeepTheNewestAndAreSetUpWithCare(t *testing.T) {
	s, folder := backedUpStore(t, "")
	ctx := t.Context()
	var made []string
	for range 5 {
		path, err := s.BackUp(ctx)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, filepath.Base(path))
	}
	entries, _ := os.ReadDir(folder)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if d := cmp.Diff(made[2:], left); d != "" {
		t.Errorf("backups left (-want the newest three +got):\n%s", d)
	}
	for name, tc := range map[string]struct {
		folder, ministry, pass string
		keep                   int
		field                  string
	}{
		"no folder": {"", "", testPassphrase, 3, "folder"},
		"missing":   {filepath.Join(folder, "nowhere"), "", testPassphrase, 3, "folder"},
		"short":     {folder, "", "short", 3, "passphrase"},
		"keep none": {folder, "", testPassphrase, 0, "keep"},
		"not a key": {folder, "ministry@example.org", testPassphrase, 3, "ministry"},
	} {
		err := s.SetUpBackups(ctx, tc.folder, tc.keep, tc.ministry, tc.pass)
		if !slices.Contains(invalidFields(err), tc.field) {
			t.Errorf("%s: %v, want a problem beside %s", name, err, tc.field)
		}
	}
	fresh := newStore(t)
	if _, err := fresh.BackUp(ctx); !errors.Is(err, ErrBackupsNotSetUp) {
		t.Errorf("a backup before setting up: %v", err)
	}
	if err := fresh.SetUpBackups(ctx, folder, 3, "", ""); !slices.Contains(invalidFields(err), "passphrase") {
		t.Errorf("setting up without a passphrase: %v", err)
	}
}

// TestRestoreAnOlderRegister restores a backup made by an earlier version
// (schema 14, lists of references still in text columns): it is checked,
// put in place and brought up to date when opened, its lists intact.
func TestRestoreAnOlderRegister(t *testing.T) {
	ctx := t.Context()
	oldPath, old := oldRegister(t, 14)
	for _, q := range []string{
		`INSERT INTO organisation (id, name, name_key, sector, created_at, updated_at) VALUES
		 ('o1', 'Police', 'police', 'police', 't', 't'), ('o2', 'La Strada', 'la strada', 'ngo', 't', 't')`,
		`INSERT INTO course (id, title, first_day, last_day, organisers, created_at, updated_at)
		 VALUES ('k1', 'Victim identification', '2025-03-03', '2025-03-05', 'o2` + "\n" + `o1', 't', 't')`,
	} {
		if _, err := old.write.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	recipient, sealed, err := newBackupKey(testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := age.ParseX25519Recipient(recipient)
	path := filepath.Join(t.TempDir(), "old"+BackupExt)
	if err := writeBackupFile(path, BackupAbout{MadeAt: "2025-06-01T10:00:00Z", Device: "old-laptop", Schema: 14}, sealed, oldPath, []age.Recipient{r}); err != nil {
		t.Fatal(err)
	}
	b, err := OpenBackup(ctx, path, testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.Counts.Organisations != 2 {
		t.Errorf("the older backup holds %+v", b.Counts)
	}
	target := filepath.Join(t.TempDir(), "register.db")
	if err := InstallBackup(b, target); err != nil {
		t.Fatal(err)
	}
	s := openStore(t, target, Options{})
	c, err := s.Course(ctx, "k1")
	if err != nil || !slices.Equal(c.Organisers, []string{"o2", "o1"}) {
		t.Errorf("the restored course's organisers %v, %v", c.Organisers, err)
	}
}
