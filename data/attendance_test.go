package data

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// attendanceCourse is a held course of five days (2026-03-02 to 03-06) with
// two participants, and a one-day course with one participant of its own.
type attendanceCourse struct {
	s             *Store
	course, other Course
	ana, bogdan   Participant // on course
	outsider      Participant // on other
}

func newAttendanceCourse(t *testing.T) attendanceCourse {
	t.Helper()
	s := newStore(t)
	org := mustSaveOrg(t, s, Organisation{Name: "Border Police Department", Sector: "border_police"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Ana Lungu", Sex: "female"})
	bogdan := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Bogdan Ciobanu", Sex: "male"})
	course := mustSaveCourse(t, s, Course{Title: "Identifying victims at the border", Status: "held", FirstDay: "2026-03-02", LastDay: "2026-03-06"})
	other := mustSaveCourse(t, s, Course{Title: "Document fraud", Status: "held", FirstDay: "2026-03-04"})
	mustAddParticipants(t, s, course.ID, ana, bogdan)
	mustAddParticipants(t, s, other.ID, ana)
	return attendanceCourse{s: s, course: course, other: other,
		ana: participantOf(t, s, course.ID, ana), bogdan: participantOf(t, s, course.ID, bogdan),
		outsider: participantOf(t, s, other.ID, ana)}
}

// A mark for someone not on the course, for a day outside it, or of an
// unknown kind is refused, and nothing of that call is recorded.
func TestSetMarksRefused(t *testing.T) {
	t.Parallel()
	f := newAttendanceCourse(t)
	s, course := f.s, f.course
	mustSetMarks(t, s, course.ID, Mark{f.ana.ID, "2026-03-02", "present"})

	tests := []struct {
		name    string
		marks   []Mark
		wantKey string
		wantMsg []string
	}{
		{"participant of another course", []Mark{{f.bogdan.ID, "2026-03-03", "present"}, {f.outsider.ID, "2026-03-04", "present"}},
			"attendance error.not_participant", nil},
		{"not a participant at all", []Mark{{"no-such-participant", "2026-03-03", "present"}}, "attendance error.not_participant", nil},
		{"a day before the course", []Mark{{f.bogdan.ID, "2026-03-01", "present"}}, "attendance error.day_outside",
			[]string{"2026-03-01", "2026-03-02", "2026-03-06"}},
		{"a day after the course", []Mark{{f.ana.ID, "2026-03-03", "late"}, {f.bogdan.ID, "2026-03-07", "present"}}, "attendance error.day_outside",
			[]string{"2026-03-07"}},
		{"a day not written as a date", []Mark{{f.bogdan.ID, "2026-3-3", "present"}}, "attendance error.day_outside", []string{"2026-3-3"}},
		{"clearing a day outside", []Mark{{f.bogdan.ID, "2026-03-09", ""}}, "attendance error.day_outside", nil},
		{"an unknown mark", []Mark{{f.bogdan.ID, "2026-03-03", "here"}}, "attendance error.unknown_code", []string{"here"}},
		{"a mark in another case", []Mark{{f.ana.ID, "2026-03-02", "Absent"}}, "attendance error.unknown_code", []string{"Absent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := trainingCounts(t, s)
			marksBefore := mustAttendance(t, s, course.ID)
			err := s.SetMarks(t.Context(), course.ID, tt.marks)
			if d := cmp.Diff([]string{tt.wantKey}, fieldKeys(err)); d != "" {
				t.Fatalf("problems (-want +got):\n%s\nerror: %v", d, err)
			}
			for _, w := range tt.wantMsg {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message %q does not name %s", err.Error(), w)
				}
			}
			if d := cmp.Diff(marksBefore, mustAttendance(t, s, course.ID)); d != "" {
				t.Errorf("attendance changed (-before +after):\n%s", d)
			}
			assertCountsUnchanged(t, s, before)
		})
	}
	if err := s.SetMarks(t.Context(), "no-such-course", []Mark{{f.ana.ID, "2026-03-02", "present"}}); err == nil {
		t.Error("SetMarks on a course not in the register: no error")
	}
	// The other course's attendance is its own.
	if a := mustAttendance(t, s, f.other.ID); len(a) != 0 {
		t.Errorf("the other course has marks %v", a)
	}
}

// Marks are set, changed and cleared; a call that changes nothing leaves no
// entry in the history.
func TestSetMarksChangesOnlyWhatDiffers(t *testing.T) {
	t.Parallel()
	f := newAttendanceCourse(t)
	s, id := f.s, f.course.ID
	a, b := f.ana.ID, f.bogdan.ID
	steps := []struct {
		name        string
		marks       []Mark
		want        map[string]map[string]string
		wantChanges int // new history entries
	}{
		{"first marks", []Mark{{a, "2026-03-02", "present"}, {b, "2026-03-02", "late"}, {a, "2026-03-03", "absent"}},
			map[string]map[string]string{a: {"2026-03-02": "present", "2026-03-03": "absent"}, b: {"2026-03-02": "late"}}, 1},
		{"the same again", []Mark{{a, "2026-03-02", "present"}, {b, "2026-03-02", "late"}},
			map[string]map[string]string{a: {"2026-03-02": "present", "2026-03-03": "absent"}, b: {"2026-03-02": "late"}}, 0},
		{"clearing a day never marked", []Mark{{b, "2026-03-06", ""}},
			map[string]map[string]string{a: {"2026-03-02": "present", "2026-03-03": "absent"}, b: {"2026-03-02": "late"}}, 0},
		{"nothing at all", nil,
			map[string]map[string]string{a: {"2026-03-02": "present", "2026-03-03": "absent"}, b: {"2026-03-02": "late"}}, 0},
		{"one changed, one cleared", []Mark{{a, "2026-03-03", "excused"}, {b, "2026-03-02", ""}},
			map[string]map[string]string{a: {"2026-03-02": "present", "2026-03-03": "excused"}}, 1},
		{"the same day twice in one call: the last wins", []Mark{{b, "2026-03-04", "absent"}, {b, "2026-03-04", "present"}},
			map[string]map[string]string{a: {"2026-03-02": "present", "2026-03-03": "excused"}, b: {"2026-03-04": "present"}}, 1},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			before := trainingCounts(t, s)
			mustSetMarks(t, s, id, st.marks...)
			if d := cmp.Diff(st.want, mustAttendance(t, s, id)); d != "" {
				t.Errorf("attendance (-want +got):\n%s", d)
			}
			if got := trainingCounts(t, s)["change"] - before["change"]; got != st.wantChanges {
				t.Errorf("%d new history entries, want %d", got, st.wantChanges)
			}
		})
	}
}

// Undo restores the marks as they were before a call that created, changed
// and cleared marks at once.
func TestUndoMarks(t *testing.T) {
	t.Parallel()
	f := newAttendanceCourse(t)
	s, id := f.s, f.course.ID
	a, b := f.ana.ID, f.bogdan.ID
	first := map[string]map[string]string{a: {"2026-03-02": "present", "2026-03-03": "late"}, b: {"2026-03-02": "absent"}}
	mustSetMarks(t, s, id, Mark{a, "2026-03-02", "present"}, Mark{a, "2026-03-03", "late"}, Mark{b, "2026-03-02", "absent"})

	mustSetMarks(t, s, id,
		Mark{a, "2026-03-02", "absent"},  // changed
		Mark{a, "2026-03-03", ""},        // cleared
		Mark{b, "2026-03-03", "present"}, // created
	)
	second := map[string]map[string]string{a: {"2026-03-02": "absent"}, b: {"2026-03-02": "absent", "2026-03-03": "present"}}
	if d := cmp.Diff(second, mustAttendance(t, s, id)); d != "" {
		t.Fatalf("after the second call (-want +got):\n%s", d)
	}
	last, ok, err := s.LastUndoable(t.Context())
	if err != nil || !ok || last.Summary != "Attendance of course “Identifying victims at the border”" {
		t.Errorf("LastUndoable = %q, %v, %v", last.Summary, ok, err)
	}

	// The marks moved Ana (absent on her one day marked) to did not come,
	// Bogdan (present on the second day) to attended: in the same change.
	for who, want := range map[string]string{a: StatusNoShow, b: StatusAttended} {
		if got := participantStatus(t, s, who); got != want {
			t.Errorf("status of %s after the marks: %q, want %q", who, got, want)
		}
	}
	undone := mustUndo(t, s)
	if len(undone.Items) != 5 {
		t.Errorf("the undone change had %d items, want 3 marks and 2 statuses: %+v", len(undone.Items), undone.Items)
	}
	for who, want := range map[string]string{a: StatusAttended, b: StatusNoShow} {
		if got := participantStatus(t, s, who); got != want {
			t.Errorf("status of %s after Undo: %q, want %q", who, got, want)
		}
	}
	if d := cmp.Diff(first, mustAttendance(t, s, id)); d != "" {
		t.Errorf("after one Undo (-want +got):\n%s", d)
	}
	mustUndo(t, s)
	if got := mustAttendance(t, s, id); len(got) != 0 {
		t.Errorf("after undoing the first call too: %v, want no marks", got)
	}
	// Undo reached the participants: the marks went before them.
	mustUndo(t, s)
	if ps := mustParticipants(t, s, f.other.ID, true); len(ps) != 0 {
		t.Errorf("participants of the other course after three Undos: %+v", ps)
	}
}

// Completed applies the course's rule: present or late on at least
// Completion percent of its days; excused and absent do not count.
func TestCompleted(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	oneDay := mustSaveCourse(t, s, Course{Title: "One day", FirstDay: "2026-03-02"})
	fiveDays := mustSaveCourse(t, s, Course{Title: "Five days", FirstDay: "2026-03-02", LastDay: "2026-03-06"})
	if oneDay.Completion != 80 || fiveDays.Completion != 80 {
		t.Fatalf("default rules %d and %d, want 80", oneDay.Completion, fiveDays.Completion)
	}
	edited := func(c Course, rule int) Course {
		c.Completion = rule
		return mustSaveCourse(t, s, c)
	}
	sixty := edited(mustSaveCourse(t, s, Course{Title: "Five days, 60 %", FirstDay: "2026-03-02", LastDay: "2026-03-06"}), 60)
	all := edited(mustSaveCourse(t, s, Course{Title: "Five days, 100 %", FirstDay: "2026-03-02", LastDay: "2026-03-06"}), 100)
	anyDay := edited(mustSaveCourse(t, s, Course{Title: "One day, 1 %", FirstDay: "2026-03-02"}), 1)
	if sixty.Completion != 60 || all.Completion != 100 || anyDay.Completion != 1 {
		t.Fatalf("edited rules %d, %d, %d", sixty.Completion, all.Completion, anyDay.Completion)
	}

	tests := []struct {
		name   string
		course Course
		marks  []string // by day of the course, "" for no mark
		extra  map[string]string
		want   bool
	}{
		{"5 days, 80 %: every day", fiveDays, []string{"present", "present", "present", "present", "present"}, nil, true},
		{"5 days, 80 %: 4 of 5", fiveDays, []string{"present", "present", "absent", "present", "present"}, nil, true},
		{"5 days, 80 %: 4 of 5, one day not marked", fiveDays, []string{"present", "present", "present", "present", ""}, nil, true},
		{"5 days, 80 %: 3 of 5", fiveDays, []string{"present", "absent", "present", "absent", "present"}, nil, false},
		{"5 days, 80 %: late counts", fiveDays, []string{"present", "late", "present", "absent", "late"}, nil, true},
		{"5 days, 80 %: excused does not", fiveDays, []string{"present", "excused", "present", "absent", "present"}, nil, false},
		{"5 days, 80 %: excused all week", fiveDays, []string{"excused", "excused", "excused", "excused", "excused"}, nil, false},
		{"5 days, 80 %: no marks", fiveDays, []string{"", "", "", "", ""}, nil, false},
		{"5 days, 80 %: days outside the course do not count", fiveDays, []string{"present", "present", "present", "", ""},
			map[string]string{"2026-03-01": "present", "2026-03-09": "present"}, false},
		{"1 day, 80 %: present", oneDay, []string{"present"}, nil, true},
		{"1 day, 80 %: late", oneDay, []string{"late"}, nil, true},
		{"1 day, 80 %: excused", oneDay, []string{"excused"}, nil, false},
		{"1 day, 80 %: absent", oneDay, []string{"absent"}, nil, false},
		{"1 day, 80 %: not marked", oneDay, []string{""}, nil, false},
		{"5 days, 60 %: 3 of 5", sixty, []string{"present", "absent", "late", "absent", "present"}, nil, true},
		{"5 days, 60 %: 2 of 5 and an excused day", sixty, []string{"present", "excused", "late", "absent", "absent"}, nil, false},
		{"5 days, 100 %: every day, one late", all, []string{"present", "present", "late", "present", "present"}, nil, true},
		{"5 days, 100 %: 4 of 5", all, []string{"present", "present", "absent", "present", "present"}, nil, false},
		{"1 day, 1 %: present", anyDay, []string{"present"}, nil, true},
		{"1 day, 1 %: absent", anyDay, []string{"absent"}, nil, false},
		// A course not saved yet (Completion 0) follows the default rule, as
		// SaveCourse would store it, rather than passing everyone.
		{"unsaved 5 days: 3 of 5", Course{FirstDay: "2026-03-02", LastDay: "2026-03-06"}, []string{"present", "present", "present", "absent", "absent"}, nil, false},
		{"unsaved 5 days: 4 of 5", Course{FirstDay: "2026-03-02", LastDay: "2026-03-06"}, []string{"present", "present", "present", "present", "absent"}, nil, true},
		{"no valid dates", Course{FirstDay: "2026-03-06", LastDay: "2026-03-02", Completion: 1}, nil, map[string]string{"2026-03-02": "present"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			days := tt.course.Days()
			if len(tt.marks) != len(days) {
				t.Fatalf("%d marks for %d days", len(tt.marks), len(days))
			}
			marks := map[string]string{}
			for i, m := range tt.marks {
				if m != "" {
					marks[days[i]] = m
				}
			}
			for d, m := range tt.extra {
				marks[d] = m
			}
			if got := tt.course.Completed(marks); got != tt.want {
				t.Errorf("Completed(%v) with rule %d%% over %d days = %v, want %v", marks, tt.course.Completion, len(days), got, tt.want)
			}
		})
	}

	// From the register: the marks as Attendance reads them back.
	org := mustSaveOrg(t, s, Organisation{Name: "Court of Orhei", Sector: "judiciary"})
	var people []Contact
	for _, n := range []string{"Ana Lungu", "Bogdan Ciobanu", "Chloé Moreau"} {
		people = append(people, mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: n}))
	}
	mustAddParticipants(t, s, fiveDays.ID, people...)
	var marks []Mark
	pattern := map[string][]string{ // by contact name
		"Ana Lungu":      {"present", "present", "late", "present", "absent"},     // 4 of 5
		"Bogdan Ciobanu": {"present", "excused", "present", "absent", "late"},     // 3 of 5
		"Chloé Moreau":   {"present", "present", "present", "present", "present"}, // 5 of 5
	}
	for _, p := range mustParticipants(t, s, fiveDays.ID, false) {
		for i, d := range fiveDays.Days() {
			marks = append(marks, Mark{p.ID, d, pattern[p.Name][i]})
		}
	}
	mustSetMarks(t, s, fiveDays.ID, marks...)
	att := mustAttendance(t, s, fiveDays.ID)
	got := map[string]bool{}
	for _, p := range mustParticipants(t, s, fiveDays.ID, false) {
		got[p.Name] = fiveDays.Completed(att[p.ID])
	}
	want := map[string]bool{"Ana Lungu": true, "Bogdan Ciobanu": false, "Chloé Moreau": true}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("completed from the register (-want +got):\n%s", d)
	}
}

func participantStatus(t *testing.T, s *Store, participantID string) string {
	t.Helper()
	var status string
	if err := s.read.QueryRowContext(t.Context(), "SELECT status FROM participant WHERE id = ?", participantID).Scan(&status); err != nil {
		t.Fatal(err)
	}
	return status
}
