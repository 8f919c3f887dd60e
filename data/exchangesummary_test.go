package data

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// summariesByUID reads every change's summary as its row keeps it, by the
// change's identity.
func summariesByUID(t *testing.T, s *Store) map[string][3]string {
	t.Helper()
	rows, err := s.read.QueryContext(t.Context(), `SELECT uid, summary, coalesce(summary_key, ''), coalesce(summary_args, '')
		FROM change WHERE uid IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][3]string{}
	for rows.Next() {
		var uid string
		var v [3]string
		if err := rows.Scan(&uid, &v[0], &v[1], &v[2]); err != nil {
			t.Fatal(err)
		}
		out[uid] = v
	}
	return out
}

// throughFile writes a package to an encrypted file and reads it back, as
// it travels.
func throughFile(t *testing.T, p *Package) *Package {
	t.Helper()
	file := filepath.Join(t.TempDir(), "changes"+PackageExtension)
	if err := writePackageFile(file, p, testPassphrase); err != nil {
		t.Fatal(err)
	}
	read, err := ReadPackage(file, testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	return read
}

// planActionEdits adds a plan and an action: a kind of record whose code
// and English name differ.
func planActionEdits(s *Store) {
	ctx := context.Background()
	p := Plan{Title: "National Action Plan", FirstYear: 2025, LastYear: 2027, Status: "adopted"}
	if err := s.SavePlan(ctx, &p); err != nil {
		panic(err)
	}
	a := Action{PlanID: p.ID, Pillar: "protection", Activity: "Set up a referral hotline"}
	if err := s.SaveAction(ctx, &a); err != nil {
		panic(err)
	}
}

// TestPackagesCarryTheSummaryStructure: a package carries each change's
// summary as structure beside its sentence, in the format older versions
// read (1); the receiver keeps it as it came, and sends it on unchanged to
// a third laptop.
func TestPackagesCarryTheSummaryStructure(t *testing.T) {
	l := laptopsFrom(t, seedPolice, "coordinator", "deputy", "trainer")
	a, b, c := l[0], l[1], l[2]
	ctx := t.Context()
	o := onlyOrg(t, a)
	o.Acronym = "NP"
	mustSaveOrg(t, a, o)
	mustUndo(t, a)
	if _, err := a.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	p, err := a.MakePackage(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != 1 {
		t.Errorf("format %d: versions that read format 1 would refuse it", p.Format)
	}
	raw, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"summary":"Redo: Edit organisation “National Police”"`, `"summary_key":"history.redo"`,
		`"summary_args":{"Change":{"key":"Edit {{.Entity}} “{{.Name}}”","args":{"Entity":"organisation","Name":"National Police"}}}`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("the package lacks %s:\n%s", want, raw)
		}
	}

	receive(t, b, b.planOf(t, throughFile(t, p)), keepHere, false)
	sent := summariesByUID(t, a)
	got := summariesByUID(t, b)
	for uid, want := range sent {
		if got[uid][1] != want[1] || got[uid][0] != want[0] || !sameJSON(t, got[uid][2], want[2]) {
			t.Errorf("change %s: received %q, sent %q", uid, got[uid], want)
		}
	}
	// The deputy sends on what it received.
	q, err := b.MakePackage(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	receive(t, c, c.planOf(t, throughFile(t, q)), keepHere, false)
	onTrainer := summariesByUID(t, c)
	for uid, want := range sent {
		if onTrainer[uid][1] != want[1] || !sameJSON(t, onTrainer[uid][2], want[2]) {
			t.Errorf("change %s on the third laptop: %q, sent %q", uid, onTrainer[uid], want)
		}
	}
}

func sameJSON(t *testing.T, a, b string) bool {
	t.Helper()
	if a == "" || b == "" {
		return a == b
	}
	var x, y any
	if err := json.Unmarshal([]byte(a), &x); err != nil {
		t.Fatalf("%s: %v", a, err)
	}
	if err := json.Unmarshal([]byte(b), &y); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return cmp.Equal(x, y)
}

func (s *Store) planOf(t *testing.T, p *Package) *ReceivePlan {
	t.Helper()
	plan, err := s.PlanReceive(t.Context(), p, false)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// olderPackage is a package as a version before schema 26 wrote it: the
// summary's sentence only, naming kinds of record by their codes.
func olderPackage(t *testing.T, p *Package) *Package {
	t.Helper()
	raw, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	for _, c := range m["changes"].([]any) {
		change := c.(map[string]any)
		delete(change, "summary_key")
		delete(change, "summary_args")
		change["summary"] = strings.ReplaceAll(change["summary"].(string), "plan action", "plan_action")
	}
	if raw, err = json.Marshal(m); err != nil {
		t.Fatal(err)
	}
	var old Package
	if err := json.Unmarshal(raw, &old); err != nil {
		t.Fatal(err)
	}
	return &old
}

// TestAPackageOfAnOlderVersionIsReceived: a package without the summaries'
// structure is received whole; its changes keep their sentences as they
// came (no structure is made up for them), and are read as structure from
// the sentence where it is of a known kind, here and on a laptop they are
// sent on to.
func TestAPackageOfAnOlderVersionIsReceived(t *testing.T) {
	l := laptopsFrom(t, seedPolice, "coordinator", "deputy")
	a, b := l[0], l[1]
	ctx := t.Context()
	planActionEdits(a)
	p, err := a.MakePackage(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	old := throughFile(t, olderPackage(t, p))
	had := summariesByUID(t, b)
	receive(t, b, b.planOf(t, old), keepHere, false)
	sameContent(t, a, b)
	received := 0
	for uid, v := range summariesByUID(t, b) {
		if _, ok := had[uid]; ok || v[0] == "Receive changes from “coordinator”" {
			continue
		}
		received++
		if v[1] != "" || v[2] != "" {
			t.Errorf("change %s received with a structure the package did not have: %q", uid, v)
		}
	}
	if received != 2 {
		t.Errorf("received %d changes, want the plan and its action", received)
	}
	q, err := b.MakePackage(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, pc := range q.Changes {
		if pc.Summary != "Add plan_action “Set up a referral hotline”" {
			continue
		}
		found = true
		want := Summary{Key: sumAdd, Args: map[string]string{"Entity": "plan_action", "Name": "Set up a referral hotline"},
			Text: pc.Summary}
		if pc.SummaryKey != "" || pc.SummaryArgs != nil || !cmp.Equal(want, pc.summary()) {
			t.Errorf("sent on as %q %s, read as %+v", pc.SummaryKey, pc.SummaryArgs, pc.summary())
		}
	}
	if !found {
		t.Error("the older sentence did not travel on as it came")
	}
}

// TestACourseTakenOutByAnOlderVersionOpens: the take-out's one change,
// from a version that wrote sentences only, opens as a register whose
// History reads it as structure.
func TestACourseTakenOutByAnOlderVersionOpens(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	course := mustSaveCourse(t, s, Course{Title: "Identifying victims", Status: "planned", FirstDay: "2027-03-02"})
	p, err := s.TakeCourseOut(ctx, course.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.Changes[0].SummaryKey != sumTakeOut {
		t.Errorf("the take-out's change: %q", p.Changes[0].SummaryKey)
	}
	for name, pkg := range map[string]*Package{"this version": p, "an older one": olderPackage(t, p)} {
		venue, err := OpenCourseOut(ctx, filepath.Join(t.TempDir(), "venue.db"), throughFile(t, pkg), Options{Device: "trainer"})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		h, err := venue.History(ctx, course.ID)
		venue.Close()
		if err != nil || len(h) != 1 {
			t.Fatalf("%s: History %+v, %v", name, h, err)
		}
		want := Summary{Key: sumTakeOut, Args: map[string]string{"Course": "Identifying victims", "Device": testDevice},
			Text: "Course “Identifying victims” taken out from “" + testDevice + "”"}
		if !cmp.Equal(want, h[0].What) {
			t.Errorf("%s: the take-out reads %+v, want %+v", name, h[0].What, want)
		}
	}
}
