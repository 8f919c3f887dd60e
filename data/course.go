package data

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Course is a joint training course: one or several days that bring
// professionals of several agencies into one room.
type Course struct {
	ID            string
	Title         string
	Topics        []string
	Pillars       []string // codes of Pillars
	Status        string   // a code of CourseStatuses
	FirstDay      string   // YYYY-MM-DD
	LastDay       string   // YYYY-MM-DD
	Venue         string
	Region        string
	Organisers    []string // organisation ids
	Funders       []string // organisation ids
	Trainers      []string // contact ids
	TargetSectors []string // sector codes
	Notes         string   // curriculum and materials
	// Completion is the share of days, in percent, a participant must be
	// present or late on to complete the course (and get a certificate).
	Completion int
	CreatedAt  string
	UpdatedAt  string
	Archived   bool
}

// DefaultCompletion is the completion rule of a new course, in percent of days.
const DefaultCompletion = 80

// maxCourseDays bounds a course's length, to catch a year typed wrong.
const maxCourseDays = 62

var courseTable = table{
	entity: "course",
	label:  "title",
	fields: []Field{textField("title", "Title"), linesField("topics", "Topics"), codesField("pillars", "Pillars", "pillar"),
		codeField("status", "Status", "status"), dateField("first_day", "First day"), dateField("last_day", "Last day"),
		textField("venue", "Venue"), textField("region", "Region"),
		refsField("organisers", "Organisers", "organisation"), refsField("funders", "Funders", "organisation"),
		refsField("trainers", "Trainers", "contact"), codesField("target_sectors", "Target sectors", "sector"),
		textField("notes", "Notes"), numberField("completion", "Completion rule (% of days)"), archivedField},
}

func (c Course) values() values {
	return values{
		"title": c.Title, "topics": joinLines(c.Topics), "pillars": joinLines(c.Pillars), "status": c.Status,
		"first_day": c.FirstDay, "last_day": c.LastDay, "venue": c.Venue, "region": c.Region,
		"organisers": joinLines(c.Organisers), "funders": joinLines(c.Funders), "trainers": joinLines(c.Trainers),
		"target_sectors": joinLines(c.TargetSectors), "notes": c.Notes,
		"completion": strconv.Itoa(c.Completion), "archived": boolText(c.Archived),
	}
}

// Days lists the days of the course, first to last.
func (c Course) Days() []string {
	first, err1 := time.Parse(time.DateOnly, c.FirstDay)
	last, err2 := time.Parse(time.DateOnly, c.LastDay)
	if err1 != nil || err2 != nil || last.Before(first) {
		return nil
	}
	var days []string
	for d := first; !d.After(last) && len(days) < maxCourseDays; d = d.AddDate(0, 0, 1) {
		days = append(days, d.Format(time.DateOnly))
	}
	return days
}

// normaliseCourse trims and checks every field; exists tells whether a
// record of a kind (organisation, contact) is in the register.
func normaliseCourse(c Course, exists func(entity, id string) (bool, error)) (Course, error) {
	var v validator
	c.Title = strings.Join(strings.Fields(c.Title), " ")
	c.Venue, c.Region, c.Notes = strings.TrimSpace(c.Venue), strings.TrimSpace(c.Region), strings.TrimSpace(c.Notes)
	v.required("title", c.Title)
	if c.Status == "" {
		c.Status = "planned"
	}
	v.code("status", c.Status, CourseStatuses)
	c.Topics, c.Pillars, c.TargetSectors = lines(c.Topics), lines(c.Pillars), lines(c.TargetSectors)
	for _, p := range c.Pillars {
		v.code("pillars", p, Pillars)
	}
	for _, s := range c.TargetSectors {
		v.code("target_sectors", s, SectorCodes())
	}
	first := v.date("first_day", c.FirstDay)
	last := v.date("last_day", c.LastDay)
	// A last day left empty (or only spaces, as a form may send it) makes a
	// one-day course; checking c.LastDay == "" let "  " through as no last day.
	if strings.TrimSpace(c.LastDay) == "" && first != "" {
		last = first // a one-day course
	}
	c.FirstDay, c.LastDay = first, last
	if first != "" && last != "" {
		switch {
		case last < first:
			v.add("last_day", "error.last_before_first", "The last day ({{.Last}}) is before the first day ({{.First}})",
				map[string]any{"First": first, "Last": last})
		case len(Course{FirstDay: first, LastDay: last}.Days()) >= maxCourseDays:
			v.add("last_day", "error.course_too_long", "A course of more than {{.Max}} days: is the year right?",
				map[string]any{"Max": maxCourseDays - 1})
		}
	}
	if c.Completion == 0 {
		c.Completion = DefaultCompletion
	}
	if c.Completion < 1 || c.Completion > 100 {
		v.add("completion", "error.percent", "{{.Value}} is not a share of days between 1 and 100 %",
			map[string]any{"Value": c.Completion})
	}
	for _, ref := range []struct {
		field, entity string
		ids           *[]string
	}{{"organisers", "organisation", &c.Organisers}, {"funders", "organisation", &c.Funders}, {"trainers", "contact", &c.Trainers}} {
		*ref.ids = lines(*ref.ids)
		if err := v.references(ref.field, ref.entity, *ref.ids, exists); err != nil {
			return c, err
		}
	}
	return c, v.err()
}

// date checks a required YYYY-MM-DD date.
func (v *validator) date(field, value string) string {
	value = strings.TrimSpace(value)
	if value == "" {
		if field == "first_day" {
			v.add(field, "error.required", "Required", nil)
		}
		return ""
	}
	d, err := time.Parse(time.DateOnly, value)
	if err != nil {
		v.add(field, "error.date", "“{{.Value}}” is not a date", map[string]any{"Value": value})
		return ""
	}
	return d.Format(time.DateOnly)
}

func (s *Store) recordExists(ctx context.Context) func(entity, id string) (bool, error) {
	return func(entity, id string) (bool, error) {
		var n int
		err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM "+entity+" WHERE id = ?", id).Scan(&n)
		return n > 0, err
	}
}

// SaveCourse validates c and creates or updates it, with its history entry.
// A course's days cannot shrink past attendance already recorded on them.
func (s *Store) SaveCourse(ctx context.Context, c *Course) error {
	n, err := normaliseCourse(*c, s.recordExists(ctx))
	if err != nil {
		return err
	}
	check := func(tx *sql.Tx) error { return checkMarksWithin(ctx, tx, n) }
	if err := s.saveWithID(ctx, courseTable, &n.ID, n.values(), check); err != nil {
		return err
	}
	return readBack(ctx, s.Course, n.ID, c)
}

// checkMarksWithin refuses new dates that would leave recorded attendance
// outside the course.
func checkMarksWithin(ctx context.Context, tx *sql.Tx, c Course) error {
	var outside int
	var day sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT count(*), min(a.day) FROM attendance a
		JOIN participant p ON p.id = a.participant_id
		WHERE p.course_id = ? AND (a.day < ? OR a.day > ?)`, c.ID, c.FirstDay, c.LastDay).Scan(&outside, &day)
	if err != nil || outside == 0 {
		return err
	}
	return &ValidationError{Errors: []FieldError{{Field: "first_day", Key: "error.marks_outside",
		Template: "Attendance is recorded on {{.Day}}, outside these dates: clear it first",
		Data:     map[string]any{"Day": day.String}}}}
}

// SetCourseArchived archives or restores a course as one undoable change;
// its participants and attendance stay.
func (s *Store) SetCourseArchived(ctx context.Context, id string, archived bool) error {
	return s.setArchived(ctx, courseTable, id, archived)
}

var courseColumns = withLinks(courseTable, `id, title, topics, pillars, status, first_day, last_day, venue, region,
	organisers, funders, trainers, target_sectors, notes, completion, created_at, updated_at, archived`)

func scanCourse(row interface{ Scan(...any) error }) (Course, error) {
	var c Course
	var topics, pillars, organisers, funders, trainers, sectors string
	err := row.Scan(&c.ID, &c.Title, &topics, &pillars, &c.Status, &c.FirstDay, &c.LastDay, &c.Venue, &c.Region,
		&organisers, &funders, &trainers, &sectors, &c.Notes, &c.Completion, &c.CreatedAt, &c.UpdatedAt, &c.Archived)
	c.Topics, c.Pillars, c.Organisers = splitLines(topics), splitLines(pillars), splitLines(organisers)
	c.Funders, c.Trainers, c.TargetSectors = splitLines(funders), splitLines(trainers), splitLines(sectors)
	return c, err
}

// Course reads one course by id.
func (s *Store) Course(ctx context.Context, id string) (Course, error) {
	c, err := scanCourse(s.read.QueryRowContext(ctx, "SELECT "+courseColumns+" FROM course WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	return c, err
}

// CourseFilter narrows the course list; the zero value lists every course
// that is not archived.
type CourseFilter struct {
	From, To string // first day within [From, To], YYYY-MM-DD; empty for open
	Status   string
	Pillar   string
	Query    string // words in the title or topics (case and accents ignored)
	Sector   string // a sector reached: someone of it is on the course
	Joint    bool   // only courses with participants of two or more sectors
	Archived bool
}

// Courses lists the courses that pass the filter, newest first.
func (s *Store) Courses(ctx context.Context, f CourseFilter) ([]Course, error) {
	where := []string{"1 = 1"}
	var args []any
	if !f.Archived {
		where = append(where, "archived = 0")
	}
	if f.From != "" {
		where, args = append(where, "first_day >= ?"), append(args, f.From)
	}
	if f.To != "" {
		where, args = append(where, "first_day <= ?"), append(args, f.To)
	}
	if f.Status != "" {
		where, args = append(where, "status = ?"), append(args, f.Status)
	}
	if f.Pillar != "" {
		where, args = append(where, "('\n' || pillars || '\n') LIKE ?"), append(args, "%\n"+f.Pillar+"\n%")
	}
	// "Joint" and "sector reached" are decided by the courses' figures, the
	// same counting as the reply's: someone absent on every day of a course
	// with attendance recorded reached nobody.
	var reached map[string]bool
	if f.Sector != "" || f.Joint {
		cache, err := s.lockedFigures(ctx)
		if err != nil {
			return nil, err
		}
		reached = map[string]bool{}
		for id, c := range cache.courses {
			if (!f.Joint || c.figures.JointCourses > 0) && (f.Sector == "" || c.figures.BySector[f.Sector] > 0) {
				reached[id] = true
			}
		}
		cache.mu.Unlock()
	}
	rows, err := s.read.QueryContext(ctx, "SELECT "+courseColumns+" FROM course WHERE "+
		strings.Join(where, " AND ")+" ORDER BY first_day DESC, title", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// The query is cut into words where the titles are ("child-sensitive"
	// typed whole found nothing: no word of the title starts with it).
	words := strings.FieldsFunc(Fold(f.Query), titleWordBreak)
	var out []Course
	for rows.Next() {
		c, err := scanCourse(rows)
		if err != nil {
			return nil, err
		}
		if (reached == nil || reached[c.ID]) && matchesAll(Fold(c.Title+" "+strings.Join(c.Topics, " ")), words) {
			out = append(out, c)
		}
	}
	return out, rows.Err()
}

// titleWordBreak tells where course titles and topics break into words.
func titleWordBreak(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '.' }

// matchesAll tells whether every word starts a word of text (both folded).
func matchesAll(text string, words []string) bool {
	fields := strings.FieldsFunc(text, titleWordBreak)
	for _, w := range words {
		found := false
		for _, f := range fields {
			if strings.HasPrefix(f, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
