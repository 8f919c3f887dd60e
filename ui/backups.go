package ui

import (
	"context"
	"errors"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// Settings → Backups: set up (a folder, how many to keep, a passphrase, the
// ministry's key), back up now, restore. Backups are also made on closing,
// at most once a day, and the status bar says when none was made for a week.

// backupsPanel is the Backups part of Settings.
type backupsPanel struct {
	env     *env
	w       *window
	status  *widget.Label
	setUp   *widget.Button
	now     *widget.Button
	restore *widget.Button
	content fyne.CanvasObject
}

// remindAfter is how long without a backup before the program says so.
const remindAfter = 7 * 24 * time.Hour

// onClosingEvery is how often closing the window makes a backup.
const onClosingEvery = 20 * time.Hour

func newBackupsPanel(e *env, w *window) *backupsPanel {
	p := &backupsPanel{env: e, w: w}
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.setUp = widget.NewButtonWithIcon(locale.L("Set up backups…"), theme.SettingsIcon(), p.showSetUp)
	p.now = widget.NewButtonWithIcon(locale.L("Back up now"), theme.UploadIcon(), p.backUpNow)
	p.restore = widget.NewButtonWithIcon(locale.L("Restore from a backup…"), theme.DownloadIcon(), p.chooseBackup)
	if e.store.ReadOnly() {
		p.setUp.Disable()
		p.restore.Disable()
	}
	p.content = container.NewVBox(p.status,
		help(locale.L("A backup is a copy of the whole register, encrypted with a passphrase of your choice (and, if you give it, the ministry's key), made into a folder you choose: a USB stick, a network or cloud folder. A backup is also made when you close the program, once a day.")),
		flowRow(p.setUp, p.now, p.restore))
	p.refresh()
	return p
}

// refresh says when the last backup was made.
func (p *backupsPanel) refresh() {
	set, err := p.env.store.BackupSettings(context.Background())
	switch {
	case err != nil:
		p.status.SetText(err.Error())
	case !set.Ready():
		p.status.SetText(locale.L("Backups are not set up: a stolen or broken laptop would take the register with it."))
		p.status.Importance = widget.WarningImportance
	case set.LastAt == "":
		p.status.SetText(locale.L("No backup made yet, into {{.Folder}}.", map[string]any{"Folder": set.Folder}))
		p.status.Importance = widget.WarningImportance
	case set.Keep == 1:
		p.status.SetText(locale.L("Last backup: {{.When}}, into {{.Folder}} (only the newest is kept).",
			map[string]any{"When": shortTime(set.LastAt), "Folder": set.Folder}))
		p.status.Importance = widget.MediumImportance
	default:
		p.status.SetText(locale.N("Last backup: {{.When}}, into {{.Folder}} (the newest {{.Count}} is kept).", set.Keep,
			map[string]any{"When": shortTime(set.LastAt), "Folder": set.Folder}))
		p.status.Importance = widget.MediumImportance
	}
	p.status.Refresh()
	if set.Ready() {
		p.now.Enable()
	} else {
		p.now.Disable()
	}
}

// backupSetUp is the set-up dialog.
type backupSetUp struct {
	folder, keep, ministry, pass, again *widget.Entry
	fields                              *fieldSet
	save                                *widget.Button
	d                                   dialog.Dialog
}

func (p *backupsPanel) showSetUp() {
	set, _ := p.env.store.BackupSettings(context.Background())
	v := &backupSetUp{fields: newFieldSet()}
	p.env.shown.backupSetUp = v
	v.folder = widget.NewEntry()
	v.folder.SetText(set.Folder)
	choose := widget.NewButtonWithIcon(locale.L("Choose…"), theme.FolderOpenIcon(), func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				v.folder.SetText(u.Path())
			}
		}, p.env.win)
		d.Resize(fyne.NewSize(900, 600))
		d.Show()
	})
	v.keep = widget.NewEntry()
	v.keep.SetText(strconv.Itoa(set.Keep))
	v.ministry = widget.NewEntry()
	v.ministry.SetText(set.Ministry)
	v.ministry.SetPlaceHolder("age1…")
	v.pass, v.again = widget.NewPasswordEntry(), widget.NewPasswordEntry()
	passHelp := locale.L("At least 10 characters. It is not stored anywhere: without it (or the ministry's key) no backup can be opened. Write it down and keep it apart from the laptop.")
	if set.Ready() {
		passHelp = locale.L("Leave empty to keep the passphrase of the backups made so far; a new one applies to the backups made from now on.")
	}
	v.fields.add("folder", locale.L("Folder"), true, container.NewBorder(nil, nil, nil, choose, v.folder))
	v.fields.add("keep", locale.L("Backups kept"), true, v.keep)
	v.fields.add("passphrase", locale.L("Passphrase"), !set.Ready(), container.NewVBox(v.pass, help(passHelp)))
	v.fields.add("again", locale.L("Passphrase again"), !set.Ready(), v.again)
	v.fields.add("ministry", locale.L("Ministry's key (optional)"), false, container.NewVBox(v.ministry,
		help(locale.L("An age public key given by the ministry: with its own secret key, the ministry can open the backups of every laptop."))))
	v.save = widget.NewButton(locale.L("Save"), func() {
		keep, err := strconv.Atoi(v.keep.Text)
		if err != nil {
			keep = 0
		}
		if v.pass.Text != v.again.Text {
			v.fields.show(&data.ValidationError{Errors: []data.FieldError{{Field: "again", Key: "error.passphrase_again",
				Template: "The two passphrases differ"}}})
			return
		}
		if err := p.env.store.SetUpBackups(context.Background(), v.folder.Text, keep, v.ministry.Text, v.pass.Text); err != nil {
			if !v.fields.show(err) {
				showError(p.env.win, "", err)
			}
			return
		}
		v.d.Hide()
		p.refresh()
		p.env.status(locale.L("Backups are set up. The first one is made now."))
		p.backUpNow()
	})
	v.save.Importance = widget.HighImportance
	cancel := widget.NewButton(locale.L("Cancel"), func() { v.d.Hide() })
	v.d = dialog.NewCustomWithoutButtons(locale.L("Set up backups"),
		container.NewBorder(nil, container.NewHBox(layoutSpacer(), cancel, v.save), nil, nil, v.fields.grid), p.env.win)
	v.d.Resize(fyne.NewSize(720, 480))
	v.d.Show()
}

// backUpNow backs up off the window's thread.
func (p *backupsPanel) backUpNow() {
	var path string
	var err error
	p.now.Disable()
	runAsync(func() { path, err = p.env.store.BackUp(context.Background()) }, func() {
		p.refresh()
		if err != nil {
			showError(p.env.win, locale.L("The backup was not made"), err)
			return
		}
		p.env.status(locale.L("Backed up into {{.File}}", map[string]any{"File": path}))
	})
}

func (p *backupsPanel) chooseBackup() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		p.showRestore(r.URI().Path())
	}, p.env.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{data.BackupExt}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// backupRestore is the restore dialog.
type backupRestore struct {
	path    string
	about   *widget.Label
	pass    *widget.Entry
	problem *widget.Label
	check   *widget.Button
	d       dialog.Dialog
}

// showRestore asks for the backup's passphrase, opens and checks the backup,
// and, once the user confirms, puts it in the place of the register.
func (p *backupsPanel) showRestore(path string) {
	v := &backupRestore{path: path}
	p.env.shown.backupRestore = v
	about, err := data.ReadBackupAbout(path)
	if err != nil {
		showError(p.env.win, "", err, locale.L("Nothing was changed."))
		return
	}
	v.about = widget.NewLabel(locale.L("Backup of {{.Register}} made on {{.When}} on the laptop “{{.Laptop}}”.",
		map[string]any{"Register": about.Register, "When": shortTime(about.MadeAt), "Laptop": about.Device}))
	v.about.Wrapping = fyne.TextWrapWord
	v.pass = widget.NewPasswordEntry()
	v.pass.SetPlaceHolder(locale.L("The backups' passphrase, or the ministry's secret key"))
	v.problem = newErrorLabel()
	v.check = widget.NewButton(locale.L("Open and check…"), func() { p.openBackup(v) })
	v.check.Importance = widget.HighImportance
	v.pass.OnSubmitted = func(string) { p.openBackup(v) }
	cancel := widget.NewButton(locale.L("Cancel"), func() { v.d.Hide() })
	body := container.NewVBox(v.about, v.pass, v.problem,
		help(locale.L("The backup is opened and checked first; nothing is replaced before you confirm.")),
		container.NewHBox(layoutSpacer(), cancel, v.check))
	v.d = dialog.NewCustomWithoutButtons(locale.L("Restore from a backup"), body, p.env.win)
	v.d.Resize(fyne.NewSize(640, 300))
	v.d.Show()
	p.env.win.Canvas().Focus(v.pass)
}

func (p *backupsPanel) openBackup(v *backupRestore) {
	var opened *data.OpenedBackup
	var err error
	v.check.Disable()
	secret := v.pass.Text
	runAsync(func() { opened, err = data.OpenBackup(context.Background(), v.path, secret) }, func() {
		v.check.Enable()
		if err != nil {
			v.problem.SetText(restoreProblem(err))
			v.problem.Show()
			return
		}
		v.d.Hide()
		msg := locale.L("The backup is sound: {{.Organisations}} and {{.People}}. Replace the register now open with it? The register now open is backed up first, so this too can be taken back.",
			map[string]any{"Organisations": countOrganisations(opened.Counts.Organisations), "People": countPeople(opened.Counts.Contacts)})
		dialog.ShowConfirm(locale.L("Restore from a backup"), msg, func(yes bool) {
			defer opened.Close()
			if yes {
				p.install(opened)
			}
		}, p.env.win)
	})
}

// restoreProblem says why a backup cannot be restored.
func restoreProblem(err error) string {
	var oe *data.OpenError
	switch {
	case errors.Is(err, data.ErrWrongPassphrase):
		return locale.L("This passphrase does not open the backup.")
	case errors.As(err, &oe) && oe.Problem == data.ProblemTooNew:
		return locale.L("The backup was made by a newer version of NCM Register: install that version to restore it.")
	}
	return err.Error() + ". " + locale.L("Nothing was changed.")
}

// install backs up the register now open (when backups are set up), closes
// it, puts the backup in its place and opens it.
func (p *backupsPanel) install(opened *data.OpenedBackup) {
	st := p.env.store
	path := st.Path()
	if set, err := st.BackupSettings(context.Background()); err == nil && set.Ready() {
		if _, err := st.BackUp(context.Background()); err != nil {
			showError(p.env.win, locale.L("The register now open could not be backed up first"), err, locale.L("Nothing was changed."))
			return
		}
	}
	if err := p.w.closeRegister(); err != nil {
		showError(p.env.win, "", err)
		return
	}
	if err := data.InstallBackup(opened, path); err != nil {
		showError(p.env.win, locale.L("The backup could not be put in place; the register is as it was"), err)
		p.w.open(path, false)
		return
	}
	p.w.open(path, false)
	if env := p.w.env(); env != nil {
		env.status(locale.L("Restored the backup made on {{.When}}.", map[string]any{"When": shortTime(opened.About.MadeAt)}))
	}
}

// backUpOnClosing makes the day's backup when the window closes, if
// backups are set up and none was made for a while; done runs after, even
// when the backup failed (which is said first).
func backUpOnClosing(e *env, done func()) {
	st := e.store
	set, err := st.BackupSettings(context.Background())
	if err != nil || !set.Ready() || st.ReadOnly() {
		done()
		return
	}
	if last, err := time.Parse(time.RFC3339, set.LastAt); err == nil && time.Since(last) < onClosingEvery {
		done()
		return
	}
	if _, err := st.BackUp(context.Background()); err != nil {
		d := dialog.NewInformation(locale.L("The backup on closing was not made"),
			locale.L("{{.Error}}. The register itself is saved; make a backup from Settings when the backup folder is there again.", map[string]any{"Error": err.Error()}), e.win)
		d.SetOnClosed(done)
		d.Show()
		return
	}
	done()
}

// backupReminder says, when the register opens, that it has not been
// backed up for a week or is not backed up at all; "" when all is well.
func backupReminder(st *data.Store, now time.Time) string {
	if st.ReadOnly() {
		return ""
	}
	set, err := st.BackupSettings(context.Background())
	if err != nil {
		return ""
	}
	if !set.Ready() {
		return locale.L("This register is not backed up: set up backups in Settings.")
	}
	last, err := time.Parse(time.RFC3339, set.LastAt)
	if err != nil || now.Sub(last) > remindAfter {
		return locale.L("No backup for more than a week: Settings → Back up now.")
	}
	return ""
}
