package ui

import (
	"bytes"
	"context"
	"github.com/google/go-cmp/cmp"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
)

func TestNewOrganisationTypedSavedAndListed(t *testing.T) {
	w := openWindow(t, nil)
	r := w.ws.register
	test.Tap(r.newOrg)
	if w.win.Canvas().Focused() != r.form.name {
		t.Fatal("New organisation should put the cursor in Name")
	}
	test.Type(r.form.name, "Policía Nacional")
	test.Type(r.form.acronym, "PN")
	r.form.sector.w.SetSelected("Police")
	test.Type(r.form.phone, "+373 22 123 456")
	test.Tap(r.form.save)
	r.waitLoaded()

	if !contains(rowNames(r), "Policía Nacional") {
		t.Fatalf("the saved organisation is not in the list: %v", rowNames(r))
	}
	if r.list.Length() != 1 {
		t.Errorf("list length %d, want 1", r.list.Length())
	}
	if got := r.form.phone.Text; got != "+373 22 123 456" {
		t.Errorf("phone shown as %q after save, want the international format", got)
	}
	o, err := w.store.Organisation(context.Background(), r.selectedID)
	if err != nil || o.Phone != "+37322123456" || o.Sector != "police" {
		t.Errorf("stored %+v, %v; want phone +37322123456 in sector police", o, err)
	}
	if r.form.dirty || !r.form.save.Disabled() {
		t.Error("after saving the form should be clean with Save disabled")
	}
}

func TestInvalidEmailShowsMessageAndKeepsTyping(t *testing.T) {
	w := openWindow(t, nil)
	r := w.ws.register
	test.Tap(r.newOrg)
	test.Type(r.form.name, "Labour Inspectorate")
	r.form.sector.w.SetSelected("Labour inspection")
	test.Type(r.form.email, "inspectorate.gov")
	test.Tap(r.form.save)
	r.waitLoaded()

	msg := r.form.fields.message("email")
	if !strings.Contains(msg, "is not an e-mail address") {
		t.Errorf("e-mail message %q, want it to say the address is wrong", msg)
	}
	if r.form.fields.message("name") != "" {
		t.Errorf("name has a message %q, but it is fine", r.form.fields.message("name"))
	}
	if r.form.email.Text != "inspectorate.gov" || r.form.name.Text != "Labour Inspectorate" || r.form.sector.code() != "labour_inspection" {
		t.Error("the typed values were lost after the failed save")
	}
	if len(r.rows) != 0 {
		t.Errorf("nothing should be saved, the list has %v", rowNames(r))
	}
	// Editing the field hides its message; fixing it saves.
	test.Type(r.form.email, ".example")
	if r.form.fields.message("email") != "" {
		t.Error("typing in the field should hide its old message")
	}
	r.form.email.SetText("office@inspectorate.gov")
	test.Tap(r.form.save)
	r.waitLoaded()
	if !contains(rowNames(r), "Labour Inspectorate") {
		t.Fatalf("after fixing the e-mail the organisation should be saved: %v", rowNames(r))
	}
}

func TestRequiredFieldsAndDuplicateName(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	test.Tap(r.newOrg)
	test.Tap(r.form.save)
	if r.form.fields.message("name") != "Required" || r.form.fields.message("sector") != "Required" {
		t.Errorf("messages name=%q sector=%q, want Required for both",
			r.form.fields.message("name"), r.form.fields.message("sector"))
	}
	test.Type(r.form.name, "border police DEPARTMENT")
	r.form.sector.w.SetSelected("Border police")
	test.Tap(r.form.save)
	if msg := r.form.fields.message("name"); !strings.Contains(msg, "“Border Police Department” (Border police) is already in the register") {
		t.Errorf("duplicate message %q should name the existing organisation", msg)
	}
}

func TestUndoRestoresAnEdit(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	r.search.SetText("Border Police Department")
	r.waitLoaded()
	if len(r.rows) == 0 {
		t.Fatal("search found nothing")
	}
	r.list.Select(0)
	id := r.selectedID
	r.form.name.SetText("Border Guard Service")
	test.Tap(r.form.save)
	r.waitLoaded()
	if o, _ := w.store.Organisation(context.Background(), id); o.Name != "Border Guard Service" {
		t.Fatalf("the edit was not saved: %q", o.Name)
	}
	undo := menuItem(t, w, "Undo")
	if !strings.Contains(undo.Label, "Edit organisation “Border Guard Service”") {
		t.Errorf("the Undo menu item says %q, it should name the change", undo.Label)
	}
	undo.Action()
	r.waitLoaded()
	if o, _ := w.store.Organisation(context.Background(), id); o.Name != "Border Police Department" {
		t.Fatalf("undo did not restore the name: %q", o.Name)
	}
	if r.form.name.Text != "Border Police Department" {
		t.Errorf("the form shows %q after undo", r.form.name.Text)
	}
	if !strings.HasPrefix(w.ws.message.Text, "Undone") {
		t.Errorf("status %q should say what was undone", w.ws.message.Text)
	}
}

func TestArchiveAsksThenHidesAndUndoBringsBack(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	before := len(r.rows)
	r.list.Select(0)
	name := r.rows[0].Name
	test.Tap(r.form.archive)
	if len(r.rows) != before {
		t.Fatal("archived before the user confirmed")
	}
	test.Tap(dialogButton(t, w, "Archive"))
	r.waitLoaded()
	if contains(rowNames(r), name) {
		t.Fatalf("%q is still listed after archiving", name)
	}
	r.archived.SetChecked(true)
	r.waitLoaded()
	if !contains(rowNames(r), name) {
		t.Errorf("%q should be listed with Show archived", name)
	}
	r.archived.SetChecked(false)
	r.waitLoaded()
	menuItem(t, w, "Undo").Action()
	r.waitLoaded()
	if !contains(rowNames(r), name) || len(r.rows) != before {
		t.Errorf("undo should bring %q back (%d rows, want %d)", name, len(r.rows), before)
	}
}

func TestSearchAsYouTypeFindsPeopleIgnoringAccents(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	test.Type(r.search, "мвд")
	r.waitLoaded()
	if len(r.rows) != 1 || !strings.HasPrefix(r.rows[0].Name, "МВД") {
		t.Errorf("мвд found %v", rowNames(r))
	}
	r.search.SetText("")
	test.Type(r.search, "jose")
	r.waitLoaded()
	if len(r.rows) == 0 {
		t.Fatal("jose found nothing; the sample has people named José")
	}
	for _, row := range r.rows {
		if len(row.MatchedContacts) == 0 || !strings.HasPrefix(row.MatchedContacts[0], "José") {
			t.Errorf("%s listed without a matched José: %v", row.Name, row.MatchedContacts)
		}
	}
	if got := rowDetail(r.rows[0]); !strings.HasPrefix(got, "Contact: José") {
		t.Errorf("the row should say which contact matched, says %q", got)
	}
}

func TestFiltersNarrowTheList(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	all := len(r.rows)
	r.sector.w.SetSelected("NGO")
	r.waitLoaded()
	if len(r.rows) == 0 || len(r.rows) >= all {
		t.Fatalf("the NGO filter gave %d of %d", len(r.rows), all)
	}
	for _, row := range r.rows {
		if row.Sector != "ngo" {
			t.Errorf("%s (%s) passed the NGO filter", row.Name, row.Sector)
		}
	}
	r.sector.w.SetSelected("All sectors")
	r.mech.w.SetSelected("Chair")
	r.waitLoaded()
	if len(r.rows) != 1 || r.rows[0].MechanismRole != "chair" {
		t.Errorf("chair filter gave %v", rowNames(r))
	}
}

func TestEscapeDropsTyping(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	r.list.Select(0)
	name := r.form.name.Text
	w.win.Canvas().Focus(r.form.name)
	test.Type(r.form.name, " typo")
	if !r.form.dirty {
		t.Fatal("typing should mark the form changed")
	}
	r.form.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if r.form.name.Text != name || r.form.dirty {
		t.Errorf("Escape left %q (dirty %v), want %q", r.form.name.Text, r.form.dirty, name)
	}
}

func TestCtrlZInAFieldWithTypingUndoesTypingNotTheRegister(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	r.list.Select(0)
	name := r.form.name.Text
	w.win.Canvas().Focus(r.form.name)
	test.Type(r.form.name, "X")
	menuItem(t, w, "Undo").Action()
	if r.form.name.Text != name {
		t.Errorf("Ctrl+Z in the field left %q, want the typing undone (%q)", r.form.name.Text, name)
	}
	c, err := w.store.Count(context.Background())
	if err != nil || c.Organisations != data.SmallSample.Organisations {
		t.Errorf("the register changed: %+v, %v", c, err)
	}
}

func TestAreasChangedElsewhereAreReadWhenShown(t *testing.T) {
	w := openWindow(t, withSample)
	showArea(t, w, "Trainings")
	tr := w.ws.trainings
	if len(tr.courses) != 0 {
		t.Fatal("the sample has no course")
	}
	showArea(t, w, "Register")
	c := data.Course{Title: "Added while Trainings was hidden", FirstDay: "2026-01-10"}
	if err := w.store.SaveCourse(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	w.ws.changed()
	if len(tr.courses) != 0 {
		t.Error("a hidden area was read again at once")
	}
	showArea(t, w, "Trainings")
	if len(tr.courses) != 1 {
		t.Errorf("Trainings shows %d courses when shown again, want the new one", len(tr.courses))
	}
}

func TestTheDirectoryOfTheListedOrganisationsIsSaved(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	test.Type(r.search, "мвд")
	r.waitLoaded()
	if len(r.rows) != 1 {
		t.Fatalf("мвд lists %v", rowNames(r))
	}
	listed := r.rows[0]
	path := filepath.Join(t.TempDir(), "directory.xlsx")
	writeDocument(w.ws.env, path, func(out io.Writer) error { return r.directoryWriter("xlsx")(out, nil) })
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Directory")
	f.Close()
	people, _ := w.store.Contacts(context.Background(), listed.ID, false)
	if len(rows) != 1+max(1, len(people)) {
		t.Fatalf("%d rows, want a header and the %d people of %s", len(rows), len(people), listed.Name)
	}
	for _, row := range rows[1:] {
		if row[0] != listed.Name {
			t.Errorf("a row of %q, which the Register does not list", row[0])
		}
	}

	pdf := filepath.Join(t.TempDir(), "directory.pdf")
	writeDocument(w.ws.env, pdf, func(out io.Writer) error { return r.directoryWriter("letter")(out, nil) })
	if raw, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(raw, []byte("%PDF")) {
		t.Errorf("the PDF directory: %v", err)
	}
	var formats []string
	for _, it := range menuItem(t, w, "Save directory as").ChildMenu.Items {
		formats = append(formats, it.Label)
	}
	if strings.Join(formats, " | ") != "Workbook (xlsx)… | Contacts for phones and mail (vCard)… | PDF, A4… | PDF, US Letter…" {
		t.Errorf("File → Save directory as offers %q", formats)
	}

	vcf := filepath.Join(t.TempDir(), "directory.vcf")
	writeDocument(w.ws.env, vcf, func(out io.Writer) error { return r.directoryWriter("vcf")(out, nil) })
	raw, err := os.ReadFile(vcf)
	if err != nil || strings.Count(string(raw), "BEGIN:VCARD") != len(people) {
		t.Errorf("%d cards, want %d (%v)", strings.Count(string(raw), "BEGIN:VCARD"), len(people), err)
	}

	// An empty list saves nothing and says how to get the whole directory.
	r.search.SetText("")
	test.Type(r.search, "zzzz-nobody")
	r.waitLoaded()
	r.saveDirectory("xlsx")
	if !strings.Contains(strings.Join(shownTexts(w), "\n"), "Clear the search and the filters") {
		t.Errorf("an empty list: %q", shownTexts(w))
	}
}

// TestUndoElsewhereAsksFirstAndRedoPutsItBack: in another area, Undo names
// the change and its area and asks; Redo puts back what Undo took.
func TestUndoElsewhereAsksFirstAndRedoPutsItBack(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	r.search.SetText("Border Police Department")
	r.waitLoaded()
	r.list.Select(0)
	id := r.selectedID
	r.form.name.SetText("Border Guard Service")
	test.Tap(r.form.save)
	r.waitLoaded()
	w.ws.nav.Select(areaTrainings)
	menuItem(t, w, "Undo").Action()
	if o, _ := w.store.Organisation(context.Background(), id); o.Name != "Border Guard Service" {
		t.Fatal("Undo in another area took the change back without asking")
	}
	if !slices.ContainsFunc(shownTexts(w), func(s string) bool {
		return strings.Contains(s, "made in Register") && strings.Contains(s, "Border Guard Service")
	}) {
		t.Errorf("the question does not name the change and its area: %q", shownTexts(w))
	}
	test.Tap(dialogButton(t, w, "Yes"))
	if o, _ := w.store.Organisation(context.Background(), id); o.Name != "Border Police Department" {
		t.Fatalf("after Yes: %q", o.Name)
	}
	w.ws.nav.Select(areaRegister)
	redo := menuItem(t, w, "Redo")
	if redo.Disabled || !strings.Contains(redo.Label, "Border Guard Service") {
		t.Errorf("the Redo item: %q, disabled %v", redo.Label, redo.Disabled)
	}
	redo.Action()
	r.waitLoaded()
	if o, _ := w.store.Organisation(context.Background(), id); o.Name != "Border Guard Service" {
		t.Fatalf("after Redo: %q", o.Name)
	}
	if !strings.HasPrefix(w.ws.message.Text, "Redone") {
		t.Errorf("status %q", w.ws.message.Text)
	}
}

// TestLeavingAFormSaysWhatHappens: moving to another organisation saves
// the typing and says so; typing that cannot be saved keeps the user on
// the record, and the status bar says why the click did nothing.
func TestLeavingAFormSaysWhatHappens(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	r.waitLoaded()
	r.list.Select(0)
	first := r.selectedID
	r.form.acronym.SetText("XYZ")
	r.list.Select(1)
	if r.selectedID == first || !strings.HasPrefix(w.ws.message.Text, "Saved") {
		t.Fatalf("moving on: selected %s, status %q; want saved and moved", r.selectedID, w.ws.message.Text)
	}
	second := r.selectedID
	r.form.email.SetText("not an address")
	r.list.Select(2)
	if r.selectedID != second || !strings.HasPrefix(w.ws.message.Text, "Still here") {
		t.Errorf("with typing that cannot be saved: selected %s (was %s), status %q", r.selectedID, second, w.ws.message.Text)
	}
	if r.form.email.Text != "not an address" {
		t.Errorf("the typing was lost: %q", r.form.email.Text)
	}
}

// TestNothingSelectedLooksAlikeInEveryArea: with no record chosen, each
// area shows what to do and a New button instead of a blank form; the
// button starts a record.
func TestNothingSelectedLooksAlikeInEveryArea(t *testing.T) {
	w := openSample(t)
	ws := w.ws
	for _, a := range []struct {
		name string
		none *noneSelected
	}{{"Register", ws.register.none}, {"Trainings", ws.trainings.none}, {"Campaigns", ws.campaigns.none},
		{"Agreements", ws.agreements.none}, {"Plan of action", ws.plan.none}} {
		if !a.none.showing || a.none.pane.Visible() || a.none.newBtn == nil {
			t.Errorf("%s: nothing selected shows the form (%v) or no New button", a.name, a.none.pane.Visible())
			continue
		}
		test.Tap(a.none.newBtn)
		if a.none.showing || !a.none.pane.Visible() {
			t.Errorf("%s: New does not show the form", a.name)
		}
	}
	if ws.register.form.title.Text != "New organisation" {
		t.Errorf("the Register's New button shows %q", ws.register.form.title.Text)
	}
}

// TestSearchShowsAScreenFirstThenEveryMatch: a letter matches most of the
// sample; a screen of the list lands first, saying it is still searching,
// then every match, with the selection kept.
func TestSearchShowsAScreenFirstThenEveryMatch(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	r.list.Select(0)
	selected := r.selectedID

	var pending []func()
	runAsync = func(work, land func()) { pending = append(pending, func() { work(); land() }) }
	t.Cleanup(func() { runAsync = func(work, land func()) { work(); land() } })
	r.search.SetText("a")
	if len(pending) != 1 {
		t.Fatalf("%d reads started, want the first screen's", len(pending))
	}
	pending[0]()
	if len(r.rows) != data.FirstScreen || r.count.Text != "Searching…" {
		t.Fatalf("after the first screen: %d rows, %q; want %d rows and Searching…", len(r.rows), r.count.Text, data.FirstScreen)
	}
	first := append([]data.OrganisationRow(nil), r.rows...)
	if len(pending) != 2 {
		t.Fatalf("%d reads started, want the whole list's after the first screen", len(pending))
	}
	pending[1]()
	all, err := w.ws.env.store.Organisations(t.Context(), data.OrganisationFilter{Query: "a"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.rows) != len(all) || len(all) <= data.FirstScreen || r.count.Text != countText(len(all)) {
		t.Fatalf("after every match: %d rows, %q; want %d", len(r.rows), r.count.Text, len(all))
	}
	if d := cmp.Diff(first, r.rows[:data.FirstScreen]); d != "" {
		t.Errorf("the first screen moved when every match landed:\n%s", d)
	}
	if r.selectedID != selected {
		t.Errorf("the selection changed from %s to %s", selected, r.selectedID)
	}

	// Typing on before the whole list is read: the older read never lands.
	pending = nil
	r.search.SetText("ab")
	r.search.SetText("abc")
	for _, p := range pending {
		p()
	}
	want, _, _ := w.ws.env.store.FirstOrganisations(t.Context(), data.OrganisationFilter{Query: "abc"}, data.FirstScreen)
	if len(r.rows) < len(want) || (len(want) > 0 && r.rows[0].ID != want[0].ID) {
		t.Errorf("after typing on, the list shows %v", rowNames(r))
	}
}
