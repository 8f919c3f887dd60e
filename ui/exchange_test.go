package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
)

const packagePassphrase = "the trainer's long passphrase"

// twoCopies makes a register with one organisation, copies it for a
// trainer, and has the coordinator (the original) change the phone and
// send a package; the trainer's copy is returned with the package.
func twoCopies(t *testing.T) (trainerPath, packagePath, orgID string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	coordinator := filepath.Join(dir, "coordinator.db")
	st, err := data.Open(ctx, coordinator, data.Options{Device: "coordinator"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MarkStarted(ctx); err != nil {
		t.Fatal(err)
	}
	o := data.Organisation{Name: "National Police", Sector: "police", Phone: "+37322255111"}
	if err := st.SaveOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	st.Close()
	trainerPath = filepath.Join(dir, "trainer.db")
	raw, err := os.ReadFile(coordinator)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(trainerPath, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err = data.Open(ctx, coordinator, data.Options{Device: "coordinator"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	o.Phone = "+37322255222"
	if err := st.SaveOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	p, err := st.MakePackage(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	packagePath = filepath.Join(dir, "to-trainer"+data.PackageExtension)
	if err := export.WriteFile(packagePath, func(w io.Writer) error { return data.EncodePackage(w, p, packagePassphrase) }); err != nil {
		t.Fatal(err)
	}
	return trainerPath, packagePath, o.ID
}

// TestReceiveAsksEachQuestionBeforeWriting: the trainer changed the same
// phone; the preview asks which to keep, Receive waits for the answer,
// then applies the package as one change that Undo takes back.
func TestReceiveAsksEachQuestionBeforeWriting(t *testing.T) {
	ctx := context.Background()
	trainerPath, packagePath, orgID := twoCopies(t)
	w := openWindowAt(t, trainerPath, func(st *data.Store) {
		o, err := st.Organisation(ctx, orgID)
		if err != nil {
			t.Fatal(err)
		}
		o.Phone = "+37322255333"
		if err := st.SaveOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
	})
	e := w.env()
	askPackagePassphrase(e, packagePath)
	open := w.ws.env.shown.packageOpen
	open.pass.SetText("not the passphrase")
	test.Tap(open.open)
	if !open.problem.Visible() || !strings.Contains(open.problem.Text, "does not open") {
		t.Fatalf("a wrong passphrase: %q", open.problem.Text)
	}
	open.pass.SetText(packagePassphrase)
	w.ws.env.shown.receive = nil
	test.Tap(open.open)
	r := w.ws.env.shown.receive
	if r == nil {
		t.Fatalf("no preview; problem: %q", open.problem.Text)
	}
	if !strings.Contains(r.summary.Text, "coordinator") || !strings.Contains(r.summary.Text, "1 change new here") {
		t.Errorf("summary %q", r.summary.Text)
	}
	if len(r.radios) != 1 || !r.apply.Disabled() || r.progress.Text != "0 of 1 question answered." {
		t.Fatalf("questions %d, Receive disabled %v, progress %q", len(r.radios), r.apply.Disabled(), r.progress.Text)
	}
	options := r.radios[0].Options
	if len(options) != 2 || !strings.Contains(options[0], "333") || !strings.Contains(options[0], "on this laptop") ||
		!strings.Contains(options[1], "222") || !strings.Contains(options[1], "“coordinator”") {
		t.Fatalf("the question offers %q", options)
	}
	r.radios[0].SetSelected(options[1])
	if r.apply.Disabled() || r.progress.Text != "1 of 1 question answered." {
		t.Fatalf("after answering: disabled %v, %q", r.apply.Disabled(), r.progress.Text)
	}
	test.Tap(r.apply)
	o, err := e.store.Organisation(ctx, orgID)
	if err != nil || o.Phone != "+37322255222" {
		t.Fatalf("after receiving: phone %q, %v", o.Phone, err)
	}
	if !strings.Contains(w.ws.message.Text, "Received 1 change from “coordinator”") {
		t.Errorf("status %q", w.ws.message.Text)
	}
	if _, err := e.store.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if o, _ := e.store.Organisation(ctx, orgID); o.Phone != "+37322255333" {
		t.Errorf("after Undo: phone %q, want the trainer's again", o.Phone)
	}
}

// TestSendAsksForAPassphraseToTell: a short passphrase or two that differ
// are said beside the field, and nothing is written.
func TestSendAsksForAPassphraseToTell(t *testing.T) {
	w := openWindow(t, withSample)
	showSend(w.env())
	v := w.ws.env.shown.send
	if v.recipient() != "" || !strings.HasPrefix(v.to.Selected, "Any laptop") {
		t.Errorf("with no laptop heard from, the package is for %q", v.to.Selected)
	}
	v.pass.SetText("short")
	v.again.SetText("short")
	test.Tap(v.save)
	if msg := v.fields.message("passphrase"); msg != "At least 10 characters" {
		t.Errorf("a short passphrase: %q", msg)
	}
	v.pass.SetText(packagePassphrase)
	v.again.SetText(packagePassphrase + "!")
	test.Tap(v.save)
	if msg := v.fields.message("again"); msg != "The two passphrases differ" {
		t.Errorf("two passphrases that differ: %q", msg)
	}
}

// TestCourseOpenedOnATrainersLaptop: a course package opens as a new
// register of its own, in the window, holding the course; received as
// changes instead, it says how to open it.
func TestCourseOpenedOnATrainersLaptop(t *testing.T) {
	ctx := context.Background()
	coordPath := filepath.Join(t.TempDir(), "coordinator.db")
	st, err := data.Open(ctx, coordPath, data.Options{Device: "coordinator"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.GenerateSample(ctx, data.SmallSample, 7); err != nil {
		t.Fatal(err)
	}
	if err := st.GenerateTrainingSample(ctx, data.SmallTrainingSample, 7); err != nil {
		t.Fatal(err)
	}
	courses, err := st.Courses(ctx, data.CourseFilter{})
	if err != nil || len(courses) == 0 {
		t.Fatalf("courses %v, %v", courses, err)
	}
	course := courses[0]
	p, err := st.TakeCourseOut(ctx, course.ID)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	dir := t.TempDir()
	pkg := filepath.Join(dir, "course"+data.PackageExtension)
	if err := export.WriteFile(pkg, func(w io.Writer) error { return data.EncodePackage(w, p, packagePassphrase) }); err != nil {
		t.Fatal(err)
	}

	w := openWindow(t, withSample)
	askPackagePassphrase(w.env(), pkg)
	open := w.ws.env.shown.packageOpen
	open.pass.SetText(packagePassphrase)
	test.Tap(open.open)
	if !strings.Contains(open.problem.Text, "Open a course taken out") {
		t.Errorf("a course received as changes: %q", open.problem.Text)
	}
	open.d.Hide()

	askPassphraseFor(w.env(), pkg, "Open a course taken out", func(v *packageOpen) { w.readCourseOut(pkg, v) })
	open = w.ws.env.shown.packageOpen
	open.pass.SetText(packagePassphrase)
	test.Tap(open.open)
	test.Tap(dialogButton(t, w, "Create"))
	e := w.env()
	if e == nil || filepath.Dir(e.store.Path()) != dir || !strings.HasSuffix(e.store.Path(), ".db") {
		t.Fatalf("the window shows %v, want the course's new register in %s", e.store.Path(), dir)
	}
	got, err := e.store.Courses(ctx, data.CourseFilter{})
	if err != nil || len(got) != 1 || got[0].ID != course.ID {
		t.Fatalf("the course's register holds %v, %v", got, err)
	}
	if !strings.Contains(w.ws.message.Text, "Send changes") {
		t.Errorf("status %q", w.ws.message.Text)
	}
}
