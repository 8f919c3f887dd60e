package data

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"
)

// Organisation is an agency of the register: police, prosecutors, social
// services, NGOs … and its place in the national coordination mechanism.
type Organisation struct {
	ID            string
	Name          string
	Acronym       string
	Sector        string // a code of Sectors
	Level         string // a code of Levels, or empty
	Region        string
	Country       string // ISO 3166 alpha-2, or empty
	Address       string
	Phone         string // E.164 once saved
	Email         string
	Website       string
	MechanismRole string // a code of MechanismRoles, or empty when not a member
	MemberSince   string // YYYY-MM-DD: when it joined the mechanism, or empty
	Notes         string
	CreatedAt     string
	UpdatedAt     string
	Archived      bool
}

var organisationTable = table{
	entity: "organisation",
	fields: []Field{textField("name", "Name"), textField("acronym", "Acronym"), codeField("sector", "Sector", "sector"),
		codeField("level", "Level", "level"), textField("region", "Region"), codeField("country", "Country", "country"),
		textField("address", "Address"), {Name: "phone", Label: "Phone", Kind: KindPhone},
		textField("email", "E-mail"), textField("website", "Website"),
		codeField("mechanism_role", "Coordination mechanism", "mechanism"), dateField("member_since", "Member since"),
		textField("notes", "Notes"), archivedField, internal(refField("merged_into", "Merged into", "organisation"))},
	derived: func(v values) map[string]string {
		return map[string]string{"name_key": Fold(v["name"]), "search_text": organisationSearchText(v)}
	},
}

// Government tells whether the organisation is a government body (from its sector).
func (o Organisation) Government() bool { return IsGovernment(o.Sector) }

func (o Organisation) values() values {
	return values{
		"name": o.Name, "acronym": o.Acronym, "sector": o.Sector, "level": o.Level,
		"region": o.Region, "country": o.Country, "address": o.Address, "phone": o.Phone,
		"email": o.Email, "website": o.Website, "mechanism_role": o.MechanismRole, "member_since": o.MemberSince,
		"notes": o.Notes, "archived": boolText(o.Archived),
	}
}

// normalise trims and checks every field and returns the record as it will
// be stored, or a ValidationError naming each field that is wrong.
func (o Organisation) normalise(region string) (Organisation, error) {
	var v validator
	trim := func(p *string) { *p = strings.TrimSpace(*p) }
	for _, p := range []*string{&o.Name, &o.Acronym, &o.Sector, &o.Level, &o.Region, &o.Country,
		&o.Address, &o.Website, &o.MechanismRole, &o.Notes} {
		trim(p)
	}
	o.Name = strings.Join(strings.Fields(o.Name), " ")
	v.required("name", o.Name)
	if o.Sector == "" {
		v.add("sector", "error.required", "Required", nil)
	} else {
		v.code("sector", o.Sector, SectorCodes())
	}
	v.code("level", o.Level, Levels)
	v.code("mechanism_role", o.MechanismRole, MechanismRoles)
	o.Country = strings.ToUpper(o.Country)
	if o.Country != "" && !CountryKnown(o.Country) {
		v.add("country", "error.country", "“{{.Value}}” is not a country code (ISO 3166, like FR)", map[string]any{"Value": o.Country})
	}
	phoneRegion := o.Country
	if phoneRegion == "" {
		phoneRegion = region
	}
	o.Phone = v.phone("phone", o.Phone, phoneRegion)
	if o.MechanismRole == "" {
		o.MemberSince = "" // not a member: no date of joining
	}
	o.MemberSince = v.dateNotFuture("member_since", o.MemberSince, time.Now())
	o.Email = v.email("email", o.Email)
	return o, v.err()
}

// SaveOrganisation validates o and creates it (when o.ID is empty) or writes
// its changed fields, with the history entry, in one transaction. On success
// o holds the stored values; on failure o is left as the user typed it.
func (s *Store) SaveOrganisation(ctx context.Context, o *Organisation) error {
	n, err := o.normalise(s.Country(ctx))
	if err != nil {
		return err
	}
	check := func(tx *sql.Tx) error { return s.checkDuplicateOrganisation(ctx, tx, n) }
	if err := s.saveWithID(ctx, organisationTable, &n.ID, n.values(), check); err != nil {
		return err
	}
	return readBack(ctx, s.Organisation, n.ID, o)
}

// errNoChange rolls back a save that changed nothing, so that it leaves no
// empty entry in the history.
var errNoChange = errors.New("nothing changed")

func (s *Store) checkDuplicateOrganisation(ctx context.Context, tx execer, o Organisation) error {
	var name string
	var archived bool
	err := tx.QueryRowContext(ctx,
		"SELECT name, archived FROM organisation WHERE name_key = ? AND sector = ? AND id <> ? AND merged_into = ''",
		Fold(o.Name), o.Sector, o.ID).Scan(&name, &archived)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	sector, _ := SectorByCode(o.Sector)
	tmpl := "“{{.Existing}}” ({{.Sector}}) is already in the register"
	if archived {
		tmpl = "“{{.Existing}}” ({{.Sector}}) is already in the register, archived: show archived records and restore it"
	}
	return &ValidationError{Errors: []FieldError{{
		Field: "name", Key: "error.duplicate_organisation", Template: tmpl,
		Data: map[string]any{"Existing": name, "Sector": sector.Label, "SectorCode": o.Sector, "Archived": archived},
	}}}
}

// SetOrganisationArchived archives (hides) or restores an organisation, as
// one undoable change. Its contacts stay attached to it.
func (s *Store) SetOrganisationArchived(ctx context.Context, id string, archived bool) error {
	return s.setArchived(ctx, organisationTable, id, archived)
}

func (s *Store) setArchived(ctx context.Context, t table, id string, archived bool) error {
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		old, err := t.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if old["archived"] == boolText(archived) {
			// Already so: an entry here would have no items, and Undo would
			// take back nothing while the user expects the previous change.
			return nil
		}
		next := values{}
		for k, v := range old {
			next[k] = v
		}
		next["archived"] = boolText(archived)
		action, key := "restore", sumRestore
		if archived {
			action, key = "archive", sumArchive
		}
		change, err := s.newChange(ctx, tx, action, summaryOf(key, "Entity", t.entity, "Name", t.name(old)))
		if err != nil {
			return err
		}
		_, err = t.update(ctx, tx, change, id, old, next, s.timestamp())
		return err
	})
}

const organisationColumns = `id, name, acronym, sector, level, region, country, address, phone,
	email, website, mechanism_role, member_since, notes, created_at, updated_at, archived`

func scanOrganisation(row interface{ Scan(...any) error }) (Organisation, error) {
	var o Organisation
	err := row.Scan(&o.ID, &o.Name, &o.Acronym, &o.Sector, &o.Level, &o.Region, &o.Country,
		&o.Address, &o.Phone, &o.Email, &o.Website, &o.MechanismRole, &o.MemberSince, &o.Notes,
		&o.CreatedAt, &o.UpdatedAt, &o.Archived)
	return o, err
}

// Organisation reads one organisation by id.
// OrganisationNames gives the names of the organisations with these ids,
// archived or not, in one read; an id not in the register is left out.
func (s *Store) OrganisationNames(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	for chunk := range slices.Chunk(ids, 500) { // within SQLite's limit of variables
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.read.QueryContext(ctx, "SELECT id, name FROM organisation WHERE id IN (?"+strings.Repeat(", ?", len(chunk)-1)+")", args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id, name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = name
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Store) Organisation(ctx context.Context, id string) (Organisation, error) {
	o, err := scanOrganisation(s.read.QueryRowContext(ctx,
		"SELECT "+organisationColumns+" FROM organisation WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, ErrNotFound
	}
	return o, err
}
