package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2/test"
	"github.com/google/go-cmp/cmp"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// TestTheHistoryLabelsEveryFieldAndNamesEveryReference walks the field
// metadata of every table: each field is shown under a label that the
// translations carry, each reference by the name of what it points to
// (never its id), each code by its label.
func TestTheHistoryLabelsEveryFieldAndNamesEveryReference(t *testing.T) {
	raw, err := os.ReadFile(englishFile)
	if err != nil {
		t.Fatal(err)
	}
	var english map[string]any
	if err := json.Unmarshal(raw, &english); err != nil {
		t.Fatal(err)
	}
	names := func(entity, id string) string { return "«" + entity + " " + id + "»" }
	fields, references, codes := 0, 0, 0
	for _, entity := range data.Entities() {
		list, _ := data.Fields(entity)
		for _, f := range list {
			fields++
			where := entity + "." + f.Name
			if got := fieldLabel(entity, f.Name); got != f.Label || got == "" {
				t.Errorf("%s is shown as %q, want its label %q", where, got, f.Label)
			}
			if _, ok := english[f.Label]; !ok {
				t.Errorf("%s: the label %q is not in en.json", where, f.Label)
			}
			switch {
			case f.IsReference():
				references++
				stored, want := "id-1", "«"+f.Refers+" id-1»"
				if f.IsList() {
					stored, want = "id-1\nid-2", "«"+f.Refers+" id-1», «"+f.Refers+" id-2»"
				}
				if got := shownValue(entity, f.Name, stored, names); got != want {
					t.Errorf("%s = %q shown as %q, want %q", where, stored, got, want)
				}
			case f.Kind == data.KindCode || f.Kind == data.KindCodes:
				codes++
				list, _ := data.CodeList(f.List)
				c := list[len(list)-1]
				if got := shownValue(entity, f.Name, c.Code, names); got != codeLabel(f.List, c) {
					t.Errorf("%s = %q shown as %q, want the label %q", where, c.Code, got, codeLabel(f.List, c))
				}
			}
		}
	}
	if fields < 159 || references < 20 || codes < 25 {
		t.Errorf("walked %d fields, %d references, %d codes: fewer than the register has", fields, references, codes)
	}
}

// TestAnAgreementsHistoryNamesItsParties is the same on a real register:
// the parties and level of an agreement, once shown as ids and codes.
func TestAnAgreementsHistoryNamesItsParties(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(ctx, filepath.Join(t.TempDir(), "r.db"), data.Options{Device: "test-laptop"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := data.Organisation{Name: "Centrul de Combatere a Traficului de Persoane", Sector: "police"}
	b := data.Organisation{Name: "La Strada", Sector: "ngo"}
	for _, o := range []*data.Organisation{&a, &b} {
		if err := s.SaveOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	ag := data.Agreement{Title: "Referral of presumed victims", Kind: "memorandum", Level: "government_ngo",
		Parties: []string{a.ID, b.ID}, SignedOn: "2025-03-01", Status: "in_force"}
	if err := s.SaveAgreement(ctx, &ag); err != nil {
		t.Fatal(err)
	}
	changes, err := s.History(ctx, ag.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(historyLines(changes, recordNames(s)), "\n")
	for _, want := range []string{"Parties: " + a.Name + ", " + b.Name, "Level: Government–NGO", "Status: In force"} {
		if !strings.Contains(text, want) {
			t.Errorf("history lacks %q:\n%s", want, text)
		}
	}
	for _, raw := range []string{a.ID, "government_ngo", "in_force"} {
		if strings.Contains(text, raw) {
			t.Errorf("history shows the raw %q:\n%s", raw, text)
		}
	}
}

// TestTheHistoryDialogSaysWhatEachChangeDid: an edit in the Register, taken
// back, done again and taken back again, is said in full in the History
// dialog of the organisation, in the Edit menu and in the status line,
// from the structure the register keeps (English here).
func TestTheHistoryDialogSaysWhatEachChangeDid(t *testing.T) {
	w := openWindow(t, withSample)
	r := w.ws.register
	r.search.SetText("Border Police Department")
	r.waitLoaded()
	if len(r.rows) == 0 {
		t.Fatal("search found nothing")
	}
	r.list.Select(0)
	r.form.name.SetText("Border Guard Service")
	test.Tap(r.form.save)
	r.waitLoaded()
	edit := "Edit organisation “Border Guard Service”"
	for _, step := range []struct{ item, status, redo string }{
		{"Undo", "Undone: " + edit, "Redo: " + edit},
		{"Redo", "Redone: " + edit, ""},
		{"Undo", "Undone: Redo: " + edit, "Redo: Redo: " + edit},
	} {
		menuItem(t, w, step.item).Action()
		r.waitLoaded()
		if w.ws.message.Text != step.status {
			t.Errorf("after %s the status says %q, want %q", step.item, w.ws.message.Text, step.status)
		}
		if redo := menuItem(t, w, "Redo"); step.redo != "" && redo.Label != step.redo {
			t.Errorf("after %s the Redo item says %q, want %q", step.item, redo.Label, step.redo)
		}
	}
	r.list.Select(0)
	test.Tap(button(t, w, "History"))
	changes, err := w.store.History(context.Background(), r.selectedID)
	if err != nil || len(changes) < 4 {
		t.Fatalf("History: %d changes, %v", len(changes), err)
	}
	want := fmt.Sprintf("%s · %s · Undo: Redo: %s", timeIn(locale.Current(), changes[0].At), w.store.Device(), edit)
	if !hasText(w, want) {
		t.Errorf("the History dialog does not show %q:\n%s", want, strings.Join(shownTexts(w), "\n"))
	}
	if !slices.ContainsFunc(shownTexts(w), func(s string) bool { return strings.HasSuffix(s, " · Redo: "+edit+" (undone)") }) {
		t.Errorf("the History dialog does not show the Redo:\n%s", strings.Join(shownTexts(w), "\n"))
	}
}

// frenchFiles are the program's English file and a little French one, for
// the tests of what the History says in another language before the
// program has its file.
func frenchFiles(t *testing.T) fstest.MapFS {
	t.Helper()
	english, err := os.ReadFile(englishFile)
	if err != nil {
		t.Fatal(err)
	}
	return fstest.MapFS{
		"t/en.json": {Data: english},
		"t/fr.json": {Data: []byte(`{
			"Edit {{.Entity}} “{{.Name}}”": "Modification de {{.Entity}} « {{.Name}} »",
			"Add {{.Entity}} “{{.Name}}”": "Ajout : {{.Entity}} « {{.Name}} »",
			"entity.organisation": "l’organisation",
			"entity.plan_action": "action du plan",
			"history.undo": "Annulation : {{.Change}}",
			"history.redo": "Rétablissement : {{.Change}}",
			"Undo: {{.Change}}": "Annuler : {{.Change}}",
			"Reopen the reply of {{.From}} to {{.To}} as a new draft": "Réponse du {{.From}} au {{.To}} rouverte en brouillon",
			"participant_status.no_show": "Absent",
			"Status of {{.Count}} participant of a course: {{.Status}}": {
				"one": "Statut de {{.Count}} participant d’un cours : {{.Status}}",
				"other": "Statut de {{.Count}} participants d’un cours : {{.Status}}"}}`)},
		"t/ru.json": {Data: []byte(`{
			"Status of {{.Count}} participant of a course: {{.Status}}": {
				"one": "{{.Count}} участник: {{.Status}}", "few": "{{.Count}} участника: {{.Status}}",
				"many": "{{.Count}} участников: {{.Status}}", "other": "{{.Count}} участника: {{.Status}}"}}`)},
	}
}

// TestTheHistorySpeaksTheReadersLanguage: the summaries a register keeps
// are said through the translator given, template and values alike: kinds
// of record by their translated names, days in the language's format,
// codes by their translated labels, counts with the language's plurals and
// grouping, an Undo of a Redo of an edit at every level (in words of its
// own, not the Edit menu's command "Undo: …"). What the
// translation lacks is said in English; a sentence of no known kind, and
// a kind only a newer version knows, are shown as written.
func TestTheHistorySpeaksTheReadersLanguage(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(ctx, filepath.Join(t.TempDir(), "r.db"), data.Options{Device: "test-laptop"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	org := data.Organisation{Name: "Inspecția Muncii", Sector: "labour_inspection"}
	if err := s.SaveOrganisation(ctx, &org); err != nil {
		t.Fatal(err)
	}
	org.Acronym = "IM"
	if err := s.SaveOrganisation(ctx, &org); err != nil {
		t.Fatal(err)
	}
	for _, step := range []func(context.Context) (data.Change, error){s.Undo, s.Redo, s.Undo} {
		if _, err := step(ctx); err != nil {
			t.Fatal(err)
		}
	}
	changes, err := s.History(ctx, org.ID)
	if err != nil || len(changes) != 5 {
		t.Fatalf("History: %d changes, %v", len(changes), err)
	}
	fr, err := locale.FromFiles(frenchFiles(t), "t", "fr")
	if err != nil {
		t.Fatal(err)
	}
	ru, err := locale.FromFiles(frenchFiles(t), "t", "ru")
	if err != nil {
		t.Fatal(err)
	}
	en, err := locale.FromFiles(frenchFiles(t), "t", "en")
	if err != nil {
		t.Fatal(err)
	}
	// What the register keeps, said in English, is the sentence it wrote.
	for _, c := range changes {
		if got := summaryText(en, c); got != c.Summary {
			t.Errorf("in English %q, the register wrote %q", got, c.Summary)
		}
	}
	edit := "Modification de l’organisation « Inspecția Muncii »"
	if d := cmp.Diff([]string{"Annulation : Rétablissement : " + edit, "Rétablissement : " + edit, "Annulation : " + edit, edit,
		"Ajout : l’organisation « Inspecția Muncii »"}, summaryTexts(fr, changes)); d != "" {
		t.Errorf("in French (-want +got):\n%s", d)
	}
	if got := redoneText(fr, changes[0]); got != "Rétablissement : "+edit {
		t.Errorf("what the last Undo took back, in French: %q", got)
	}

	status := func(n int) data.Change {
		return data.Change{Summary: "(the English sentence)", What: data.Summary{
			Key:  "Status of {{.Count}} participant of a course: {{.Status}}",
			Args: map[string]string{"Count": strconv.Itoa(n), "Status": data.StatusNoShow}}}
	}
	for _, tc := range []struct {
		tr   *locale.Translator
		c    data.Change
		want string
	}{
		{fr, status(2), "Statut de 2 participants d’un cours : Absent"},
		{ru, status(1), "1 участник: Did not come"}, // the label, untranslated, in English
		{ru, status(3), "3 участника: Did not come"},
		{ru, status(5), "5 участников: Did not come"},
		{ru, status(1234), "1\u00a0234 участника: Did not come"},
		{en, status(1234), "Status of 1,234 participants of a course: Did not come"},
		{fr, data.Change{What: data.Summary{Key: "Reopen the reply of {{.From}} to {{.To}} as a new draft",
			Args: map[string]string{"From": "2024-01-01", "To": "2024-12-31"}}},
			"Réponse du 1 janv. 2024 au 31 déc. 2024 rouverte en brouillon"},
		{fr, data.Change{What: data.Summary{Key: "Add {{.Entity}} “{{.Name}}”",
			Args: map[string]string{"Entity": "plan_action", "Name": "Ligne d’assistance"}}},
			"Ajout : action du plan « Ligne d’assistance »"},
		{fr, data.Change{What: data.Summary{Key: "Progress of “{{.Activity}}”", Args: map[string]string{"Activity": "Hotline"}}},
			"Progress of “Hotline”"}, // not translated yet: English
		{fr, data.Change{Summary: "Something an import was called", What: data.Summary{Text: "Something an import was called"}},
			"Something an import was called"},
		{fr, data.Change{Summary: "Undo: Tidy the register", What: data.Summary{Key: "history.undo",
			Of: &data.Summary{Key: "Tidy {{.Where}}", Args: map[string]string{"Where": "the register"}}}},
			"Undo: Tidy the register"}, // a kind a newer version knows: its sentence
	} {
		if got := summaryText(tc.tr, tc.c); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.tr.Code(), got, tc.want)
		}
	}
}

func summaryTexts(tr *locale.Translator, changes []data.Change) []string {
	var out []string
	for _, c := range changes {
		out = append(out, summaryText(tr, c))
	}
	return out
}
