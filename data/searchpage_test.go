package data

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestFirstOrganisationsAreTheSearchsFirstRows checks the first screen,
// however it was found (every match read from the index, the list walked
// in memory, or a walk given up), against the whole search: the same rows
// in the same order, with the same people named.
func TestFirstOrganisationsAreTheSearchsFirstRows(t *testing.T) {
	s := sampleStore(t)
	ctx := t.Context()
	// Some of everything archived, so that the filter's choice matters.
	rows, err := s.Organisations(ctx, OrganisationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetOrganisationArchived(ctx, rows[3].ID, true); err != nil {
		t.Fatal(err)
	}
	people, err := s.Contacts(ctx, rows[5].ID, false)
	if err != nil || len(people) == 0 {
		t.Fatalf("no people at %s: %v", rows[5].Name, err)
	}
	if err := s.SetContactArchived(ctx, people[0].ID, true); err != nil {
		t.Fatal(err)
	}

	var terms []string
	for c := 'a'; c <= 'z'; c++ {
		terms = append(terms, string(c))
	}
	terms = append(terms, "jo", "jos", "jose", "an", "ma", "pop", "popescu", "ionuț", "IONUT", "мвд", "м", "speranta",
		"xyz", "ana p", "police north", "de", "o'", "—", "@", "gov", "inspect", "ț")
	filters := []OrganisationFilter{{}, {Sector: "police"}, {Archived: true}, {Mechanism: MechanismMembers}, {Level: "national", Archived: true}}

	check := func(t *testing.T) {
		walked := 0
		for _, term := range terms {
			for _, f := range filters {
				f.Query = term
				all, err := s.Organisations(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, n := range []int{1, 3, 10, FirstScreen} {
					got, complete, err := s.FirstOrganisations(ctx, f, n)
					if err != nil {
						t.Fatal(err)
					}
					want := all
					if !complete {
						if len(all) < n {
							t.Errorf("%q %+v, %d: said incomplete, but the search has %d rows", term, f, n, len(all))
							continue
						}
						want = all[:n]
						walked++
					}
					if d := cmp.Diff(want, got, cmpopts.EquateEmpty()); d != "" {
						t.Errorf("%q %+v, first %d (complete %v): (-search +first):\n%s", term, f, n, complete, d)
					}
				}
			}
		}
		if walked == 0 {
			t.Error("no first screen was cut short: the test does not reach the walk")
		}
	}
	t.Run("walked in memory", check)
	t.Run("walked after asking the index", func(t *testing.T) {
		old := firstWalkBudget
		firstWalkBudget = 0
		defer func() { firstWalkBudget = old }()
		check(t)
	})
	t.Run("after edits, the people patched", func(t *testing.T) {
		// The people are in memory now; each edit patches them.
		rows, err := s.Organisations(ctx, OrganisationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		from, to := rows[7], rows[len(rows)-2]
		people, err := s.Contacts(ctx, from.ID, false)
		if err != nil || len(people) < 2 {
			t.Fatalf("people at %s: %v, %v", from.Name, people, err)
		}
		moved := people[0]
		moved.OrganisationID = to.ID
		moved.Name = "Josefina Zubiri"
		if err := s.SaveContact(ctx, &moved); err != nil {
			t.Fatal(err)
		}
		mustSaveContact(t, s, Contact{OrganisationID: from.ID, Name: "Jolanta Popescu-Ionuț"})
		if err := s.SetContactArchived(ctx, people[1].ID, true); err != nil {
			t.Fatal(err)
		}
		terms = append(terms, "josefina", "zub", "jolanta", "popescu-ionut")
		check(t)
		got, _, err := s.FirstOrganisations(ctx, OrganisationFilter{Query: "josefina"}, FirstScreen)
		if err != nil || len(got) != 1 || got[0].ID != to.ID {
			t.Errorf("josefina, moved to %s: %+v, %v", to.Name, got, err)
		}
	})
	t.Run("walks given up", func(t *testing.T) {
		old, oldFirst := walkBudget, firstWalkBudget
		walkBudget, firstWalkBudget = 0, 0
		defer func() { walkBudget, firstWalkBudget = old, oldFirst }()
		check(t)
	})
}

func TestStartsAWord(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text, word string
		want       bool
	}{
		{"ana popescu", "pop", true},
		{"ana popescu", "esc", false},
		{"ana-maria popescu", "maria", true},
		{"jose.garcia@example.org", "garcia", true},
		{"jose.garcia@example.org", "example", true},
		{"xyzxyz", "xyz", true},
		{"axyz xyz", "xyz", true}, // found again after a match inside a word
		{"дмитрий козлов", "коз", true},
		{"дмитрий козлов", "озл", false},
		{"", "a", false},
		{"2025 plan", "202", true},
	} {
		if got := startsAWord(tt.text, tt.word); got != tt.want {
			t.Errorf("startsAWord(%q, %q) = %v, want %v", tt.text, tt.word, got, tt.want)
		}
	}
	if !matchesWords("ana popescu police", []string{"pol", "ana"}) || matchesWords("ana popescu", []string{"ana", "ion"}) {
		t.Error("every word must start a word of the text")
	}
}
