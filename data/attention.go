package data

import (
	"context"
	"sort"
	"strconv"
	"time"
)

// What the Overview lists as needing attention, each kind a rule.
const (
	AttentionOverdueAction     = "overdue_action"     // a plan action past its deadline, neither done nor dropped
	AttentionNoAttendance      = "no_attendance"      // a course held in the last year, no mark at all, someone still only confirmed
	AttentionNoCertificates    = "no_certificates"    // a course held in the last year whose attendance is taken, and no certificate issued
	AttentionCourseThisMonth   = "course_this_month"  // a course (not cancelled) beginning this calendar month
	AttentionMeetingSoon       = "meeting_soon"       // a meeting of the coordination body in the next 30 days
	AttentionStatisticsMissing = "statistics_missing" // last year has no statistic entered at all
	AttentionQuality           = "quality"            // a finding of the data checks in the years of the period
	AttentionAgreementExpiring = "agreement_expiring" // an agreement in force whose validity ends in the next 90 days
	AttentionAgencySilent      = "agency_silent"      // a member agency asked by the open reply that has not contributed (see export.SilentAgencyItems)
)

// AttentionItem is one thing worth doing, and the record it opens.
type AttentionItem struct {
	Kind   string // one of the Attention… kinds
	Entity string // the kind of record it opens: plan_action, course, meeting, agreement, statistic
	ID     string // the record's id (a year for statistics)
	Day    string // the day it is about (deadline, first day, meeting, end of validity), if any
	Title  string // the record's own words: an action's activity, a course's or agreement's title, a meeting's place, a finding
}

// Attention lists what needs attention on today, for the period [from, to]
// (the data checks look at its years): overdue plan actions first, then by
// kind and day.
func (s *Store) Attention(ctx context.Context, today, from, to string) ([]AttentionItem, error) {
	day, err := time.Parse(time.DateOnly, today)
	if err != nil {
		return nil, err
	}
	var out []AttentionItem
	plans, err := s.Plans(ctx)
	if err != nil {
		return nil, err
	}
	if len(plans) > 0 {
		actions, err := s.Actions(ctx, plans[0].ID)
		if err != nil {
			return nil, err
		}
		for _, a := range actions {
			if a.Overdue(today) {
				out = append(out, AttentionItem{AttentionOverdueAction, "plan_action", a.ID, a.Deadline, a.Activity})
			}
		}
	}
	courses, err := s.attentionCourses(ctx, day)
	if err != nil {
		return nil, err
	}
	out = append(out, courses...)
	meetings, err := s.Meetings(ctx, today, day.AddDate(0, 0, 30).Format(time.DateOnly))
	if err != nil {
		return nil, err
	}
	for _, m := range meetings {
		out = append(out, AttentionItem{AttentionMeetingSoon, "meeting", m.ID, m.Day, m.Place})
	}
	lastYear := day.Year() - 1
	var entered int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM statistic WHERE year = ?", lastYear).Scan(&entered); err != nil {
		return nil, err
	}
	if entered == 0 {
		out = append(out, AttentionItem{AttentionStatisticsMissing, "statistic", strconv.Itoa(lastYear), "", ""})
	}
	findings, err := s.QualityFindings(ctx, from, to)
	if err != nil {
		return nil, err
	}
	for _, f := range findings {
		out = append(out, AttentionItem{AttentionQuality, "statistic", strconv.Itoa(f.Year), "", f.Message})
	}
	ending, err := s.agreementsEnding(ctx, today, day.AddDate(0, 0, 90).Format(time.DateOnly))
	if err != nil {
		return nil, err
	}
	out = append(out, ending...)
	order := map[string]int{}
	for i, k := range []string{AttentionOverdueAction, AttentionCourseThisMonth, AttentionMeetingSoon, AttentionAgreementExpiring,
		AttentionNoAttendance, AttentionNoCertificates, AttentionStatisticsMissing, AttentionQuality} {
		order[k] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return order[out[i].Kind] < order[out[j].Kind]
		}
		return out[i].Day < out[j].Day
	})
	return out, nil
}

// agreementsEnding are the agreements in force whose validity ends in
// [from, to]: read by themselves, not with the whole list of agreements
// and their parties.
func (s *Store) agreementsEnding(ctx context.Context, from, to string) ([]AttentionItem, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, title, valid_until FROM agreement
		WHERE archived = 0 AND status = 'in_force' AND valid_until BETWEEN ? AND ? ORDER BY valid_until`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AttentionItem
	for rows.Next() {
		var id, title, until string
		if err := rows.Scan(&id, &title, &until); err != nil {
			return nil, err
		}
		out = append(out, AttentionItem{AttentionAgreementExpiring, "agreement", id, until, title})
	}
	return out, rows.Err()
}

// attentionCourses are the courses beginning this month, and those held in
// the last year whose attendance or certificates are missing.
func (s *Store) attentionCourses(ctx context.Context, day time.Time) ([]AttentionItem, error) {
	monthStart := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
	monthEnd := monthStart.AddDate(0, 1, -1).Format(time.DateOnly)
	yearAgo := day.AddDate(-1, 0, 0).Format(time.DateOnly)
	today := day.Format(time.DateOnly)
	// missing is, for a course held in the last year, 1 when nobody's
	// attendance is recorded while someone is still only confirmed, 2 when
	// attendance is recorded and no certificate issued; the CASE asks
	// only the question that matters (each EXISTS visits the course's
	// participants: asking all three of every course took 35 ms a year).
	rows, err := s.read.QueryContext(ctx, `
		SELECT c.id, c.title, c.first_day,
			CASE WHEN c.status <> 'held' OR c.first_day NOT BETWEEN ?3 AND ?4 THEN 0
			WHEN EXISTS (SELECT 1 FROM participant p JOIN attendance a ON a.participant_id = p.id WHERE p.course_id = c.id AND p.archived = 0)
				THEN 2 * NOT EXISTS (SELECT 1 FROM participant p JOIN certificate x ON x.participant_id = p.id WHERE p.course_id = c.id)
			ELSE EXISTS (SELECT 1 FROM participant p WHERE p.course_id = c.id AND p.archived = 0 AND p.status = 'confirmed') END
		FROM course c
		WHERE c.archived = 0 AND c.status <> 'cancelled' AND ((c.first_day BETWEEN ?1 AND ?2) OR (c.status = 'held' AND c.first_day BETWEEN ?3 AND ?4))
		ORDER BY c.first_day`, monthStart.Format(time.DateOnly), monthEnd, yearAgo, today)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AttentionItem
	for rows.Next() {
		var id, title, first string
		var missing int
		if err := rows.Scan(&id, &title, &first, &missing); err != nil {
			return nil, err
		}
		if first >= monthStart.Format(time.DateOnly) && first <= monthEnd {
			out = append(out, AttentionItem{AttentionCourseThisMonth, "course", id, first, title})
		}
		switch missing {
		case 1:
			out = append(out, AttentionItem{AttentionNoAttendance, "course", id, first, title})
		case 2:
			out = append(out, AttentionItem{AttentionNoCertificates, "course", id, first, title})
		}
	}
	return out, rows.Err()
}
