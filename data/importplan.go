package data

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Importing a list happens in two steps. PlanImport reads every row as it
// would be stored and sorts it: new, the same as a record of the register,
// a possible duplicate (of a record of the register or of an earlier row),
// or cannot be taken (with every problem of the row, by column). Nothing is
// written. The user may change the choice of any duplicate; ApplyImport
// then writes the plan as one change that one Undo takes back.

// ImportStatus is what the plan found a row (or an organisation) to be.
type ImportStatus uint8

const (
	ImportNew       ImportStatus = iota // not in the register: added
	ImportSame                          // already in the register: empty fields filled, nothing else
	ImportDuplicate                     // probably a record already there: the choice says what to do
	ImportRejected                      // cannot be taken: the problems say why
)

// ImportChoice is what to do with a possible duplicate.
type ImportChoice uint8

const (
	ImportMerge ImportChoice = iota // it is that record: fill its empty fields, add to its lists
	ImportAdd                       // it is someone (something) else: add it as new
	ImportSkip                      // leave it out
)

// ImportOptions say how to read the rows.
type ImportOptions struct {
	// Mapping gives a target key (ImportTargets) per column; "" leaves the
	// column out.
	Mapping []string
	// Sector is given to new organisations whose row names none.
	Sector string
	// OrganisationID is the organisation of people whose row names none.
	OrganisationID string
	// Encoding and FileName are kept for the History.
	FileName string
}

// ImportProblem is one reason a row cannot be taken, and where.
type ImportProblem struct {
	Column  int    // from 1; 0 when no one column is at fault
	Heading string // the column's heading
	Problem FieldError
}

// ImportOrganisation is an organisation the file names, once however many
// rows name it.
type ImportOrganisation struct {
	Organisation Organisation // as it will be stored; for Same and Merge, the file's values
	Status       ImportStatus
	ExistingID   string // Same: that record; Duplicate: the one it probably is
	ExistingName string
	Match        Match
	Choice       ImportChoice
	Lines        []int // the rows that name it
	Problems     []ImportProblem
}

// ImportRow is one row of the file about a person.
type ImportRow struct {
	Line         int // the row in the file, from 1 (the heading is row 1)
	Contact      Contact
	Organisation int // index into ImportPlan.Organisations; -1 for ImportOptions.OrganisationID
	Status       ImportStatus
	Problems     []ImportProblem
	// For a duplicate: the person it probably is (of the register, or the
	// row SameAsLine of this file), why, and what to do.
	ExistingID   string
	ExistingName string
	SameAsLine   int
	Match        Match
	Choice       ImportChoice
}

// ImportPlan is a file read and sorted, ready to be applied.
type ImportPlan struct {
	Headings      []string
	Options       ImportOptions
	Organisations []ImportOrganisation
	People        []ImportRow
	Blank         int // empty rows, left out
}

// ImportMappingError says what is wrong with a mapping as a whole (no name
// column, a target given to two columns); nothing was read.
type ImportMappingError struct{ Problems []FieldError }

func (e *ImportMappingError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Template
	}
	return strings.Join(msgs, "; ")
}

// ErrImportEmpty is returned for a file with no rows under its headings.
var ErrImportEmpty = errors.New("the file has no rows under its headings")

// PlanImport reads rows (the first is the headings) as opt says and sorts
// them; it changes nothing.
func (s *Store) PlanImport(ctx context.Context, rows [][]string, opt ImportOptions) (*ImportPlan, error) {
	if len(rows) == 0 {
		return nil, ErrImportEmpty
	}
	plan := &ImportPlan{Headings: rows[0], Options: opt}
	columns, err := checkMapping(rows[0], opt)
	if err != nil {
		return nil, err
	}
	region := s.Country(ctx)
	people, orgs := columns.people(), columns.has("organisation.name")
	orgIndex := map[string]int{} // folded name → index in plan.Organisations
	for i, row := range rows[1:] {
		if i%500 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		line := i + 2
		if blankRow(row) {
			plan.Blank++
			continue
		}
		org := -1
		if orgs {
			org = plan.addOrganisation(columns, row, line, region, orgIndex)
		}
		if people {
			plan.People = append(plan.People, columns.person(row, line, org))
		}
	}
	if len(plan.Organisations) == 0 && len(plan.People) == 0 {
		return nil, ErrImportEmpty
	}
	if err := s.resolveOrganisations(ctx, plan); err != nil {
		return nil, err
	}
	if err := s.resolvePeople(ctx, plan, columns, region); err != nil {
		return nil, err
	}
	return plan, nil
}

// importColumns is a checked mapping: target key → column index.
type importColumns struct {
	at       map[string]int
	headings []string
	opt      ImportOptions
}

func (c importColumns) has(key string) bool { _, ok := c.at[key]; return ok }

func (c importColumns) cell(row []string, key string) string {
	i, ok := c.at[key]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

// people tells whether the rows are about people (not only organisations).
func (c importColumns) people() bool {
	return c.has("contact.name") || c.has("contact.given_name") || c.has("contact.family_name")
}

func (c importColumns) problem(key string, fe FieldError) ImportProblem {
	if i, ok := c.at[key]; ok {
		return ImportProblem{Column: i + 1, Heading: c.headings[i], Problem: fe}
	}
	return ImportProblem{Problem: fe}
}

func checkMapping(headings []string, opt ImportOptions) (importColumns, error) {
	c := importColumns{at: map[string]int{}, headings: headings, opt: opt}
	var problems []FieldError
	for i, key := range opt.Mapping {
		if key == "" || i >= len(headings) {
			continue
		}
		if _, ok := ImportTargetByKey(key); !ok {
			return c, fmt.Errorf("no import target %q", key)
		}
		if j, twice := c.at[key]; twice {
			t, _ := ImportTargetByKey(key)
			problems = append(problems, FieldError{Field: "mapping", Key: "error.mapped_twice",
				Template: "Columns {{.First}} and {{.Second}} both go into “{{.Target}}”: choose one",
				Data:     map[string]any{"First": headings[j], "Second": headings[i], "Target": t.Label}})
			continue
		}
		c.at[key] = i
	}
	if !c.people() && !c.has("organisation.name") {
		problems = append(problems, FieldError{Field: "mapping", Key: "error.no_name_column",
			Template: "No column is taken as a person's name or an organisation: choose which column holds them"})
	}
	if c.people() && !c.has("organisation.name") && opt.OrganisationID == "" {
		problems = append(problems, FieldError{Field: "organisation", Key: "error.no_organisation_column",
			Template: "No column names the people's organisation: choose one, or the organisation they all belong to"})
	}
	if len(problems) > 0 {
		return c, &ImportMappingError{Problems: problems}
	}
	return c, nil
}

func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// addOrganisation reads the organisation a row names into the plan (once
// per name and sector) and returns its index; -1 when the row names none.
func (p *ImportPlan) addOrganisation(c importColumns, row []string, line int, region string, index map[string]int) int {
	name := c.cell(row, "organisation.name")
	if name == "" {
		return -1
	}
	o := Organisation{Name: name, Acronym: c.cell(row, "organisation.acronym"), Region: c.cell(row, "organisation.region"),
		Address: c.cell(row, "organisation.address"), Phone: c.cell(row, "organisation.phone"),
		Email: c.cell(row, "organisation.email"), Website: c.cell(row, "organisation.website"),
		Notes: c.cell(row, "organisation.notes")}
	var problems []ImportProblem
	for _, f := range []struct {
		key, list string
		into      *string
	}{{"organisation.sector", "sector", &o.Sector}, {"organisation.level", "level", &o.Level},
		{"organisation.country", "country", &o.Country}, {"organisation.mechanism_role", "mechanism", &o.MechanismRole}} {
		text := c.cell(row, f.key)
		code, ok := codeFromText(f.list, text)
		if !ok {
			problems = append(problems, c.problem(f.key, FieldError{Field: f.key, Key: "error.unknown_code",
				Template: "“{{.Value}}” is not a value of this list", Data: map[string]any{"Value": text}}))
		}
		*f.into = code
	}
	if o.Sector == "" {
		o.Sector = c.opt.Sector
	}
	key := Fold(o.Name)
	if i, seen := index[key]; seen {
		// A later row adds what the first left empty.
		p.Organisations[i].Lines = append(p.Organisations[i].Lines, line)
		fillEmpty(&p.Organisations[i].Organisation, o)
		return i
	}
	// The sector is needed only for a new organisation, known once the
	// register is searched; the other fields are checked now.
	probe := o
	if probe.Sector == "" {
		probe.Sector = "other"
	}
	if n, err := probe.normalise(region); err != nil {
		var ve *ValidationError
		if !errors.As(err, &ve) {
			ve = &ValidationError{Errors: []FieldError{{Field: "name", Template: err.Error()}}}
		}
		for _, fe := range ve.Errors {
			problems = append(problems, c.problem("organisation."+fe.Field, fe))
		}
	} else {
		n.Sector = o.Sector
		o = n
	}
	index[key] = len(p.Organisations)
	p.Organisations = append(p.Organisations, ImportOrganisation{Organisation: o, Lines: []int{line}, Problems: problems})
	return len(p.Organisations) - 1
}

// fillEmpty gives the empty fields of o the values of more.
func fillEmpty(o *Organisation, more Organisation) {
	for _, f := range []struct {
		into *string
		from string
	}{{&o.Acronym, more.Acronym}, {&o.Sector, more.Sector},
		{&o.Level, more.Level}, {&o.Region, more.Region}, {&o.Country, more.Country}, {&o.Address, more.Address},
		{&o.Phone, more.Phone}, {&o.Email, more.Email}, {&o.Website, more.Website},
		{&o.MechanismRole, more.MechanismRole}, {&o.Notes, more.Notes}} {
		if *f.into == "" {
			*f.into = f.from
		}
	}
}

// person reads a row's person as typed; resolvePeople checks it.
func (c importColumns) person(row []string, line, org int) ImportRow {
	name := c.cell(row, "contact.name")
	if name == "" {
		name = joinName(c.cell(row, "contact.given_name"), c.cell(row, "contact.family_name"))
	}
	ct := Contact{Name: name, Position: c.cell(row, "contact.position"), Notes: c.cell(row, "contact.notes"),
		Emails: splitList(c.cell(row, "contact.emails"), true), Phones: splitList(c.cell(row, "contact.phones"), true),
		Languages: splitList(c.cell(row, "contact.languages"), true)}
	r := ImportRow{Line: line, Organisation: org}
	if text := c.cell(row, "contact.sex"); text != "" {
		code, ok := codeFromText("sex", text)
		if !ok {
			r.Problems = append(r.Problems, c.problem("contact.sex", FieldError{Field: "sex", Key: "error.unknown_code",
				Template: "“{{.Value}}” is not a value of this list", Data: map[string]any{"Value": text}}))
		}
		ct.Sex = code
	}
	for _, text := range splitList(c.cell(row, "contact.roles"), true) {
		code, ok := codeFromText("role", text)
		if !ok {
			r.Problems = append(r.Problems, c.problem("contact.roles", FieldError{Field: "roles", Key: "error.unknown_code",
				Template: "“{{.Value}}” is not a value of this list", Data: map[string]any{"Value": text}}))
			continue
		}
		ct.Roles = append(ct.Roles, code)
	}
	if text := c.cell(row, "contact.consent_date"); text != "" {
		day, ok := dateFromText(text)
		if !ok {
			r.Problems = append(r.Problems, c.problem("contact.consent_date", FieldError{Field: "consent_date", Key: "error.not_a_date",
				Template: "“{{.Value}}” is not a date (write 2025-03-14 or 14.03.2025)", Data: map[string]any{"Value": text}}))
		}
		ct.ConsentDate = day
	}
	r.Contact = ct
	return r
}
