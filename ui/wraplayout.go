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
	return container.New(&tellsTaller{inner: &wrapGrid{}}, objects...)
}

// flowRow lays objects out at their own widths, left to right, going on to
// the next line where the pane ends (a toolbar of buttons of unlike width).
func flowRow(objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(&tellsTaller{inner: layout.NewRowWrapLayout()}, objects...)
}

// tellsTaller lays a wrapping row out again from the window down when
// wrapping changed its height. A wrapping row knows how many lines it needs
// only once it is laid out at its width, after the pane around it has
// shared out its height with the row's earlier guess: a row that then
// wrapped onto a second line ran over what lay below it (the buttons under
// a course's participants fell off a 600-pixel screen).
type tellsTaller struct {
	inner  fyne.Layout
	height float32 // the row's height after its last layout
}

// MinSize is, until the row is first laid out, one line: Fyne's RowWrap
// guesses a line per object, and a tab never shown (the attendance's
// toolbars) kept its guess and made every tab of its pane as tall.
func (l *tellsTaller) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if l.height != 0 {
		return l.inner.MinSize(objects)
	}
	var line fyne.Size
	for _, o := range objects {
		if o.Visible() {
			line = line.Max(o.MinSize())
		}
	}
	return line
}

func (l *tellsTaller) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.inner.Layout(objects, size)
	if size.Width <= 0 { // a hidden tab, laid out at no size: a line per object says nothing
		return
	}
	h := l.inner.MinSize(objects).Height
	changed := l.height != 0 && h != l.height
	l.height = h
	if !changed || len(objects) == 0 {
		return
	}
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(objects[0]); c != nil && c.Content() != nil {
			content := c.Content()
			fyne.Do(content.Refresh)
		}
	}
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
