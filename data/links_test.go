package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestUpgradeMovesReferenceListsIntoLinkTables writes every list of
// references the way schema 14 kept them (ids one per line in a text
// column) and opens the file with this program: each list reads back
// whole and in order, the old columns are gone, SQLite's foreign keys now
// guard the links, and an id that pointed at nothing is left out with the
// History saying so.
func TestUpgradeMovesReferenceListsIntoLinkTables(t *testing.T) {
	ctx := t.Context()
	path, old := oldRegister(t, 14)
	for _, q := range []string{
		`INSERT INTO organisation (id, name, name_key, sector, created_at, updated_at) VALUES
		 ('o1', 'Police', 'police', 'police', 't', 't'), ('o2', 'La Strada', 'la strada', 'ngo', 't', 't'),
		 ('o3', 'IOM', 'iom', 'international_org', 't', 't')`,
		`INSERT INTO contact (id, organisation_id, name, created_at, updated_at) VALUES
		 ('c1', 'o1', 'Ana Pop', 't', 't'), ('c2', 'o2', 'Ion Rusu', 't', 't')`,
		`INSERT INTO course (id, title, first_day, last_day, organisers, funders, trainers, created_at, updated_at)
		 VALUES ('k1', 'Victim identification', '2025-03-03', '2025-03-05', 'o2` + "\n" + `o1', 'o3', 'c2` + "\n" + `c1', 't', 't')`,
		`INSERT INTO agreement (id, title, kind, level, parties, created_at, updated_at)
		 VALUES ('a1', 'Referral MoU', 'memorandum', 'government_ngo', 'o1` + "\n" + `gone-org` + "\n" + `o2', 't', 't')`,
		`INSERT INTO meeting (id, day, participants, created_at, updated_at) VALUES ('m1', '2025-04-01', 'c1` + "\n" + `c2', 't', 't')`,
		`INSERT INTO working_group (id, name, lead, members, created_at, updated_at) VALUES ('w1', 'Prevention', 'o1', 'o3` + "\n" + `o2', 't', 't')`,
		`INSERT INTO plan (id, title, first_year, last_year, created_at, updated_at) VALUES ('p1', 'NAP', 2024, 2027, 't', 't')`,
		`INSERT INTO plan_action (id, plan_id, pillar, activity, lead, partners, created_at, updated_at)
		 VALUES ('x1', 'p1', 'prevention', 'Hotline', 'o1', 'o2` + "\n" + `o3', 't', 't')`,
		`INSERT INTO campaign (id, title, first_day, lead, partners, created_at, updated_at)
		 VALUES ('g1', 'Know your rights', '2025-05-01', 'o2', 'o3', 't', 't')`,
	} {
		if _, err := old.write.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s := openStore(t, path, Options{})
	course, err := s.Course(ctx, "k1")
	if err != nil {
		t.Fatal(err)
	}
	agreement, _ := s.Agreement(ctx, "a1")
	meetings, _ := s.Meetings(ctx, "2025-01-01", "2025-12-31")
	groups, _ := s.WorkingGroups(ctx)
	actions, _ := s.Actions(ctx, "p1")
	campaign, _ := s.Campaign(ctx, "g1")
	if len(meetings) != 1 || len(groups) != 1 || len(actions) != 1 {
		t.Fatalf("after the upgrade: %d meetings, %d groups, %d actions; want one of each", len(meetings), len(groups), len(actions))
	}
	for _, c := range []struct {
		what      string
		got, want []string
	}{
		{"course organisers", course.Organisers, []string{"o2", "o1"}},
		{"course funders", course.Funders, []string{"o3"}},
		{"course trainers", course.Trainers, []string{"c2", "c1"}},
		{"agreement parties", agreement.Parties, []string{"o1", "o2"}},
		{"meeting participants", meetings[0].Participants, []string{"c1", "c2"}},
		{"working group members", groups[0].Members, []string{"o3", "o2"}},
		{"action partners", actions[0].Partners, []string{"o2", "o3"}},
		{"campaign partners", campaign.Partners, []string{"o3"}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s read %v after the upgrade, want %v", c.what, c.got, c.want)
		}
	}
	if groups[0].Lead != "o1" || actions[0].Lead != "o1" || campaign.Lead != "o2" {
		t.Errorf("single references moved: %q %q %q", groups[0].Lead, actions[0].Lead, campaign.Lead)
	}
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM pragma_table_info('course') WHERE name = 'organisers'").Scan(&n); err != nil || n != 0 {
		t.Errorf("the old organisers column is still there (%d, %v)", n, err)
	}
	changes, _ := s.History(ctx, "a1")
	if len(changes) != 1 || changes[0].Action != "upgrade" || changes[0].Items[0].Old != "o1\ngone-org\no2" {
		t.Errorf("history of the agreement %+v: want the left-out id recorded", changes)
	}
	if _, err := s.Undo(ctx); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("Undo after an upgrade: %v, want nothing to undo", err)
	}
	// The foreign key now refuses a link to nothing.
	_, err = s.write.ExecContext(ctx, `INSERT INTO organisation_link (entity, field, record_id, position, organisation_id)
		VALUES ('agreement', 'parties', 'a1', 5, 'gone-org')`)
	if err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") {
		t.Errorf("a link to no organisation: %v, want a foreign key error", err)
	}
}

// TestLinkedListsSaveEditAndUndo goes through the generic writes: a list
// saved, edited (order and membership), and the edit undone.
func TestLinkedListsSaveEditAndUndo(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	a := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	b := mustSaveOrg(t, s, Organisation{Name: "La Strada", Sector: "ngo"})
	c := mustSaveOrg(t, s, Organisation{Name: "IOM", Sector: "international_org"})
	ag := Agreement{Title: "Referral MoU", Kind: "memorandum", Level: "government_ngo", Status: "in_force",
		SignedOn: "2025-01-10", Parties: []string{a.ID, b.ID}}
	if err := s.SaveAgreement(ctx, &ag); err != nil {
		t.Fatal(err)
	}
	ag.Parties = []string{c.ID, a.ID}
	if err := s.SaveAgreement(ctx, &ag); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Agreement(ctx, ag.ID)
	if !slices.Equal(got.Parties, []string{c.ID, a.ID}) {
		t.Errorf("parties after the edit %v", got.Parties)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Agreement(ctx, ag.ID)
	if !slices.Equal(got.Parties, []string{a.ID, b.ID}) {
		t.Errorf("parties after Undo %v, want the first two back in order", got.Parties)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	var links int
	s.read.QueryRowContext(ctx, "SELECT count(*) FROM organisation_link").Scan(&links)
	if links != 0 {
		t.Errorf("%d links left after the agreement's creation was undone", links)
	}
}
