package data

import (
	"context"
	"errors"
	"testing"
)

func TestReplyFinalisedFiguresDoNotMove(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police", MechanismRole: "chair"})
	if err := s.CreateReply(ctx, &Reply{TemplateID: "ecosoc-2006-27", From: "2025-12-31", To: "2025-01-01"}); err == nil {
		t.Error("a period ending before it begins was accepted")
	}
	r := Reply{TemplateID: "ecosoc-2006-27", TemplateVersion: "1.0", From: "2025-01-01", To: "2025-12-31"}
	if err := s.CreateReply(ctx, &r); err != nil {
		t.Fatal(err)
	}
	names := []string{"mechanism.members", "mechanism.members_by_sector"}
	live, err := s.ReplyFigures(ctx, r.ID, names)
	if err != nil || live["mechanism.members"].Total != 1 {
		t.Fatalf("live figures %+v, %v", live, err)
	}
	if err := s.SetAnswer(ctx, r.ID, Answer{QuestionID: "C1", Narrative: "The committee met four times."}); err != nil {
		t.Fatal(err)
	}
	if err := s.FinaliseReply(ctx, r.ID, names); err != nil {
		t.Fatal(err)
	}
	// The register changes after the reply was sent.
	mustSaveOrg(t, s, Organisation{Name: "NGO", Sector: "ngo", MechanismRole: "member"})
	frozen, err := s.ReplyFigures(ctx, r.ID, names)
	if err != nil || frozen["mechanism.members"].Total != 1 || len(frozen["mechanism.members_by_sector"].Rows) != 1 {
		t.Errorf("the finalised figures moved with the register: %+v, %v", frozen, err)
	}
	if err := s.SetAnswer(ctx, r.ID, Answer{QuestionID: "C1", Narrative: "changed"}); !errors.Is(err, ErrReplyFinal) {
		t.Errorf("answering a final reply: %v", err)
	}
	draft, err := s.ReopenReply(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	answers, _ := s.Answers(ctx, draft.ID)
	if draft.Status != "draft" || draft.ReopenedFrom != r.ID || answers["C1"].Narrative != "The committee met four times." {
		t.Errorf("reopened draft %+v with answers %+v", draft, answers)
	}
	again, _ := s.ReplyFigures(ctx, draft.ID, names)
	if again["mechanism.members"].Total != 2 {
		t.Errorf("the new draft should count the register as it is now: %+v", again)
	}
	if orig, _ := s.GetReply(ctx, r.ID); orig.Status != "final" {
		t.Error("reopening changed the final reply")
	}
}
