package data

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/google/uuid"
)

// RecordError names the record of a batch that could not be taken, and why.
type RecordError struct {
	Entity string // organisation or contact
	Index  int    // position in the batch, from 0
	Err    error
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("%s %d: %v", e.Entity, e.Index+1, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// Import adds organisations and contacts as one change (one Undo takes the
// whole batch back), in one transaction: every record is validated first, and
// a single bad record leaves the register as it was, with a *RecordError
// naming it. Records without an ID get a new one; contacts may refer to
// organisations of the same batch. summary is the History's sentence for
// it, kept as written.
func (s *Store) Import(ctx context.Context, summary string, orgs []Organisation, contacts []Contact) error {
	return s.importRecords(ctx, Summary{Text: summary}, orgs, contacts)
}

func (s *Store) importRecords(ctx context.Context, summary Summary, orgs []Organisation, contacts []Contact) error {
	region := s.Country(ctx)
	batchCountry := make(map[string]string, len(orgs))
	for i := range orgs {
		n, err := orgs[i].normalise(region)
		if err != nil {
			return &RecordError{Entity: "organisation", Index: i, Err: err}
		}
		if n.ID == "" {
			n.ID = uuid.NewString()
		}
		orgs[i] = n
		batchCountry[n.ID] = n.Country
	}
	// Organisations already in the register are looked up once each, not
	// once per contact (a batch often brings many contacts of one agency),
	// and before the contacts are checked, so that the checks can share the
	// answers read-only.
	if err := s.addStoredCountries(ctx, contacts, batchCountry); err != nil {
		return err
	}
	lookup := func(id string) (string, bool, error) {
		c, ok := batchCountry[id]
		return c, ok, nil
	}
	if err := normaliseContacts(contacts, lookup, region, s.now()); err != nil {
		return err
	}
	return s.writeTx(ctx, func(sqlTx *sql.Tx) error {
		tx := newStmtCache(sqlTx)
		change, err := s.newChange(ctx, tx, "import", summary)
		if err != nil {
			return err
		}
		at := s.timestamp()
		for i, o := range orgs {
			if err := s.checkDuplicateOrganisation(ctx, tx, o); err != nil {
				return &RecordError{Entity: "organisation", Index: i, Err: err}
			}
			if err := organisationTable.insert(ctx, tx, change, o.ID, o.values(), at); err != nil {
				return &RecordError{Entity: "organisation", Index: i, Err: err}
			}
		}
		ids := make([]string, len(contacts))
		vs := make([]values, len(contacts))
		for i, c := range contacts {
			ids[i], vs[i] = c.ID, c.values()
		}
		if i, err := contactTable.insertBatch(ctx, tx, change, ids, vs, at); err != nil {
			return &RecordError{Entity: "contact", Index: i, Err: err}
		}
		return nil
	})
}

// normaliseContacts checks and normalises a batch of contacts in place, on
// every core (parsing phone numbers is the slow part of an import). On
// problems it reports the first bad contact of the batch.
func normaliseContacts(contacts []Contact, lookup orgCountry, region string, now time.Time) error {
	workers := runtime.GOMAXPROCS(0)
	if len(contacts) < 1000 {
		workers = 1
	}
	errs := make([]*RecordError, workers)
	var wg sync.WaitGroup
	chunk := (len(contacts) + workers - 1) / workers
	for w := 0; w < workers; w++ {
		from, to := w*chunk, min((w+1)*chunk, len(contacts))
		wg.Add(1)
		go func(w, from, to int) {
			defer wg.Done()
			for i := from; i < to; i++ {
				n, err := normaliseContact(contacts[i], lookup, region, now)
				if err != nil {
					errs[w] = &RecordError{Entity: "contact", Index: i, Err: err}
					return
				}
				if n.ID == "" {
					n.ID = uuid.NewString()
				}
				contacts[i] = n
			}
		}(w, from, to)
	}
	wg.Wait()
	for _, err := range errs { // chunks are in batch order: the first error is the first bad contact
		if err != nil {
			return err
		}
	}
	return nil
}

// manyOrganisations is how many organisations a batch may name before
// their countries are read in one pass over the table rather than one by one.
const manyOrganisations = 100

// addStoredCountries adds to countries the country of each stored
// organisation the contacts belong to.
func (s *Store) addStoredCountries(ctx context.Context, contacts []Contact, countries map[string]string) error {
	wanted := map[string]bool{}
	for _, c := range contacts {
		if _, ok := countries[c.OrganisationID]; !ok && c.OrganisationID != "" {
			wanted[c.OrganisationID] = true
		}
	}
	if len(wanted) <= manyOrganisations {
		fromStore := s.orgCountryFromStore(ctx)
		for id := range wanted {
			country, found, err := fromStore(id)
			if err != nil {
				return err
			}
			if found {
				countries[id] = country
			}
		}
		return nil
	}
	rows, err := s.read.QueryContext(ctx, "SELECT id, country FROM organisation")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, country string
		if err := rows.Scan(&id, &country); err != nil {
			return err
		}
		if wanted[id] {
			countries[id] = country
		}
	}
	return rows.Err()
}
