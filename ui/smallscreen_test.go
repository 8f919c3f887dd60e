package ui

import (
	"testing"
)

// TestEveryAreaFitsASmallScreen opens every area with a record in it and
// holds the window's minimum size to a 1024×600 screen: an area larger
// than the window scrolls rather than pushing the window past the
// screen's edges and its buttons out of reach.
func TestEveryAreaFitsASmallScreen(t *testing.T) {
	w := openWindow(t, withCourse)
	check := func(what string) {
		t.Helper()
		if min := w.win.Content().MinSize(); min.Width > 1024 || min.Height > 600 {
			t.Errorf("%s: the window needs at least %.0f×%.0f, more than a 1024×600 screen", what, min.Width, min.Height)
		}
	}
	for i, a := range w.ws.areas {
		w.ws.nav.Select(i)
		check(a.name)
	}
	w.ws.nav.Select(0)
	w.ws.register.list.Select(0)
	check("Register, with an organisation open")
	w.ws.nav.Select(1)
	if tr := w.ws.trainings; len(tr.courses) > 0 {
		tr.list.Select(0)
	}
	check("Trainings, with a course open")
}
