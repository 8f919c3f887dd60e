package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestWrapRowSharesTheWidthAndWraps(t *testing.T) {
	test.NewTempApp(t)
	a, b, c := widget.NewButton("Sign-in sheets…", nil), widget.NewButton("Certificates…", nil), widget.NewButton("List…", nil)
	row := wrapRow(a, b, c)
	cell := a.MinSize()

	row.Resize(fyne.NewSize(cell.Width*3+40, 100))
	if a.Position().Y != c.Position().Y || a.Size().Width != c.Size().Width || c.Size().Width < cell.Width {
		t.Errorf("wide: buttons at %v, %v; sizes %v, %v; want one row of equal cells", a.Position(), c.Position(), a.Size(), c.Size())
	}
	if got := row.MinSize(); got.Width > cell.Width+1 || got.Height > cell.Height+1 {
		t.Errorf("wide: the row needs %v, more than one cell", got)
	}

	row.Resize(fyne.NewSize(cell.Width*2+10, 100))
	if c.Position().Y <= a.Position().Y || c.Position().X != a.Position().X {
		t.Errorf("narrow: the third button is at %v, the first at %v; want it on the next line", c.Position(), a.Position())
	}
	if got := row.MinSize(); got.Height < cell.Height*2 {
		t.Errorf("narrow: the row says it needs %v, less than its two lines", got)
	}
}

// TestAWrappingRowNeverLaidOutAsksForOneLine: a row in a tab never shown
// (laid out at no size, or not at all) asks for one line, not a line per
// button, so that a hidden tab does not make its shown neighbours taller
// than a small screen; once laid out narrow it asks for what it wrapped to.
func TestAWrappingRowNeverLaidOutAsksForOneLine(t *testing.T) {
	test.NewTempApp(t)
	for name, newRow := range map[string]func(...fyne.CanvasObject) *fyne.Container{"flow": flowRow, "wrap": wrapRow} {
		buttons := []fyne.CanvasObject{widget.NewButton("Present", nil), widget.NewButton("Late", nil),
			widget.NewButton("Excused", nil), widget.NewButton("Absent", nil)}
		row := newRow(buttons...)
		line := buttons[0].MinSize().Height
		if got := row.MinSize().Height; got > line+1 {
			t.Errorf("%s, never laid out: asks for %v high, want one line (%v)", name, got, line)
		}
		row.Resize(fyne.NewSize(0, 0)) // a hidden tab
		if got := row.MinSize().Height; got > line+1 {
			t.Errorf("%s, laid out at no size: asks for %v high, want one line", name, got)
		}
		row.Resize(fyne.NewSize(buttons[2].MinSize().Width+10, 300)) // one button to a line
		if got := row.MinSize().Height; got < 4*line {
			t.Errorf("%s, laid out narrow: asks for %v high, want its four lines", name, got)
		}
	}
}

func TestGiveWaySplitStacksWhereThePanesDoNotFit(t *testing.T) {
	test.NewTempApp(t)
	form, list := widget.NewLabel("a form needing this much width"), widget.NewLabel("a list needing this much width too")
	both := giveWaySplit(form, list, 0.5)
	need := form.MinSize().Width + list.MinSize().Width

	both.Resize(fyne.NewSize(need+50, 300))
	split := both.(*fyne.Container).Objects[0].(*container.Split)
	if !split.Horizontal || list.Position().X <= form.Position().X {
		t.Errorf("wide: horizontal %v, list at %v; want the panes side by side", split.Horizontal, list.Position())
	}

	both.Resize(fyne.NewSize(need-50, 300))
	if split.Horizontal || list.Position().Y <= form.Position().Y {
		t.Errorf("narrow: horizontal %v, list at %v; want the list under the form", split.Horizontal, list.Position())
	}
	if got := both.MinSize().Width; got > need-50 {
		t.Errorf("the panes ask for %v wide, more than the narrow size", got)
	}
}

func TestWindowFitsTheScreenItOpensOn(t *testing.T) {
	for _, c := range []struct{ screen, want fyne.Size }{
		{fyne.NewSize(1920, 1040), windowSize},
		{fyne.NewSize(1366, 728), fyne.NewSize(1200, 688)}, // a task bar of 40
		{fyne.NewSize(1024, 570), fyne.NewSize(1024-decorations.Width, 570-decorations.Height)},
		{fyne.Size{}, windowSize}, // not known: as asked
	} {
		if got := fitWithin(windowSize, c.screen); got != c.want {
			t.Errorf("screen %v: window %v, want %v", c.screen, got, c.want)
		}
	}
}
