//go:build !ci && !wasm && !js && !android && !ios

package ui

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// freeScreenArea is the primary screen's area that task bars and docks
// leave free, in the window's units. It asks GLFW, which Fyne's desktop
// driver has started, and must run on the main thread (within fyne.Do).
func freeScreenArea(w fyne.Window) fyne.Size {
	m := glfw.GetPrimaryMonitor()
	scale := w.Canvas().Scale()
	if m == nil || scale <= 0 {
		return fyne.Size{}
	}
	_, _, width, height := m.GetWorkarea()
	return fyne.NewSize(float32(width)/scale, float32(height)/scale)
}
