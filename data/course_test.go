package data

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// trainingCounts counts the rows of every table a training write touches:
// those of rowCounts and the course, participant and attendance tables.
func trainingCounts(t testing.TB, s *Store) map[string]int {
	t.Helper()
	out := rowCounts(t, s)
	for _, table := range []string{"course", "participant", "attendance"} {
		var n int
		if err := s.read.QueryRowContext(t.Context(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		out[table] = n
	}
	return out
}

func assertCountsUnchanged(t testing.TB, s *Store, before map[string]int) {
	t.Helper()
	if d := cmp.Diff(before, trainingCounts(t, s)); d != "" {
		t.Errorf("rows changed (-before +after):\n%s", d)
	}
}

func mustSaveCourse(t testing.TB, s *Store, c Course) Course {
	t.Helper()
	if err := s.SaveCourse(t.Context(), &c); err != nil {
		t.Fatalf("SaveCourse(%q): %v", c.Title, err)
	}
	return c
}

func mustAddParticipants(t testing.TB, s *Store, courseID string, contacts ...Contact) {
	t.Helper()
	ids := make([]string, len(contacts))
	for i, c := range contacts {
		ids[i] = c.ID
	}
	if err := s.AddParticipants(t.Context(), courseID, ids); err != nil {
		t.Fatalf("AddParticipants: %v", err)
	}
}

// mustParticipants lists a course's participants, removed ones too when asked.
func mustParticipants(t testing.TB, s *Store, courseID string, withArchived bool) []Participant {
	t.Helper()
	ps, err := s.Participants(t.Context(), courseID, withArchived)
	if err != nil {
		t.Fatalf("Participants: %v", err)
	}
	return ps
}

// participantOf finds the participant a contact is on a course.
func participantOf(t testing.TB, s *Store, courseID string, contact Contact) Participant {
	t.Helper()
	for _, p := range mustParticipants(t, s, courseID, true) {
		if p.ContactID == contact.ID {
			return p
		}
	}
	t.Fatalf("%s is not a participant of course %s", contact.Name, courseID)
	return Participant{}
}

func mustSetMarks(t testing.TB, s *Store, courseID string, marks ...Mark) {
	t.Helper()
	if err := s.SetMarks(t.Context(), courseID, marks); err != nil {
		t.Fatalf("SetMarks: %v", err)
	}
}

func mustAttendance(t testing.TB, s *Store, courseID string) map[string]map[string]string {
	t.Helper()
	a, err := s.Attendance(t.Context(), courseID)
	if err != nil {
		t.Fatalf("Attendance: %v", err)
	}
	return a
}

// cloneCourse copies c with its own slices, so that a change to the copy
// passed to a call shows in a comparison with the original.
func cloneCourse(c Course) Course {
	cp := func(s []string) []string {
		if s == nil {
			return nil
		}
		return append([]string(nil), s...)
	}
	c.Topics, c.Pillars, c.Organisers, c.Funders = cp(c.Topics), cp(c.Pillars), cp(c.Organisers), cp(c.Funders)
	c.Trainers, c.TargetSectors = cp(c.Trainers), cp(c.TargetSectors)
	return c
}

// validationData is the Data of the problem with one field.
func validationData(t testing.TB, err error, field string) map[string]any {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v is not a *ValidationError", err)
	}
	fe, ok := ve.For(field)
	if !ok {
		t.Fatalf("error %v names no problem with %s", err, field)
	}
	return fe.Data
}

var ignoreCourseStamps = cmpopts.IgnoreFields(Course{}, "ID", "CreatedAt", "UpdatedAt")

func TestSaveCourseValidation(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	police := mustSaveOrg(t, s, Organisation{Name: "Border Police Department", Sector: "border_police"})
	donor := mustSaveOrg(t, s, Organisation{Name: "International Migration Office", Sector: "international_org"})
	trainer := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Mihaela Rusu", Roles: []string{"trainer"}})
	const missing = "00000000-0000-4000-8000-00000000dead"

	tests := []struct {
		name    string
		in      Course
		wantErr []string // "field key", sorted; nil when the save must succeed
		wantMsg []string // words the error message must hold
		want    Course   // stored values, when it succeeds
	}{
		{
			name: "one day when the last day is empty; spaces tidied, defaults set",
			in:   Course{Title: "  Identifying   victims at the border ", FirstDay: "2026-03-02", Venue: " Police Academy "},
			want: Course{Title: "Identifying victims at the border", FirstDay: "2026-03-02", LastDay: "2026-03-02",
				Venue: "Police Academy", Status: "planned", Completion: DefaultCompletion},
		},
		{
			name: "a last day of spaces only is a one-day course too",
			in:   Course{Title: "Referral mechanism", FirstDay: " 2026-03-03 ", LastDay: "  "},
			want: Course{Title: "Referral mechanism", FirstDay: "2026-03-03", LastDay: "2026-03-03", Status: "planned", Completion: DefaultCompletion},
		},
		{
			name: "every field, references in the register",
			in: Course{Title: "Joint investigation of labour exploitation", Topics: []string{" indicators ", "", "indicators", "interviews"},
				Pillars: []string{"prosecution", "partnership"}, Status: "held", FirstDay: "2026-01-30", LastDay: "2026-02-02",
				Region: " North ", Organisers: []string{police.ID}, Funders: []string{donor.ID, donor.ID}, Trainers: []string{trainer.ID},
				TargetSectors: []string{"police", "labour_inspection"}, Notes: " Module 3 of the curriculum ", Completion: 100},
			want: Course{Title: "Joint investigation of labour exploitation", Topics: []string{"indicators", "interviews"},
				Pillars: []string{"prosecution", "partnership"}, Status: "held", FirstDay: "2026-01-30", LastDay: "2026-02-02",
				Region: "North", Organisers: []string{police.ID}, Funders: []string{donor.ID}, Trainers: []string{trainer.ID},
				TargetSectors: []string{"police", "labour_inspection"}, Notes: "Module 3 of the curriculum", Completion: 100},
		},
		{
			name: "the longest course allowed (61 days)",
			in:   Course{Title: "Long programme", FirstDay: "2026-01-01", LastDay: "2026-03-02", Completion: 1},
			want: Course{Title: "Long programme", FirstDay: "2026-01-01", LastDay: "2026-03-02", Status: "planned", Completion: 1},
		},
		{name: "title missing", in: Course{FirstDay: "2026-03-02"}, wantErr: []string{"title error.required"}},
		{name: "title of spaces", in: Course{Title: " \t ", FirstDay: "2026-03-02"}, wantErr: []string{"title error.required"}},
		{name: "first day missing", in: Course{Title: "No date"}, wantErr: []string{"first_day error.required"}},
		{name: "first day missing, last day given", in: Course{Title: "No start", LastDay: "2026-03-04"}, wantErr: []string{"first_day error.required"}},
		{name: "first day not a date", in: Course{Title: "Bad date", FirstDay: "02/03/2026"}, wantErr: []string{"first_day error.date"}, wantMsg: []string{"02/03/2026"}},
		{name: "last day not in the calendar", in: Course{Title: "Bad date", FirstDay: "2026-02-27", LastDay: "2026-02-30"}, wantErr: []string{"last_day error.date"}, wantMsg: []string{"2026-02-30"}},
		{
			name:    "last day before first day",
			in:      Course{Title: "Backwards", FirstDay: "2026-03-10", LastDay: "2026-03-09"},
			wantErr: []string{"last_day error.last_before_first"},
			wantMsg: []string{"2026-03-09", "2026-03-10"},
		},
		{name: "longer than the limit (62 days)", in: Course{Title: "Too long", FirstDay: "2026-01-01", LastDay: "2026-03-03"}, wantErr: []string{"last_day error.course_too_long"}},
		{name: "a year typed wrong", in: Course{Title: "Year wrong", FirstDay: "2026-05-04", LastDay: "2027-05-05"}, wantErr: []string{"last_day error.course_too_long"}},
		{name: "status unknown", in: Course{Title: "Status", FirstDay: "2026-03-02", Status: "done"}, wantErr: []string{"status error.unknown_code"}, wantMsg: []string{"done"}},
		{name: "pillar unknown", in: Course{Title: "Pillar", FirstDay: "2026-03-02", Pillars: []string{"prevention", "rescue"}}, wantErr: []string{"pillars error.unknown_code"}, wantMsg: []string{"rescue"}},
		{name: "target sector unknown", in: Course{Title: "Sector", FirstDay: "2026-03-02", TargetSectors: []string{"army"}}, wantErr: []string{"target_sectors error.unknown_code"}, wantMsg: []string{"army"}},
		{name: "completion above 100", in: Course{Title: "Rule", FirstDay: "2026-03-02", Completion: 101}, wantErr: []string{"completion error.percent"}, wantMsg: []string{"101"}},
		{name: "completion below 1", in: Course{Title: "Rule", FirstDay: "2026-03-02", Completion: -5}, wantErr: []string{"completion error.percent"}, wantMsg: []string{"-5"}},
		{name: "organiser not in the register", in: Course{Title: "Refs", FirstDay: "2026-03-02", Organisers: []string{police.ID, missing}}, wantErr: []string{"organisers error.no_record"}},
		{name: "funder not in the register", in: Course{Title: "Refs", FirstDay: "2026-03-02", Funders: []string{missing}}, wantErr: []string{"funders error.no_record"}},
		{name: "trainer not in the register", in: Course{Title: "Refs", FirstDay: "2026-03-02", Trainers: []string{missing}}, wantErr: []string{"trainers error.no_record"}},
		{name: "an organisation given as trainer", in: Course{Title: "Refs", FirstDay: "2026-03-02", Trainers: []string{police.ID}}, wantErr: []string{"trainers error.no_record"}},
		{name: "a contact given as organiser", in: Course{Title: "Refs", FirstDay: "2026-03-02", Organisers: []string{trainer.ID}}, wantErr: []string{"organisers error.no_record"}},
		{
			name: "every problem at once",
			in: Course{FirstDay: "2026-03-10", LastDay: "2026-03-01", Status: "done", Pillars: []string{"rescue"}, TargetSectors: []string{"army"},
				Completion: 200, Organisers: []string{missing}, Funders: []string{missing}, Trainers: []string{missing}},
			wantErr: []string{"completion error.percent", "funders error.no_record", "last_day error.last_before_first", "organisers error.no_record",
				"pillars error.unknown_code", "status error.unknown_code", "target_sectors error.unknown_code", "title error.required", "trainers error.no_record"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := trainingCounts(t, s)
			c := cloneCourse(tt.in)
			err := s.SaveCourse(t.Context(), &c)
			if tt.wantErr != nil {
				if d := cmp.Diff(tt.wantErr, fieldKeys(err)); d != "" {
					t.Fatalf("problems (-want +got):\n%s\nerror: %v", d, err)
				}
				for _, w := range tt.wantMsg {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("message %q does not name %q", err.Error(), w)
					}
				}
				if d := cmp.Diff(tt.in, c); d != "" {
					t.Errorf("a failed save changed the course passed (-typed +after):\n%s", d)
				}
				assertCountsUnchanged(t, s, before)
				return
			}
			if err != nil {
				t.Fatalf("SaveCourse: %v", err)
			}
			if c.ID == "" || c.CreatedAt == "" || c.UpdatedAt != c.CreatedAt {
				t.Errorf("ID %q, CreatedAt %q, UpdatedAt %q: want an id and both times", c.ID, c.CreatedAt, c.UpdatedAt)
			}
			if d := cmp.Diff(tt.want, c, ignoreCourseStamps); d != "" {
				t.Errorf("saved (-want +got):\n%s", d)
			}
			stored, err := s.Course(t.Context(), c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(c, stored); d != "" {
				t.Errorf("stored differs from what Save returned (-returned +stored):\n%s", d)
			}
			after := trainingCounts(t, s)
			if after["course"] != before["course"]+1 || after["change"] != before["change"]+1 {
				t.Errorf("courses %d → %d, changes %d → %d: want one more of each",
					before["course"], after["course"], before["change"], after["change"])
			}
		})
	}
}

func TestCourseDays(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		first, last string
		want        []string
	}{
		{"one day", "2026-03-02", "2026-03-02", []string{"2026-03-02"}},
		{"five days over a month's end", "2026-03-30", "2026-04-03", []string{"2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02", "2026-04-03"}},
		{"over the year's end", "2025-12-31", "2026-01-01", []string{"2025-12-31", "2026-01-01"}},
		{"over a leap day", "2028-02-28", "2028-03-01", []string{"2028-02-28", "2028-02-29", "2028-03-01"}},
		{"last before first", "2026-03-02", "2026-03-01", nil},
		{"not dates", "2026-3-2", "2026-03-04", nil},
		{"no dates", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, Course{FirstDay: tt.first, LastDay: tt.last}.Days()); d != "" {
				t.Errorf("Days (-want +got):\n%s", d)
			}
		})
	}
	// Every day of the longest course, in order, none twice.
	days := Course{FirstDay: "2026-01-01", LastDay: "2026-03-02"}.Days()
	if len(days) != 61 || days[0] != "2026-01-01" || days[31] != "2026-02-01" || days[60] != "2026-03-02" {
		t.Errorf("Days of 2026-01-01..2026-03-02 = %d days, %v … %v", len(days), days[:min(3, len(days))], days[max(0, len(days)-3):])
	}
}

// New dates that would leave recorded attendance outside the course are
// refused, naming the day; dates that keep it inside are taken.
func TestSaveCourseDatesKeepAttendance(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	org := mustSaveOrg(t, s, Organisation{Name: "Social Assistance Directorate", Sector: "social_services"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Ana Lungu", Sex: "female"})
	course := mustSaveCourse(t, s, Course{Title: "Case management", Status: "held", FirstDay: "2026-03-02", LastDay: "2026-03-06"})
	mustAddParticipants(t, s, course.ID, ana)
	p := participantOf(t, s, course.ID, ana)
	mustSetMarks(t, s, course.ID, Mark{p.ID, "2026-03-03", "present"}, Mark{p.ID, "2026-03-05", "late"})

	tests := []struct {
		name        string
		first, last string
		wantDay     string // the day the refusal names; empty when the dates are taken
	}{
		{"last day moved before a mark", "2026-03-02", "2026-03-04", "2026-03-05"},
		{"first day moved after a mark", "2026-03-04", "2026-03-06", "2026-03-03"},
		{"both outside: the first is named", "2026-03-10", "2026-03-12", "2026-03-03"},
		{"one day between the marks", "2026-03-04", "", "2026-03-03"},
		{"shortened around the marks", "2026-03-03", "2026-03-05", ""},
		{"lengthened", "2026-03-01", "2026-03-09", ""},
	}
	for _, tt := range tests { // in order: each starts from the course as the last left it
		t.Run(tt.name, func(t *testing.T) {
			stored, err := s.Course(t.Context(), course.ID)
			if err != nil {
				t.Fatal(err)
			}
			before := trainingCounts(t, s)
			c := stored
			c.FirstDay, c.LastDay = tt.first, tt.last
			typed := cloneCourse(c)
			err = s.SaveCourse(t.Context(), &c)
			if tt.wantDay == "" {
				if err != nil {
					t.Fatalf("SaveCourse: %v", err)
				}
				if c.FirstDay != tt.first || c.LastDay != tt.last {
					t.Errorf("saved %s..%s, want %s..%s", c.FirstDay, c.LastDay, tt.first, tt.last)
				}
				return
			}
			if d := cmp.Diff([]string{"first_day error.marks_outside"}, fieldKeys(err)); d != "" {
				t.Fatalf("problems (-want +got):\n%s\nerror: %v", d, err)
			}
			if got := validationData(t, err, "first_day")["Day"]; got != tt.wantDay {
				t.Errorf("refusal names day %v, want %s", got, tt.wantDay)
			}
			if !strings.Contains(err.Error(), tt.wantDay) {
				t.Errorf("message %q does not name %s", err.Error(), tt.wantDay)
			}
			if d := cmp.Diff(typed, c); d != "" {
				t.Errorf("a refused save changed the course passed (-typed +after):\n%s", d)
			}
			if after, err := s.Course(t.Context(), course.ID); err != nil || cmp.Diff(stored, after) != "" {
				t.Errorf("stored course changed: %v\n%s", err, cmp.Diff(stored, after))
			}
			assertCountsUnchanged(t, s, before)
		})
	}
	// The marks are where they were.
	want := map[string]map[string]string{p.ID: {"2026-03-03": "present", "2026-03-05": "late"}}
	if d := cmp.Diff(want, mustAttendance(t, s, course.ID)); d != "" {
		t.Errorf("attendance (-want +got):\n%s", d)
	}
}

// A save that changes nothing leaves no entry in the history; an edit is
// one entry that Undo takes back; archiving keeps the course's people.
func TestCourseEditUndoAndArchive(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	org := mustSaveOrg(t, s, Organisation{Name: "Prosecutor's Office North", Sector: "prosecution"})
	ana := mustSaveContact(t, s, Contact{OrganisationID: org.ID, Name: "Ana Lungu"})
	c := mustSaveCourse(t, s, Course{Title: "Victim-centred prosecution", FirstDay: "2026-04-14", LastDay: "2026-04-15"})
	mustAddParticipants(t, s, c.ID, ana)

	before := trainingCounts(t, s)
	same := c
	if err := s.SaveCourse(t.Context(), &same); err != nil {
		t.Fatal(err)
	}
	assertCountsUnchanged(t, s, before)

	edited := c
	edited.Title, edited.Status, edited.Completion = "Victim-centred prosecution (advanced)", "held", 60
	if err := s.SaveCourse(t.Context(), &edited); err != nil {
		t.Fatal(err)
	}
	if edited.Title != "Victim-centred prosecution (advanced)" || edited.Completion != 60 || edited.UpdatedAt <= c.UpdatedAt {
		t.Errorf("after the edit: %+v", edited)
	}
	h := mustHistory(t, s, c.ID)
	if d := cmp.Diff([]string{"update", "create"}, actions(h)); d != "" {
		t.Fatalf("history (-want +got):\n%s", d)
	}
	if len(h[0].Items) != 3 {
		t.Errorf("the edit has %d items, want 3 (title, status, completion): %+v", len(h[0].Items), h[0].Items)
	}
	mustUndo(t, s)
	back, err := s.Course(t.Context(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(c, back, cmpopts.IgnoreFields(Course{}, "UpdatedAt")); d != "" {
		t.Errorf("after Undo (-before the edit +after):\n%s", d)
	}

	if err := s.SetCourseArchived(t.Context(), c.ID, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Course(t.Context(), c.ID); !got.Archived {
		t.Error("course not archived")
	}
	if ps := mustParticipants(t, s, c.ID, false); len(ps) != 1 || ps[0].ContactID != ana.ID {
		t.Errorf("participants of the archived course = %+v, want Ana", ps)
	}
	// Editing an archived course keeps it archived.
	arch, _ := s.Course(t.Context(), c.ID)
	arch.Venue = "Hotel Codru"
	if err := s.SaveCourse(t.Context(), &arch); err != nil || !arch.Archived {
		t.Errorf("edit of the archived course: %v, archived %v", err, arch.Archived)
	}
}

func TestCoursesFilter(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	save := func(c Course) Course { return mustSaveCourse(t, s, c) }
	a := save(Course{Title: "Identificarea victimelor", Topics: []string{"Indicatori"}, Pillars: []string{"protection"}, Status: "held", FirstDay: "2025-03-10"})
	b := save(Course{Title: "Financial investigations", Topics: []string{"Proceeds of crime"}, Pillars: []string{"prosecution", "partnership"}, Status: "held", FirstDay: "2025-11-20"})
	c := save(Course{Title: "Child-sensitive interviewing", Pillars: []string{"protection"}, Status: "planned", FirstDay: "2026-12-01"})
	d := save(Course{Title: "Online recruitment", Pillars: []string{"prevention"}, Status: "cancelled", FirstDay: "2026-02-03"})
	e := save(Course{Title: "Shelter standards", Pillars: []string{"protection"}, Status: "held", FirstDay: "2025-06-01"})
	f := save(Course{Title: "Victim assistance", Pillars: []string{"prevention"}, Status: "held", FirstDay: "2025-05-05"})
	if err := s.SetCourseArchived(t.Context(), e.ID, true); err != nil {
		t.Fatal(err)
	}
	// a reaches police and an NGO (joint); b reaches police only; on c the
	// only NGO participant was taken off.
	police := mustSaveOrg(t, s, Organisation{Name: "Police", Sector: "police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "Shelter NGO", Sector: "ngo"})
	officer := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Officer"})
	worker := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Worker"})
	for _, add := range []struct {
		course Course
		people []string
	}{{a, []string{officer.ID, worker.ID}}, {b, []string{officer.ID}}, {c, []string{officer.ID, worker.ID}}, {f, []string{officer.ID, worker.ID}}} {
		if err := s.AddParticipants(t.Context(), add.course.ID, add.people); err != nil {
			t.Fatal(err)
		}
	}
	// On f the NGO worker was absent on its only day: f reached police alone,
	// as its figures say, and is not joint.
	markFirstDay(t, s, f, func(p Participant) bool { return p.Sector == "ngo" })
	onC, _ := s.Participants(t.Context(), c.ID, false)
	for _, p := range onC {
		if p.Sector == "ngo" {
			if err := s.SetParticipantArchived(t.Context(), p.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	title := func(cs ...Course) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Title)
		}
		return out
	}
	tests := []struct {
		name string
		f    CourseFilter
		want []string // newest first
	}{
		{"all but archived", CourseFilter{}, title(c, d, b, f, a)},
		{"archived too", CourseFilter{Archived: true}, title(c, d, b, e, f, a)},
		{"one year", CourseFilter{From: "2025-01-01", To: "2025-12-31"}, title(b, f, a)},
		{"bounds included", CourseFilter{From: "2025-03-10", To: "2025-11-20"}, title(b, f, a)},
		{"status", CourseFilter{Status: "held"}, title(b, f, a)},
		{"pillar among several", CourseFilter{Pillar: "partnership"}, title(b)},
		{"pillar", CourseFilter{Pillar: "protection"}, title(c, a)},
		{"words of the title, accents and case ignored", CourseFilter{Query: "IDENTIFICAREA"}, title(a)},
		{"words of the topics", CourseFilter{Query: "proceeds crim"}, title(b)},
		{"a word inside a hyphenated one", CourseFilter{Query: "sensitive"}, title(c)},
		{"a hyphenated word typed whole", CourseFilter{Query: "Child-sensitive interv"}, title(c)},
		{"the whole title", CourseFilter{Query: "Identificarea victimelor"}, title(a)},
		{"no match", CourseFilter{Query: "xyz"}, nil},
		{"sector reached, not by someone absent every day", CourseFilter{Sector: "ngo"}, title(a)},
		{"sector reached by several", CourseFilter{Sector: "police"}, title(c, b, f, a)},
		{"joint only, as the figures count", CourseFilter{Joint: true}, title(a)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Courses(t.Context(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, title(got...)); d != "" {
				t.Errorf("Courses(%+v) (-want +got):\n%s", tt.f, d)
			}
		})
	}
}
