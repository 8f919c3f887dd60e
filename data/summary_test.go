package data

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// storedSummaryOf reads the newest change's summary as its row keeps it.
func storedSummaryOf(t *testing.T, q queryer, where string, args ...any) (text, key, values string) {
	t.Helper()
	err := q.QueryRowContext(t.Context(), `SELECT summary, coalesce(summary_key, ''), coalesce(summary_args, '')
		FROM change `+where+` ORDER BY id DESC LIMIT 1`, args...).Scan(&text, &key, &values)
	if err != nil {
		t.Fatal(err)
	}
	return text, key, values
}

// TestEachKindOfChangeKeepsItsSummary walks a register through every kind
// of change a user makes: each row of the change keeps the kind's key, its
// values (codes, ISO days and figures, not words), and the English sentence
// that the template makes of them; the sentence read back as an older
// version's would be (parseSummary) gives the same structure.
func TestEachKindOfChangeKeepsItsSummary(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	s := newStore(t)
	var police, ngo, dup Organisation
	var ana, ion, maria Contact
	var plan Plan
	var action Action
	var course Course
	var last, this Reply
	participant := map[string]string{}
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name string
		do   func()
		key  string
		args map[string]string
		text string
	}{
		{"country", func() { check(s.SetCountry(ctx, "MD")) }, sumCountry, nil, "Change the country"},
		{"add", func() {
			police = mustSaveOrg(t, s, Organisation{Name: "Poliția de Frontieră", Sector: "border_police"})
		},
			sumAdd, map[string]string{"Entity": "organisation", "Name": "Poliția de Frontieră"}, "Add organisation “Poliția de Frontieră”"},
		{"edit", func() { police.Acronym = "PF"; check(s.SaveOrganisation(ctx, &police)) },
			sumEdit, map[string]string{"Entity": "organisation", "Name": "Poliția de Frontieră"}, "Edit organisation “Poliția de Frontieră”"},
		{"archive", func() { check(s.SetOrganisationArchived(ctx, police.ID, true)) },
			sumArchive, map[string]string{"Entity": "organisation", "Name": "Poliția de Frontieră"}, ""},
		{"restore", func() { check(s.SetOrganisationArchived(ctx, police.ID, false)) },
			sumRestore, map[string]string{"Entity": "organisation", "Name": "Poliția de Frontieră"}, ""},
		{"merge", func() {
			ngo = mustSaveOrg(t, s, Organisation{Name: "La Strada", Sector: "ngo"})
			dup = mustSaveOrg(t, s, Organisation{Name: "La Strada Moldova", Sector: "ngo"})
			check(s.MergeOrganisations(ctx, &ngo, dup.ID))
		}, sumMerge, map[string]string{"Entity": "organisation", "Name": "La Strada Moldova", "Into": "La Strada"},
			"Merge organisation “La Strada Moldova” into “La Strada”"},
		{"a kind of record with two words", func() {
			plan = Plan{Title: "National Action Plan", FirstYear: 2025, LastYear: 2027, Status: "adopted"}
			check(s.SavePlan(ctx, &plan))
			action = Action{PlanID: plan.ID, Pillar: "protection", Activity: "Set up a referral hotline"}
			check(s.SaveAction(ctx, &action))
		}, sumAdd, map[string]string{"Entity": "plan_action", "Name": "Set up a referral hotline"},
			"Add plan action “Set up a referral hotline”"},
		{"progress", func() { check(s.AddProgressNote(ctx, action.ID, "2026-01-15", "The hotline answers.")) },
			sumProgress, map[string]string{"Activity": "Set up a referral hotline"}, ""},
		{"statistics", func() { check(s.SetStatistics(ctx, 2025, []Statistic{{Measure: "convicted", Value: 12}})) },
			sumStatistics, map[string]string{"Year": "2025"}, "Statistics of 2025"},
		{"data checks", func() { check(s.SetQualityRuleOff(ctx, QualityRules[0].Name, true)) }, sumDataChecks, nil, ""},
		{"certificate template", func() {
			tmpl := DefaultCertificateTemplate()
			tmpl.Authority = "Ministerul Afacerilor Interne"
			check(s.SetCertificateTemplate(ctx, tmpl))
		}, sumCertTemplate, nil, ""},
		{"one participant", func() {
			ana = mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Rusu"})
			ion = mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ion Popa"})
			maria = mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Maria Lungu"})
			course = mustSaveCourse(t, s, Course{Title: "Identifying victims", Status: "held", FirstDay: "2026-03-02"})
			check(s.AddParticipants(ctx, course.ID, []string{ana.ID}))
		}, sumAddParticipant, map[string]string{"Name": "Ana Rusu", "Course": "Identifying victims"},
			"Add Ana Rusu to course “Identifying victims”"},
		{"participants", func() {
			check(s.AddParticipants(ctx, course.ID, []string{ion.ID, maria.ID}))
			ps, err := s.Participants(ctx, course.ID, false)
			check(err)
			for _, p := range ps {
				participant[p.Name] = p.ID
			}
		}, sumAddParticipants, map[string]string{"Count": "2", "Course": "Identifying victims"},
			"Add 2 participants to course “Identifying victims”"},
		{"a status", func() { check(s.SetParticipantStatus(ctx, []string{participant["Ana Rusu"]}, StatusDeclined)) },
			sumStatus, map[string]string{"Name": "Ana Rusu", "Status": "declined"}, "Status of “Ana Rusu” on a course: Declined"},
		{"statuses", func() {
			check(s.SetParticipantStatus(ctx, []string{participant["Ion Popa"], participant["Maria Lungu"]}, StatusConfirmed))
		}, sumStatuses, map[string]string{"Count": "2", "Status": "confirmed"}, "Status of 2 participants of a course: Confirmed"},
		{"quick add", func() {
			_, err := s.AddNewParticipant(ctx, course.ID, Contact{Name: "Irina Ceban", Sex: "female"}, Organisation{ID: ngo.ID})
			check(err)
		}, sumQuickAdd, map[string]string{"Name": "Irina Ceban", "Course": "Identifying victims"}, ""},
		{"attendance", func() {
			check(s.SetMarks(ctx, course.ID, []Mark{{participant["Ion Popa"], "2026-03-02", "present"},
				{participant["Maria Lungu"], "2026-03-02", "present"}}))
		}, sumAttendance, map[string]string{"Course": "Identifying victims"}, ""},
		{"certificates", func() { _, err := s.IssueCertificates(ctx, course.ID); check(err) },
			sumCertificates, map[string]string{"Course": "Identifying victims"}, ""},
		{"a participant's organisation", func() { check(s.CorrectParticipantOrganisation(ctx, participant["Ion Popa"], ngo.ID)) },
			sumCorrectOrg, map[string]string{"Name": "Ion Popa", "Organisation": "La Strada"}, ""},
		{"a move", func() {
			moved := ion
			moved.OrganisationID, moved.MovedOn = ngo.ID, "2025-06-01"
			check(s.SaveContact(ctx, &moved))
		}, sumMove, map[string]string{"Name": "Ion Popa", "Organisation": "La Strada"}, ""},
		{"reopen a reply", func() {
			last = Reply{TemplateID: "ecosoc-2006-27", From: "2024-01-01", To: "2024-12-31"}
			check(s.CreateReply(ctx, &last))
			check(s.SetAnswer(ctx, last.ID, Answer{QuestionID: "A1", YesNo: "yes"}))
			check(s.FinaliseReply(ctx, last.ID, nil, nil))
			var err error
			this, err = s.ReopenReply(ctx, last.ID)
			check(err)
		}, sumReopen, map[string]string{"From": "2024-01-01", "To": "2024-12-31"},
			"Reopen the reply of 2024-01-01 to 2024-12-31 as a new draft"},
		{"copy one answer", func() {
			next := Reply{TemplateID: "ecosoc-2006-27", From: "2025-01-01", To: "2025-12-31"}
			check(s.CreateReply(ctx, &next))
			n, err := s.CopyAnswers(ctx, this.ID, next.ID)
			check(err)
			if n != 1 {
				t.Fatalf("copied %d answers, want 1", n)
			}
			this = next
		}, sumCopyAnswers, map[string]string{"Count": "1"}, "Copy 1 answer from an earlier reply"},
		{"contribution", func() {
			check(s.ImportContributions(ctx, this.ID, police.ID, "police.xlsx", []Contribution{{QuestionID: "D1", Narrative: "Two courses."}}))
		}, sumContribution, map[string]string{"Organisation": "Poliția de Frontieră", "File": "police.xlsx"},
			"Import the contribution of “Poliția de Frontieră” (police.xlsx)"},
		{"import", func() {
			p := planOf(t, s, "Organisation|Sector|Name\nCaritas|NGO|Doina Guțu", ImportOptions{FileName: "focal points.xlsx"})
			_, err := s.ApplyImport(ctx, p)
			check(err)
		}, sumImportFile, map[string]string{"File": "focal points.xlsx"}, "Import from “focal points.xlsx”"},
		{"sample courses", func() { check(s.GenerateTrainingSample(ctx, TrainingSampleSize{Courses: 2, Marks: 20}, 1)) },
			sumSampleCourses, nil, ""},
		{"sample register", func() { check(s.GenerateSample(ctx, SmallSample, 1)) }, sumSampleRegister, nil, ""},
	}
	for _, step := range steps {
		step.do()
		text, key, raw := storedSummaryOf(t, s.read, "")
		var args map[string]string
		if raw != "" {
			var err error
			if args, _, err = decodeArgs(raw); err != nil {
				t.Fatalf("%s: the values %q: %v", step.name, raw, err)
			}
		}
		if key != step.key || !cmp.Equal(step.args, args) {
			t.Errorf("%s: stored %q %v, want %q %v", step.name, key, args, step.key, step.args)
		}
		if step.text != "" && text != step.text {
			t.Errorf("%s: the sentence %q, want %q", step.name, text, step.text)
		}
		if got := parseSummary(text); got.Key != step.key || !cmp.Equal(got.Args, step.args) {
			t.Errorf("%s: the sentence %q read back as %q %v", step.name, text, got.Key, got.Args)
		}
		c, ok, err := s.LastUndoable(ctx)
		if err != nil || !ok || c.What.Key != step.key || !cmp.Equal(c.What.Args, step.args) || c.What.Text != text {
			t.Errorf("%s: LastUndoable says %+v, %v, %v", step.name, c.What, ok, err)
		}
	}

	// Undo and Redo keep the change they take back whole, nested.
	sample := summaryOf(sumSampleRegister)
	undone := mustUndo(t, s)
	if undone.What.Key != sumSampleRegister {
		t.Fatalf("Undo took back %+v", undone.What)
	}
	text, key, raw := storedSummaryOf(t, s.read, "")
	if key != sumUndo || text != "Undo: Load sample register" || raw != `{"Change":{"key":"Load sample register"}}` {
		t.Errorf("the Undo's row: %q %q %s", key, text, raw)
	}
	if _, err := s.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	c, _, _ := s.LastUndoable(ctx)
	if want := summaryAbout(sumRedo, sample); !cmp.Equal(want, c.What) || c.Summary != "Redo: Load sample register" {
		t.Errorf("the Redo: %+v, want %+v", c.What, want)
	}
}

// TestEverySummaryIsDeclaredWell: each kind's placeholders are named as
// summaryArgKinds expects, a counted kind has its plural, and each makes a
// sentence that reads back into the same structure.
func TestEverySummaryIsDeclaredWell(t *testing.T) {
	t.Parallel()
	if len(summaryForms) < 30 {
		t.Fatalf("only %d kinds of summary declared", len(summaryForms))
	}
	values := map[string]string{"Entity": "working_group", "Count": "3", "From": "2025-01-01", "To": "2025-12-31",
		"Status": StatusNoShow, "Year": "2025"}
	for key, f := range summaryForms {
		var pairs []string
		hasCount := false
		for _, name := range f.names {
			if name == SummaryChangeArg {
				continue
			}
			v, ok := values[name]
			if !ok {
				v = "Ana “Nana” Rusu, Centrul „Speranța”" // words with quotes of their own
			}
			hasCount = hasCount || name == "Count"
			pairs = append(pairs, name, v)
		}
		if hasCount != (f.other != "") {
			t.Errorf("%q: a count without a plural, or a plural without a count", key)
		}
		var s Summary
		if strings.Contains(f.text, "{{.Change}}") {
			s = summaryAbout(key, summaryOf(sumEdit, "Entity", "plan_action", "Name", "Hotline"))
		} else {
			s = summaryOf(key, pairs...)
		}
		if strings.Contains(s.Text, "{{") || strings.Contains(s.Text, "<no value>") {
			t.Errorf("%q writes %q", key, s.Text)
		}
		if got := parseSummary(s.Text); !cmp.Equal(s, got) {
			t.Errorf("%q: %q read back as %+v, want %+v", key, s.Text, got, s)
		}
	}
	for _, e := range Entities() {
		if _, ok := entityNames[e]; !ok {
			t.Errorf("the kind of record %q has no English name for the History", e)
		}
	}
}

// TestSentencesOfOlderVersionsAreReadAsStructure: a register of schema 25
// holds changes with their English sentence only, as that version wrote
// them (a kind of record by its code). Upgraded, the History reads those
// it knows as structure, an Undo of one included, and leaves a sentence of
// no known kind as it is; Undo and Redo of such a change work on.
func TestSentencesOfOlderVersionsAreReadAsStructure(t *testing.T) {
	t.Parallel()
	path, old := oldRegister(t, 25)
	ctx := t.Context()
	// Written the way schema 25's program wrote them (its newChange and its
	// Undo); the records themselves do not matter to the History's words.
	write := func(action, summary, record string) {
		t.Helper()
		res, err := old.write.ExecContext(ctx, "INSERT INTO change (at, device, action, summary) VALUES (?, ?, ?, ?)",
			old.timestamp(), old.device, action, summary)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		if err := addItemRow(ctx, old.write, id, "setting", record, "update", "value", "", record); err != nil {
			t.Fatal(err)
		}
	}
	write("update", "Edit plan_action “Set up a referral hotline”", "a")
	write("undo", "Undo: Edit plan_action “Set up a referral hotline”", "a")
	write("setting", "Change setting “country”", "b")
	write("update", "Status of 3 participants of a course: Did not come", "c")
	write("import", "Something an import was called", "d")
	if err := old.write.Close(); err != nil {
		t.Fatal(err)
	}
	s := openStore(t, path, Options{Device: testDevice})
	var version int
	if err := s.read.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil || version != len(migrations) || version != 26 {
		t.Fatalf("upgraded to %d (%v), want 26", version, err)
	}
	if _, key, _ := storedSummaryOf(t, s.read, ""); key != "" {
		t.Errorf("the upgrade wrote a key %q into an old row: they are read as they were written", key)
	}
	edit := Summary{Key: sumEdit, Args: map[string]string{"Entity": "plan_action", "Name": "Set up a referral hotline"},
		Text: "Edit plan_action “Set up a referral hotline”"}
	for _, tc := range []struct {
		record string
		want   []Summary
	}{
		{"a", []Summary{{Key: sumUndo, Of: &edit, Text: "Undo: Edit plan_action “Set up a referral hotline”"}, edit}},
		{"b", []Summary{{Key: sumCountry, Text: "Change setting “country”"}}},
		{"c", []Summary{{Key: sumStatuses, Args: map[string]string{"Count": "3", "Status": StatusNoShow},
			Text: "Status of 3 participants of a course: Did not come"}}},
		{"d", []Summary{{Text: "Something an import was called"}}},
	} {
		var got []Summary
		for _, c := range mustHistory(t, s, tc.record) {
			got = append(got, c.What)
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("History of %s (-want +got):\n%s", tc.record, d)
		}
	}
	// An Undo of the old change of no known kind nests its sentence, and a
	// Redo of that Undo says the same.
	undone := mustUndo(t, s)
	if !cmp.Equal(undone.What, Summary{Text: "Something an import was called"}) {
		t.Errorf("Undo took back %+v", undone.What)
	}
	if _, err := s.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	c, _, _ := s.LastUndoable(ctx)
	if c.Summary != "Redo: Something an import was called" || c.What.Key != sumRedo || c.What.Of == nil ||
		c.What.Of.Text != "Something an import was called" || c.What.Of.Key != "" {
		t.Errorf("the Redo: %q %+v", c.Summary, c.What)
	}
}

// TestUndoOfARedoOfAnEditKeepsEveryLevel: the change an Undo takes back
// is nested whole, however deep, and its values stay values at each level
// (not JSON escaped once more per level).
func TestUndoOfARedoOfAnEditKeepsEveryLevel(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	org := mustSaveOrg(t, s, Organisation{Name: "Inspecția Muncii", Sector: "labour_inspection"})
	org.Acronym = "IM"
	if err := s.SaveOrganisation(ctx, &org); err != nil {
		t.Fatal(err)
	}
	mustUndo(t, s)
	if _, err := s.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	for range 20 { // Ctrl+Z, Ctrl+Y, again and again
		mustUndo(t, s)
		if _, err := s.Redo(ctx); err != nil {
			t.Fatal(err)
		}
	}
	mustUndo(t, s)
	undo, err := s.History(ctx, org.ID)
	if err != nil {
		t.Fatal(err)
	}
	w := undo[0].What
	depth := 0
	for at := &w; at != nil; at = at.Of {
		if at.Of == nil && (at.Key != sumEdit || at.Args["Entity"] != "organisation" || at.Args["Name"] != "Inspecția Muncii") {
			t.Errorf("the innermost change: %+v", at)
		}
		depth++
	}
	if depth != 23 || !strings.HasPrefix(undo[0].Summary, "Undo: Redo: Redo: ") ||
		!strings.HasSuffix(undo[0].Summary, "Redo: Edit organisation “Inspecția Muncii”") {
		t.Errorf("depth %d, %q", depth, undo[0].Summary)
	}
	_, _, raw := storedSummaryOf(t, s.read, "")
	if strings.Contains(raw, `\\`) || len(raw) > 23*60 {
		t.Errorf("the values grow faster than the levels (%d bytes): %s", len(raw), raw)
	}
}
