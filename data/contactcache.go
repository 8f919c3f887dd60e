package data

import (
	"context"
	"database/sql"
	"maps"
	"strings"
)

// contactEntry is what a search needs of a contact: whose it is, the name
// it shows under the organisation, and whether it is archived.
type contactEntry struct {
	orgPK    int64 // the organisation's pk (0 for none, and for a gap in the pks)
	name     string
	archived bool
	text     string // the folded search text, for a first screen found in memory (searchpage.go)
}

// contactCache keeps every contact's entry in memory, beside the
// organisation list (and under its lock), so that a search asks SQLite only
// for the matching rowids. Reading the organisation and name of each hit
// from the table cost about 2 µs a contact: 25–45 ms for the 10,000 and
// more contacts that one or two typed letters find in a large register.
// The entries sit in a slice indexed by pk (pks are dense), which a search
// walks in rowid order. It is read the first time a search needs it, and
// patched from the history like the list.
type contactCache struct {
	built     bool
	contacts  []contactEntry   // by contact pk
	contactPK map[string]int64 // contact id → pk
	byOrg     peopleByOrg      // made after reading, for a first screen found in memory
}

const contactCacheQuery = "SELECT pk, id, organisation_id, name, archived, search_text FROM contact"

// rebuild reads every contact; orgPK gives an organisation's pk by its id
// (the list's map: looking it up in the file cost five times the read).
func (c *contactCache) rebuild(ctx context.Context, db *sql.DB, orgPK map[string]int64) error {
	var maxPK int64
	if err := db.QueryRowContext(ctx, "SELECT coalesce(max(pk), 0) FROM contact").Scan(&maxPK); err != nil {
		return err
	}
	c.contacts, c.contactPK = make([]contactEntry, maxPK+1), make(map[string]int64, maxPK)
	rows, err := db.QueryContext(ctx, contactCacheQuery)
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := c.read(rows, orgPK); err != nil {
		return err
	}
	c.built = true
	return nil
}

func (c *contactCache) read(rows *sql.Rows, orgPK map[string]int64) error {
	for rows.Next() {
		var pk int64
		var id, org string
		var e contactEntry
		if err := rows.Scan(&pk, &id, &org, &e.name, &e.archived, &e.text); err != nil {
			return err
		}
		e.orgPK = orgPK[org]
		for int64(len(c.contacts)) <= pk {
			c.contacts = append(c.contacts, contactEntry{})
		}
		c.contacts[pk] = e
		c.contactPK[id] = pk
	}
	return rows.Err()
}

// entry is the contact of a pk, if there is one.
func (c *contactCache) entry(pk int64) (contactEntry, bool) {
	if pk <= 0 || pk >= int64(len(c.contacts)) || c.contacts[pk].orgPK == 0 {
		return contactEntry{}, false
	}
	return c.contacts[pk], true
}

// patch reads the given contacts again, forgetting those deleted.
func (c *contactCache) patch(ctx context.Context, db *sql.DB, orgPK map[string]int64, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	args := make([]any, len(ids))
	was := map[int64]int64{} // pk → the organisation it was in
	for i, id := range ids {
		args[i] = id
		if pk, ok := c.contactPK[id]; ok { // read again below unless deleted
			was[pk] = c.contacts[pk].orgPK
			c.contacts[pk] = contactEntry{}
			delete(c.contactPK, id)
		}
	}
	defer func() { // the groups follow, whatever was read
		for _, id := range ids {
			if pk, ok := c.contactPK[id]; ok {
				if _, seen := was[pk]; !seen {
					was[pk] = 0 // new
				}
			}
		}
		for pk, from := range was {
			c.byOrg.moved(c, int32(pk), from)
		}
	}()
	rows, err := db.QueryContext(ctx, contactCacheQuery+" WHERE id IN (?"+strings.Repeat(", ?", len(ids)-1)+")", args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return c.read(rows, orgPK)
}

// ready reads the cache if it is not in memory.
func (c *contactCache) ready(ctx context.Context, db *sql.DB, orgPK map[string]int64) error {
	if c.built {
		return nil
	}
	return c.rebuild(ctx, db, orgPK)
}

// PrepareSearch reads into memory what a search by a person's name needs,
// which takes a moment on a large register (0.75 s for 100,000 contacts).
// The window calls it in the background after opening, so that the first
// letter typed finds people at once. It reads without holding the list,
// which the window's first screen must not wait for, then patches in what
// changed meanwhile.
func (s *Store) PrepareSearch(ctx context.Context) error {
	cache, err := s.lockedList(ctx)
	if err != nil {
		return err
	}
	if cache.people.built {
		cache.mu.Unlock()
		return nil
	}
	since, orgPK := cache.lastID, maps.Clone(cache.orgPK)
	cache.mu.Unlock()

	var fresh contactCache
	if err := fresh.rebuild(ctx, s.read, orgPK); err != nil {
		return err
	}
	fresh.byOrganisation() // before the patch below, which keeps it up to date
	afterPeopleRead()
	cache, err = s.lockedList(ctx)
	if err != nil {
		return err
	}
	defer cache.mu.Unlock()
	if cache.people.built { // a search read them meanwhile
		return nil
	}
	ids, err := touchedRecords(ctx, s.read, since, "contact")
	if err != nil || len(ids) > maxPatchedRecords {
		return err // too much changed: the first search reads them again
	}
	if err := fresh.patch(ctx, s.read, cache.orgPK, ids); err != nil {
		return err
	}
	cache.people = fresh
	cache.signatures()
	return nil
}

// afterPeopleRead lets a test change the register between PrepareSearch's
// read and its catching up.
var afterPeopleRead = func() {}

// forget drops the cache, to be read whole when a search next needs it.
func (c *contactCache) forget() { *c = contactCache{} }
