//go:build ci || wasm || js || android || ios

package ui

import "fyne.io/fyne/v2"

// freeScreenArea is not known without a desktop driver (tests, phones, the
// web), where the window fills what it is given.
func freeScreenArea(fyne.Window) fyne.Size { return fyne.Size{} }
