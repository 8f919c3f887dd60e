package ui

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	// The test driver runs fyne.Do on the calling goroutine, so background
	// work would touch widgets beside the test; run it in line instead.
	runAsync = func(work, land func()) {
		work()
		land()
	}
	os.Exit(m.Run())
}
