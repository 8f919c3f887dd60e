package data

import (
	"os"
	"testing"

	"golang.org/x/text/language"

	"github.com/ncm-register/ncm-register/data/scratch"
)

func TestMain(m *testing.M) {
	ScryptWorkFactor = 10 // a passphrase a test sets need not resist guessing
	// Temporary files go to a scratch folder of the test's own, not the
	// user's cache folder.
	scratchRoot, err := os.MkdirTemp("", "ncm-scratch-")
	if err != nil {
		panic(err)
	}
	scratch.SetRoot(scratchRoot)
	// Lists are compared with English order whatever the machine's locale;
	// set once here, since tests run in parallel and the setting is global.
	SetCollationLanguage(language.English)
	code := m.Run()
	removeLargeRegister()
	removeEmptyRegister()
	os.RemoveAll(scratchRoot)
	os.Exit(code)
}
