package export

import (
	"testing"

	"golang.org/x/text/language"
)

// TestFamilyForChoosesTheFontOfTheScript: DejaVu for Latin, Greek and
// Cyrillic; the Noto fallback or the CJK font for a text with a script
// DejaVu lacks, whatever Latin surrounds it; the first such script decides.
func TestFamilyForChoosesTheFontOfTheScript(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"", fontFamily},
		{"Ionuț Popescu", fontFamily},
		{"Ольга Иванова", fontFamily},
		{"Γιώργος Παπαδόπουλος", fontFamily},
		{"Nguyễn Thị Minh Khai", fontFamily},
		{"王伟", cjkFamily},
		{"Wang Wei (王伟)", cjkFamily},
		{"さくら", cjkFamily},
		{"김민준", cjkFamily},
		{"प्रिया शर्मा", scriptsFamily},
		{"Nino ნინო", scriptsFamily},
		{"Անի Հակոբյան", scriptsFamily},
		{"สมชาย", scriptsFamily},
		{"አበበ ቢቂላ", scriptsFamily},
		{"ঋতুপর্ণা", scriptsFamily},
		{"தமிழ்செல்வி", scriptsFamily},
		{"ნინო 王伟", scriptsFamily},
		{"王伟 ნინო", cjkFamily},
	} {
		if got := familyFor(c.text); got != c.want {
			t.Errorf("familyFor(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestUnshapedScriptsAreFound: the scripts the documents refuse are found
// anywhere in a text, and nothing else is taken for them.
func TestUnshapedScriptsAreFound(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Ahmed محمد", "Arabic"},
		{"דוד לוי", "Hebrew"},
		{"ܐܠܗܐ", "Syriac"},
		{"ދިވެހި", "Thaana"},
		{"ߒߞߏ", "N’Ko"},
		{"Ionuț Ольга Γιώργος 王伟 प्रिया ნინო", ""},
	} {
		s, found := unshapedIn(c.text)
		if s.name != c.want || found != (c.want != "") {
			t.Errorf("unshapedIn(%q) = %q, %v; want %q", c.text, s.name, found, c.want)
		}
	}
}

// TestADocumentsLanguageBringsItsFont: the words of a document in Georgian,
// Hindi or Chinese need the fallback of their script whatever the names
// say; a document in Arabic or Hebrew is refused like a name in them.
func TestADocumentsLanguageBringsItsFont(t *testing.T) {
	for _, c := range []struct{ tag, family, refused string }{
		{"en", fontFamily, ""}, {"fr", fontFamily, ""}, {"ru", fontFamily, ""}, {"el", fontFamily, ""},
		{"ka", scriptsFamily, ""}, {"hy", scriptsFamily, ""}, {"hi", scriptsFamily, ""}, {"am", scriptsFamily, ""},
		{"th", scriptsFamily, ""}, {"zh", cjkFamily, ""}, {"zh-Hant", cjkFamily, ""}, {"ja", cjkFamily, ""}, {"ko", cjkFamily, ""},
		{"ar", "", "Arabic"}, {"fa", "", "Arabic"}, {"ur", "", "Arabic"}, {"he", "", "Hebrew"}, {"dv", "", "Thaana"},
	} {
		family, u, bad := languageFamily(language.Make(c.tag))
		if family != c.family || u.name != c.refused || bad != (c.refused != "") {
			t.Errorf("%s: %q, refused %q %v; want %q, refused %q", c.tag, family, u.name, bad, c.family, c.refused)
		}
	}
}
