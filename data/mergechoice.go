package data

import (
	"context"
	"fmt"
	"slices"
)

// MergeChoice says where a field of a merged record takes its value from.
type MergeChoice uint8

const (
	TakeKept  MergeChoice = iota // the kept record's value
	TakeOther                    // the other record's value
	TakeBoth                     // both: the lists joined, or both texts one after the other
)

// Mergeable lists the kinds of record that can be merged.
var Mergeable = []string{"organisation", "contact"}

// MergeFields are the fields a user chooses between when merging two
// records of entity, in form order.
func MergeFields(entity string) []Field {
	fields, _ := Fields(entity)
	var out []Field
	for _, f := range fields {
		if !f.Internal && f.Name != "archived" {
			out = append(out, f)
		}
	}
	return out
}

// RecordValues reads a record's fields as text, as the History keeps them.
func (s *Store) RecordValues(ctx context.Context, entity, id string) (map[string]string, error) {
	t, ok := tableFor(entity)
	if !ok {
		return nil, fmt.Errorf("no kind of record %q", entity)
	}
	return t.load(ctx, s.read, id)
}

// Merge merges the record other into keep (people or organisations), each
// field taking its value as choices say (the kept value where they say
// nothing). See MergeContacts and MergeOrganisations.
func (s *Store) Merge(ctx context.Context, entity, keep, other string, choices map[string]MergeChoice) error {
	kept, err := s.RecordValues(ctx, entity, keep)
	if err != nil {
		return err
	}
	dropped, err := s.RecordValues(ctx, entity, other)
	if err != nil {
		return err
	}
	chosen := mergedValues(entity, kept, dropped, choices)
	switch entity {
	case "contact":
		c := contactFromValues(keep, chosen)
		return s.MergeContacts(ctx, &c, other)
	case "organisation":
		o := organisationFromValues(keep, chosen)
		return s.MergeOrganisations(ctx, &o, other)
	}
	return fmt.Errorf("records of kind %q cannot be merged", entity)
}

func mergedValues(entity string, kept, other values, choices map[string]MergeChoice) values {
	out := copyValues(kept)
	for _, f := range MergeFields(entity) {
		switch choices[f.Name] {
		case TakeOther:
			out[f.Name] = other[f.Name]
		case TakeBoth:
			a, b := kept[f.Name], other[f.Name]
			switch {
			case f.IsList():
				joined := splitLines(a)
				for _, x := range splitLines(b) {
					if !slices.Contains(joined, x) {
						joined = append(joined, x)
					}
				}
				out[f.Name] = joinLines(joined)
			case a == "" || a == b:
				out[f.Name] = b
			case b != "":
				out[f.Name] = a + "\n\n" + b
			}
		}
	}
	return out
}

func contactFromValues(id string, v values) Contact {
	return Contact{ID: id, OrganisationID: v["organisation_id"], Name: v["name"], Position: v["position"],
		Sex: v["sex"], Emails: splitLines(v["emails"]), Phones: splitLines(v["phones"]),
		Languages: splitLines(v["languages"]), Roles: splitLines(v["roles"]), ConsentDate: v["consent_date"],
		Notes: v["notes"], Archived: v["archived"] == "1"}
}

func organisationFromValues(id string, v values) Organisation {
	return Organisation{ID: id, Name: v["name"], Acronym: v["acronym"], Sector: v["sector"], Level: v["level"],
		Region: v["region"], Country: v["country"], Address: v["address"], Phone: v["phone"], Email: v["email"],
		Website: v["website"], MechanismRole: v["mechanism_role"], MemberSince: v["member_since"],
		Notes: v["notes"], Archived: v["archived"] == "1"}
}
