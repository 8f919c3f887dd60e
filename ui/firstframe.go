package ui

import (
	"fmt"
	"image"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// FirstFrameVariable, when set in the environment, makes the program end as
// soon as its window's first frame is painted, printing "first frame": the
// whole process's time to its first frame can then be timed from outside
// (hyperfine), beside a bare Fyne window's (docs/performance.md).
const FirstFrameVariable = "NCM_FIRST_FRAME"

// firstFrame is closed once the window's first frame is painted, or after
// firstFrameLongest if it never is (a window kept hidden): work that would
// compete with the first frame for the processor waits for it.
type firstFrame struct {
	painted chan struct{}
	once    sync.Once
}

const firstFrameLongest = time.Second

func newFirstFrame() *firstFrame {
	f := &firstFrame{painted: make(chan struct{})}
	time.AfterFunc(firstFrameLongest, f.done)
	return f
}

func (f *firstFrame) done() { f.once.Do(func() { close(f.painted) }) }

// mark adds to content a one-pixel raster: Fyne asks a raster for its image
// only while painting it, so the first request is the first frame.
func (f *firstFrame) mark(content fyne.CanvasObject) fyne.CanvasObject {
	exit := os.Getenv(FirstFrameVariable) != ""
	r := canvas.NewRaster(func(int, int) image.Image {
		f.done()
		if exit {
			fmt.Println("first frame")
			os.Exit(0)
		}
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	})
	r.Resize(fyne.NewSize(1, 1))
	return container.NewStack(content, container.NewWithoutLayout(r))
}

// afterFirstFrame runs start once the first frame is painted. Tests replace
// it: Fyne's test driver paints only when asked for an image.
var afterFirstFrame = func(f *firstFrame, start func()) {
	go func() {
		<-f.painted
		start()
	}()
}
