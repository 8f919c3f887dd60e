package locale

import (
	"testing"
	"time"
)

// TestFromFilesSpeaksTheGivenFiles: a translator over files of its own
// reads their strings, plurals (Russian's four forms too) and the
// language's dates, and leaves the program's own translators as they
// were.
func TestFromFilesSpeaksTheGivenFiles(t *testing.T) {
	fr, err := FromFiles(files, "t", "fr-CA")
	if err != nil {
		t.Fatal(err)
	}
	if fr.Code() != "fr" {
		t.Errorf("fr-CA from the files is %q, want fr", fr.Code())
	}
	if got := fr.L("Save"); got != "Enregistrer" {
		t.Errorf("Save: %q, want the file's Enregistrer", got)
	}
	if got := fr.L("{{.Name}} joined on {{.Day}}", map[string]any{"Name": "Ana", "Day": "3 mars"}); got != "Le 3 mars, Ana a rejoint" {
		t.Errorf("a template: %q", got)
	}
	if got := fr.N("{{.Count}} course", 1234); got != "1\u202f234 cours" {
		t.Errorf("a plural: %q", got)
	}
	if got := fr.LongDate(time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC)); got != "2 mars 2026" {
		t.Errorf("a date: %q", got)
	}
	ru, err := FromFiles(files, "t", "ru")
	if err != nil {
		t.Fatal(err)
	}
	if got := ru.N("{{.Count}} course", 5); got != "5 курсов" {
		t.Errorf("a Russian plural: %q", got)
	}
	// The program's translators do not read the test's files.
	if got := For("xx").L("Save"); got == "Enregistrer" {
		t.Error("the files given to FromFiles reached the program's own translators")
	}
}
