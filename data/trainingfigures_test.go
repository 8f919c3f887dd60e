package data

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Organisation names as participants had them on the day of their course.
const (
	figPolice    = "Regional Police Inspectorate North"
	figPolice2   = "General Police Inspectorate North" // the same office, renamed later
	figProsecute = "Prosecutor's Office North"
	figNGO       = "Centrul „Speranța”"
	figSocial    = "Social Assistance Directorate Cahul"
)

// figuresRegister holds hand-built courses whose figures are known:
//
//	C1 held 2025-01-01..03, marks: Ana present 3 days, Bogdan absent 3 days,
//	   Cristina late once, Dmitri excused 3 days, Elena no mark and only
//	   confirmed → Ana (police), Cristina (prosecution): joint
//	C2 held 2025-06-05, no marks: Ana, Dmitri, Elena (contact archived later),
//	   Fatima taken off the course → Ana, Dmitri, Elena: joint
//	C3 held 2025-12-31..2026-01-01: Ana present, Bogdan present once,
//	   Fatima absent both days → Ana, Bogdan: police only, not joint
//	C4 planned 2025-11-20..21, no marks: Ana, Dmitri, Fatima
//	C5 cancelled 2025-04-01: Ana, Cristina
//	C6 held 2024-12-31, no marks: Ana, Dmitri → joint
//	C8 held 2025-08-08, nobody recorded
//	C10 held 2025-07-07, archived: Ana, Bogdan
//
// Then Cristina moves to the NGO on 2025-12-15 and both police and
// prosecution offices are renamed; after that:
//
//	C7 held 2026-01-01, no marks: Ana (police, renamed), Cristina (now NGO) → joint
//	C9 held 2027-05-04: Ana, Dmitri without marks; Fatima marked present,
//	   then taken off → Ana, Dmitri count as on a course without marks: joint
type figuresRegister struct {
	s                                    *Store
	c1, c2, c3, c4, c5, c6, c7, c8, c9   Course
	ana, bogdan, cristina, dmitri, elena Contact
}

func newFiguresRegister(t *testing.T) figuresRegister {
	t.Helper()
	s := newStore(t)
	var r figuresRegister
	r.s = s
	police := mustSaveOrg(t, s, Organisation{Name: figPolice, Sector: "police"})
	pros := mustSaveOrg(t, s, Organisation{Name: figProsecute, Sector: "prosecution"})
	ngo := mustSaveOrg(t, s, Organisation{Name: figNGO, Sector: "ngo"})
	social := mustSaveOrg(t, s, Organisation{Name: figSocial, Sector: "social_services"})
	r.ana = mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Lungu", Sex: "female"})
	r.bogdan = mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Bogdan Ciobanu", Sex: "male"})
	r.cristina = mustSaveContact(t, s, Contact{OrganisationID: pros.ID, Name: "Cristina Rusu", Sex: "female"})
	r.dmitri = mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Дмитрий Козлов", Sex: "male"})
	r.elena = mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Elena Popescu"}) // sex not recorded
	fatima := mustSaveContact(t, s, Contact{OrganisationID: social.ID, Name: "Fatima Haddad", Sex: "female"})

	course := func(title, status, first, last string, people ...Contact) Course {
		c := mustSaveCourse(t, s, Course{Title: title, Status: status, FirstDay: first, LastDay: last})
		if len(people) > 0 {
			mustAddParticipants(t, s, c.ID, people...)
		}
		return c
	}
	marks := func(c Course, who Contact, byDay ...string) {
		var ms []Mark
		for i, d := range c.Days() {
			if byDay[i] != "" {
				ms = append(ms, Mark{participantOf(t, s, c.ID, who).ID, d, byDay[i]})
			}
		}
		mustSetMarks(t, s, c.ID, ms...)
	}
	takeOff := func(c Course, who Contact) {
		if err := s.SetParticipantArchived(t.Context(), participantOf(t, s, c.ID, who).ID, true); err != nil {
			t.Fatal(err)
		}
	}

	r.c1 = course("C1", "held", "2025-01-01", "2025-01-03", r.ana, r.bogdan, r.cristina, r.dmitri, r.elena)
	marks(r.c1, r.ana, "present", "present", "present")
	marks(r.c1, r.bogdan, "absent", "absent", "absent")
	marks(r.c1, r.cristina, "late", "absent", "")
	marks(r.c1, r.dmitri, "excused", "excused", "excused")
	if err := s.SetParticipantStatus(t.Context(), []string{participantOf(t, s, r.c1.ID, r.elena).ID}, StatusConfirmed); err != nil {
		t.Fatal(err)
	}
	r.c2 = course("C2", "held", "2025-06-05", "", r.ana, r.dmitri, r.elena, fatima)
	takeOff(r.c2, fatima)
	if err := s.SetContactArchived(t.Context(), r.elena.ID, true); err != nil {
		t.Fatal(err)
	}
	r.c3 = course("C3", "held", "2025-12-31", "2026-01-01", r.ana, r.bogdan, fatima)
	marks(r.c3, r.ana, "present", "present")
	marks(r.c3, r.bogdan, "present", "absent")
	marks(r.c3, fatima, "absent", "absent")
	r.c4 = course("C4", "planned", "2025-11-20", "2025-11-21", r.ana, r.dmitri, fatima)
	r.c5 = course("C5", "cancelled", "2025-04-01", "", r.ana, r.cristina)
	r.c6 = course("C6", "held", "2024-12-31", "", r.ana, r.dmitri)
	r.c8 = course("C8", "held", "2025-08-08", "")
	c10 := course("C10", "held", "2025-07-07", "", r.ana, r.bogdan)
	if err := s.SetCourseArchived(t.Context(), c10.ID, true); err != nil {
		t.Fatal(err)
	}

	r.cristina.OrganisationID = ngo.ID
	r.cristina.MovedOn = "2025-12-15" // before C7, after every course above
	if err := s.SaveContact(t.Context(), &r.cristina); err != nil {
		t.Fatal(err)
	}
	police.Name = figPolice2
	pros.Name = "Prosecutor General's Office — North"
	for _, o := range []*Organisation{&police, &pros} {
		if err := s.SaveOrganisation(t.Context(), o); err != nil {
			t.Fatal(err)
		}
	}

	r.c7 = course("C7", "held", "2026-01-01", "", r.ana, r.cristina)
	r.c9 = course("C9", "held", "2027-05-04", "", r.ana, r.dmitri, fatima)
	marks(r.c9, fatima, "present")
	takeOff(r.c9, fatima)
	return r
}

// none is the figures of nothing counted.
func none() TrainingFigures {
	return TrainingFigures{BySector: map[string]int{}, BySex: map[string]int{}, ByOrganisation: map[string]int{}}
}

func TestTrainingFiguresForPeriod(t *testing.T) {
	t.Parallel()
	r := newFiguresRegister(t)
	tests := []struct {
		name     string
		from, to string
		want     TrainingFigures
	}{
		{
			name: "one year: held courses whose first day is in it, from its first to its last day",
			from: "2025-01-01", to: "2025-12-31",
			want: TrainingFigures{
				Courses: 4, JointCourses: 2, Participants: 7, // C1, C2, C3, C8
				BySector:       map[string]int{"police": 4, "prosecution": 1, "ngo": 2},
				BySex:          map[string]int{"female": 4, "male": 2, "": 1},
				ByOrganisation: map[string]int{figPolice: 4, figProsecute: 1, figNGO: 2},
				Government:     5, NonGovernment: 2,
			},
		},
		{
			name: "three years: organisations and sectors as they were on each course's day",
			from: "2024-01-01", to: "2026-12-31",
			want: TrainingFigures{
				Courses: 6, JointCourses: 4, Participants: 11, // and C6, C7
				BySector:       map[string]int{"police": 6, "prosecution": 1, "ngo": 4},
				BySex:          map[string]int{"female": 7, "male": 3, "": 1},
				ByOrganisation: map[string]int{figPolice: 5, figPolice2: 1, figProsecute: 1, figNGO: 4},
				Government:     7, NonGovernment: 4,
			},
		},
		{
			name: "one day: a course starting on it, ending after it",
			from: "2025-12-31", to: "2025-12-31",
			want: TrainingFigures{
				Courses: 1, Participants: 2, // C3: the social worker was absent, so not joint
				BySector:       map[string]int{"police": 2},
				BySex:          map[string]int{"female": 1, "male": 1},
				ByOrganisation: map[string]int{figPolice: 2},
				Government:     2,
			},
		},
		{
			name: "marks of someone taken off the course do not stop the others counting",
			from: "2027-01-01", to: "2027-12-31",
			want: TrainingFigures{
				Courses: 1, JointCourses: 1, Participants: 2, // C9
				BySector:       map[string]int{"police": 1, "ngo": 1},
				BySex:          map[string]int{"female": 1, "male": 1},
				ByOrganisation: map[string]int{figPolice2: 1, figNGO: 1},
				Government:     1, NonGovernment: 1,
			},
		},
		{name: "a year without courses", from: "2023-01-01", to: "2023-12-31", want: none()},
		{name: "a period backwards", from: "2025-12-31", to: "2025-01-01", want: none()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.s.TrainingFiguresForPeriod(t.Context(), tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("figures %s..%s (-want +got):\n%s", tt.from, tt.to, d)
			}
		})
	}
}

func TestTrainingFiguresForCourse(t *testing.T) {
	t.Parallel()
	r := newFiguresRegister(t)
	tests := []struct {
		name   string
		course Course
		want   TrainingFigures
	}{
		{
			name: "marks: present and late count once each, absent, excused and unmarked do not", course: r.c1,
			want: TrainingFigures{
				Courses: 1, JointCourses: 1, Participants: 2,
				BySector:       map[string]int{"police": 1, "prosecution": 1},
				BySex:          map[string]int{"female": 2},
				ByOrganisation: map[string]int{figPolice: 1, figProsecute: 1},
				Government:     2,
			},
		},
		{
			name: "no marks: everyone on the course counts, an archived contact too", course: r.c2,
			want: TrainingFigures{
				Courses: 1, JointCourses: 1, Participants: 3,
				BySector:       map[string]int{"police": 1, "ngo": 2},
				BySex:          map[string]int{"female": 1, "male": 1, "": 1},
				ByOrganisation: map[string]int{figPolice: 1, figNGO: 2},
				Government:     1, NonGovernment: 2,
			},
		},
		{
			name: "the only other sector was absent: not joint", course: r.c3,
			want: TrainingFigures{
				Courses: 1, Participants: 2,
				BySector:       map[string]int{"police": 2},
				BySex:          map[string]int{"female": 1, "male": 1},
				ByOrganisation: map[string]int{figPolice: 2},
				Government:     2,
			},
		},
		{
			name: "a planned course: everyone registered", course: r.c4,
			want: TrainingFigures{
				Courses: 1, JointCourses: 1, Participants: 3,
				BySector:       map[string]int{"police": 1, "ngo": 1, "social_services": 1},
				BySex:          map[string]int{"female": 2, "male": 1},
				ByOrganisation: map[string]int{figPolice: 1, figNGO: 1, figSocial: 1},
				Government:     2, NonGovernment: 1,
			},
		},
		{
			name: "after a move: the new organisation and sector", course: r.c7,
			want: TrainingFigures{
				Courses: 1, JointCourses: 1, Participants: 2,
				BySector:       map[string]int{"police": 1, "ngo": 1},
				BySex:          map[string]int{"female": 2},
				ByOrganisation: map[string]int{figPolice2: 1, figNGO: 1},
				Government:     1, NonGovernment: 1,
			},
		},
		{
			name: "nobody recorded", course: r.c8,
			want: func() TrainingFigures { f := none(); f.Courses = 1; return f }(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.s.TrainingFiguresForCourse(t.Context(), tt.course.ID)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("figures of %s (-want +got):\n%s", tt.course.Title, d)
			}
		})
	}
}
