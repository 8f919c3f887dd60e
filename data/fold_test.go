package data

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"  José  PÉREZ ": "jose perez", "Łukasz Jørgensen": "lukasz jorgensen", "Straße": "strasse",
		"ΕΛΛΗΝΙΚΉ Αστυνομία": "ελληνικη αστυνομια", "МВД": "мвд", "Đorđe": "dorde", "Ionuț": "ionut",
		"plain ascii": "plain ascii", "": "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
