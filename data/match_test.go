package data

import (
	"testing"
)

// matchCase is two records, whether they should match, and why.
type matchCase struct {
	a, b    MatchRecord
	match   bool
	reasons []string
}

// checkMatches puts b into a matcher and matches a against it.
func checkMatches(t *testing.T, people bool, cases []matchCase) {
	t.Helper()
	for _, tc := range cases {
		m := NewMatcher(people)
		tc.b.ID = "b"
		m.Add(tc.b)
		tc.a.ID = "a"
		got := m.Matches(tc.a)
		if (len(got) == 1) != tc.match {
			t.Errorf("%q and %q: matches %+v, want a match %v", tc.a.Name, tc.b.Name, got, tc.match)
			continue
		}
		if tc.match {
			assertReasons(t, tc.a.Name+" / "+tc.b.Name, got[0], tc.reasons)
		}
	}
}

func TestMatcherPeople(t *testing.T) {
	checkMatches(t, true, []matchCase{
		{MatchRecord{Name: "José Pérez"}, MatchRecord{Name: "PEREZ Jose"}, true, []string{"same_name"}},
		{MatchRecord{Name: "Иван Петров"}, MatchRecord{Name: "Ivan Petrov"}, true, []string{"same_name"}},
		{MatchRecord{Name: "María García López"}, MatchRecord{Name: "Maria Garcia"}, true, []string{"similar_name"}},
		{MatchRecord{Name: "José Peres"}, MatchRecord{Name: "Jose Pérez"}, true, []string{"similar_name"}},
		{MatchRecord{Name: "A. Smith", Emails: []string{"A.Smith@police.example.org"}},
			MatchRecord{Name: "Anna Smith", Emails: []string{"a.smith@police.example.org"}}, true, []string{"similar_name", "same_email"}},
		{MatchRecord{Name: "Director", Emails: []string{"office@lastrada.example.org"}},
			MatchRecord{Name: "Ion Rusu", Emails: []string{"office@lastrada.example.org"}}, true, []string{"same_email"}},
		{MatchRecord{Name: "Ana Pop", Organisation: "o1", Phones: []string{"+37322000000"}},
			MatchRecord{Name: "Ana Pop", Organisation: "o1", Phones: []string{"+37322000000"}}, true,
			[]string{"same_name", "same_phone", "same_organisation"}},
		// A shared switchboard number alone does not make two people one.
		{MatchRecord{Name: "Ana Pop", Phones: []string{"+37322000000"}},
			MatchRecord{Name: "Ion Rusu", Phones: []string{"+37322000000"}}, false, nil},
		{MatchRecord{Name: "Ion Rusu"}, MatchRecord{Name: "Ion Ceban"}, false, nil},
		{MatchRecord{Name: "Olga Ivanova"}, MatchRecord{Name: "Olga Petrova"}, false, nil},
		// A shared given name is no likeness.
		{MatchRecord{Name: "Elena Popescu"}, MatchRecord{Name: "Elena Rusu"}, false, nil},
	})
}

func TestMatcherOrganisations(t *testing.T) {
	checkMatches(t, false, []matchCase{
		{MatchRecord{Name: "Ministry of the Interior", Sector: "ministry"}, MatchRecord{Name: "Ministry of Interior", Sector: "ministry"},
			true, []string{"same_name"}},
		{MatchRecord{Name: "Министерство внутренних дел", Sector: "police"}, MatchRecord{Name: "Ministerstvo vnutrennikh del", Sector: "police"},
			true, []string{"same_name"}},
		{MatchRecord{Name: "Police", Acronym: "MVD", Sector: "police"}, MatchRecord{Name: "Ministerstvo Vnutrennikh Del", Sector: "police"},
			true, []string{"same_acronym"}},
		{MatchRecord{Name: "Ministry of the Interior", Sector: "ministry"}, MatchRecord{Name: "Ministry of Interior", Sector: "police"},
			true, []string{"same_name", "other_sector"}},
		{MatchRecord{Name: "Ministry of Interior", Acronym: "MoI", Sector: "ministry"}, MatchRecord{Name: "Ministry of the Interior", Sector: "ministry"},
			true, []string{"same_name", "same_acronym"}},
		{MatchRecord{Name: "La Strada", Sector: "ngo"}, MatchRecord{Name: "Caritas", Sector: "ngo"}, false, nil},
		{MatchRecord{Name: "Ministry of Labour", Sector: "ministry"}, MatchRecord{Name: "Ministry of Justice", Sector: "ministry"}, false, nil},
		// Branches of one service in two regions are two organisations.
		{MatchRecord{Name: "District Council East", Sector: "local_government"},
			MatchRecord{Name: "District Council Gagauzia", Sector: "local_government"}, false, nil},
	})
}

func assertReasons(t *testing.T, what string, m Match, want []string) {
	t.Helper()
	var got []string
	for _, r := range m.Reasons {
		got = append(got, r.Kind)
	}
	if len(got) != len(want) {
		t.Errorf("%s: reasons %v, want %v", what, got, want)
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s: reasons %v, want %v", what, got, want)
			return
		}
	}
	if m.Score < MatchThreshold || m.Score > 1 {
		t.Errorf("%s: score %.2f outside [threshold, 1]", what, m.Score)
	}
}

// TestDuplicatesFindsEachPairOnce runs the register's finder over people
// of which some are one person written three ways.
func TestDuplicatesFindsEachPairOnce(t *testing.T) {
	s := newStore(t)
	o := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	first := mustSaveContact(t, s, Contact{OrganisationID: o.ID, Name: "José Pérez"})
	second := mustSaveContact(t, s, Contact{OrganisationID: o.ID, Name: "PEREZ Jose"})
	mustSaveContact(t, s, Contact{OrganisationID: o.ID, Name: "Ana Pop"})
	third := mustSaveContact(t, s, Contact{OrganisationID: o.ID, Name: "Jose Perez Gomez"})
	archived := mustSaveContact(t, s, Contact{OrganisationID: o.ID, Name: "José Pérez"})
	if err := s.SetContactArchived(t.Context(), archived.ID, true); err != nil {
		t.Fatal(err)
	}
	pairs, err := s.Duplicates(t.Context(), true)
	if err != nil {
		t.Fatal(err)
	}
	want := map[[2]string]bool{{first.ID, second.ID}: true, {first.ID, third.ID}: true, {second.ID, third.ID}: true}
	if len(pairs) != len(want) {
		t.Fatalf("%d pairs %+v, want the three pairs of one person (the archived record left out)", len(pairs), pairs)
	}
	for _, p := range pairs {
		if !want[[2]string{p.A, p.B}] {
			t.Errorf("pair %s / %s not expected, or not older first", p.A, p.B)
		}
	}
	if pairs[0].Reasons[0].Kind != "same_name" {
		t.Errorf("the surest pair first: %+v", pairs[0])
	}
}

func TestPairsMarkedDistinctAreNotListedAgain(t *testing.T) {
	s := newStore(t)
	o := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	a := mustSaveContact(t, s, Contact{OrganisationID: o.ID, Name: "Elena Rusu"})
	b := mustSaveContact(t, s, Contact{OrganisationID: o.ID, Name: "Elena Rusu"})
	if pairs, _ := s.Duplicates(t.Context(), true); len(pairs) != 1 {
		t.Fatalf("namesakes in one agency: %d pairs, want 1", len(pairs))
	}
	if err := s.MarkDistinct(t.Context(), "contact", b.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if pairs, _ := s.Duplicates(t.Context(), true); len(pairs) != 0 {
		t.Errorf("a pair marked as two people is listed again: %+v", pairs)
	}
	if pairs, _ := s.Duplicates(t.Context(), false); len(pairs) != 0 {
		t.Errorf("organisations: %+v", pairs)
	}
}
