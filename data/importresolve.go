package data

import (
	"context"
	"strconv"
	"strings"
)

// resolveOrganisations finds, for each organisation the file names, the
// record of the register it is (same name, and the same sector when the
// file gives one), probably is (the matcher), or that it is new.
func (s *Store) resolveOrganisations(ctx context.Context, plan *ImportPlan) error {
	if len(plan.Organisations) == 0 {
		return nil
	}
	type stored struct{ id, name, sector string }
	byName := map[string][]stored{}
	rows, err := s.read.QueryContext(ctx, "SELECT id, name, name_key, sector FROM organisation WHERE merged_into = ''")
	if err != nil {
		return err
	}
	for rows.Next() {
		var o stored
		var key string
		if err := rows.Scan(&o.id, &o.name, &key, &o.sector); err != nil {
			rows.Close()
			return err
		}
		byName[key] = append(byName[key], o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	m, err := s.registerMatcher(ctx, false)
	if err != nil {
		return err
	}
	for i := range plan.Organisations {
		io := &plan.Organisations[i]
		if len(io.Problems) > 0 {
			io.Status = ImportRejected
			continue
		}
		o := io.Organisation
		same := byName[Fold(o.Name)]
		for _, x := range same {
			if o.Sector == "" || x.sector == o.Sector {
				io.Status, io.ExistingID, io.ExistingName = ImportSame, x.id, x.name
				break
			}
		}
		if io.Status == ImportSame {
			continue
		}
		if matches := m.Matches(MatchRecord{Name: o.Name, Acronym: o.Acronym, Sector: o.Sector,
			Phones: splitLines(o.Phone), Emails: splitLines(o.Email)}); len(matches) > 0 {
			io.Status, io.Match, io.Choice = ImportDuplicate, matches[0], ImportMerge
			io.ExistingID = matches[0].B
			io.ExistingName, _ = s.RecordName(ctx, "organisation", io.ExistingID)
			continue
		}
		if o.Sector == "" {
			io.Status = ImportRejected
			io.Problems = append(io.Problems, ImportProblem{Problem: FieldError{Field: "sector", Key: "error.new_without_sector",
				Template: "“{{.Name}}” is not in the register, and the file gives no sector for it: add a sector column, or choose a sector for new organisations",
				Data:     map[string]any{"Name": o.Name}}})
			continue
		}
		io.Status = ImportNew
	}
	return nil
}

// orgKey is how a row's organisation is known while planning: the id of a
// record of the register, or "new:" and its index in the plan.
func (plan *ImportPlan) orgKey(i int) string {
	if i < 0 {
		return plan.Options.OrganisationID
	}
	o := plan.Organisations[i]
	switch o.Status {
	case ImportSame, ImportDuplicate:
		return o.ExistingID
	case ImportNew:
		return "new:" + strconv.Itoa(i)
	}
	return ""
}

// resolvePeople checks each person and finds who they are: the same person
// as one of the register (same name, same organisation), probably one of
// the register or of an earlier row, or someone new.
func (s *Store) resolvePeople(ctx context.Context, plan *ImportPlan, columns importColumns, region string) error {
	if len(plan.People) == 0 {
		return nil
	}
	stored := s.orgCountryFromStore(ctx)
	lookup := func(id string) (string, bool, error) {
		if i, ok := strings.CutPrefix(id, "new:"); ok {
			n, _ := strconv.Atoi(i)
			return plan.Organisations[n].Organisation.Country, true, nil
		}
		return stored(id)
	}
	register, err := s.registerMatcher(ctx, true)
	if err != nil {
		return err
	}
	file := NewMatcher(true)
	lineOf := map[string]int{}
	names := map[string]string{}
	for i := range plan.People {
		if i%500 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		r := &plan.People[i]
		if r.Organisation >= 0 && plan.Organisations[r.Organisation].Status == ImportRejected {
			r.Status = ImportRejected
			r.Problems = append(r.Problems, columns.problem("organisation.name", FieldError{Field: "organisation",
				Key: "error.organisation_not_taken", Template: "Its organisation cannot be taken (see the organisation)"}))
			continue
		}
		org := plan.orgKey(r.Organisation)
		c := r.Contact
		c.OrganisationID = org
		n, err := normaliseContact(c, lookup, region, s.now())
		if err != nil {
			ve, ok := err.(*ValidationError)
			if !ok {
				return err
			}
			for _, fe := range ve.Errors {
				r.Problems = append(r.Problems, columns.problem(personColumn(columns, fe.Field), fe))
			}
		} else {
			r.Contact = n
		}
		if len(r.Problems) > 0 {
			r.Status = ImportRejected
			continue
		}
		rec := MatchRecord{ID: "line:" + strconv.Itoa(r.Line), Name: r.Contact.Name, Organisation: org,
			Phones: r.Contact.Phones, Emails: r.Contact.Emails}
		if matches := register.Matches(rec); len(matches) > 0 {
			best := matches[0]
			r.Match, r.ExistingID, r.Choice = best, best.B, defaultChoice(best)
			if _, ok := names[best.B]; !ok {
				names[best.B], _ = s.RecordName(ctx, "contact", best.B)
			}
			r.ExistingName = names[best.B]
			r.Status = ImportDuplicate
			if hasReason(best, "same_name") && hasReason(best, "same_organisation") {
				r.Status = ImportSame
			}
			continue
		}
		if matches := file.Matches(rec); len(matches) > 0 {
			r.Status, r.Match, r.Choice = ImportDuplicate, matches[0], defaultChoice(matches[0])
			r.SameAsLine = lineOf[matches[0].B]
			continue
		}
		r.Status = ImportNew
		file.Add(rec)
		lineOf[rec.ID] = r.Line
	}
	return nil
}

// defaultChoice is what a possible duplicate becomes unless the user says
// otherwise: merged when something beside the name says it is the same
// person (the organisation, an e-mail, a phone); added as someone new
// when only the name is alike, since namesakes in two agencies are often
// two people.
func defaultChoice(m Match) ImportChoice {
	if hasReason(m, "same_organisation") || hasReason(m, "same_email") || hasReason(m, "same_phone") {
		return ImportMerge
	}
	return ImportAdd
}

func hasReason(m Match, kind string) bool {
	for _, r := range m.Reasons {
		if r.Kind == kind {
			return true
		}
	}
	return false
}

// personColumn is the target whose column a contact field's problem is
// shown in.
func personColumn(c importColumns, field string) string {
	switch field {
	case "organisation":
		return "organisation.name"
	case "name":
		if c.has("contact.name") {
			return "contact.name"
		}
		return "contact.family_name"
	}
	return "contact." + field
}
