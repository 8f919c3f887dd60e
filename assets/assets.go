// Package assets holds the files built into the program: the icon, the
// translation files of the user interface, and the fonts of the documents
// it prints (DejaVu Sans, which has Latin with every accent, Cyrillic and
// Greek, and fallbacks for the scripts it lacks; their licences are in
// fonts/). Translations are data: a new
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

// FontRegular and FontBold are the fonts of the PDF documents.
var (
	//go:embed fonts/DejaVuSans.ttf
	FontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	FontBold []byte
)

// FontScriptsRegular and FontScriptsBold print the scripts DejaVu lacks
// that need no shaping to read (Armenian, Georgian, Thai, Lao, Ethiopic)
// and those that print letter by letter (Devanagari, Bengali, Tamil), with Noto
// Sans's Latin, Greek and Cyrillic beside them so that a name mixing
// scripts prints whole. fonts/make-fonts.sh says how they were made.
var (
	//go:embed fonts/NotoSansScripts-Regular.ttf
	FontScriptsRegular []byte
	//go:embed fonts/NotoSansScripts-Bold.ttf
	FontScriptsBold []byte
)

// Questionnaires holds the questionnaire templates (questionnaires/*.json):
// the default is ecosoc-2006-27.json.
//
//go:embed questionnaires
var Questionnaires embed.FS
