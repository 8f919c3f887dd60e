package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// pickCountry asks for a country of the ISO 3166 list, searched as the user
// types (names in the user's language, or codes).
func pickCountry(e *env, title string, onPick func(code string)) {
	all := data.Countries()
	shown := all
	search := widget.NewEntry()
	search.SetPlaceHolder(locale.L("Type part of the country's name or its code"))
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(codeLabel("country", shown[i]) + " (" + shown[i].Code + ")")
		})
	list.OnSelected = func(i widget.ListItemID) {
		d.Hide()
		onPick(shown[i].Code)
	}
	search.OnChanged = func(s string) {
		words := strings.Fields(data.Fold(s))
		shown = nil
		for _, c := range all {
			text := data.Fold(codeLabel("country", c) + " " + c.Code)
			ok := true
			for _, w := range words {
				ok = ok && strings.Contains(text, w)
			}
			if ok {
				shown = append(shown, c)
			}
		}
		list.UnselectAll()
		list.Refresh()
	}
	d = dialog.NewCustom(title, locale.L("Cancel"), container.NewBorder(search, nil, nil, nil, list), e.win)
	d.Resize(fyne.NewSize(520, 520))
	d.Show()
	e.win.Canvas().Focus(search)
}

// countryName is the translated name of a country code.
func countryName(code string) string {
	return labelOf("country", data.Countries(), code)
}
