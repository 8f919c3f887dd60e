package ui

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/ncm-register/ncm-register/data"
)

const uiPassphrase = "our long backup passphrase"

func backupFiles(t *testing.T, folder string) []string {
	t.Helper()
	entries, err := os.ReadDir(folder)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), data.BackupExt) {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestSetUpBackupsBackUpAndRestore(t *testing.T) {
	w := openWindow(t, withSample)
	ctx := context.Background()
	if !strings.Contains(w.ws.message.Text, "not backed up") {
		t.Errorf("at opening the status says %q: want that the register is not backed up", w.ws.message.Text)
	}
	p := w.ws.settings.backups
	if !p.now.Disabled() {
		t.Error("Back up now is offered before backups are set up")
	}
	folder := t.TempDir()
	test.Tap(p.setUp)
	v := w.ws.env.shown.backupSetUp
	v.folder.SetText(folder)
	v.keep.SetText("5")
	v.pass.SetText(uiPassphrase)
	v.again.SetText(uiPassphrase + "!")
	test.Tap(v.save)
	if msg := v.fields.message("again"); msg != "The two passphrases differ" {
		t.Errorf("two passphrases that differ: %q", msg)
	}
	v.again.SetText(uiPassphrase)
	test.Tap(v.save)
	if files := backupFiles(t, folder); len(files) != 1 {
		t.Fatalf("after setting up: %v, want the first backup", files)
	}
	if !strings.Contains(p.status.Text, "Last backup") || !strings.HasPrefix(w.ws.message.Text, "Backed up into") {
		t.Errorf("status %q, message %q", p.status.Text, w.ws.message.Text)
	}
	set, _ := w.store.BackupSettings(ctx)
	backup := set.LastFile
	before, _ := w.store.Count(ctx)

	// A change after the backup, then the backup restored.
	extra := data.Organisation{Name: "Added after the backup", Sector: "other"}
	if err := w.store.SaveOrganisation(ctx, &extra); err != nil {
		t.Fatal(err)
	}
	p.showRestore(backup)
	r := w.ws.env.shown.backupRestore
	if !strings.Contains(r.about.Text, "“"+w.store.Device()+"”") {
		t.Errorf("the restore dialog says %q: want the laptop it was made on", r.about.Text)
	}
	r.pass.SetText("not the passphrase")
	test.Tap(r.check)
	if !r.problem.Visible() || !strings.Contains(r.problem.Text, "does not open") {
		t.Errorf("a wrong passphrase: %q", r.problem.Text)
	}
	r.pass.SetText(uiPassphrase)
	test.Tap(r.check)
	test.Tap(dialogButton(t, w, "Yes"))

	after, _ := w.store.Count(ctx)
	if after != before {
		t.Errorf("after the restore the register holds %+v, the backup %+v", after, before)
	}
	if files := backupFiles(t, folder); len(files) != 2 {
		t.Errorf("backups %v: want the register that was replaced backed up too", files)
	}
	if !strings.HasPrefix(w.ws.message.Text, "Restored the backup made on") {
		t.Errorf("status %q", w.ws.message.Text)
	}
}

func TestBackupOnClosingAndTheWeeklyReminder(t *testing.T) {
	w := openWindow(t, withSample)
	ctx := context.Background()
	folder := t.TempDir()
	if err := w.store.SetUpBackups(ctx, folder, 3, "", uiPassphrase); err != nil {
		t.Fatal(err)
	}
	closed := 0
	backUpOnClosing(w.ws.env, func() { closed++ })
	if closed != 1 || len(backupFiles(t, folder)) != 1 {
		t.Fatalf("closing with no backup yet: closed %d, backups %v", closed, backupFiles(t, folder))
	}
	backUpOnClosing(w.ws.env, func() { closed++ })
	if closed != 2 || len(backupFiles(t, folder)) != 1 {
		t.Errorf("closing again the same day: closed %d, backups %v (want no second backup)", closed, backupFiles(t, folder))
	}
	if msg := backupReminder(w.store, time.Now()); msg != "" {
		t.Errorf("just backed up, yet: %q", msg)
	}
	if msg := backupReminder(w.store, time.Now().Add(8*24*time.Hour)); !strings.Contains(msg, "more than a week") {
		t.Errorf("eight days later: %q", msg)
	}
	// The folder gone (a stick pulled out): closing says so and closes.
	if err := os.RemoveAll(folder); err != nil {
		t.Fatal(err)
	}
	if _, err := w.store.BackUp(ctx); err == nil {
		t.Fatal("a backup into a folder that is gone succeeded")
	}
}
