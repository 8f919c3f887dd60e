package data

import (
	"context"
	"database/sql"
	"errors"
)

// Merging makes two records of one person, or of one organisation, one.
// The kept record takes the field values the user chose; the other is
// archived and says which record it went into (merged_into), so that a
// later exchange between laptops can follow it; every reference to it is
// moved to the kept record. It is one change: one Undo takes it all back,
// and the History of the kept record shows the merge.

// ErrMergeSame is returned when a record is to be merged with itself.
var ErrMergeSame = errors.New("choose two different records to merge")

// ErrAlreadyMerged is returned when the record to merge in was merged before.
var ErrAlreadyMerged = errors.New("this record was already merged into another")

// MergeContacts merges the person dropID into keep (keep.ID is the person
// kept, with the field values chosen). Where both took part in one course,
// the kept person's participation stays: it takes the other's attendance
// marks for the days it has none, and its certificate if it has none; the
// other participation is removed from the course. Participations keep the
// organisation and sector they had on the day.
func (s *Store) MergeContacts(ctx context.Context, keep *Contact, dropID string) error {
	if keep.ID == "" || keep.ID == dropID {
		return ErrMergeSame
	}
	n, err := normaliseContact(*keep, s.orgCountryFromStore(ctx), s.Country(ctx), s.now())
	if err != nil {
		return err
	}
	err = s.writeTx(ctx, func(tx *sql.Tx) error {
		return s.merge(ctx, tx, contactTable, n.ID, dropID, n.values(), nil, s.foldParticipations)
	})
	if err != nil {
		return err
	}
	return readBack(ctx, s.Contact, n.ID, keep)
}

// MergeOrganisations merges the organisation dropID into keep: its people,
// course participations, campaign, agreement, plan and working-group roles,
// statistics sources and contributions move to the kept organisation.
func (s *Store) MergeOrganisations(ctx context.Context, keep *Organisation, dropID string) error {
	if keep.ID == "" || keep.ID == dropID {
		return ErrMergeSame
	}
	n, err := keep.normalise(s.Country(ctx))
	if err != nil {
		return err
	}
	check := func(tx *sql.Tx) error { return s.checkDuplicateOrganisation(ctx, tx, n) }
	err = s.writeTx(ctx, func(tx *sql.Tx) error {
		return s.merge(ctx, tx, organisationTable, n.ID, dropID, n.values(), check, nil)
	})
	if err != nil {
		return err
	}
	return readBack(ctx, s.Organisation, n.ID, keep)
}

// mergeStep is work particular to one kind of record, done before the
// references move; it names the records the general move must leave alone.
type mergeStep func(ctx context.Context, tx *sql.Tx, change int64, keep, drop, at string) (except map[string]bool, err error)

func (s *Store) merge(ctx context.Context, tx *sql.Tx, t table, keepID, dropID string, chosen values,
	check func(*sql.Tx) error, step mergeStep) error {
	kept, err := t.load(ctx, tx, keepID)
	if err != nil {
		return err
	}
	dropped, err := t.load(ctx, tx, dropID)
	if err != nil {
		return err
	}
	if dropped["merged_into"] != "" || kept["merged_into"] != "" {
		return ErrAlreadyMerged
	}
	change, err := s.newChange(ctx, tx, "merge", summaryOf(sumMerge, "Entity", t.entity, "Name", t.name(dropped), "Into", t.name(kept)))
	if err != nil {
		return err
	}
	return mergeRecords(ctx, tx, change, s.timestamp(), t, keepID, dropID, kept, dropped, chosen, check, step)
}

// mergeRecords does a merge's work under a change already open (a merge of
// its own, or the receiving of a package).
func mergeRecords(ctx context.Context, tx *sql.Tx, change int64, at string, t table, keepID, dropID string,
	kept, dropped, chosen values, check func(*sql.Tx) error, step mergeStep) error {
	// The merged record goes first: archived and pointing at the kept one,
	// it no longer holds its name against the kept record's new values.
	gone := copyValues(dropped)
	gone["archived"], gone["merged_into"] = "1", keepID
	if _, err := t.update(ctx, tx, change, dropID, dropped, gone, at); err != nil {
		return err
	}
	if check != nil {
		if err := check(tx); err != nil {
			return err
		}
	}
	chosen["archived"], chosen["merged_into"] = kept["archived"], ""
	if dropped["archived"] == "0" {
		chosen["archived"] = "0" // one of the two was in use: so is the merged record
	}
	if _, err := t.update(ctx, tx, change, keepID, kept, chosen, at); err != nil {
		return err
	}
	if err := addItem(ctx, tx, change, t.entity, keepID, "merge", "", dropID, keepID); err != nil {
		return err
	}
	var except map[string]bool
	if step != nil {
		var err error
		if except, err = step(ctx, tx, change, keepID, dropID, at); err != nil {
			return err
		}
	}
	_, err := rewriteReferences(ctx, tx, change, t.entity, dropID, keepID, at, except)
	return err
}

func copyValues(v values) values {
	out := make(values, len(v))
	for k, x := range v {
		out[k] = x
	}
	return out
}

// foldParticipations deals with the courses both people took part in (see
// MergeContacts) and returns the participations it removed.
func (s *Store) foldParticipations(ctx context.Context, tx *sql.Tx, change int64, keep, drop, at string) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT d.id, k.id FROM participant d
		JOIN participant k ON k.course_id = d.course_id AND k.contact_id = ?
		WHERE d.contact_id = ?`, keep, drop)
	if err != nil {
		return nil, err
	}
	type pair struct{ drop, keep string }
	var both []pair
	for rows.Next() {
		var p pair
		if err := rows.Scan(&p.drop, &p.keep); err != nil {
			rows.Close()
			return nil, err
		}
		both = append(both, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	except := map[string]bool{}
	for _, p := range both {
		except[p.drop] = true
		if err := moveMarks(ctx, tx, change, p.drop, p.keep, at); err != nil {
			return nil, err
		}
		if err := moveCertificate(ctx, tx, change, p.drop, p.keep, at); err != nil {
			return nil, err
		}
		dp, err := participantTable.load(ctx, tx, p.drop)
		if err != nil {
			return nil, err
		}
		if dp["archived"] == "0" {
			kp, err := participantTable.load(ctx, tx, p.keep)
			if err != nil {
				return nil, err
			}
			// Either record attending makes the one kept attended; the
			// marks, now all on it, have the last word.
			on := copyValues(kp)
			on["archived"] = "0"
			if dp["status"] == StatusAttended {
				on["status"], on["status_on"] = dp["status"], dp["status_on"]
			}
			if _, err := participantTable.update(ctx, tx, change, p.keep, kp, on, at); err != nil {
				return nil, err
			}
			if err := s.statusesFromMarks(ctx, tx, change, map[string]bool{p.keep: true}); err != nil {
				return nil, err
			}
			off := copyValues(dp)
			off["archived"] = "1"
			if _, err := participantTable.update(ctx, tx, change, p.drop, dp, off, at); err != nil {
				return nil, err
			}
		}
	}
	return except, nil
}

// moveMarks gives the kept participation the other's marks for the days it
// has none; the other's marks are removed either way.
func moveMarks(ctx context.Context, tx *sql.Tx, change int64, drop, keep, at string) error {
	rows, err := tx.QueryContext(ctx, `SELECT d.id, d.day, d.mark, k.id IS NOT NULL FROM attendance d
		LEFT JOIN attendance k ON k.participant_id = ? AND k.day = d.day
		WHERE d.participant_id = ?`, keep, drop)
	if err != nil {
		return err
	}
	type mark struct {
		id, day, mark string
		kept          bool
	}
	var marks []mark
	for rows.Next() {
		var m mark
		if err := rows.Scan(&m.id, &m.day, &m.mark, &m.kept); err != nil {
			rows.Close()
			return err
		}
		marks = append(marks, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, m := range marks {
		if err := attendanceTable.delete(ctx, tx, change, m.id); err != nil {
			return err
		}
		if !m.kept {
			v := values{"participant_id": keep, "day": m.day, "mark": m.mark}
			if err := attendanceTable.insert(ctx, tx, change, attendanceID(keep, m.day), v, at); err != nil {
				return err
			}
		}
	}
	return nil
}

// moveCertificate gives the kept participation the other's certificate
// when it has none.
func moveCertificate(ctx context.Context, tx *sql.Tx, change int64, drop, keep, at string) error {
	var id string
	err := tx.QueryRowContext(ctx, `SELECT id FROM certificate WHERE participant_id = ?
		AND NOT EXISTS (SELECT 1 FROM certificate WHERE participant_id = ?)`, drop, keep).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	old, err := certificateTable.load(ctx, tx, id)
	if err != nil {
		return err
	}
	next := copyValues(old)
	next["participant_id"] = keep
	_, err = certificateTable.update(ctx, tx, change, id, old, next, at)
	return err
}
