package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// TestEveryAreaFitsASmallScreen opens every area with a record in it, in the
// window a 1024×600 screen leaves room for, and holds each area to the space
// the window gives it: an area needing more would be reached only by
// scrolling sideways, with its buttons and side pane out of sight.
func TestEveryAreaFitsASmallScreen(t *testing.T) {
	w := openSample(t)
	for _, screen := range []fyne.Size{fyne.NewSize(1024, 600), fyne.NewSize(1366, 768)} {
		win := fitWithin(windowSize, screen)
		w.win.Resize(win)
		if min := w.win.Content().MinSize(); min.Width > win.Width || min.Height > win.Height {
			t.Errorf("%v screen: the window needs at least %.0f×%.0f, more than its %.0f×%.0f", screen, min.Width, min.Height, win.Width, win.Height)
		}
		for i, a := range w.ws.areas {
			w.ws.nav.Select(i)
			if l := areaList(w.ws, i); l != nil && l.Length() > 0 {
				l.Select(0)
			}
			if i == 1 { // a course's tabs, each laid out as the user opens it
				for tab := range w.ws.trainings.tabs.Items {
					w.ws.trainings.tabs.SelectIndex(tab)
				}
				w.ws.trainings.tabs.SelectIndex(0)
			}
			room := w.ws.center.Size()
			if min := a.content().MinSize(); min.Width > room.Width || min.Height > room.Height {
				t.Errorf("%v screen: %s, with a record open, needs %.0f×%.0f; the window gives it %.0f×%.0f",
					screen, a.name, min.Width, min.Height, room.Width, room.Height)
			}
		}
	}
}

// areaList is the list of records of area i, if it has one.
func areaList(ws *workspace, i int) *widget.List {
	switch ws.areas[i].content() {
	case ws.register.content:
		ws.register.waitLoaded()
		return ws.register.list
	case ws.trainings.content:
		return ws.trainings.list
	case ws.campaigns.content:
		return ws.campaigns.list
	case ws.plan.content:
		return ws.plan.list
	case ws.agreements.content:
		return ws.agreements.list
	case ws.questions.content:
		return ws.questions.list
	}
	return nil
}

// TestAreasAreBuiltWhenFirstOpened: the window shows with the Register
// alone built; an area is built, with its records, when first opened, and
// a change of the register does not build the areas not yet opened.
func TestAreasAreBuiltWhenFirstOpened(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.db")
	if err := makeSample(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	w := startLazily(t, path)
	ws := w.ws
	if ws.trainings != nil || ws.questions != nil || ws.settings != nil || ws.register.form != nil {
		t.Fatal("areas other than the Register, or the organisation's form, were built before the window showed")
	}
	ws.register.list.Select(0)
	ws.register.form.acronym.SetText("XYZ")
	if !ws.register.form.Save() || ws.trainings != nil {
		t.Fatalf("a change of the register built the Trainings (%v)", ws.trainings != nil)
	}
	ws.nav.Select(areaTrainings)
	if ws.trainings == nil || len(ws.trainings.courses) == 0 || ws.center.Objects[0].(*container.Scroll).Content != ws.trainings.content {
		t.Fatal("opening the Trainings did not build and show them with their courses")
	}
	if ws.areas[areaTrainings].stale {
		t.Error("an area just built is marked stale")
	}
}
