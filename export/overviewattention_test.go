package export

import (
	"context"
	"slices"
	"testing"
)

// TestTheAgenciesSilentOnTheOpenReply: the reply register asks the
// ministry, the police and the NGO; the police contributed: the other two
// need attention, each opening its agency; once the reply is final, none.
func TestTheAgenciesSilentOnTheOpenReply(t *testing.T) {
	r := newReplyRegister(t)
	ctx := context.Background()
	items, err := SilentAgencyItems(ctx, r.s)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
		if it.Entity != "organisation" || it.Title == "" {
			t.Errorf("%+v: does not open its agency", it)
		}
	}
	if !slices.Equal(ids, []string{r.ministry.ID, r.ngo.ID}) {
		t.Errorf("silent agencies %v, want the ministry and the NGO (the police contributed)", ids)
	}
	if err := FinaliseReply(ctx, r.s, r.tpl, r.reply.ID); err != nil {
		t.Fatal(err)
	}
	if items, err := SilentAgencyItems(ctx, r.s); err != nil || len(items) != 0 {
		t.Errorf("after finalising: %d items, %v; want none (no reply open)", len(items), err)
	}
}
