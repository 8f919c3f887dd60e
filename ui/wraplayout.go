package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// wrapRow lays buttons or choices out in rows of equal cells that share the
// pane's width: as many to a row as fit at the widest one's size, so that a
// row of them never makes its pane wider than a small screen allows.
func wrapRow(objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(&wrapGrid{}, objects...)
}

// flowRow lays objects out at their own widths, left to right, going on to
// the next line where the pane ends (a toolbar of buttons of unlike width).
func flowRow(objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewRowWrapLayout(), objects...)
}

// wrapGrid is Fyne's GridWrap with cells that stretch to fill each row.
type wrapGrid struct {
	rows int // in the last layout; 0 before the first
}

func (g *wrapGrid) cell(objects []fyne.CanvasObject) (fyne.Size, int) {
	var cell fyne.Size
	n := 0
	for _, o := range objects {
		if o.Visible() {
			cell = cell.Max(o.MinSize())
			n++
		}
	}
	return cell, n
}

// MinSize is one cell wide, as tall as the rows the last layout needed.
func (g *wrapGrid) MinSize(objects []fyne.CanvasObject) fyne.Size {
	cell, n := g.cell(objects)
	if n == 0 {
		return fyne.Size{}
	}
	rows := max(g.rows, 1)
	pad := theme.Padding()
	return fyne.NewSize(cell.Width, cell.Height*float32(rows)+pad*float32(rows-1))
}

func (g *wrapGrid) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	cell, n := g.cell(objects)
	if n == 0 {
		return
	}
	pad := theme.Padding()
	cols := max(1, min(n, int((size.Width+pad)/(cell.Width+pad))))
	g.rows = (n + cols - 1) / cols
	width := (size.Width - pad*float32(cols-1)) / float32(cols)
	i := 0
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		row, col := i/cols, i%cols
		o.Move(fyne.NewPos(float32(col)*(width+pad), float32(row)*(cell.Height+pad)))
		o.Resize(fyne.NewSize(width, cell.Height))
		i++
	}
}
