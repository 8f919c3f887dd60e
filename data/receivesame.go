package data

import (
	"context"
	"database/sql"
	"errors"
)

// naturalKeys are the fields that make two records of a table one thing,
// whatever their identities: an organisation's name and sector, a person's
// place on a course. Two laptops entering the same thing each give it an
// identity of its own; received, the two become one (SameRecord). A day's
// mark and a statistic need none: their identities follow from what they
// are, so the two laptops' records are one record created on both sides.
var naturalKeys = []struct {
	entity string
	query  string // the record here with the key, given the key's values
	key    func(v values, alias map[string]string) []any
}{
	{"organisation", "SELECT id FROM organisation WHERE name_key = ? AND sector = ? AND merged_into = ''",
		func(v values, _ map[string]string) []any { return []any{Fold(v["name"]), v["sector"]} }},
	{"participant", "SELECT id FROM participant WHERE course_id = ? AND contact_id = ?",
		func(v values, alias map[string]string) []any {
			return []any{v["course_id"], aliased(alias, v["contact_id"])}
		}},
}

func aliased(alias map[string]string, id string) string {
	if to, ok := alias[id]; ok {
		return to
	}
	return id
}

// findSame finds the records the package creates that are here already
// under another identity, and the fields in which the two differ.
func (s *Store) findSame(ctx context.Context, plan *ReceivePlan) error {
	alias := map[string]string{} // incoming id → the id here of the same thing
	for _, nk := range naturalKeys {
		for _, st := range plan.records {
			if st.key.entity != nk.entity || st.here != nil || !st.present(plan, ReceiveChoices{}) {
				continue
			}
			v := st.finalValues(plan, ReceiveChoices{})
			if v["merged_into"] != "" {
				continue
			}
			var here string
			err := s.read.QueryRowContext(ctx, nk.query, nk.key(v, alias)...).Scan(&here)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return err
			}
			if other, ok := plan.byKey[recordKey{nk.entity, here}]; ok && (other.here == nil || !other.present(plan, ReceiveChoices{})) {
				continue
			}
			alias[st.key.id] = here
			plan.Same = append(plan.Same, SameRecord{Entity: nk.entity, Keep: min(here, st.key.id), Drop: max(here, st.key.id), Name: s.plannedName(st)})
			// The one kept takes, where it has none, the other's values
			// (ApplyReceive): each laptop does alike, and the one that
			// gives way keeps its own, archived, for the History.
			if _, err := s.state(ctx, plan, nk.entity, here); err != nil {
				return err
			}
		}
	}
	return nil
}

// findPackageDuplicates finds the people and organisations the package
// creates that are probably one with a record here (the import's matcher).
func (s *Store) findPackageDuplicates(ctx context.Context, plan *ReceivePlan) error {
	dropped := map[string]bool{}
	for _, same := range plan.Same {
		dropped[same.Drop], dropped[same.Keep] = true, true
	}
	for _, people := range []bool{false, true} {
		entity := "organisation"
		if people {
			entity = "contact"
		}
		var fresh []*recordState
		for _, st := range plan.records {
			if st.key.entity == entity && st.here == nil && st.present(plan, ReceiveChoices{}) && !dropped[st.key.id] {
				fresh = append(fresh, st)
			}
		}
		if len(fresh) == 0 {
			continue
		}
		m, err := s.registerMatcher(ctx, people)
		if err != nil {
			return err
		}
		for _, st := range fresh {
			v := st.finalValues(plan, ReceiveChoices{})
			if v["archived"] == "1" {
				continue
			}
			r := MatchRecord{ID: st.key.id, Name: v["name"], Acronym: v["acronym"], Sector: v["sector"], Organisation: v["organisation_id"]}
			if people {
				r.Phones, r.Emails = splitLines(v["phones"]), splitLines(v["emails"])
			} else {
				r.Phones, r.Emails = splitLines(v["phone"]), splitLines(v["email"])
			}
			for _, match := range m.Matches(r) {
				if other, ok := plan.byKey[recordKey{entity, match.B}]; ok && !other.present(plan, ReceiveChoices{}) {
					continue // removed by the package
				}
				plan.Duplicates = append(plan.Duplicates, PackageDuplicate{Entity: entity, Incoming: st.key.id, Here: match.B, Match: match})
				break
			}
		}
	}
	return nil
}
