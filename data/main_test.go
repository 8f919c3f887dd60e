package data

import (
	"os"
	"testing"

	"golang.org/x/text/language"
)

func TestMain(m *testing.M) {
	// Lists are compared with English order whatever the machine's locale;
	// set once here, since tests run in parallel and the setting is global.
	SetCollationLanguage(language.English)
	code := m.Run()
	removeLargeRegister()
	removeEmptyRegister()
	os.Exit(code)
}
