package ui

import (
	"os"
	"testing"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/data/scratch"
)

func TestMain(m *testing.M) {
	// Temporary files go to a scratch folder of the test's own, not the
	// user's cache folder.
	scratchRoot, err := os.MkdirTemp("", "ncm-scratch-")
	if err != nil {
		panic(err)
	}
	scratch.SetRoot(scratchRoot)
	data.ScryptWorkFactor = 10 // a passphrase a test sets need not resist guessing
	// The test driver runs fyne.Do on the calling goroutine, so background
	// work would touch widgets beside the test; run it in line instead.
	runAsync = func(work, land func()) {
		work()
		land()
	}
	afterFirstFrame = func(_ *firstFrame, start func()) { start() }
	code := m.Run()
	os.RemoveAll(scratchRoot)
	os.Exit(code)
}
