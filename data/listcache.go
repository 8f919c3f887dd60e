package data

import (
	"context"
	"database/sql"
	"strings"
	"sync"
)

// listCache holds, in memory and in the order of the user's language, what
// the organisation list shows of every organisation. A search asks SQLite
// only which records match (the full-text index answers from its own pages)
// and filters this list: reading thousands of rows from the table and
// sorting them again at each keystroke took most of a search's time.
//
// Every change of the register is in the history, so the history tells the
// cache what to read again: the organisations that a change touched, or,
// after a large change such as an import, everything. This also sees changes
// made by another program while the register is open read-only.
type listCache struct {
	mu       sync.Mutex // held while the list is read or filtered
	built    bool
	lastID   int64 // newest change id read into the cache
	orgs     []OrganisationRow
	orgIndex []int            // organisation pk → index in orgs, -1 for none (pks are dense)
	pkAt     []int64          // index in orgs → organisation pk
	orgText  []string         // organisation pk → its folded search text (searchpage.go)
	orgSig   []wordStarts     // organisation pk → how the words of its text start; nil until a search needs them
	orgPK    map[string]int64 // organisation id → pk
	people   contactCache     // read when a search first needs it
}

// maxPatchedRecords is how many touched records the cache reads one by one
// before it reads the whole list again instead.
const maxPatchedRecords = 500

// lockedList brings the cache up to date and returns it locked; the caller
// unlocks c.mu when done with it.
func (s *Store) lockedList(ctx context.Context) (*listCache, error) {
	lastID, err := s.newestChange(ctx)
	if err != nil {
		return nil, err
	}
	c := &s.lists
	c.mu.Lock()
	err = c.update(ctx, s.read, lastID)
	if err != nil {
		c.built = false
		c.mu.Unlock()
		return nil, err
	}
	return c, nil
}

func (c *listCache) update(ctx context.Context, db *sql.DB, lastID int64) error {
	if c.built && lastID == c.lastID {
		return nil
	}
	if c.built && lastID > c.lastID {
		ids, err := touchedRecords(ctx, db, c.lastID, "organisation")
		if err != nil {
			return err
		}
		if len(ids) <= maxPatchedRecords {
			if err := c.patch(ctx, db, ids); err != nil {
				return err
			}
			// After the organisations: a contact may name one just added.
			if err := c.patchPeople(ctx, db); err != nil {
				c.people.forget()
				return err
			}
			c.lastID = lastID
			return nil
		}
	}
	if err := c.rebuild(ctx, db); err != nil {
		return err
	}
	c.people.forget() // a change this large (an import) is read anew
	c.lastID, c.built = lastID, true
	return nil
}

// patchPeople reads again the contacts changed since the cache's change id,
// or forgets them all after a change too large to patch.
func (c *listCache) patchPeople(ctx context.Context, db *sql.DB) error {
	if !c.people.built {
		return nil
	}
	ids, err := touchedRecords(ctx, db, c.lastID, "contact")
	if err != nil {
		return err
	}
	if len(ids) > maxPatchedRecords {
		c.people.forget()
		return nil
	}
	return c.people.patch(ctx, db, c.orgPK, ids)
}

// touchedRecords lists the records of an entity changed since a change id
// (at most maxPatchedRecords+1 of them: past that the list is read whole).
// It reads the items by change id, newest changes only, and leaves out
// repeats itself: with DISTINCT in SQL, SQLite chose to walk the whole
// history in record order instead.
func touchedRecords(ctx context.Context, db *sql.DB, since int64, entity string) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT record_id FROM change_item
		WHERE change_id > ? AND entity = ?`, since, entity)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	seen := map[string]bool{}
	for rows.Next() && len(ids) <= maxPatchedRecords {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, rows.Err()
}

const listColumns = "pk, id, name, acronym, sector, level, region, mechanism_role, archived, search_text"

func (c *listCache) scanListRow(rows *sql.Rows) (int64, OrganisationRow, error) {
	var pk int64
	var r OrganisationRow
	var text string
	err := rows.Scan(&pk, &r.ID, &r.Name, &r.Acronym, &r.Sector, &r.Level, &r.Region, &r.MechanismRole, &r.Archived, &text)
	for int64(len(c.orgText)) <= pk {
		c.orgText = append(c.orgText, "")
	}
	c.orgText[pk] = text
	if c.orgSig != nil { // kept up to date once made
		for int64(len(c.orgSig)) <= pk {
			c.orgSig = append(c.orgSig, wordStarts{})
		}
		c.orgSig[pk] = wordStarts{}
		c.orgSig[pk].add(text)
	}
	return pk, r, err
}

func (c *listCache) rebuild(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT "+listColumns+" FROM organisation")
	if err != nil {
		return err
	}
	defer rows.Close()
	// The signatures are made when a search first needs them, not here:
	// this read is on the way to the window's first frame.
	c.orgs, c.orgPK, c.orgText, c.orgSig = c.orgs[:0], map[string]int64{}, nil, nil
	for rows.Next() {
		pk, r, err := c.scanListRow(rows)
		if err != nil {
			return err
		}
		c.orgs = append(c.orgs, r)
		c.orgPK[r.ID] = pk
	}
	if err := rows.Err(); err != nil {
		return err
	}
	c.sort()
	return nil
}

// patch reads the given organisations again (removing those deleted) and
// puts the list back in order.
func (c *listCache) patch(ctx context.Context, db *sql.DB, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	fresh := map[string]OrganisationRow{}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := db.QueryContext(ctx, "SELECT "+listColumns+" FROM organisation WHERE id IN (?"+
		strings.Repeat(", ?", len(ids)-1)+")", args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		pk, r, err := c.scanListRow(rows)
		if err != nil {
			return err
		}
		fresh[r.ID] = r
		c.orgPK[r.ID] = pk
	}
	if err := rows.Err(); err != nil {
		return err
	}
	kept := c.orgs[:0]
	for _, r := range c.orgs {
		if _, touched := fresh[r.ID]; !touched && !contains(ids, r.ID) {
			kept = append(kept, r)
		}
	}
	for _, id := range ids {
		if r, ok := fresh[id]; ok {
			kept = append(kept, r)
		} else {
			delete(c.orgPK, id) // deleted (an undone creation)
		}
	}
	c.orgs = kept
	c.sort()
	return nil
}

func (c *listCache) sort() {
	sortBy(c.orgs, func(r OrganisationRow) string { return r.Name })
	var maxPK int64
	for _, pk := range c.orgPK {
		maxPK = max(maxPK, pk)
	}
	c.orgIndex = make([]int, maxPK+1)
	for i := range c.orgIndex {
		c.orgIndex[i] = -1
	}
	c.pkAt = make([]int64, len(c.orgs))
	for i, r := range c.orgs {
		pk := c.orgPK[r.ID]
		c.orgIndex[pk], c.pkAt[i] = i, pk
	}
}

// signatures makes the organisations' signatures, the first time a
// search needs them (30 ms for the large register's 10,000).
func (c *listCache) signatures() []wordStarts {
	if c.orgSig == nil {
		c.orgSig = make([]wordStarts, len(c.orgText))
		for pk, text := range c.orgText {
			c.orgSig[pk].add(text)
		}
	}
	return c.orgSig
}

// indexOf is the place in the list of the organisation with this pk.
func (c *listCache) indexOf(pk int64) (int, bool) {
	if pk < 0 || pk >= int64(len(c.orgIndex)) || c.orgIndex[pk] < 0 {
		return 0, false
	}
	return c.orgIndex[pk], true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
