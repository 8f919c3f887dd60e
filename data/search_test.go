package data

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Names of the search register's organisations.
const (
	orgInterior  = "Ministerio del Interior"
	orgPolicia   = "Policía Nacional — Brigada Central contra la Trata"
	orgMVD       = "МВД — Управление по борьбе с торговлей людьми"
	orgHellenic  = "Ελληνική Αστυνομία"
	orgLabourGR  = "ΥΠΟΥΡΓΕΙΟ ΕΡΓΑΣΙΑΣ" // written in capitals, which take no accents in Greek
	orgSperanta  = "Centrul „Speranța”"
	orgFemmes    = "Association Femmes Solidaires" // archived
	orgBorderOff = "Border Police Sector North"
)

// searchStore is a register made for the search tests: a few organisations
// in several scripts, with contacts, one archived organisation and one
// archived contact.
func searchStore(t *testing.T) *Store {
	t.Helper()
	s := newStore(t)
	if err := s.SetCountry(t.Context(), "ES"); err != nil {
		t.Fatal(err)
	}
	orgs := map[string]Organisation{}
	for _, o := range []Organisation{
		{Name: orgInterior, Acronym: "MININT", Sector: "ministry", Level: "national", Region: "Capital", MechanismRole: "chair"},
		{Name: orgPolicia, Acronym: "UCRIF", Sector: "police", Level: "national", Region: "Capital", MechanismRole: "member"},
		{Name: orgMVD, Acronym: "МВД", Sector: "police", Level: "national", Region: "Capital", MechanismRole: "member"},
		{Name: orgHellenic, Sector: "police", Level: "national", Region: "Αττική"},
		{Name: orgLabourGR, Sector: "ministry", Level: "national", Region: "Αττική", MechanismRole: "observer"},
		{Name: orgSperanta, Acronym: "CIS", Sector: "ngo", Level: "local", Region: "Bălți", MechanismRole: "member"},
		{Name: orgFemmes, Acronym: "AFS", Sector: "ngo", Level: "regional", Region: "North"},
		{Name: orgBorderOff, Sector: "border_police", Level: "regional", Region: "North"},
	} {
		orgs[o.Name] = mustSaveOrg(t, s, o)
	}
	for _, c := range []Contact{
		{OrganisationID: orgs[orgInterior].ID, Name: "José Pérez", Position: "Jefe de unidad", Emails: []string{"jose.perez@interior.example.org"}},
		{OrganisationID: orgs[orgInterior].ID, Name: "María García", Position: "Asesora jurídica"},
		{OrganisationID: orgs[orgSperanta].ID, Name: "Joselyn Martin", Emails: []string{"jmartin@cis.example.org"}},
		{OrganisationID: orgs[orgSperanta].ID, Name: "Ionuț Rusu", Position: "Asistent social"},
		{OrganisationID: orgs[orgHellenic].ID, Name: "Γιώργος Παπαδόπουλος", Position: "Αστυνόμος"},
		{OrganisationID: orgs[orgHellenic].ID, Name: "Ραΐσα Αϊβαλιώτη"},
		{OrganisationID: orgs[orgMVD].ID, Name: "Ольга Иванова", Position: "Следователь"},
		{OrganisationID: orgs[orgPolicia].ID, Name: "Zygmunt Archiwalny", Position: "Inspector"}, // archived below
	} {
		c = mustSaveContact(t, s, c)
		if c.Name == "Zygmunt Archiwalny" {
			if err := s.SetContactArchived(t.Context(), c.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.SetOrganisationArchived(t.Context(), orgs[orgFemmes].ID, true); err != nil {
		t.Fatal(err)
	}
	return s
}

// byName sorts names the way the list does in English, to write the
// expected lists of the tests in any order.
func byName(names ...string) []string {
	out := append([]string(nil), names...)
	sortBy(out, func(s string) string { return s })
	if len(out) == 0 {
		return nil
	}
	return out
}

func TestSearchQuery(t *testing.T) {
	t.Parallel()
	s := searchStore(t)
	tests := []struct {
		query string
		want  []string
	}{
		// Accents and case, in Latin, Cyrillic and Greek letters.
		{"jose", byName(orgInterior, orgSperanta)}, // José Pérez, Joselyn Martin
		{"JOSÉ", byName(orgInterior, orgSperanta)},
		{"Jose", byName(orgInterior, orgSperanta)},
		{"perez", byName(orgInterior)},
		{"PÉREZ", byName(orgInterior)},
		{"policia", byName(orgPolicia)},
		{"speranta", byName(orgSperanta)},
		{"speranța", byName(orgSperanta)},
		{"ionut", byName(orgSperanta)},
		{"balti", byName(orgSperanta)}, // its region
		{"мвд", byName(orgMVD)},
		{"МВД", byName(orgMVD)},
		{"управление", byName(orgMVD)},
		{"ольга", byName(orgMVD)},
		{"ΟΛΓΑ", nil}, // Greek letters do not find a Cyrillic name
		{"ελληνική", byName(orgHellenic)},
		{"ελληνικη", byName(orgHellenic)},
		{"ΕΛΛΗΝΙΚΗ", byName(orgHellenic)},
		{"αστυνομια", byName(orgHellenic)},
		{"γιωργος", byName(orgHellenic)},
		{"Γιώργος", byName(orgHellenic)},
		{"παπαδοπ", byName(orgHellenic)},
		{"ραισα", byName(orgHellenic)}, // Ραΐσα: diaeresis and accent on one letter
		{"ΡΑΪΣΑ", byName(orgHellenic)},
		{"αιβαλιωτη", byName(orgHellenic)}, // Αϊβαλιώτη: diaeresis and accent on two
		{"αϊβαλ", byName(orgHellenic)},
		{"υπουργείο", byName(orgLabourGR)}, // accented as written in lower case, stored in capitals
		{"Υπουργείο Εργασίας", byName(orgLabourGR)},
		{"αττικη", byName(orgHellenic, orgLabourGR)},
		// Prefixes, as the user types.
		{"j", byName(orgInterior, orgSperanta)}, // also jmartin@…
		{"jo", byName(orgInterior, orgSperanta)},
		{"jos", byName(orgInterior, orgSperanta)},
		{"josel", byName(orgSperanta)},
		{"min", byName(orgInterior)},
		// Several words: all must start words of one record.
		{"jose perez", byName(orgInterior)},
		{"perez jose", byName(orgInterior)},
		{"jose garcia", nil}, // two different contacts
		{"border north", byName(orgBorderOff)},
		{"  border   north  ", byName(orgBorderOff)},
		// Contacts' e-mails and positions.
		{"jose.perez@interior.example.org", byName(orgInterior)},
		{"interior.example", byName(orgInterior)},
		{"asesora", byName(orgInterior)},
		{"cis", byName(orgSperanta)}, // acronym and e-mail domain
		// Archived records stay out of the default list.
		{"femmes", nil},
		{"zygmunt", nil},
		// Nothing matches.
		{"xyz", nil},
		{"joseph", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rows, err := s.Organisations(t.Context(), OrganisationFilter{Query: tt.query})
			if err != nil {
				t.Fatalf("Organisations(%q): %v", tt.query, err)
			}
			if d := cmp.Diff(tt.want, rowNames(rows)); d != "" {
				t.Errorf("Organisations(%q) (-want +got):\n%s", tt.query, d)
			}
		})
	}
}

func TestSearchMatchedContacts(t *testing.T) {
	t.Parallel()
	s := searchStore(t)
	tests := []struct {
		filter OrganisationFilter
		want   map[string][]string // organisation → matched contacts
	}{
		{OrganisationFilter{Query: "jos"}, map[string][]string{orgInterior: {"José Pérez"}, orgSperanta: {"Joselyn Martin"}}},
		{OrganisationFilter{Query: "jose.perez@interior"}, map[string][]string{orgInterior: {"José Pérez"}}},
		// Found by its own name: no contact to show.
		{OrganisationFilter{Query: "ministerio"}, map[string][]string{orgInterior: nil}},
		// Found by contacts' positions (Latin "as" does not start Greek "Αστυνόμος").
		{OrganisationFilter{Query: "as"}, map[string][]string{
			orgInterior: {"María García"}, orgSperanta: {"Ionuț Rusu"}}},
		// An archived contact is found only when archived records are asked for.
		{OrganisationFilter{Query: "zygmunt"}, map[string][]string{}},
		{OrganisationFilter{Query: "zygmunt", Archived: true}, map[string][]string{orgPolicia: {"Zygmunt Archiwalny"}}},
		// No query: nothing to explain.
		{OrganisationFilter{Sector: "ngo"}, map[string][]string{orgSperanta: nil}},
	}
	for _, tt := range tests {
		t.Run(tt.filter.Query, func(t *testing.T) {
			rows, err := s.Organisations(t.Context(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{}
			for _, r := range rows {
				sort.Strings(r.MatchedContacts)
				got[r.Name] = r.MatchedContacts
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("matched contacts (-want +got):\n%s", d)
			}
		})
	}
}

func TestSearchMatchedContactsAreBounded(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	org := mustSaveOrg(t, s, Organisation{Name: "Hotline", Sector: "ngo"})
	for _, name := range []string{"Ana Uno", "Ana Dos", "Ana Tres", "Ana Cuatro", "Ana Cinco"} {
		mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: name})
	}
	rows, err := s.Organisations(t.Context(), OrganisationFilter{Query: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || len(rows[0].MatchedContacts) != maxMatchedContactsShown {
		t.Fatalf("got %+v, want one row naming %d contacts", rows, maxMatchedContactsShown)
	}
}

func TestSearchSyntaxIsNeverAnError(t *testing.T) {
	t.Parallel()
	s := searchStore(t)
	all, err := s.Organisations(t.Context(), OrganisationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string
	}{
		// Only punctuation, symbols or spaces.
		{`"`, nil},
		{`*`, nil},
		{`(`, nil},
		{`-`, nil},
		{`?!…—«»`, nil},
		{`""*()^:+-{}[]`, nil},
		{"\x00\xff\xfe", nil},  // not UTF-8
		{"   ", rowNames(all)}, // spaces are no query at all
		// FTS5 operators and syntax around words are read as words.
		{`jose*`, byName(orgInterior, orgSperanta)},
		{`"jose`, byName(orgInterior, orgSperanta)},
		{`jose"`, byName(orgInterior, orgSperanta)},
		{`"jose perez"`, byName(orgInterior)},
		{`(jose)`, byName(orgInterior, orgSperanta)},
		{`-jose`, byName(orgInterior, orgSperanta)},
		{`^jose`, byName(orgInterior, orgSperanta)},
		{`name:jose`, nil},                     // "name" is not a word of these records
		{`jose OR perez`, byName(orgInterior)}, // "or" starts "org" of José's e-mail
		{`jose AND perez`, nil},
		{`NOT jose`, nil},
		{`NEAR(jose perez)`, nil},
		{`AND`, nil},
		{`OR`, byName(orgInterior, orgSperanta)}, // …@….example.org
		{`{name acronym}: mvd`, nil},
		{`jose' OR 1=1 --`, nil},
		{`%_\`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			for _, archived := range []bool{false, true} {
				rows, err := s.Organisations(t.Context(), OrganisationFilter{Query: tt.query, Archived: archived})
				if err != nil {
					t.Fatalf("Organisations(%q, archived %v): %v", tt.query, archived, err)
				}
				if !archived {
					if d := cmp.Diff(tt.want, rowNames(rows)); d != "" {
						t.Errorf("Organisations(%q) (-want +got):\n%s", tt.query, d)
					}
				}
			}
		})
	}
}

func TestSearchFilters(t *testing.T) {
	t.Parallel()
	s := searchStore(t)
	tests := []struct {
		name   string
		filter OrganisationFilter
		want   []string
	}{
		{"everything not archived", OrganisationFilter{},
			byName(orgInterior, orgPolicia, orgMVD, orgHellenic, orgLabourGR, orgSperanta, orgBorderOff)},
		{"with archived", OrganisationFilter{Archived: true},
			byName(orgInterior, orgPolicia, orgMVD, orgHellenic, orgLabourGR, orgSperanta, orgBorderOff, orgFemmes)},
		{"sector", OrganisationFilter{Sector: "police"}, byName(orgPolicia, orgMVD, orgHellenic)},
		{"sector without organisations", OrganisationFilter{Sector: "media"}, nil},
		{"sector, archived included", OrganisationFilter{Sector: "ngo", Archived: true}, byName(orgSperanta, orgFemmes)},
		{"level", OrganisationFilter{Level: "regional"}, byName(orgBorderOff)},
		{"region", OrganisationFilter{Region: "Αττική"}, byName(orgHellenic, orgLabourGR)},
		{"mechanism members", OrganisationFilter{Mechanism: MechanismMembers},
			byName(orgInterior, orgPolicia, orgMVD, orgLabourGR, orgSperanta)},
		{"not in the mechanism", OrganisationFilter{Mechanism: MechanismNone}, byName(orgHellenic, orgBorderOff)},
		{"not in the mechanism, archived included", OrganisationFilter{Mechanism: MechanismNone, Archived: true},
			byName(orgHellenic, orgBorderOff, orgFemmes)},
		{"chair", OrganisationFilter{Mechanism: "chair"}, byName(orgInterior)},
		{"observer", OrganisationFilter{Mechanism: "observer"}, byName(orgLabourGR)},
		{"sector and mechanism", OrganisationFilter{Sector: "police", Mechanism: MechanismNone}, byName(orgHellenic)},
		{"query and sector", OrganisationFilter{Query: "jose", Sector: "ngo"}, byName(orgSperanta)},
		{"query and region", OrganisationFilter{Query: "jose", Region: "Capital"}, byName(orgInterior)},
		{"query and level, nothing left", OrganisationFilter{Query: "jose", Level: "regional"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := s.Organisations(t.Context(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, rowNames(rows)); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
			for _, r := range rows {
				if r.Archived != (r.Name == orgFemmes) {
					t.Errorf("%s: Archived = %v", r.Name, r.Archived)
				}
			}
		})
	}
}

func TestListOrderFollowsCollation(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	names := []string{"fabien", "Zoë", "Émile", "eddy", "Ölander", "adam", "Ábel", "Olga", "EMMA"}
	for _, n := range names {
		mustSaveOrg(t, s, Organisation{Name: n, Sector: "other"})
	}
	rows, err := s.Organisations(t.Context(), OrganisationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// Accented letters sort with their base letter, case is ignored; byte
	// order would put "Émile", "Ábel" and "Ölander" after "fabien" and "Zoë".
	want := []string{"Ábel", "adam", "eddy", "Émile", "EMMA", "fabien", "Ölander", "Olga", "Zoë"}
	if d := cmp.Diff(want, rowNames(rows)); d != "" {
		t.Errorf("order (-want +got):\n%s", d)
	}

	regions, err := s.Regions(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if regions != nil {
		t.Errorf("Regions() = %q, want none", regions)
	}
}

func TestRegionsAndCount(t *testing.T) {
	t.Parallel()
	s := searchStore(t)
	regions, err := s.Regions(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	// Regions of archived organisations stay offered ("North").
	if d := cmp.Diff([]string{"Bălți", "Capital", "North", "Αττική"}, regions); d != "" {
		t.Errorf("Regions (-want +got):\n%s", d)
	}
	c, err := s.Count(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Organisations: 7, Contacts: 7}); c != want {
		t.Errorf("Count = %+v, want %+v (archived records are not counted)", c, want)
	}
}

func TestMatchQuery(t *testing.T) {
	t.Parallel()
	tests := []struct{ typed, want string }{
		{"", ""},
		{"  ", ""},
		{"?!", ""},
		{"jo", `"jo"*`},
		{"José  PÉR", `"jose"* AND "per"*`},
		{`"jose" OR (perez)*`, `"jose"* AND "or"* AND "perez"*`},
		{"jose.perez@interior", `"jose"* AND "perez"* AND "interior"*`},
		{"мвд", `"мвд"*`},
		{"Γιά", `"για"*`},
		{"ΚΩ", `"κω"*`},
		{"Łukasz Jørgensen", `"lukasz"* AND "jorgensen"*`},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			if got := matchQuery(tt.typed); got != tt.want {
				t.Errorf("matchQuery(%q) = %s, want %s", tt.typed, got, tt.want)
			}
		})
	}
}

// A letter SQLite's tokenizer does not know as one (FuzzMatchQuery found
// U+1CF3) makes the search find nothing, in the list and in the pickers.
func TestALetterTheIndexDoesNotKnowFindsNothing(t *testing.T) {
	s := newStore(t)
	mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	if rows, err := s.Organisations(t.Context(), OrganisationFilter{Query: "ᳳaᳳa"}); err != nil || len(rows) != 0 {
		t.Errorf("the list: %v, %v", rows, err)
	}
	if hits, err := s.SearchContacts(t.Context(), "ᳳaᳳa", 10); err != nil || len(hits) != 0 {
		t.Errorf("the pickers: %v, %v", hits, err)
	}
}

// TestArchivedPeopleAreFoundWhenAsked: the person pickers and the sign-in
// sheet find people who have left (archived, or of an archived
// organisation), after the current ones and marked; a person merged into
// another is not found, the kept one is.
func TestArchivedPeopleAreFoundWhenAsked(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	closed := mustSaveOrg(t, s, Organisation{Name: "Closed Centre", Sector: "ngo"})
	mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Rusu"})
	left := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Ceban"})
	mustSaveContact(t, s, Contact{OrganisationID: closed.ID, Name: "Ana Lungu"})
	twice := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Moraru"})
	kept := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Moraru"})
	if err := s.SetContactArchived(ctx, left.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetOrganisationArchived(ctx, closed.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.Merge(ctx, "contact", kept.ID, twice.ID, nil); err != nil {
		t.Fatal(err)
	}
	hits, err := s.SearchPeople(ctx, "ana", 20)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		mark := ""
		if h.Archived {
			mark = " (archived)"
		}
		got = append(got, h.Name+mark)
	}
	want := []string{"Ana Moraru", "Ana Rusu", "Ana Ceban (archived)", "Ana Lungu (archived)"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("found %v, want %v", got, want)
	}
	if hits, _ := s.SearchContacts(ctx, "ana", 20); len(hits) != 2 {
		t.Errorf("the Register's own search finds %d, want the two current people", len(hits))
	}
}
