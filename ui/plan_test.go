package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestPlanWithActionsOverdueAndProgress(t *testing.T) {
	w := openWindow(t, withSample)
	showArea(t, w, "Plan of action")
	p := w.ws.plan
	if !p.newAct.Disabled() {
		t.Error("New action should wait for a plan")
	}
	test.Tap(p.newPlan)
	var entries []*widget.Entry
	for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) < 4 {
		t.Fatalf("the plan dialog has %d entries", len(entries))
	}
	entries[0].SetText("National Action Plan 2024–2026")
	entries[1].SetText("2024")
	entries[2].SetText("2023") // ends before it begins
	entries[3].SetText("Government")
	test.Tap(dialogButton(t, w, "Save"))
	if w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("a plan ending before it begins closed the dialog")
	}
	entries[2].SetText("2026")
	test.Tap(dialogButton(t, w, "Save"))
	if p.plan.ID == "" || p.planSel.Selected != "National Action Plan 2024–2026" {
		t.Fatalf("the plan is not shown: %+v", p.plan)
	}
	menuItem(t, w, "New").Action() // Ctrl+N: a new action
	test.Type(p.activity, "Set up a referral hotline")
	w.ws.save()
	if msg := p.fields.message("pillar"); msg != "Required" {
		t.Errorf("pillar message %q", msg)
	}
	p.pillar.w.SetSelected("Protection")
	p.deadline.SetDate(dateOf("2025-06-30"))
	w.ws.save()
	if len(p.actions) != 1 || !p.actions[0].Overdue(today()) {
		t.Fatalf("actions %+v", p.actions)
	}
	if !strings.Contains(p.summary.Text, "⚠ 1 overdue") || !strings.Contains(p.summary.Text, "Protection: 1 not started") {
		t.Errorf("summary %q", p.summary.Text)
	}
	test.Type(p.noteText, "Operator chosen")
	test.Tap(p.addNote)
	notes, _ := w.store.ProgressNotes(context.Background(), p.current.ID)
	if len(notes) != 1 || !strings.Contains(p.notes.Text, "Operator chosen") {
		t.Errorf("notes %+v, shown %q", notes, p.notes.Text)
	}
	p.status.w.SetSelected("Done")
	w.ws.save()
	if strings.Contains(p.summary.Text, "overdue") {
		t.Errorf("a done action is still overdue: %q", p.summary.Text)
	}
	menuItem(t, w, "Undo").Action() // takes back "done"
	if !strings.Contains(p.summary.Text, "⚠ 1 overdue") {
		t.Errorf("after undo the action should be overdue again: %q", p.summary.Text)
	}
}
