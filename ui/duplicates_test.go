package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/ncm-register/ncm-register/data"
)

// withDuplicates holds one person entered twice, once under their name in
// capitals and surname first, and two organisations that are one.
func withDuplicates(s *data.Store) {
	ctx := context.Background()
	police := data.Organisation{Name: "Ministry of the Interior", Acronym: "MoI", Sector: "police"}
	again := data.Organisation{Name: "Ministry of Interior", Sector: "police", Phone: "+37322255555"}
	ngo := data.Organisation{Name: "La Strada", Sector: "ngo"}
	for _, o := range []*data.Organisation{&police, &again, &ngo} {
		if err := s.SaveOrganisation(ctx, o); err != nil {
			panic(err)
		}
	}
	for _, c := range []data.Contact{
		{OrganisationID: police.ID, Name: "José Pérez", Position: "Officer", Emails: []string{"jose@moi.example.org"}},
		{OrganisationID: police.ID, Name: "PEREZ Jose", Position: "Inspector", Phones: []string{"+37379123456"},
			Emails: []string{"j.perez@moi.example.org"}},
		{OrganisationID: ngo.ID, Name: "Ana Pop"},
	} {
		if err := s.SaveContact(ctx, &c); err != nil {
			panic(err)
		}
	}
}

func TestFindDuplicatesAndMergeTwoPeople(t *testing.T) {
	w := openWindow(t, withDuplicates)
	showDuplicates(w.ws.env)
	v := w.ws.env.shown.duplicates
	people, orgs := v.kinds[0], v.kinds[1]
	if len(people.pairs) != 1 || len(orgs.pairs) != 1 {
		t.Fatalf("%d pairs of people, %d of organisations; want one of each", len(people.pairs), len(orgs.pairs))
	}
	if got := reasonsText(people.pairs[0]); !strings.Contains(got, "same name") || !strings.Contains(got, "same organisation") {
		t.Errorf("the pair's reasons read %q", got)
	}
	if !strings.HasPrefix(people.tab.Text, "People (1)") {
		t.Errorf("tab %q", people.tab.Text)
	}
	if !people.merge.Disabled() {
		t.Error("Compare and merge is offered before a pair is chosen")
	}
	people.list.Select(0)
	test.Tap(people.merge)

	m := w.ws.env.shown.merge
	if m.values[0]["name"] != "José Pérez" {
		t.Fatalf("kept on the left: %q, want the older record", m.values[0]["name"])
	}
	var position, phones *mergeRow
	for _, r := range m.rows {
		switch r.field.Name {
		case "position":
			position = r
		case "phones":
			phones = r
		case "name", "sex":
		case "organisation_id":
			t.Error("the organisation, the same on both sides, is offered as a choice")
		}
	}
	if position == nil || phones == nil {
		t.Fatalf("rows %v: want position and phones to choose", m.rows)
	}
	if !position.ticks[0].Checked || position.ticks[1].Checked {
		t.Error("by default a field keeps the kept record's value")
	}
	if phones.ticks[0].Checked || !phones.ticks[1].Checked {
		t.Error("a field the kept record has empty takes the other's value")
	}
	for _, r := range m.rows {
		if r.field.Name == "emails" && !(r.ticks[0].Checked && r.ticks[1].Checked) {
			t.Error("a list keeps both sides' values unless the user says otherwise")
		}
		if r.field.Name == "consent_date" {
			t.Error("a field empty on both sides is offered")
		}
	}
	test.Tap(position.ticks[1])
	if position.ticks[0].Checked {
		t.Error("a one-value field kept both ticks")
	}
	test.Tap(m.merge)

	ctx := context.Background()
	kept, _ := w.store.Contact(ctx, m.left)
	gone, _ := w.store.Contact(ctx, m.right)
	if kept.Position != "Inspector" || !slices.Equal(kept.Phones, []string{"+37379123456"}) || kept.Name != "José Pérez" ||
		!slices.Equal(kept.Emails, []string{"jose@moi.example.org", "j.perez@moi.example.org"}) {
		t.Errorf("kept person %+v", kept)
	}
	if !gone.Archived {
		t.Error("the merged person is still in use")
	}
	if len(people.pairs) != 0 || !strings.HasPrefix(people.tab.Text, "People (0)") {
		t.Errorf("after the merge the list still has %d pairs (%q)", len(people.pairs), people.tab.Text)
	}
	if !strings.Contains(w.ws.message.Text, "Merged “PEREZ Jose” into “José Pérez”") {
		t.Errorf("status %q", w.ws.message.Text)
	}
	changes, _ := w.store.History(ctx, kept.ID)
	if lines := historyLines(changes, recordNames(w.store)); !contains(lines, "    Merged into this record: PEREZ Jose") {
		t.Errorf("the kept person's History does not show the merge: %q", lines)
	}
	if !strings.Contains(w.ws.undoItem.Label, "Merge contact") {
		t.Errorf("Undo offers %q, want the merge", w.ws.undoItem.Label)
	}
}

func TestMergeRefusedIsExplainedInTheDialog(t *testing.T) {
	w := openWindow(t, withDuplicates)
	showDuplicates(w.ws.env)
	orgs := w.ws.env.shown.duplicates.kinds[1]
	orgs.list.Select(0)
	test.Tap(orgs.merge)
	m := w.ws.env.shown.merge
	// The same two are merged meanwhile, the other way round.
	ctx := context.Background()
	if err := w.store.Merge(ctx, "organisation", m.right, m.left, nil); err != nil {
		t.Fatal(err)
	}
	test.Tap(m.merge)
	if !m.problem.Visible() || !strings.Contains(m.problem.Text, "merged into another already") {
		t.Errorf("problem shown %v %q, want the merge refused with why", m.problem.Visible(), m.problem.Text)
	}
	if len(orgs.pairs) != 1 {
		t.Error("a refused merge took the pair off the list")
	}
	// Marking a pair as not the same is remembered by the register.
	people := w.ws.env.shown.duplicates.kinds[0]
	people.list.Select(0)
	test.Tap(people.skip)
	if pairs, _ := w.store.Duplicates(ctx, true); len(pairs) != 0 || len(people.pairs) != 0 {
		t.Errorf("a pair marked not the same is found again: %+v", pairs)
	}
}
