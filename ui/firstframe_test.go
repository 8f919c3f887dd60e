package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestFirstFrameIsKnownWhenPainted: the work held back for the first frame
// is let go when the window's content is painted, not before.
func TestFirstFrameIsKnownWhenPainted(t *testing.T) {
	test.NewTempApp(t)
	f := newFirstFrame()
	content := f.mark(widget.NewLabel("The register"))
	select {
	case <-f.painted:
		t.Fatal("the first frame was taken as painted before anything was")
	default:
	}
	w := test.NewWindow(content)
	defer w.Close()
	w.Canvas().Capture() // the test driver paints when asked for an image
	select {
	case <-f.painted:
	default:
		t.Error("painting the window did not let the waiting work go")
	}
}
