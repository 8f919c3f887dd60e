package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"sync"
)

// figureCache keeps each course's training figures in memory, so that the
// figures of a period are a sum over courses rather than a read of every
// participant of the period (which pure-Go SQLite cannot do in 50 ms for a
// year of a large register). Like the organisation list (listCache), it
// learns from the history which courses a change touched and counts only
// those again; after a large change it counts everything anew.
type figureCache struct {
	mu      sync.Mutex // held while the figures are read or summed
	built   bool
	lastID  int64
	courses map[string]courseCounts
	orgs    orgNames // the organisations the courses' byOrg number
	// tried says the figures saved in the register were looked for (once
	// a session); savedAsOf is the newest change they include.
	tried     bool
	savedAsOf int64
}

// maxRecountedCourses is how many touched courses are counted one by one
// before every course is counted again instead.
const maxRecountedCourses = 200

// lockedFigures brings the cache up to date and returns it locked.
func (s *Store) lockedFigures(ctx context.Context) (*figureCache, error) {
	lastID, err := s.newestChange(ctx)
	if err != nil {
		return nil, err
	}
	c := &s.figures
	c.mu.Lock()
	if err := s.updateFigures(ctx, c, lastID); err != nil {
		c.built = false
		c.mu.Unlock()
		return nil, err
	}
	return c, nil
}

func (s *Store) updateFigures(ctx context.Context, c *figureCache, lastID int64) error {
	if !c.built && !c.tried {
		c.tried = true
		s.loadSavedFigures(ctx, c, lastID)
	}
	if c.built && lastID == c.lastID {
		return nil
	}
	if c.built && lastID > c.lastID {
		ids, err := s.touchedCourses(ctx, c.lastID)
		if err != nil {
			return err
		}
		if len(ids) <= maxRecountedCourses {
			if len(ids) > 0 {
				args := make([]any, len(ids))
				for i, id := range ids {
					args[i] = id
					delete(c.courses, id) // a course removed (an undone creation) stays removed
				}
				counts, err := s.courseFigures(ctx, &c.orgs, "c.id IN (?"+strings.Repeat(", ?", len(ids)-1)+")", args...)
				if err != nil {
					return err
				}
				for id, cc := range counts {
					c.courses[id] = cc
				}
			}
			c.lastID = lastID
			return nil
		}
	}
	var orgs orgNames
	counts, err := s.courseFigures(ctx, &orgs, "1 = 1")
	if err != nil {
		return err
	}
	c.courses, c.orgs, c.lastID, c.built = counts, orgs, lastID, true
	return nil
}

// touchedCourses lists the courses whose figures a change since a change id
// may have moved: the course itself, a participant of it, or a mark of one
// (an attendance record's id starts with the participant's). At most
// maxRecountedCourses+1 of them are named.
func (s *Store) touchedCourses(ctx context.Context, since int64) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT entity, record_id, kind, old_value || new_value FROM change_item
		WHERE change_id > ? AND entity IN ('course', 'participant', 'attendance')`, since)
	if err != nil {
		return nil, err
	}
	var courses, participants []string
	seen := map[string]bool{}
	for rows.Next() && len(courses)+len(participants) <= maxRecountedCourses*10 {
		var entity, id, kind, snapshot string
		if err := rows.Scan(&entity, &id, &kind, &snapshot); err != nil {
			rows.Close()
			return nil, err
		}
		if entity == "participant" && kind != "update" {
			// A participant created or removed: the snapshot names the course
			// (a removed one can no longer be looked up).
			var v values
			if json.Unmarshal([]byte(snapshot), &v) == nil && v["course_id"] != "" {
				entity, id = "course", v["course_id"]
			}
		}
		if entity == "attendance" {
			id, _, _ = strings.Cut(id, "/")
			entity = "participant"
		}
		if seen[entity+id] {
			continue
		}
		seen[entity+id] = true
		if entity == "course" {
			courses = append(courses, id)
		} else {
			participants = append(participants, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, p := range participants {
		var course string
		err := s.read.QueryRowContext(ctx, "SELECT course_id FROM participant WHERE id = ?", p).Scan(&course)
		if err == sql.ErrNoRows {
			continue // removed: its removal named the course above
		}
		if err != nil {
			return nil, err
		}
		if !seen["course"+course] {
			seen["course"+course] = true
			courses = append(courses, course)
		}
		if len(courses) > maxRecountedCourses {
			break
		}
	}
	return courses, nil
}
