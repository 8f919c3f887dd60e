package export

import (
	"context"

	"github.com/ncm-register/ncm-register/data"
)

// SilentAgencyItems are the member agencies that have not contributed to
// the open reply (the draft of the latest period), though its questionnaire
// asks agencies of their sector: a line of what needs attention each,
// opening the agency. None when no reply is open.
func SilentAgencyItems(ctx context.Context, s *data.Store) ([]data.AttentionItem, error) {
	replies, err := s.Replies(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range replies {
		if r.Status != "draft" {
			continue
		}
		t, err := TemplateOf(ctx, s, r.TemplateID, r.TemplateVersion)
		if err != nil {
			return nil, err
		}
		members, err := s.Members(ctx)
		if err != nil {
			return nil, err
		}
		contributions, err := s.Contributions(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		var out []data.AttentionItem
		for _, o := range SilentAgencies(t, members, contributions) {
			out = append(out, data.AttentionItem{Kind: data.AttentionAgencySilent, Entity: "organisation", ID: o.ID, Title: o.Name})
		}
		return out, nil
	}
	return nil, nil
}
