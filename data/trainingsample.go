package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// TrainingSampleSize says how many courses a generated training sample has,
// and how many attendance marks are recorded on them.
type TrainingSampleSize struct {
	Courses int
	Marks   int
}

// LargeTrainingSample is the training sample the benchmarks run on, on top
// of LargeSample.
var LargeTrainingSample = TrainingSampleSize{Courses: 5000, Marks: 250000}

// TrainingSampleLargeCourse is the title of the first course of every
// training sample: ten days, with up to 500 participants marked every day.
const TrainingSampleLargeCourse = "Train-the-trainers programme on victim identification"

// sampleCourses are the kinds of course a sample draws from: a title, its
// topics and pillars, and the sectors it is meant for (nil: every sector).
var sampleCourses = []struct {
	title   string
	topics  []string
	pillars []string
	sectors []string
}{
	{"Identifying victims of trafficking at border crossings", []string{"Indicators", "Profiling without discrimination", "Referral on the spot"},
		[]string{"protection"}, []string{"border_police", "immigration", "customs"}},
	{"Joint investigation of labour exploitation cases", []string{"Forced labour indicators", "Joint inspections", "Evidence"},
		[]string{"prosecution", "partnership"}, []string{"police", "labour_inspection", "prosecution"}},
	{"Child-sensitive interviewing of presumed victims", []string{"Child development", "Interview rooms", "Guardianship"},
		[]string{"protection"}, []string{"police", "child_protection", "social_services", "judiciary"}},
	{"The National Referral Mechanism: roles and procedures", []string{"Standard operating procedures", "Case conferences"},
		[]string{"protection", "partnership"}, nil},
	{"Financial investigations into trafficking proceeds", []string{"Money flows", "Asset recovery", "Cooperation with banks"},
		[]string{"prosecution"}, []string{"police", "prosecution", "judiciary"}},
	{"Online recruitment and the digital dimension of trafficking", []string{"Social media", "Job advertisements", "Digital evidence"},
		[]string{"prevention", "prosecution"}, nil},
	{"Victim-centred prosecution and trial support", []string{"Non-punishment principle", "Testimony without re-traumatisation"},
		[]string{"prosecution", "protection"}, []string{"prosecution", "judiciary", "ngo"}},
	{"Shelter standards and psychosocial support", []string{"Minimum standards", "Trauma-informed care", "Reintegration"},
		[]string{"protection"}, []string{"social_services", "ngo", "health"}},
	{"Trafficking for forced criminality and begging", []string{"Indicators", "Non-punishment principle"},
		[]string{"protection", "prosecution"}, []string{"police", "prosecution", "social_services"}},
	{"Health workers and the identification of victims", []string{"Signs in the consultation room", "Confidential referral"},
		[]string{"protection"}, []string{"health"}},
	{"Preventing trafficking in schools", []string{"Safe migration", "Lesson plans", "Talking with parents"},
		[]string{"prevention"}, []string{"education", "ngo", "local_government"}},
	{"Fair recruitment for employers and agencies", []string{"Recruitment fees", "Supply chains"},
		[]string{"prevention", "partnership"}, []string{"private_sector", "employers_org", "trade_union", "labour_inspection"}},
	{"Consular assistance to nationals trafficked abroad", []string{"Identity documents", "Safe return"},
		[]string{"protection", "partnership"}, []string{"embassy", "ministry", "international_org"}},
	{"Reporting on trafficking without harming victims", []string{"Ethics", "Privacy", "Language"},
		[]string{"prevention"}, []string{"media", "ngo"}},
	{"Data collection for the national report", []string{"Common definitions", "Anonymised case data", "The questionnaire"},
		[]string{"partnership"}, []string{"ministry", "national_rapporteur", "police", "prosecution", "social_services"}},
	{"Local coordination teams: from referral to reintegration", []string{"Case management", "Local partners"},
		[]string{"protection", "partnership"}, []string{"local_government", "social_services", "police", "ngo"}},
}

var sampleVenues = []string{"Police Academy, %s", "Regional Training Centre %s", "Town Hall %s, conference room",
	"Hotel „Codru”, %s", "National Institute of Justice, %s", "Community Centre %s"}

// GenerateTrainingSample adds fictional courses to a register that already
// holds contacts (a generated sample, say), with their participants and
// attendance, as one undoable change. The first course is
// TrainingSampleLargeCourse; the others run one to ten days between 2019
// and 2026, with 10 to 39 participants each. Held courses get attendance
// marks, course by course, until size.Marks are recorded; those left have
// no attendance typed in. The same register, size and seed give the same courses.
func (s *Store) GenerateTrainingSample(ctx context.Context, size TrainingSampleSize, seed uint64) error {
	people, err := s.samplePeople(ctx)
	if err != nil {
		return err
	}
	courses, participants, marks, err := trainingSampleRecords(people, size, seed)
	if err != nil {
		return err
	}
	return s.writeTx(ctx, func(sqlTx *sql.Tx) error {
		tx := newStmtCache(sqlTx)
		change, err := s.newChange(ctx, tx, "import", summaryOf(sumSampleCourses))
		if err != nil {
			return err
		}
		at := s.timestamp()
		ids, vs := make([]string, len(courses)), make([]values, len(courses))
		for i, c := range courses {
			ids[i], vs[i] = c.ID, c.values()
		}
		if i, err := courseTable.insertBatch(ctx, tx, change, ids, vs, at); err != nil {
			return fmt.Errorf("sample course %d: %w", i, err)
		}
		ids, vs = make([]string, len(participants)), make([]values, len(participants))
		for i, p := range participants {
			ids[i], vs[i] = p.ID, p.values()
		}
		if i, err := participantTable.insertBatch(ctx, tx, change, ids, vs, at); err != nil {
			return fmt.Errorf("sample participant %d: %w", i, err)
		}
		ids, vs = make([]string, len(marks)), make([]values, len(marks))
		for i, m := range marks {
			ids[i] = attendanceID(m.ParticipantID, m.Day)
			vs[i] = values{"participant_id": m.ParticipantID, "day": m.Day, "mark": m.Mark}
		}
		if i, err := attendanceTable.insertBatch(ctx, tx, change, ids, vs, at); err != nil {
			return fmt.Errorf("sample mark %d: %w", i, err)
		}
		return nil
	})
}

// trainingSampleRecords makes the records of a training sample, with people
// of the register (as samplePeople reads them), without storing them.
func trainingSampleRecords(people []Participant, size TrainingSampleSize, seed uint64) ([]Course, []Participant, []Mark, error) {
	if len(people) == 0 {
		return nil, nil, nil, errors.New("the register holds no contacts to put on courses")
	}
	bySector := map[string][]int{}
	orgIDs, contactIDs := map[string]bool{}, map[string]bool{}
	var organisers []string // the first organisations of the register: the national agencies of a sample
	for i, p := range people {
		bySector[p.Sector] = append(bySector[p.Sector], i)
		contactIDs[p.ContactID] = true
		if !orgIDs[p.OrganisationID] {
			orgIDs[p.OrganisationID] = true
			if len(organisers) < 30 {
				organisers = append(organisers, p.OrganisationID)
			}
		}
	}
	exists := func(entity, id string) (bool, error) {
		if entity == "contact" {
			return contactIDs[id], nil
		}
		return orgIDs[id], nil
	}

	r := rand.New(rand.NewPCG(seed, seed^0x7f4a7c159e3779b9))
	var courses []Course
	var participants []Participant
	var marks []Mark
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	spanDays := int(time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC).Sub(start).Hours() / 24)
	for i := 0; i < size.Courses; i++ {
		kind := sampleCourses[r.IntN(len(sampleCourses))]
		region := sampleRegions[r.IntN(len(sampleRegions))]
		c := Course{ID: sampleID(seed, 3, i), Title: kind.title, Topics: kind.topics, Pillars: kind.pillars,
			Region: region, Venue: fmt.Sprintf(sampleVenues[r.IntN(len(sampleVenues))], region), Completion: DefaultCompletion}
		if region != "Capital" {
			c.Title += " — " + region
		}
		days := []int{1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 5, 5, 10}[r.IntN(20)]
		first := start.AddDate(0, 0, r.IntN(spanDays-10))
		for first.Weekday() == time.Saturday || first.Weekday() == time.Sunday {
			first = first.AddDate(0, 0, 1)
		}
		n := 10 + r.IntN(30)
		if i == 0 {
			c.Title, c.Topics, c.Pillars, c.Region, c.Venue = TrainingSampleLargeCourse,
				[]string{"Adult learning", "Indicators", "Referral", "Running a course"}, []string{"protection", "partnership"},
				"Capital", "National Institute of Justice, Capital"
			days, n, first = 10, 500, time.Date(2025, 10, 6, 0, 0, 0, 0, time.UTC)
		}
		c.FirstDay = first.Format(time.DateOnly)
		c.LastDay = first.AddDate(0, 0, days-1).Format(time.DateOnly)
		switch {
		case i == 0:
			c.Status = "held"
		case c.FirstDay >= "2026-09-01":
			c.Status = "planned"
		case r.IntN(20) == 0:
			c.Status = "cancelled"
		default:
			c.Status = "held"
		}
		switch r.IntN(10) {
		case 0:
			c.Completion = 100
		case 1:
			c.Completion = 60
		}
		c.Organisers = []string{organisers[r.IntN(len(organisers))]}
		if r.IntN(2) == 0 {
			c.Funders = []string{organisers[r.IntN(len(organisers))]}
		}
		c.Trainers = []string{people[r.IntN(len(people))].ContactID, people[r.IntN(len(people))].ContactID}

		// Who comes: a quarter of the courses of a kind meant for some
		// sectors are for those sectors only; the others are joint.
		pool := []int(nil)
		if kind.sectors != nil && r.IntN(4) == 0 && i > 0 {
			for _, sec := range kind.sectors {
				pool = append(pool, bySector[sec]...)
			}
			c.TargetSectors = kind.sectors
		}
		n = min(n, len(people))
		if len(pool) > 0 {
			n = min(n, len(pool))
		}
		chosen := make(map[int]bool, n)
		var onCourse []Participant
		for len(onCourse) < n {
			k := r.IntN(len(people))
			if len(pool) > 0 {
				k = pool[r.IntN(len(pool))]
			}
			if chosen[k] {
				continue
			}
			chosen[k] = true
			p := people[k]
			p.ID, p.CourseID = sampleID(seed, 4, len(participants)+len(onCourse)), c.ID
			onCourse = append(onCourse, p)
		}
		norm, err := normaliseCourse(c, exists)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("sample course %d: %w", i, err)
		}
		courses = append(courses, norm)
		participants = append(participants, onCourse...)

		if norm.Status != "held" {
			continue
		}
		for _, p := range onCourse {
			noShow := r.IntN(25) == 0
			for _, d := range norm.Days() {
				if len(marks) == size.Marks {
					break
				}
				m := "present"
				switch x := r.IntN(100); {
				case noShow || x < 5:
					m = "absent"
				case x < 8:
					m = "excused"
				case x < 14:
					m = "late"
				}
				marks = append(marks, Mark{ParticipantID: p.ID, Day: d, Mark: m})
			}
		}
	}
	if len(marks) < size.Marks {
		return nil, nil, nil, fmt.Errorf("the sample courses have room for %d marks, not %d", len(marks), size.Marks)
	}
	sampleStatuses(r, courses, participants, marks)
	return courses, participants, marks, nil
}

// samplePeople reads every current contact as a participant would be
// recorded: name, sex, organisation and sector.
func (s *Store) samplePeople(ctx context.Context) ([]Participant, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, c.name, c.sex, o.id, o.name, o.sector
		FROM contact c JOIN organisation o ON o.id = c.organisation_id
		WHERE c.archived = 0 ORDER BY o.pk, c.pk`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Participant
	for rows.Next() {
		var p Participant
		if err := rows.Scan(&p.ContactID, &p.Name, &p.Sex, &p.OrganisationID, &p.OrganisationName, &p.Sector); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// sampleStatuses gives the sample's participants the statuses their marks
// give (attended, or did not come); those of a held course without marks
// attended; of a course to come, most confirmed, some invited, a few
// declined, set two weeks before it.
func sampleStatuses(r *rand.Rand, courses []Course, participants []Participant, marks []Mark) {
	byParticipant := map[string]map[string]string{}
	for _, m := range marks {
		if byParticipant[m.ParticipantID] == nil {
			byParticipant[m.ParticipantID] = map[string]string{}
		}
		byParticipant[m.ParticipantID][m.Day] = m.Mark
	}
	byID := make(map[string]Course, len(courses))
	for _, c := range courses {
		byID[c.ID] = c
	}
	for i := range participants {
		p := &participants[i]
		c := byID[p.CourseID]
		p.Status, p.StatusOn = statusFromMarks(byParticipant[p.ID]), c.LastDay
		switch {
		case p.Status != "":
		case c.Status == "held":
			p.Status = StatusAttended
		default:
			p.Status = []string{StatusConfirmed, StatusConfirmed, StatusConfirmed, StatusInvited, StatusDeclined}[r.IntN(5)]
			if first, err := time.Parse(time.DateOnly, c.FirstDay); err == nil {
				p.StatusOn = first.AddDate(0, 0, -14).Format(time.DateOnly)
			}
		}
	}
}
