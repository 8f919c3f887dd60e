package ui

import "fyne.io/fyne/v2"

// windowSize is the size the main window opens at: it fits a 1366×768
// screen with its task bar, the commonest laptop screen.
var windowSize = fyne.NewSize(1200, 700)

// decorations is room kept for the window's title bar and borders, which
// the system draws outside the size a window asks for.
var decorations = fyne.NewSize(16, 40)

// fitWithin is the size a window that wants want takes on a screen whose
// free area (without task bars) is free: as wanted where it fits, else as
// large as the screen leaves room for. A zero free area (not known) leaves
// want as it is.
func fitWithin(want, free fyne.Size) fyne.Size {
	if free.Width <= 0 || free.Height <= 0 {
		return want
	}
	room := free.Subtract(decorations)
	return fyne.NewSize(min(want.Width, room.Width), min(want.Height, room.Height))
}

// fitToScreen shrinks the window to the screen it opens on, once it is
// shown (the screen's scale is known only then): on a 1024×600 netbook or
// a 1280×720 projector a window of the usual size would reach past the
// screen's edges, with the status bar and lower buttons out of reach.
func fitToScreen(w fyne.Window) {
	free := freeScreenArea(w)
	if size := fitWithin(windowSize, free); size != windowSize {
		w.Resize(size)
		w.CenterOnScreen()
	}
}
