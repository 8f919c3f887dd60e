package data

import (
	"bytes"
	"context"
	"database/sql"
)

// TrainingFigures are the counts of joint training for a course or a
// period, as the questionnaire reply reports them. The counting rules are
// in TrainingCountingRules.
type TrainingFigures struct {
	Courses        int            // courses held
	JointCourses   int            // of which joint: participants from two or more sectors
	Participants   int            // each person once per course
	BySector       map[string]int // sector code → participants
	BySex          map[string]int // sex code ("" not recorded) → participants
	ByOrganisation map[string]int // organisation name, as on the day → participants
	Government     int
	NonGovernment  int
}

// TrainingCountingRules says in words how TrainingFigures count.
const TrainingCountingRules = "Courses count when held and their first day falls in the period: one that runs across the end " +
	"of a period counts in the period it began in, and only there. " +
	"A participant is counted once per course, with the organisation and sector they were at on the course's first day " +
	"(taken when they were added, however much later) and the sex recorded, " +
	"when their status is attended: present or late on at least one day, or added to the course after it was held, or set so by hand. " +
	"The nominated, invited, confirmed, those who declined and those who did not come are not counted; " +
	"only a course not yet held, whose own figures are a forecast, counts those confirmed as well. " +
	"A course is joint when the participants counted come from two or more sectors."

// TrainingFiguresForPeriod counts the courses held with a first day in [from, to] (YYYY-MM-DD).
// It adds up the figures of each course, kept in memory and brought up to
// date from the history (see figureCache).
func (s *Store) TrainingFiguresForPeriod(ctx context.Context, from, to string) (TrainingFigures, error) {
	cache, err := s.lockedFigures(ctx)
	if err != nil {
		return TrainingFigures{}, err
	}
	defer cache.mu.Unlock()
	total := newTrainingFigures()
	byOrg := make([]int, len(cache.orgs.names))
	for _, c := range cache.courses {
		if c.held && !c.archived && c.firstDay >= from && c.firstDay <= to {
			total.add(c.figures)
			for _, oc := range c.byOrg {
				byOrg[oc.Org] += int(oc.N)
			}
		}
	}
	for i, n := range byOrg {
		if n > 0 {
			total.ByOrganisation[cache.orgs.names[i]] = n
		}
	}
	return total, nil
}

// TrainingFiguresForCourse counts one course, whatever its status.
func (s *Store) TrainingFiguresForCourse(ctx context.Context, courseID string) (TrainingFigures, error) {
	var orgs orgNames
	counts, err := s.courseFigures(ctx, &orgs, "c.id = ?", courseID)
	if err != nil {
		return TrainingFigures{}, err
	}
	total := newTrainingFigures()
	for _, c := range counts {
		total.add(c.figures)
		for _, oc := range c.byOrg {
			total.ByOrganisation[orgs.names[oc.Org]] += int(oc.N)
		}
	}
	return total, nil
}

func newTrainingFigures() TrainingFigures {
	return TrainingFigures{BySector: map[string]int{}, BySex: map[string]int{}, ByOrganisation: map[string]int{}}
}

// add adds the figures of other courses to f.
func (f *TrainingFigures) add(g TrainingFigures) {
	f.Courses += g.Courses
	f.JointCourses += g.JointCourses
	f.Participants += g.Participants
	f.Government += g.Government
	f.NonGovernment += g.NonGovernment
	for k, n := range g.BySector {
		f.BySector[k] += n
	}
	for k, n := range g.BySex {
		f.BySex[k] += n
	}
	for k, n := range g.ByOrganisation {
		f.ByOrganisation[k] += n
	}
}

// courseCounts are one course's figures and what decides whether a period counts it.
type courseCounts struct {
	held, archived bool
	firstDay       string
	figures        TrainingFigures // its ByOrganisation empty: see byOrg
	// byOrg counts the participants by organisation, numbered by orgNames:
	// summing a year of a large register's courses in a slice takes a
	// fraction of a millisecond, in a map by name about 20 ms.
	byOrg []orgCount
}

// orgCount is how many participants came from one numbered organisation.
type orgCount struct{ Org, N int32 }

// orgNames numbers the organisation names participants had on their courses.
type orgNames struct {
	names []string
	index map[string]int32
}

// numberOf is number for a name read into a buffer, which is copied only
// when the name is new.
func (o *orgNames) numberOf(name []byte) int32 {
	if i, ok := o.index[string(name)]; ok {
		return i
	}
	return o.number(string(name))
}

func (o *orgNames) number(name string) int32 {
	if i, ok := o.index[name]; ok {
		return i
	}
	if o.index == nil {
		o.index = map[string]int32{}
	}
	i := int32(len(o.names))
	o.names = append(o.names, name)
	o.index[name] = i
	return i
}

// courseFigures counts each chosen course on its own, numbering the
// organisations in orgs.
func (s *Store) courseFigures(ctx context.Context, orgs *orgNames, courses string, args ...any) (map[string]courseCounts, error) {
	// One row per participant still on a chosen course (one row of NULLs for
	// a course with nobody on it); only the attended count (their status
	// follows their marks, see statusesFromMarks), and on a course still to
	// be held the confirmed too.
	//
	// Why this shape: counting in SQL with GROUP BY was slower (docs/performance.md).
	rows, err := s.read.QueryContext(ctx, `
		SELECT c.id, c.status = 'held', c.archived, c.first_day, p.id IS NOT NULL, p.sector, p.sex, p.organisation_name,
			p.status = 'attended' OR (c.status <> 'held' AND p.status = 'confirmed')
		FROM course c LEFT JOIN participant p ON p.course_id = c.id AND p.archived = 0
		WHERE `+courses, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type person struct {
		sector, sex string
		org         int32 // numbered in orgs
	}
	type course struct {
		courseCounts
		people []person
	}
	// The text of each row is read into buffers used again for the next,
	// and kept only where it is new (a course, a code): counting every
	// participant of a large register made 1.5 million strings, and a
	// register four times as large held 230 MB while counting.
	codes := map[string]string{}
	code := func(b []byte) string {
		if s, ok := codes[string(b)]; ok { // no allocation: the compiler looks up []byte keys as they are
			return s
		}
		s := string(b)
		codes[s] = s
		return s
	}
	byCourse := map[string]*course{}
	var id, firstDay, sector, sex, org sql.RawBytes
	for rows.Next() {
		var held, archived, present bool
		var attended sql.NullBool
		if err := rows.Scan(&id, &held, &archived, &firstDay, &present, &sector, &sex, &org, &attended); err != nil {
			return nil, err
		}
		c := byCourse[string(id)]
		if c == nil {
			c = &course{courseCounts: courseCounts{held: held, archived: archived, firstDay: string(firstDay)}}
			byCourse[string(id)] = c
		}
		if !present { // nobody on the course
			continue
		}
		if attended.Bool {
			c.people = append(c.people, person{code(sector), code(sex), orgs.numberOf(bytes.TrimSpace(org))})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make(map[string]courseCounts, len(byCourse))
	for id, c := range byCourse {
		f := newTrainingFigures()
		f.Courses = 1
		sectors := map[string]bool{}
		byOrg := map[int32]int32{}
		for _, p := range c.people {
			f.Participants++
			f.BySector[p.sector]++
			f.BySex[p.sex]++
			byOrg[p.org]++
			sectors[p.sector] = true
			if IsGovernment(p.sector) {
				f.Government++
			} else {
				f.NonGovernment++
			}
		}
		if len(sectors) >= 2 {
			f.JointCourses = 1
		}
		c.figures = f
		c.byOrg = make([]orgCount, 0, len(byOrg))
		for org, n := range byOrg {
			c.byOrg = append(c.byOrg, orgCount{org, n})
		}
		out[id] = c.courseCounts
	}
	return out, nil
}
