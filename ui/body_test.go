package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestBodyMembersAndMeetings(t *testing.T) {
	w := openWindow(t, withSample)
	showArea(t, w, "Coordination body")
	b := w.ws.body
	if len(b.members) == 0 || b.members[0].MechanismRole != "chair" {
		t.Fatalf("members %v: the sample's chair should come first", b.members)
	}
	w.ws.save() // Ctrl+S with no name
	if b.fields.message("name") != "Required" {
		t.Errorf("name message %q", b.fields.message("name"))
	}
	test.Type(b.name, "National Committee against Trafficking")
	w.ws.save()
	if got, _ := w.store.GetBody(context.Background()); got.Name != "National Committee against Trafficking" {
		t.Errorf("body saved as %+v", got)
	}
	b.mDay.SetDate(dateOf("2025-03-10"))
	test.Type(b.mPlace, "Ministry of Internal Affairs")
	test.Type(b.mAgenda, "Annual report")
	test.Tap(b.mSave)
	if len(b.meetings) != 1 || !strings.HasPrefix(b.meetings[0].Place, "Ministry") {
		t.Fatalf("meetings %+v", b.meetings)
	}
	f, err := w.store.MechanismFiguresForPeriod(context.Background(), "2025-01-01", "2025-12-31")
	if err != nil || f.MeetingsHeld != 1 || f.Members != len(b.members) {
		t.Errorf("figures %+v, %v", f, err)
	}
}

func TestWorkingGroupSaved(t *testing.T) {
	w := openWindow(t, withSample)
	showArea(t, w, "Coordination body")
	g := w.ws.body.groups
	test.Tap(g.save)
	if g.fields.message("name") != "Required" {
		t.Errorf("name message %q", g.fields.message("name"))
	}
	test.Type(g.name, "Labour exploitation")
	test.Tap(g.save)
	if len(g.groups) != 1 || g.groups[0].Name != "Labour exploitation" {
		t.Fatalf("groups %+v", g.groups)
	}
	menuItem(t, w, "Undo").Action()
	if len(g.groups) != 0 {
		t.Error("undo left the working group")
	}
}
