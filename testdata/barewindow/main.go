// Command barewindow is the yardstick of the program's start: a bare Fyne
// window of the same size, built with the same Fyne version, that ends when
// its first frame is painted (as the program does with NCM_FIRST_FRAME set).
// See docs/performance.md; it lives under testdata so that ./... leaves it out.
package main

import (
	"fmt"
	"image"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("org.ncmregister.barewindow")
	w := a.NewWindow("Bare window")
	var once sync.Once
	r := canvas.NewRaster(func(int, int) image.Image {
		once.Do(func() {
			fmt.Println("first frame")
			os.Exit(0)
		})
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	})
	r.Resize(fyne.NewSize(1, 1))
	w.SetContent(container.NewStack(widget.NewLabel("A bare window"), container.NewWithoutLayout(r)))
	w.Resize(fyne.NewSize(1200, 700))
	w.ShowAndRun()
}
