package ui

import (
	"fmt"
	"image"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// FirstFrameVariable, when set in the environment, makes the program end as
// soon as its window's first frame is painted, printing "first frame": the
// whole process's time to its first frame can then be timed from outside
// (hyperfine), beside a bare Fyne window's (docs/performance.md).
const FirstFrameVariable = "NCM_FIRST_FRAME"

// markFirstFrame adds to content, when FirstFrameVariable is set, a one-pixel
// raster: Fyne asks a raster for its image only while painting it.
func markFirstFrame(content fyne.CanvasObject) fyne.CanvasObject {
	if os.Getenv(FirstFrameVariable) == "" {
		return content
	}
	var once sync.Once
	r := canvas.NewRaster(func(int, int) image.Image {
		once.Do(func() {
			fmt.Println("first frame")
			os.Exit(0)
		})
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	})
	r.Resize(fyne.NewSize(1, 1))
	return container.NewStack(content, container.NewWithoutLayout(r))
}
