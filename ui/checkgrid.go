package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
)

// checkGrid is a set of check boxes over a code list laid out in as many
// columns as the pane has room for, for lists too long for one row (the
// sectors): on a narrow screen it gives way, one column under the other.
type checkGrid struct {
	codes   []string
	checks  []*widget.Check
	content fyne.CanvasObject
}

func newCheckGrid(listName string, list []data.Code, changed func()) *checkGrid {
	g := &checkGrid{}
	var objects []fyne.CanvasObject
	for _, c := range list {
		check := widget.NewCheck(codeLabel(listName, c), func(bool) { changed() })
		g.codes = append(g.codes, c.Code)
		g.checks = append(g.checks, check)
		objects = append(objects, check)
	}
	g.content = wrapRow(objects...)
	return g
}

// selected lists the checked codes in list order.
func (g *checkGrid) selected() []string {
	var out []string
	for i, c := range g.checks {
		if c.Checked {
			out = append(out, g.codes[i])
		}
	}
	return out
}

// set checks exactly the given codes, without calling back.
func (g *checkGrid) set(codes []string) {
	on := map[string]bool{}
	for _, c := range codes {
		on[c] = true
	}
	for i, c := range g.checks {
		cb := c.OnChanged
		c.OnChanged = nil
		c.SetChecked(on[g.codes[i]])
		c.OnChanged = cb
	}
}
