package data

import (
	"context"
	"database/sql"
	"fmt"

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
// organisations of the same batch.
func (s *Store) Import(ctx context.Context, summary string, orgs []Organisation, contacts []Contact) error {
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
	// once per contact (a batch often brings many contacts of one agency).
	fromStore := s.orgCountryFromStore(ctx)
	lookup := func(id string) (string, bool, error) {
		if c, ok := batchCountry[id]; ok {
			return c, true, nil
		}
		c, found, err := fromStore(id)
		if err == nil && found {
			batchCountry[id] = c
		}
		return c, found, err
	}
	now := s.now()
	for i := range contacts {
		n, err := normaliseContact(contacts[i], lookup, region, now)
		if err != nil {
			return &RecordError{Entity: "contact", Index: i, Err: err}
		}
		if n.ID == "" {
			n.ID = uuid.NewString()
		}
		contacts[i] = n
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
