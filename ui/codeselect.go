package ui

import (
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
)

// codeSelect is a drop-down over a code list: it shows translated labels and
// gives back stable codes. An optional first choice stands for the empty code.
// Put w in layouts: the Select must be in the widget tree itself, not a
// wrapper, or its renderer is not the one that refreshes.
type codeSelect struct {
	w     *widget.Select
	codes []string
}

func newCodeSelect(listName string, list []data.Code, emptyLabel string, onChanged func(code string)) *codeSelect {
	cs := &codeSelect{}
	var labels []string
	if emptyLabel != "" {
		labels = append(labels, emptyLabel)
		cs.codes = append(cs.codes, "")
	}
	for _, c := range list {
		labels = append(labels, codeLabel(listName, c))
		cs.codes = append(cs.codes, c.Code)
	}
	cs.w = widget.NewSelect(labels, nil)
	cs.w.OnChanged = func(string) {
		if onChanged != nil {
			onChanged(cs.code())
		}
	}
	return cs
}

// code is the chosen code ("" when nothing or the empty choice is chosen).
func (cs *codeSelect) code() string {
	i := cs.w.SelectedIndex()
	if i < 0 {
		return ""
	}
	return cs.codes[i]
}

// setCode chooses code without calling OnChanged.
func (cs *codeSelect) setCode(code string) {
	on := cs.w.OnChanged
	cs.w.OnChanged = nil
	defer func() { cs.w.OnChanged = on }()
	for i, c := range cs.codes {
		if c == code {
			cs.w.SetSelectedIndex(i)
			return
		}
	}
	cs.w.ClearSelected()
}
