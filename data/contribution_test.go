package data

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestContributionsKeepWhoSaidWhat(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	police := mustSaveOrg(t, s, Organisation{Name: "Poliția de Frontieră", Sector: "border_police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "Centrul „Speranța”", Sector: "ngo"})
	r := Reply{TemplateID: "ecosoc-2006-27", From: "2025-01-01", To: "2025-12-31"}
	if err := s.CreateReply(ctx, &r); err != nil {
		t.Fatal(err)
	}
	first := []Contribution{{QuestionID: "D1", Narrative: "Two courses.", Figures: map[string]int{"training.courses": 2}},
		{QuestionID: "A10", Narrative: "late"}, {QuestionID: "A2", YesNo: "yes"}}
	if err := s.ImportContributions(ctx, r.ID, police.ID, "police.xlsx", first); err != nil {
		t.Fatal(err)
	}
	if err := s.ImportContributions(ctx, r.ID, ngo.ID, "ngo.xlsx", []Contribution{{QuestionID: "D1", Narrative: "One course."}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Contributions(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, c := range got {
		order = append(order, c.QuestionID+" "+c.OrganisationName)
	}
	want := []string{"A2 Poliția de Frontieră", "A10 Poliția de Frontieră", "D1 Centrul „Speranța”", "D1 Poliția de Frontieră"}
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if c := got[3]; c.FileName != "police.xlsx" || c.Figures["training.courses"] != 2 || c.ImportedAt == "" {
		t.Errorf("the police's D1 contribution: %+v", c)
	}

	// A corrected workbook replaces the agency's earlier answers, not the others'.
	if err := s.ImportContributions(ctx, r.ID, police.ID, "police-2.xlsx", []Contribution{{QuestionID: "D1", Narrative: "Three courses."}}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Contributions(ctx, r.ID)
	if len(got) != 2 || got[1].Narrative != "Three courses." || got[0].OrganisationName != "Centrul „Speranța”" {
		t.Errorf("after the corrected workbook: %+v", got)
	}
	if names := ContributingAgencies(got); !cmp.Equal(names, []string{"Centrul „Speranța”", "Poliția de Frontieră"}) {
		t.Errorf("contributing agencies %q", names)
	}

	// Undo takes the corrected workbook back whole.
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.Contributions(ctx, r.ID); len(got) != 4 {
		t.Errorf("after undo, %d contributions, want the 4 of before", len(got))
	}

	if err := s.FinaliseReply(ctx, r.ID, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.ImportContributions(ctx, r.ID, ngo.ID, "late.xlsx", nil); !errors.Is(err, ErrReplyFinal) {
		t.Errorf("a contribution to a final reply: %v", err)
	}

	// Reopened, the new draft starts with what the agencies said.
	draft, err := s.ReopenReply(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := s.Contributions(ctx, draft.ID)
	kept, _ := s.Contributions(ctx, r.ID)
	for i := range kept {
		kept[i].ReplyID = draft.ID
	}
	if diff := cmp.Diff(kept, again); diff != "" || len(again) != 4 {
		t.Errorf("the reopened draft's contributions (-final +draft):\n%s", diff)
	}
}

func TestTemplatesAreKeptInTheRegister(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tpl := StoredTemplate{TemplateID: "official", Version: "2027", Title: "Official questionnaire", Source: []byte(`{"id":"official"}`)}
	if err := s.SaveTemplate(ctx, tpl); err != nil {
		t.Fatal(err)
	}
	tpl.Source = []byte(`{"id":"official","v":2}`)
	if err := s.SaveTemplate(ctx, tpl); err != nil {
		t.Fatal(err)
	}
	list, err := s.Templates(ctx)
	if err != nil || len(list) != 1 || string(list[0].Source) != `{"id":"official","v":2}` {
		t.Fatalf("templates %+v, %v", list, err)
	}
	if _, err := s.Template(ctx, "official", "2026"); !errors.Is(err, ErrNotFound) {
		t.Errorf("another version: %v", err)
	}
	if err := s.SaveTemplate(ctx, StoredTemplate{TemplateID: "x"}); err == nil {
		t.Error("a template without a title was kept")
	}
}
