package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/assets"
	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/data/scratch"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// AppID is the application's identity (also in FyneApp.toml).
const AppID = "org.ncmregister.app"

// prefDataFile remembers the register opened last.
const prefDataFile = "dataFile"

// StartOptions come from the command line.
type StartOptions struct {
	DataFile string // the register to open; empty for the one used last or the default
	ReadOnly bool
}

// window is the main window and the register open in it.
type window struct {
	app   fyne.App
	win   fyne.Window
	ws    *workspace // nil while no register is open
	store *data.Store
	frame *firstFrame
}

// Start makes the main window of a, opens the register in it and shows it.
func Start(a fyne.App, opts StartOptions) { start(a, opts) }

func start(a fyne.App, opts StartOptions) *window {
	// The language chosen in Settings, else the system's.
	applyLanguage(a.Preferences().String(prefLanguage))
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	w := &window{app: a, win: a.NewWindow("NCM Register"), frame: newFirstFrame()}
	// Temporary files of a run that was killed (spill files, documents
	// half written) hold personal data: they go before anything else.
	runAsync(func() { _, _ = scratch.Clean() }, func() {})
	w.win.Resize(windowSize)
	a.Lifecycle().SetOnStarted(func() { fyne.Do(func() { fitToScreen(w.win) }) })
	w.win.SetMaster()
	w.win.SetOnClosed(w.closeStore)
	w.win.SetCloseIntercept(w.closeWindow)
	w.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name != fyne.KeyEscape {
			return
		}
		// Escape closes the dialog or menu on top, as Cancel would (Fyne's
		// dialogs leave the key unused).
		if top := w.win.Canvas().Overlays().Top(); top != nil {
			if e := w.env(); e != nil && e.guarded.overlay == top {
				e.guarded.close() // asks before dropping what was typed
				return
			}
			top.Hide()
			return
		}
		if w.ws != nil {
			if f := w.ws.register.form; f != nil {
				f.revert()
			}
		}
	})
	path := opts.DataFile
	if path == "" {
		path = a.Preferences().StringWithFallback(prefDataFile, DefaultDataFile())
	}
	w.open(path, opts.ReadOnly)
	w.win.Show()
	return w
}

// env is the open register's environment, nil when none is open.
func (w *window) env() *env {
	if w.ws == nil {
		return nil
	}
	return w.ws.env
}

// DefaultDataFile is where a register lives when the user has not chosen
// another: the user's application data folder, private to the user.
func DefaultDataFile() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "ncm-register", "register.db")
}

func deviceName() string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		return "this computer"
	}
	return h
}

// open opens the register at path and shows it, or explains why it cannot.
func (w *window) open(path string, readOnly bool) {
	st, err := data.Open(context.Background(), path, data.Options{ReadOnly: readOnly, Device: deviceName(), CheckAfter: w.frame.painted})
	if err != nil {
		w.showProblem(path, err)
		return
	}
	w.use(st)
}

func (w *window) closeStore() { _ = w.closeRegister() }

// closeRegister closes the open register, if any.
func (w *window) closeRegister() error {
	if w.store == nil {
		return nil
	}
	err := w.store.Close()
	w.store = nil
	return err
}

// closeWindow closes the register before the window, so that a register
// that could not be written completely (a full disk, a stick pulled out)
// is explained while the window can still say so.
func (w *window) closeWindow() {
	closeAll := func() {
		if !w.explainIncomplete(w.closeRegister(), w.win.Close) {
			w.win.Close()
		}
	}
	if w.ws == nil || w.store == nil {
		closeAll()
		return
	}
	backUpOnClosing(w.ws.env, closeAll)
}

// explainIncomplete tells the user, when err says so, that a register was
// closed with its last changes still beside it, then runs after; it
// returns whether it did.
func (w *window) explainIncomplete(err error, after func()) bool {
	var incomplete *data.IncompleteError
	if !errors.As(err, &incomplete) {
		return false
	}
	d := dialog.NewInformation(locale.L("The register could not be written completely"),
		locale.L("Its last changes could not be moved into {{.File}} (the disk may be full, or the stick removed). They are kept in the file {{.ChangesFile}} beside it: keep the two files together, and open the register again once there is room; nothing is lost.",
			map[string]any{"File": filepath.Base(incomplete.Path), "ChangesFile": filepath.Base(incomplete.Path) + "-wal"}), w.win)
	d.SetOnClosed(after)
	d.Show()
	return true
}

// use puts an open register in the window.
func (w *window) use(st *data.Store) {
	previous := w.closeRegister()
	defer w.explainIncomplete(previous, func() {})
	w.store = st
	if !st.ReadOnly() {
		w.app.Preferences().SetString(prefDataFile, st.Path())
	}
	w.showWorkspace()
	if isNew, err := st.IsNew(context.Background()); err == nil && isNew && !st.ReadOnly() {
		w.offerSample()
	} else if msg := backupReminder(st, time.Now()); msg != "" {
		w.ws.env.status(msg)
	}
	// The people's names go into memory now rather than at the first letter
	// typed in the search box (a moment on a large register).
	afterFirstFrame(w.frame, func() {
		runAsync(func() {
			_ = st.PrepareSearch(context.Background())
			// Reading 100,000 people leaves as much garbage as it keeps;
			// collected now, the window holds what it uses, not half again.
			debug.FreeOSMemory()
		}, func() {})
		runAsync(func() { w.checkIntegrity(st) }, func() {})
	})
}

// showWorkspace builds the window's areas and menu for the open register,
// in the window's language.
func (w *window) showWorkspace() {
	w.ws = newWorkspace(w, w.store)
	w.win.SetTitle("NCM Register — " + filepath.Base(w.store.Path()))
	w.win.SetMainMenu(w.ws.menu)
	w.win.SetContent(w.frame.mark(w.ws.content))
}

// runAsync runs work off the UI thread, then land on it. Tests replace it
// with a synchronous runner: Fyne's test driver has no UI thread to land on.
var runAsync = func(work, land func()) {
	go func() {
		work()
		fyne.Do(land)
	}()
}

// checkIntegrity waits for the check of every page that opening started (in
// the background for a large register); a damaged file is
// reported and reopened read-only, so that nothing is written over it.
func (w *window) checkIntegrity(st *data.Store) {
	err := st.Checked(context.Background())
	if data.ProblemOf(err) != data.ProblemDamaged {
		return
	}
	fyne.Do(func() {
		if w.store != st {
			return
		}
		path := st.Path()
		w.closeStore()
		w.ws = nil
		w.showProblem(path, err)
	})
}

// offerSample asks, at the first start of an empty register, whether to begin
// empty or with the sample register.
func (w *window) offerSample() {
	var d dialog.Dialog
	text := widget.NewLabel(locale.L("This register is empty. You can start entering your agencies and focal points, or look around first in a sample register of fictional agencies, with courses, campaigns, agreements, statistics and a reply to the questionnaire (it opens in a file of its own; your register stays as it is)."))
	text.Wrapping = fyne.TextWrapWord
	empty := widget.NewButton(locale.L("Start with an empty register"), func() {
		_ = w.store.MarkStarted(context.Background())
		d.Hide()
	})
	sample := widget.NewButtonWithIcon(locale.L("Load the sample register"), theme.DownloadIcon(), func() {
		d.Hide()
		w.loadSample()
	})
	sample.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(locale.L("Welcome to NCM Register"),
		container.NewBorder(nil, container.NewHBox(layoutSpacer(), empty, sample), nil, nil, text), w.win)
	d.Resize(fyne.NewSize(560, 220))
	d.Show()
}

// sampleFile is where the sample register is kept: its own file beside
// the register, so that looking around never writes into the user's own.
func sampleFile(register string) string {
	return filepath.Join(filepath.Dir(register), "sample-register.db")
}

// loadSample opens the sample register, made the first time, in its own
// file; the user's register stays as it was (empty), and is offered no
// sample again.
func (w *window) loadSample() {
	ctx := context.Background()
	own := w.store.Path()
	_ = w.store.MarkStarted(ctx)
	path := sampleFile(own)
	if !fileExists(path) {
		if err := makeSample(ctx, path); err != nil {
			os.Remove(path)
			showError(w.win, locale.L("The sample register could not be made"), err)
			return
		}
	}
	w.open(path, false)
	if env := w.env(); env != nil {
		env.status(locale.L("The sample register, in a file of its own; your register ({{.File}}) is as it was: File → Open register… brings it back.", map[string]any{"File": own}))
	}
}

func makeSample(ctx context.Context, path string) error {
	st, err := data.Open(ctx, path, data.Options{Device: deviceName()})
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.GenerateSample(ctx, data.SmallSample, 2006); err != nil {
		return err
	}
	if err := st.GenerateTrainingSample(ctx, data.SmallTrainingSample, 2006); err != nil {
		return err
	}
	if err := st.GenerateCoordinationSample(ctx, data.SmallCoordinationSample, 2006); err != nil {
		return err
	}
	if err := export.SampleReply(ctx, st); err != nil {
		return err
	}
	return st.MarkStarted(ctx)
}

// problemText explains a data file that cannot be opened, and what to do.
func problemText(p data.OpenProblem) (title, text string) {
	switch p {
	case data.ProblemNotDatabase:
		return locale.L("This file is not a register"), locale.L("The file is not an NCM Register data file (it is not a SQLite database). It has not been changed. Choose another file, or create a new register.")
	case data.ProblemReadOnly:
		return locale.L("This register is read-only"), locale.L("The file, or its folder, cannot be written to. You can open it read-only to look and search, or copy it to a folder of your own and open the copy.")
	case data.ProblemDamaged:
		return locale.L("This register is damaged"), locale.L("Part of the file cannot be read. It has not been changed or repaired. Keep a copy of it, open it read-only to see what can still be read, and restore your last backup.")
	case data.ProblemInUse:
		return locale.L("This register is already open"), locale.L("Another NCM Register window on this computer has this file open. Switch to that window, or open the file read-only here.")
	case data.ProblemTooNew:
		return locale.L("This register is from a newer version"), locale.L("The file was written by a newer version of NCM Register. Install that version to open it; this one will not change it.")
	case data.ProblemNeedsUpgrade:
		return locale.L("This register needs an upgrade"), locale.L("The file was written by an older version and must be upgraded, which cannot be done while it is opened read-only. Open it normally to upgrade it.")
	case data.ProblemNotFound:
		return locale.L("There is no register here"), locale.L("The file does not exist. Choose another file, or create a new register.")
	case data.ProblemNetworkDrive:
		return locale.L("This register is on a network drive"), locale.L("A register cannot be kept in a shared or network folder: the locking that keeps the file whole does not work there, and two laptops writing it would damage it. Copy the file to this laptop's own disk and open the copy; to share the work, use File → Send changes… (packages may travel through a shared folder). You can also open it read-only to look. Nothing has been changed.")
	case data.ProblemChangesBeside:
		return locale.L("This register's last changes are in a second file"), locale.L("The folder cannot be written to, and the register's last changes are still in the file of the same name ending in -wal, which can only be read where it can be written. Copy both files together to a folder of your own and open the copy there. Nothing has been changed.")
	}
	return locale.L("This register cannot be opened"), locale.L("The file could not be opened. It has not been changed.")
}

// showProblem replaces the window's content with an explanation of why the
// register at path cannot be opened and the ways out.
func (w *window) showProblem(path string, err error) {
	problem := data.ProblemOf(err)
	title, text := problemText(problem)
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	file := widget.NewLabel(locale.L("File: {{.Path}}", map[string]any{"Path": path}))
	file.Wrapping = fyne.TextWrapBreak
	detail := widget.NewLabel("")
	if cause := errors.Unwrap(err); cause != nil {
		detail.SetText(locale.L("Details: {{.Error}}", map[string]any{"Error": cause.Error()}))
	}
	detail.Wrapping = fyne.TextWrapWord
	detail.Importance = widget.LowImportance

	buttons := container.NewHBox()
	if problem == data.ProblemReadOnly || problem == data.ProblemInUse || problem == data.ProblemDamaged || problem == data.ProblemNetworkDrive {
		ro := widget.NewButtonWithIcon(locale.L("Open read-only"), theme.VisibilityIcon(), func() { w.open(path, true) })
		ro.Importance = widget.HighImportance
		buttons.Add(ro)
	}
	buttons.Add(widget.NewButtonWithIcon(locale.L("Choose another file…"), theme.FolderOpenIcon(), w.chooseFile))
	buttons.Add(widget.NewButtonWithIcon(locale.L("New register…"), theme.DocumentCreateIcon(), w.chooseNewFile))
	buttons.Add(widget.NewButtonWithIcon(locale.L("Quit"), theme.LogoutIcon(), w.app.Quit))

	if detail.Text == "" {
		detail.Hide()
	}
	heading.SizeName = theme.SizeNameSubHeadingText
	card := widget.NewCard("", "", container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, heading),
		body, file, detail, widget.NewSeparator(), buttons))
	w.win.SetMainMenu(nil)
	w.win.SetTitle("NCM Register")
	w.win.SetContent(container.NewCenter(container.New(fixedWidth(680), card)))
}

// fixedWidth lays out its objects one under the other at a set width, so
// that wrapped text has room inside a centring container.
type fixedWidth float32

func (fw fixedWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		o.Resize(fyne.NewSize(float32(fw), o.MinSize().Height))
		h += o.MinSize().Height
	}
	return fyne.NewSize(float32(fw), h)
}

func (fw fixedWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objects {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}

var registerExtensions = storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".sqlite3"})

// chooseFile lets the user pick another register to open.
func (w *window) chooseFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		w.open(path, false)
	}, w.win)
	d.SetFilter(registerExtensions)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// chooseNewFile lets the user create a new, empty register: a folder, then
// a name. (Fyne's save dialog would truncate an existing file it is pointed
// at, and a register must never be overwritten.)
func (w *window) chooseNewFile() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		name := widget.NewEntry()
		name.SetText("register.db")
		name.Validator = func(s string) error {
			switch {
			case strings.TrimSpace(s) == "" || strings.ContainsAny(s, `/\`):
				return errors.New(locale.L("Type a file name, like register.db"))
			case fileExists(filepath.Join(dir.Path(), s)):
				return errors.New(locale.L("A file of this name is already there; choose another name"))
			}
			return nil
		}
		dialog.ShowForm(locale.L("New register"), locale.L("Create"), locale.L("Cancel"),
			[]*widget.FormItem{widget.NewFormItem(locale.L("File name"), name)}, func(ok bool) {
				if ok {
					w.open(filepath.Join(dir.Path(), name.Text), false)
				}
			}, w.win)
	}, w.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
