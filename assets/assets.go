// Package assets holds the files built into the program: the icon and the
// translation files of the user interface. Translations are data: a new
// language is a new JSON file in translations/, not a new build of the code.
package assets

import "embed"

// IconPNG is the application icon.
//
//go:embed icon.png
var IconPNG []byte

// Translations holds translations/<language>.json, in go-i18n's JSON form.
//
//go:embed translations
var Translations embed.FS
