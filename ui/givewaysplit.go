package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// giveWaySplit shows two panes side by side where the window is wide enough
// for both, and one above the other where it is not (a 1024×600 netbook,
// large text): the second pane moves under the first instead of running
// off the screen's right edge. The user's divider position is kept.
func giveWaySplit(leading, trailing fyne.CanvasObject, offset float64) fyne.CanvasObject {
	split := container.NewHSplit(leading, trailing)
	split.SetOffset(offset)
	return container.New(&giveWay{split: split}, split)
}

type giveWay struct {
	split *container.Split
}

// MinSize is that of the panes one above the other, the smaller width.
func (g *giveWay) MinSize([]fyne.CanvasObject) fyne.Size {
	a, b := g.split.Leading.MinSize(), g.split.Trailing.MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height+theme.Padding())
}

func (g *giveWay) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	a, b := g.split.Leading.MinSize(), g.split.Trailing.MinSize()
	beside := size.Width >= a.Width+b.Width+theme.Padding()*2
	if beside != g.split.Horizontal {
		g.split.Horizontal = beside
		g.split.Refresh()
	}
	g.split.Move(fyne.Position{})
	g.split.Resize(size)
}
