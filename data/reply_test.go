package data

import (
	"context"
	"errors"
	"strings"
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
	if err := s.FinaliseReply(ctx, r.ID, names, []byte(`{"state":"Moldova"}`)); err != nil {
		t.Fatal(err)
	}
	if doc, err := s.FrozenDocument(ctx, r.ID); err != nil || string(doc) != `{"state":"Moldova"}` {
		t.Errorf("the document kept with the final reply: %q, %v", doc, err)
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
	if doc, err := s.FrozenDocument(ctx, draft.ID); err != nil || doc != nil {
		t.Errorf("a draft has a frozen document: %q, %v", doc, err)
	}
	again, _ := s.ReplyFigures(ctx, draft.ID, names)
	if again["mechanism.members"].Total != 2 {
		t.Errorf("the new draft should count the register as it is now: %+v", again)
	}
	if orig, _ := s.GetReply(ctx, r.ID); orig.Status != "final" {
		t.Error("reopening changed the final reply")
	}
}

func TestCopyAnswersKeepsWhatTheDraftHas(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	last := Reply{TemplateID: "ecosoc-2006-27", From: "2024-01-01", To: "2024-12-31"}
	this := Reply{TemplateID: "ecosoc-2006-27", From: "2025-01-01", To: "2025-12-31"}
	for _, r := range []*Reply{&last, &this} {
		if err := s.CreateReply(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []Answer{{QuestionID: "A1", YesNo: "yes", Narrative: "Ratified in 2005."},
		{QuestionID: "A2", Narrative: "Article 165 of the Criminal Code."}, {QuestionID: "H3", Narrative: "Funding."}} {
		if err := s.SetAnswer(ctx, last.ID, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetAnswer(ctx, this.ID, Answer{QuestionID: "H3", Narrative: "Data sharing."}); err != nil {
		t.Fatal(err)
	}
	n, err := s.CopyAnswers(ctx, last.ID, this.ID)
	if err != nil || n != 2 {
		t.Fatalf("copied %d, %v; want 2", n, err)
	}
	got, _ := s.Answers(ctx, this.ID)
	if got["A1"].YesNo != "yes" || got["A2"].Narrative != "Article 165 of the Criminal Code." || got["H3"].Narrative != "Data sharing." {
		t.Errorf("answers after the copy: %+v", got)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.Answers(ctx, this.ID); len(got) != 1 {
		t.Errorf("undo left %d answers, want the 1 of before", len(got))
	}
}

func TestOnlyDraftRepliesAreArchived(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	draft := Reply{TemplateID: "ecosoc-2006-27", From: "2025-01-01", To: "2025-12-31"}
	final := Reply{TemplateID: "ecosoc-2006-27", From: "2024-01-01", To: "2024-12-31"}
	for _, r := range []*Reply{&draft, &final} {
		if err := s.CreateReply(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.FinaliseReply(ctx, final.ID, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.SetReplyArchived(ctx, final.ID, true); !errors.Is(err, ErrReplyFinal) {
		t.Errorf("archiving a final reply: %v", err)
	}
	if err := s.SetReplyArchived(ctx, draft.ID, true); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Replies(ctx); len(list) != 1 || list[0].ID != final.ID {
		t.Errorf("replies after archiving the draft: %+v", list)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Replies(ctx); len(list) != 2 {
		t.Errorf("undo did not bring the draft back: %d replies", len(list))
	}
}

func TestAnAnswerLongerThanASpreadsheetCellIsRefused(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	r := Reply{TemplateID: "ecosoc-2006-27", From: "2025-01-01", To: "2025-12-31"}
	if err := s.CreateReply(ctx, &r); err != nil {
		t.Fatal(err)
	}
	full := strings.Repeat("ж", MaxTextLength)
	if err := s.SetAnswer(ctx, r.ID, Answer{QuestionID: "H3", Narrative: full}); err != nil {
		t.Fatalf("an answer of exactly %d characters is refused: %v", MaxTextLength, err)
	}
	// An emoji counts twice, as spreadsheets count it.
	err := s.SetAnswer(ctx, r.ID, Answer{QuestionID: "H3", Narrative: full[:len(full)-len("ж")] + "🙂"})
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a validation error", err)
	}
	fe, ok := ve.For("narrative")
	if !ok || fe.Key != "error.too_long" || !strings.Contains(fe.Message(), "32768") {
		t.Errorf("problem %+v (%q), want error.too_long with the length 32768", fe, fe.Message())
	}
	if got, _ := s.Answers(ctx, r.ID); got["H3"].Narrative != full {
		t.Errorf("the refused answer replaced the one kept (%d characters kept)", len([]rune(got["H3"].Narrative)))
	}
}
