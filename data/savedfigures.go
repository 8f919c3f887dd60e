package data

import (
	"context"
	"database/sql"
)

// The figures of each course, counted in memory (figureCache), are kept in
// the register when it closes (the figure_cache table) and read back at the
// next opening, so that the first figures of a session — the first reply
// exported, the first Figures window — sum what was counted before instead
// of reading every participant and mark of the register again (a second and
// a half on the large register). What changed since is counted again from
// the history, as within a session.
//
// The saved figures are derived data: outside the history, never sent to
// other copies. They are used only when they were counted by this format,
// under this schema, and include no change the register does not have.

// courseFiguresName is the figure_cache row of the courses' figures.
const courseFiguresName = "courses"

// courseFiguresFormat changes whenever courseCounts, TrainingFigures or
// their counting rules change, so that figures counted by an older program
// are counted anew rather than trusted.
const courseFiguresFormat = 1

// loadSavedFigures fills an empty cache with the figures saved in the
// register, if they can be trusted up to lastID, the newest change. It
// says whether it did; any problem only means counting from the file.
func (s *Store) loadSavedFigures(ctx context.Context, c *figureCache, lastID int64) bool {
	var asOf int64
	var blob []byte
	err := s.read.QueryRowContext(ctx, "SELECT as_of, data FROM figure_cache WHERE name = ? AND format = ? AND schema = ?",
		courseFiguresName, courseFiguresFormat, len(migrations)).Scan(&asOf, &blob)
	if err != nil || asOf > lastID { // none, an older register, or a history that is not this one's
		return false
	}
	orgs, courses, err := decodeFigures(blob)
	if err != nil {
		return false
	}
	c.orgs, c.courses = orgs, courses
	c.lastID, c.savedAsOf, c.built = asOf, asOf, true
	return true
}

// saveFigures keeps the figures counted in this session in the register,
// if they include changes the saved ones do not. It writes nothing to a
// register opened read-only or whose check of every page has not passed.
func (s *Store) saveFigures(ctx context.Context) error {
	if s.readOnly || s.write == nil || !s.checkPassed() { // never wait for the check, nor write into a damaged file
		return nil
	}
	c := &s.figures
	c.mu.Lock()
	if !c.built || c.lastID == c.savedAsOf {
		c.mu.Unlock()
		return nil
	}
	blob := encodeFigures(c.orgs.names, c.courses)
	asOf := c.lastID
	c.mu.Unlock()

	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO figure_cache (name, format, schema, as_of, data) VALUES (?, ?, ?, ?, ?)`,
			courseFiguresName, courseFiguresFormat, len(migrations), asOf, blob)
		return err
	})
	if err == nil {
		c.mu.Lock()
		c.savedAsOf = max(c.savedAsOf, asOf)
		c.mu.Unlock()
	}
	return err
}
