package data

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"filippo.io/age"
)

// laptopsFrom makes copies of one register, as a coordinator makes them
// for a trainer or a deputy: seed writes the register's first records,
// then the file is copied and each copy opened on a laptop of its own.
func laptopsFrom(t testing.TB, seed func(s *Store), devices ...string) []*Store {
	t.Helper()
	first := copyOfEmptyRegister(t)
	s, err := Open(t.Context(), first, Options{Device: devices[0]})
	if err != nil {
		t.Fatal(err)
	}
	if seed != nil {
		seed(s)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	var out []*Store
	for i, d := range devices {
		path := first
		if i > 0 {
			path = filepath.Join(t.TempDir(), d+".db")
			if err := copyFile(first, path); err != nil {
				t.Fatal(err)
			}
		}
		st := openStore(t, path, Options{Device: d})
		var tick atomic.Int64
		offset := time.Duration(i) * time.Hour // the laptops' clocks disagree: nothing may depend on them
		st.now = func() time.Time { return testNow.Add(-offset + time.Duration(tick.Add(1))*time.Millisecond) }
		out = append(out, st)
	}
	return out
}

// send makes a package of what to lacks (as far as from knows) and plans
// its receiving by to.
func send(t testing.TB, from, to *Store) *ReceivePlan {
	t.Helper()
	p, err := from.MakePackage(t.Context(), peerID(t, from, to))
	if err != nil {
		t.Fatalf("MakePackage: %v", err)
	}
	plan, err := to.PlanReceive(t.Context(), p, false)
	if err != nil {
		t.Fatalf("PlanReceive: %v", err)
	}
	return plan
}

// peerID is to's replica as from knows it, or "" when from has never heard from it.
func peerID(t testing.TB, from, to *Store) string {
	t.Helper()
	var id string
	if err := to.read.QueryRowContext(t.Context(), "SELECT id FROM replica WHERE device = ? AND path = ?", to.device, to.path).Scan(&id); err != nil {
		return ""
	}
	var n int
	from.read.QueryRowContext(t.Context(), "SELECT count(*) FROM replica WHERE id = ? AND knows <> ''", id).Scan(&n)
	if n == 0 {
		return ""
	}
	return id
}

// receive applies a plan, choosing in each conflict the side choose gives.
func receive(t testing.TB, to *Store, plan *ReceivePlan, choose func(Conflict) int, merge bool) {
	t.Helper()
	ch := ReceiveChoices{}
	for _, c := range plan.Conflicts {
		ch.Sides = append(ch.Sides, choose(c))
	}
	for range plan.Duplicates {
		ch.Merge = append(ch.Merge, merge)
	}
	if err := to.ApplyReceive(t.Context(), plan, ch); err != nil {
		t.Fatalf("ApplyReceive: %v", err)
	}
}

func keepHere(Conflict) int  { return 0 }
func takeThere(Conflict) int { return 1 }

// registerContent is every record of every table, as the history sees them.
func registerContent(t testing.TB, s *Store) map[string]values {
	t.Helper()
	out := map[string]values{}
	for _, entity := range Entities() {
		tb := tables[entity]
		rows, err := s.read.QueryContext(t.Context(), "SELECT id FROM "+entity)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for rows.Next() {
			var id string
			rows.Scan(&id)
			ids = append(ids, id)
		}
		rows.Close()
		for _, id := range ids {
			v, err := tb.load(t.Context(), s.read, id)
			if err != nil {
				t.Fatal(err)
			}
			out[entity+" "+id] = v
		}
	}
	var settings []string
	rows, err := s.read.QueryContext(t.Context(), "SELECT key, value FROM setting")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k, v string
		rows.Scan(&k, &v)
		settings = append(settings, k+"="+v)
	}
	rows.Close()
	sort.Strings(settings)
	out["settings"] = values{"all": fmt.Sprint(settings)}
	return out
}

func sameContent(t testing.TB, a, b *Store) {
	t.Helper()
	ca, cb := registerContent(t, a), registerContent(t, b)
	if reflect.DeepEqual(ca, cb) {
		return
	}
	for k, v := range ca {
		if w, ok := cb[k]; !ok {
			t.Errorf("%s: only on %s: %v", k, a.device, v)
		} else if !reflect.DeepEqual(v, w) {
			for f := range v {
				if v[f] != w[f] {
					t.Errorf("%s %s: %q on %s, %q on %s", k, f, v[f], a.device, w[f], b.device)
				}
			}
		}
	}
	for k, v := range cb {
		if _, ok := ca[k]; !ok {
			t.Errorf("%s: only on %s: %v", k, b.device, v)
		}
	}
	t.FailNow()
}

func seedPolice(s *Store) {
	o := Organisation{Name: "National Police", Sector: "police", Phone: "+37322255111"}
	if err := s.SaveOrganisation(context.Background(), &o); err != nil {
		panic(err)
	}
	c := Contact{OrganisationID: o.ID, Name: "Ana Rusu", Position: "Inspector", Emails: []string{"ana@police.md"}}
	if err := s.SaveContact(context.Background(), &c); err != nil {
		panic(err)
	}
}

func onlyOrg(t testing.TB, s *Store) Organisation {
	t.Helper()
	var id string
	if err := s.read.QueryRowContext(t.Context(), "SELECT id FROM organisation WHERE name = 'National Police'").Scan(&id); err != nil {
		t.Fatal(err)
	}
	o, err := s.Organisation(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestEditsOnBothSidesComeTogether: edits to different fields are taken
// both ways with no question; the registers end the same.
func TestEditsOnBothSidesComeTogether(t *testing.T) {
	l := laptopsFrom(t, seedPolice, "coordinator", "trainer")
	a, b := l[0], l[1]
	o := onlyOrg(t, a)
	o.Acronym = "NP"
	mustSaveOrg(t, a, o)
	o = onlyOrg(t, b)
	o.Website = "https://police.md"
	mustSaveOrg(t, b, o)
	mustSaveOrg(t, b, Organisation{Name: "La Strada", Sector: "ngo"})

	plan := send(t, b, a)
	if len(plan.Conflicts) != 0 || plan.Fresh != 2 || len(plan.New) != 1 || len(plan.Taken) != 1 || plan.Taken[0].Field != "website" {
		t.Fatalf("plan: fresh %d, new %v, taken %v, conflicts %v", plan.Fresh, plan.New, plan.Taken, plan.Conflicts)
	}
	receive(t, a, plan, keepHere, false)
	plan = send(t, a, b)
	if len(plan.Conflicts) != 0 || len(plan.Taken) != 1 || plan.Taken[0].Field != "acronym" {
		t.Fatalf("back: taken %v, conflicts %v", plan.Taken, plan.Conflicts)
	}
	receive(t, b, plan, keepHere, false)
	sameContent(t, a, b)
	if got := onlyOrg(t, a); got.Acronym != "NP" || got.Website != "https://police.md" {
		t.Errorf("merged record: %+v", got)
	}

	// The same package again, or one with nothing new: nothing to do.
	again := send(t, a, b)
	if again.Fresh != 0 || len(again.Taken)+len(again.New)+len(again.Conflicts) != 0 {
		t.Errorf("a second exchange plans %+v", again)
	}
}

// TestSameFieldChangedOnBothSidesIsAConflict: the user is asked, with both
// values, who and where; the choice made on one laptop settles the other.
func TestSameFieldChangedOnBothSidesIsAConflict(t *testing.T) {
	l := laptopsFrom(t, seedPolice, "coordinator", "trainer")
	a, b := l[0], l[1]
	o := onlyOrg(t, a)
	o.Phone = "+37322255222"
	mustSaveOrg(t, a, o)
	o = onlyOrg(t, b)
	o.Phone = "+37322255333"
	mustSaveOrg(t, b, o)

	plan := send(t, a, b)
	if len(plan.Conflicts) != 1 {
		t.Fatalf("conflicts %+v", plan.Conflicts)
	}
	c := plan.Conflicts[0]
	if c.Field != "phone" || c.Name != "National Police" || len(c.Sides) != 2 ||
		c.Sides[0].Value != "+37322255333" || !c.Sides[0].Here || c.Sides[0].Device != "trainer" ||
		c.Sides[1].Value != "+37322255222" || c.Sides[1].Here || c.Sides[1].Device != "coordinator" || c.Sides[1].At == "" {
		t.Fatalf("conflict %+v", c)
	}
	if err := b.ApplyReceive(t.Context(), plan, ReceiveChoices{Sides: []int{-1}}); !errors.Is(err, ErrUndecided) {
		t.Fatalf("applied with no choice: %v", err)
	}
	receive(t, b, plan, takeThere, false)
	if got := onlyOrg(t, b); got.Phone != "+37322255222" {
		t.Fatalf("the trainer chose the coordinator's phone, has %s", got.Phone)
	}
	// Back on the coordinator's laptop: settled, no question again.
	plan = send(t, b, a)
	if len(plan.Conflicts) != 0 {
		t.Fatalf("the coordinator is asked again: %+v", plan.Conflicts)
	}
	receive(t, a, plan, keepHere, false)
	sameContent(t, a, b)

	// Had the trainer kept the own value, the coordinator would take it.
	l = laptopsFrom(t, seedPolice, "coordinator", "trainer")
	a, b = l[0], l[1]
	o = onlyOrg(t, a)
	o.Phone = "+37322255222"
	mustSaveOrg(t, a, o)
	o = onlyOrg(t, b)
	o.Phone = "+37322255333"
	mustSaveOrg(t, b, o)
	receive(t, b, send(t, a, b), keepHere, false)
	plan = send(t, b, a)
	if len(plan.Conflicts) != 0 || len(plan.Taken) != 1 || plan.Taken[0].New != "+37322255333" {
		t.Fatalf("the trainer's choice does not settle it: taken %+v, conflicts %+v", plan.Taken, plan.Conflicts)
	}
	receive(t, a, plan, keepHere, false)
	sameContent(t, a, b)
}

// TestPackagesInAnyOrder: a later package carries what an earlier one had;
// the earlier one, received after, changes nothing.
func TestPackagesInAnyOrder(t *testing.T) {
	l := laptopsFrom(t, seedPolice, "coordinator", "trainer")
	a, b := l[0], l[1]
	mustSaveOrg(t, a, Organisation{Name: "Labour Inspectorate", Sector: "labour_inspection"})
	first, err := a.MakePackage(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	mustSaveOrg(t, a, Organisation{Name: "Border Police", Sector: "border_police"})
	second, err := a.MakePackage(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := b.PlanReceive(t.Context(), second, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.New) != 2 {
		t.Fatalf("the later package brings %v", plan.New)
	}
	receive(t, b, plan, keepHere, false)
	plan, err = b.PlanReceive(t.Context(), first, false)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Fresh != 0 || plan.Already != len(first.Changes) {
		t.Fatalf("the earlier package, after: fresh %d, already %d of %d", plan.Fresh, plan.Already, len(first.Changes))
	}
	before := rowCounts(t, b)
	receive(t, b, plan, keepHere, false)
	if after := rowCounts(t, b); !reflect.DeepEqual(before, after) {
		t.Errorf("receiving it wrote: %v → %v", before, after)
	}
	sameContent(t, a, b)
}

// TestPackageFromAnotherRegisterIsRefused unless asked to merge two
// registers that began apart.
func TestPackageFromAnotherRegisterIsRefused(t *testing.T) {
	a := laptopsFrom(t, seedPolice, "coordinator")[0]
	other := newStore(t)
	if _, err := other.write.ExecContext(t.Context(), "UPDATE register_identity SET uid = 'another register'"); err != nil {
		t.Fatal(err)
	}
	mustSaveOrg(t, other, Organisation{Name: "IOM", Sector: "international_org"})
	p, err := other.MakePackage(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.PlanReceive(t.Context(), p, false); !errors.Is(err, ErrOtherRegister) {
		t.Fatalf("another register's package: %v", err)
	}
	plan, err := a.PlanReceive(t.Context(), p, true)
	if err != nil || len(plan.New) != 1 || plan.New[0].Name != "IOM" {
		t.Fatalf("merging two registers: %+v, %v", plan, err)
	}
}

// TestArchivedThereEditedHereIsAConflict: archiving is a decision to
// question when the other side went on editing.
func TestArchivedThereEditedHereIsAConflict(t *testing.T) {
	l := laptopsFrom(t, seedPolice, "coordinator", "trainer")
	a, b := l[0], l[1]
	o := onlyOrg(t, a)
	if err := a.SetOrganisationArchived(t.Context(), o.ID, true); err != nil {
		t.Fatal(err)
	}
	o = onlyOrg(t, b)
	o.Notes = "New head of unit from January"
	mustSaveOrg(t, b, o)

	plan := send(t, a, b)
	if len(plan.Conflicts) != 1 || plan.Conflicts[0].Kind != ConflictArchived ||
		plan.Conflicts[0].Sides[0].Value != "0" || plan.Conflicts[0].Sides[1].Value != "1" {
		t.Fatalf("conflicts %+v", plan.Conflicts)
	}
	receive(t, b, plan, keepHere, false) // keep it in use
	receive(t, a, send(t, b, a), keepHere, false)
	sameContent(t, a, b)
	got, _ := a.Organisation(t.Context(), o.ID)
	if got.Archived || got.Notes != "New head of unit from January" {
		t.Errorf("after the trainer kept it in use: %+v", got)
	}
}

// TestOneOrganisationEnteredOnBothLaptopsBecomesOne: the same name and
// sector entered on two laptops is one organisation, whichever receives
// first, and the people of both end up in it.
func TestOneOrganisationEnteredOnBothLaptopsBecomesOne(t *testing.T) {
	l := laptopsFrom(t, nil, "coordinator", "trainer")
	a, b := l[0], l[1]
	oa := mustSaveOrg(t, a, Organisation{Name: "Border Police", Sector: "border_police", Phone: "+37322255444"})
	mustSaveContact(t, a, Contact{OrganisationID: oa.ID, Name: "Ion Popa"})
	ob := mustSaveOrg(t, b, Organisation{Name: "Border police", Sector: "border_police", Website: "https://border.md"})
	mustSaveContact(t, b, Contact{OrganisationID: ob.ID, Name: "Maria Lungu"})

	plan := send(t, a, b)
	if len(plan.Same) != 1 {
		t.Fatalf("same: %+v", plan.Same)
	}
	receive(t, b, plan, keepHere, false)
	receive(t, a, send(t, b, a), keepHere, false)
	sameContent(t, a, b)
	rows, err := a.Organisations(t.Context(), OrganisationFilter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("organisations in use: %+v, %v", rows, err)
	}
	people, err := a.Contacts(t.Context(), rows[0].ID, false)
	if err != nil || len(people) != 2 {
		t.Fatalf("people of the one organisation: %+v, %v", people, err)
	}
	o, _ := a.Organisation(t.Context(), rows[0].ID)
	if o.Phone == "" || o.Website == "" {
		t.Errorf("the kept organisation lost a value: %+v", o)
	}
}

// TestProbablyOnePersonIsOfferedForMerging: two new records of one person
// are shown; merged, they are one on both laptops.
func TestProbablyOnePersonIsOfferedForMerging(t *testing.T) {
	l := laptopsFrom(t, seedPolice, "coordinator", "trainer")
	a, b := l[0], l[1]
	o := onlyOrg(t, a)
	mustSaveContact(t, a, Contact{OrganisationID: o.ID, Name: "Elena Ceban", Emails: []string{"elena.ceban@police.md"}})
	mustSaveContact(t, b, Contact{OrganisationID: o.ID, Name: "Ceban Elena", Phones: []string{"+37369123456"}})

	plan := send(t, a, b)
	if len(plan.Duplicates) != 1 || plan.Duplicates[0].Entity != "contact" {
		t.Fatalf("duplicates %+v", plan.Duplicates)
	}
	receive(t, b, plan, keepHere, true)
	receive(t, a, send(t, b, a), keepHere, false)
	sameContent(t, a, b)
	people, err := a.Contacts(t.Context(), o.ID, false)
	if err != nil || len(people) != 2 {
		t.Fatalf("people in use after the merge: %+v, %v", people, err)
	}
}

// TestUndoTakesBackAReceiving whole, in one step.
func TestUndoTakesBackAReceiving(t *testing.T) {
	l := laptopsFrom(t, seedPolice, "coordinator", "trainer")
	a, b := l[0], l[1]
	before := registerContent(t, b)
	o := onlyOrg(t, a)
	o.Acronym = "NP"
	mustSaveOrg(t, a, o)
	mustSaveOrg(t, a, Organisation{Name: "La Strada", Sector: "ngo"})
	receive(t, b, send(t, a, b), keepHere, false)
	last, ok, err := b.LastUndoable(t.Context())
	if err != nil || !ok || last.Action != "receive" {
		t.Fatalf("last undoable: %+v %v %v", last, ok, err)
	}
	if _, err := b.Undo(t.Context()); err != nil {
		t.Fatal(err)
	}
	if after := registerContent(t, b); !reflect.DeepEqual(before, after) {
		t.Errorf("after Undo: %v, before: %v", after, before)
	}
}

// TestPackageFileIsEncrypted: written with a passphrase, read only with it;
// a cut or changed file is refused.
func TestPackageFileIsEncrypted(t *testing.T) {
	a := laptopsFrom(t, seedPolice, "coordinator")[0]
	p, err := a.MakePackage(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "to-trainer"+PackageExtension)
	if err := writePackageFile(path, p, "blue giraffe"); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("package mode %v", st.Mode().Perm())
	}
	for _, secret := range []string{"Police", "Ana Rusu"} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("%q readable in the package file", secret)
		}
	}
	got, err := ReadPackage(path, "blue giraffe")
	if err != nil || !reflect.DeepEqual(got, p) {
		t.Fatalf("read back: %v (equal %v)", err, reflect.DeepEqual(got, p))
	}
	if _, err := ReadPackage(path, "red giraffe"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("wrong passphrase: %v", err)
	}
	cut := filepath.Join(t.TempDir(), "cut"+PackageExtension)
	os.WriteFile(cut, raw[:len(raw)-20], 0o600)
	var pe *PackageError
	if _, err := ReadPackage(cut, "blue giraffe"); !errors.As(err, &pe) {
		t.Errorf("cut package: %v", err)
	}
	changed := append([]byte(nil), raw...)
	changed[len(changed)-40] ^= 1
	os.WriteFile(cut, changed, 0o600)
	if _, err := ReadPackage(cut, "blue giraffe"); !errors.As(err, &pe) {
		t.Errorf("changed package: %v", err)
	}
}

// TestAWeekApart is the issue's whole story: a coordinator and a trainer on
// two registers started from one work a week apart (a course taken out to
// the venue and brought back, the same people edited on both laptops),
// exchange both ways, answer the questions shown, and end with the same
// register; then the coordinator's laptop is stolen, and last night's
// backup, restored on a new one, holds that register.
func TestAWeekApart(t *testing.T) {
	ctx := t.Context()
	l := laptopsFrom(t, func(s *Store) {
		if err := s.GenerateSample(ctx, SmallSample, 3); err != nil {
			t.Fatal(err)
		}
		if err := s.GenerateTrainingSample(ctx, SmallTrainingSample, 3); err != nil {
			t.Fatal(err)
		}
	}, "coordinator", "trainer")
	coord, trainer := l[0], l[1]
	courses, err := coord.Courses(ctx, CourseFilter{})
	if err != nil || len(courses) == 0 {
		t.Fatal(courses, err)
	}
	course := courses[0]

	// Monday: the course goes to the venue; attendance is marked there.
	out, err := coord.TakeCourseOut(ctx, course.ID)
	if err != nil {
		t.Fatal(err)
	}
	venue, err := OpenCourseOut(ctx, filepath.Join(t.TempDir(), "venue.db"), out, Options{Device: "venue"})
	if err != nil {
		t.Fatal(err)
	}
	defer venue.Close()
	parts, _ := venue.Participants(ctx, course.ID, false)
	var marks []Mark
	for i, p := range parts {
		mark := "present"
		if i%3 == 0 {
			mark = "absent"
		}
		marks = append(marks, Mark{ParticipantID: p.ID, Day: course.FirstDay, Mark: mark})
	}
	if err := venue.SetMarks(ctx, course.ID, marks); err != nil {
		t.Fatal(err)
	}

	// During the week: the same people edited on both laptops.
	var people []Contact
	for _, id := range someIDs(t, coord, "SELECT id FROM contact WHERE archived = 0 ORDER BY pk LIMIT 3") {
		c, err := coord.Contact(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, c)
	}
	a, _ := coord.Contact(ctx, people[0].ID)
	a.Position = "Acting head of the anti-trafficking unit"
	mustSaveContact(t, coord, a)
	a, _ = trainer.Contact(ctx, people[0].ID)
	a.Position = "Deputy head of the anti-trafficking unit"
	a.Notes = "Met at the border training"
	mustSaveContact(t, trainer, a)
	b, _ := trainer.Contact(ctx, people[1].ID)
	b.Position = "Senior inspector, border crossings"
	mustSaveContact(t, trainer, b)
	if err := coord.SetContactArchived(ctx, people[2].ID, true); err != nil {
		t.Fatal(err)
	}

	// Friday: the venue sends the attendance back, the laptops exchange.
	back, err := venue.MakePackage(ctx, out.From)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := coord.PlanReceive(ctx, back, false)
	if err != nil {
		t.Fatal(err)
	}
	receive(t, coord, plan, keepHere, false)
	plan = send(t, trainer, coord)
	if len(plan.Conflicts) != 1 || plan.Conflicts[0].Field != "position" {
		t.Fatalf("the coordinator is asked %+v; fresh %d, taken %+v", plan.Conflicts, plan.Fresh, plan.Taken)
	}
	receive(t, coord, plan, takeThere, false) // the trainer knows better
	plan = send(t, coord, trainer)
	if len(plan.Conflicts) != 0 {
		t.Fatalf("the trainer is asked again: %+v", plan.Conflicts)
	}
	receive(t, trainer, plan, keepHere, false)
	sameContent(t, coord, trainer)
	if got, _ := coord.Contact(ctx, people[0].ID); got.Position != "Deputy head of the anti-trafficking unit" || got.Notes != "Met at the border training" {
		t.Errorf("after the week: %+v", got)
	}
	if got, _ := trainer.Attendance(ctx, course.ID); len(got) != len(parts) {
		t.Errorf("the trainer's laptop has the attendance of %d participants, want %d", len(got), len(parts))
	}

	// Friday night's backup; on Monday the laptop is gone.
	folder := t.TempDir()
	if err := coord.SetUpBackups(ctx, folder, 5, "", testPassphrase); err != nil {
		t.Fatal(err)
	}
	backup, err := coord.BackUp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := registerContent(t, coord)
	opened, err := OpenBackup(ctx, backup, testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	defer opened.Close()
	newLaptop := filepath.Join(t.TempDir(), "register.db")
	if err := InstallBackup(opened, newLaptop); err != nil {
		t.Fatal(err)
	}
	restored := openStore(t, newLaptop, Options{Device: "new laptop"})
	if got := registerContent(t, restored); !reflect.DeepEqual(got, want) {
		t.Error("the restored register differs from the one backed up")
	}
}

func someIDs(t testing.TB, s *Store, query string) []string {
	t.Helper()
	rows, err := s.read.QueryContext(t.Context(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

// TestPackageForTheReceiversKey: a package locked with the receiver's age
// key opens with their secret key and not with a passphrase; the ways of
// locking are checked field by field.
func TestPackageForTheReceiversKey(t *testing.T) {
	a := laptopsFrom(t, seedPolice, "coordinator")[0]
	p, err := a.MakePackage(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "for-the-ministry"+PackageExtension)
	if err := writePackageFile(path, p, "", id.Recipient().String()); err != nil {
		t.Fatal(err)
	}
	if got, err := ReadPackage(path, id.String()); err != nil || len(got.Changes) != len(p.Changes) {
		t.Fatalf("opened with the secret key: %v", err)
	}
	if _, err := ReadPackage(path, testPassphrase); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("opened with a passphrase: %v", err)
	}
	for _, c := range []struct {
		pass, again, key, field string
	}{
		{"", "", "", "passphrase"},
		{"short", "short", "", "passphrase"},
		{testPassphrase, testPassphrase + "!", "", "again"},
		{"", "", "age1notakey", "key"},
		{"", "", id.Recipient().String(), ""},
		{testPassphrase, testPassphrase, "", ""},
	} {
		err := CheckPackageSecrets(c.pass, c.again, c.key)
		var ve *ValidationError
		switch {
		case c.field == "" && err != nil:
			t.Errorf("%+v refused: %v", c, err)
		case c.field != "" && (!errors.As(err, &ve) || len(ve.Errors) != 1 || ve.Errors[0].Field != c.field):
			t.Errorf("%+v: %v, want a message beside %s", c, err, c.field)
		}
	}
}

// writePackageFile writes a package file as the window does (through a
// writer), for the tests that carry one from laptop to laptop.
func writePackageFile(path string, p *Package, passphrase string, keys ...string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := EncodePackage(f, p, passphrase, keys...); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// TestCertificatesIssuedOnTwoLaptopsAreRefusedInWords: the same numbers
// given on two laptops cannot both stand; receiving says so and changes
// nothing.
func TestCertificatesIssuedOnTwoLaptopsAreRefusedInWords(t *testing.T) {
	ctx := t.Context()
	var courseID string
	l := laptopsFrom(t, func(s *Store) {
		o := mustSaveOrg(t, s, Organisation{Name: "National Police", Sector: "police"})
		c := mustSaveContact(t, s, Contact{OrganisationID: o.ID, Name: "Ana Rusu"})
		course := mustSaveCourse(t, s, Course{Title: "Identifying victims", Status: "held", FirstDay: "2026-03-02"})
		courseID = course.ID
		if err := s.AddParticipants(ctx, courseID, []string{c.ID}); err != nil {
			t.Fatal(err)
		}
		ps, _ := s.Participants(ctx, courseID, false)
		if err := s.SetMarks(ctx, courseID, []Mark{{ParticipantID: ps[0].ID, Day: "2026-03-02", Mark: "present"}}); err != nil {
			t.Fatal(err)
		}
	}, "coordinator", "trainer")
	a, b := l[0], l[1]
	for _, s := range l {
		if certs, err := s.IssueCertificates(ctx, courseID); err != nil || len(certs) != 1 {
			t.Fatalf("issuing: %v, %v", certs, err)
		}
	}
	before := registerContent(t, a)
	plan := send(t, b, a)
	err := a.ApplyReceive(ctx, plan, ReceiveChoices{Sides: make([]int, len(plan.Conflicts))})
	var cn *CertificateNumberError
	if !errors.As(err, &cn) || cn.Device != "trainer" || !strings.Contains(err.Error(), "one laptop") {
		t.Fatalf("receiving certificates numbered alike: %v", err)
	}
	if after := registerContent(t, a); !reflect.DeepEqual(before, after) {
		t.Error("a refused package changed the register")
	}
}
