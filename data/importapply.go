package data

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/google/uuid"
)

// ImportSummary counts what an import did.
type ImportSummary struct {
	Organisations int // added
	People        int // added
	Updated       int // records of the register whose empty fields or lists the file added to
	Skipped       int // rows left out by choice
	Rejected      int // rows that could not be taken
}

// ApplyImport writes a plan as one change, "Import from “file”", that one
// Undo takes back whole. New records are added; a row that is a record of
// the register (the same, or a duplicate the user merges) fills that
// record's empty fields and adds to its lists, never overwriting what the
// register has. A register changed since the plan in a way that conflicts
// (an organisation of the same name added meanwhile) fails whole.
func (s *Store) ApplyImport(ctx context.Context, plan *ImportPlan) (ImportSummary, error) {
	var sum ImportSummary
	summary := summaryOf(sumImportFile, "File", filepath.Base(plan.Options.FileName))
	err := s.writeTx(ctx, func(sqlTx *sql.Tx) error {
		sum = ImportSummary{}
		tx := newStmtCache(sqlTx)
		change, err := s.newChange(ctx, tx, "import", summary)
		if err != nil {
			return err
		}
		at := s.timestamp()
		orgIDs := make([]string, len(plan.Organisations))
		for i, io := range plan.Organisations {
			switch {
			case io.Status == ImportRejected:
			case io.Status == ImportNew || io.Status == ImportDuplicate && io.Choice == ImportAdd:
				o := io.Organisation
				o.ID = uuid.NewString()
				if err := s.checkDuplicateOrganisation(ctx, tx, o); err != nil {
					return err
				}
				if err := organisationTable.insert(ctx, tx, change, o.ID, o.values(), at); err != nil {
					return fmt.Errorf("organisation “%s”: %w", o.Name, err)
				}
				orgIDs[i] = o.ID
				sum.Organisations++
			case io.Status == ImportSame || io.Choice == ImportMerge:
				orgIDs[i] = io.ExistingID
				changed, err := addTo(ctx, sqlTx, change, organisationTable, io.ExistingID, io.Organisation.values(), at)
				if err != nil {
					return err
				}
				if changed {
					sum.Updated++
				}
			}
		}
		// Rows merged into an earlier row of the file go where that row went.
		into := map[int]string{} // line → the id its person was added or merged as
		var newIDs []string
		var newValues []values
		pending := map[string]int{} // id → index in newIDs
		for _, r := range plan.People {
			if r.Status == ImportRejected {
				sum.Rejected++
				continue
			}
			org := plan.Options.OrganisationID
			if r.Organisation >= 0 {
				org = orgIDs[r.Organisation]
			}
			if org == "" || r.Status == ImportDuplicate && r.Choice == ImportSkip {
				sum.Skipped++
				continue
			}
			c := r.Contact
			c.OrganisationID = org
			target := ""
			switch {
			case r.Status == ImportNew || r.Status == ImportDuplicate && r.Choice == ImportAdd:
				c.ID = uuid.NewString()
				pending[c.ID] = len(newIDs)
				newIDs, newValues = append(newIDs, c.ID), append(newValues, c.values())
				into[r.Line] = c.ID
				sum.People++
				continue
			case r.SameAsLine > 0:
				target = into[r.SameAsLine]
			default:
				target = r.ExistingID
			}
			if target == "" { // the row it repeats was left out
				sum.Skipped++
				continue
			}
			into[r.Line] = target
			if k, ok := pending[target]; ok { // a person this import adds
				newValues[k] = filled(contactTable, newValues[k], c.values())
				continue
			}
			changed, err := addTo(ctx, sqlTx, change, contactTable, target, c.values(), at)
			if err != nil {
				return err
			}
			if changed {
				sum.Updated++
			}
		}
		if i, err := contactTable.insertBatch(ctx, tx, change, newIDs, newValues, at); err != nil {
			return fmt.Errorf("person %d of the import: %w", i+1, err)
		}
		return nil
	})
	return sum, err
}

// addTo fills the empty fields of a record of the register from more and
// adds more's list values to its lists; it reports whether anything changed.
func addTo(ctx context.Context, tx *sql.Tx, change int64, t table, id string, more values, at string) (bool, error) {
	old, err := t.load(ctx, tx, id)
	if err != nil {
		return false, fmt.Errorf("%s %s, found when the file was read: %w", t.entity, id, err)
	}
	return t.update(ctx, tx, change, id, old, filled(t, old, more), at)
}

// filled is old with its empty fields taken from more and more's list
// values added to its lists. The organisation of a person and the
// archived state are not the file's to change.
func filled(t table, old, more values) values {
	out := copyValues(old)
	for _, f := range t.fields {
		if f.Internal || f.Name == "archived" || f.Name == "organisation_id" || more[f.Name] == "" {
			continue
		}
		switch {
		case f.IsList():
			list := splitLines(out[f.Name])
			for _, x := range splitLines(more[f.Name]) {
				if !slices.Contains(list, x) {
					list = append(list, x)
				}
			}
			out[f.Name] = joinLines(list)
		case out[f.Name] == "":
			out[f.Name] = more[f.Name]
		}
	}
	return out
}
