package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
)

// openWindow starts the program's window on a register made by prepare
// (which may be nil) whose first start is over, and waits for the list.
func openWindow(t *testing.T, prepare func(*data.Store)) *window {
	t.Helper()
	return openWindowAt(t, filepath.Join(t.TempDir(), "register.db"), prepare)
}

// openWindowAt is openWindow on a chosen path.
func openWindowAt(t *testing.T, path string, prepare func(*data.Store)) *window {
	t.Helper()
	st, err := data.Open(context.Background(), path, data.Options{Device: "test-laptop"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MarkStarted(context.Background()); err != nil {
		t.Fatal(err)
	}
	if prepare != nil {
		prepare(st)
	}
	st.Close()
	return startOn(t, path)
}

func startOn(t *testing.T, path string) *window {
	t.Helper()
	w := startLazily(t, path)
	if w.ws != nil { // the tests reach into every area's screen
		w.ws.register.ensureForm()
		for i := range w.ws.areas {
			if !w.ws.areas[i].built {
				w.ws.areas[i].built = true
				w.ws.areas[i].build()
			}
		}
		// The window opens on the Overview; the tests of the other areas
		// start where a user who clicked Register would.
		w.ws.nav.Select(areaRegister)
	}
	return w
}

// startLazily starts the window as the program does: areas other than the
// Register are built when first opened.
func startLazily(t *testing.T, path string) *window {
	t.Helper()
	a := test.NewTempApp(t)
	w := start(a, StartOptions{DataFile: path})
	w.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(w.closeStore)
	if w.ws != nil {
		w.ws.register.waitLoaded()
	}
	return w
}

// openSample opens the sample register a first start offers: organisations,
// courses, campaigns, a plan, agreements, statistics and a reply.
func openSample(t *testing.T) *window {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.db")
	if err := makeSample(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	return startOn(t, path)
}

func withSample(st *data.Store) {
	if err := st.GenerateSample(context.Background(), data.SmallSample, 7); err != nil {
		panic(err)
	}
}

// objects lists everything shown in the window, dialogs included.
func objects(w *window) []fyne.CanvasObject {
	all := test.LaidOutObjects(w.win.Canvas().Content())
	for _, o := range w.win.Canvas().Overlays().List() {
		all = append(all, test.LaidOutObjects(o)...)
	}
	return all
}

// button finds the visible button with this text.
func button(t *testing.T, w *window, text string) *widget.Button {
	t.Helper()
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q on screen", text)
	return nil
}

// dialogButton finds a button with this text in the dialog on top.
func dialogButton(t *testing.T, w *window, text string) *widget.Button {
	t.Helper()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is open (looking for %q)", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("the dialog has no button %q", text)
	return nil
}

// shownTexts is every label text on screen.
func shownTexts(w *window) []string {
	var out []string
	for _, o := range objects(w) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			out = append(out, l.Text)
		}
	}
	return out
}

func hasText(w *window, want string) bool {
	for _, s := range shownTexts(w) {
		if s == want {
			return true
		}
	}
	return false
}

// menuItem finds an item of the main menu by its label's start.
func menuItem(t *testing.T, w *window, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.win.MainMenu().Items {
		for _, it := range m.Items {
			if len(it.Label) >= len(label) && it.Label[:len(label)] == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

func rowNames(r *registerScreen) []string {
	var out []string
	for _, row := range r.rows {
		out = append(out, row.Name)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// showArea selects an area of the sidebar by its name.
func showArea(t *testing.T, w *window, name string) {
	t.Helper()
	for i, a := range w.ws.areas {
		if a.name == name {
			w.ws.nav.Select(i)
			return
		}
	}
	t.Fatalf("no area %q", name)
}

// pickerParts finds the search field and the list of the picker on top
// (organisations, people, countries).
func pickerParts(t *testing.T, w *window) (*widget.Entry, *widget.List) {
	t.Helper()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no picker is open")
	}
	var search *widget.Entry
	var list *widget.List
	for _, o := range test.LaidOutObjects(top) {
		switch o := o.(type) {
		case *widget.Entry:
			search = o
		case *widget.List:
			list = o
		}
	}
	if search == nil || list == nil {
		t.Fatal("the dialog on top is not a picker: no search field or no list")
	}
	return search, list
}
