package locale

import (
	"sync"
	"testing"
)

// BenchmarkTheWindowsLanguageAtStart is what the window's start pays for
// its language before the first frame: the list of files and one
// language's strings (with English's), as Set("ru") reads them.
func BenchmarkTheWindowsLanguageAtStart(b *testing.B) {
	b.Cleanup(func() { Set("en") })
	for b.Loop() {
		loaded.once = sync.Once{}
		loaded.bundles, loaded.translators = sync.Map{}, sync.Map{}
		Set("ru")
		if L("Save") == "Save" {
			b.Fatal("Russian not read")
		}
	}
}
