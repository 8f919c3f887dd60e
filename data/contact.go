package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// Contact is a focal point: a professional who works for an organisation of
// the register. Only what the work needs is kept, with the date the person
// agreed to be listed.
type Contact struct {
	ID             string
	OrganisationID string
	Name           string // the full name as the person writes it
	Position       string
	Sex            string   // a code of Sexes, or empty when not recorded
	Emails         []string // one or more addresses
	Phones         []string // E.164 once saved
	Languages      []string // working languages, as written
	Roles          []string // codes of ContactRoles
	ConsentDate    string   // YYYY-MM-DD, or empty
	Notes          string
	CreatedAt      string
	UpdatedAt      string
	Archived       bool
	// MovedOn is the day the person moved to OrganisationID, when a save
	// changes it (empty: today). Not kept on the contact: the organisation
	// left is kept as a Membership.
	MovedOn string
}

var contactTable = table{
	entity:  "contact",
	derived: func(v values) map[string]string { return map[string]string{"search_text": contactSearchText(v)} },
	fields: []Field{refField("organisation_id", "Organisation", "organisation"), textField("name", "Full name"),
		textField("position", "Position"), codeField("sex", "Sex", "sex"), {Name: "emails", Label: "E-mails", Kind: KindEmails},
		{Name: "phones", Label: "Phones", Kind: KindPhones}, linesField("languages", "Working languages"),
		codesField("roles", "Roles", "role"), dateField("consent_date", "Consent to be listed"), textField("notes", "Notes"),
		archivedField, internal(refField("merged_into", "Merged into", "contact"))},
}

func (c Contact) values() values {
	return values{
		"organisation_id": c.OrganisationID, "name": c.Name, "position": c.Position, "sex": c.Sex,
		"emails": joinLines(c.Emails), "phones": joinLines(c.Phones), "languages": joinLines(c.Languages),
		"roles": joinLines(c.Roles), "consent_date": c.ConsentDate, "notes": c.Notes,
		"archived": boolText(c.Archived),
	}
}

// orgCountry finds an organisation's country; found is false when the
// organisation is not in the register.
type orgCountry func(id string) (country string, found bool, err error)

func (s *Store) orgCountryFromStore(ctx context.Context) orgCountry {
	return func(id string) (string, bool, error) {
		o, err := s.Organisation(ctx, id)
		if errors.Is(err, ErrNotFound) {
			return "", false, nil
		}
		return o.Country, err == nil, err
	}
}

// normaliseContact trims and checks every field. Phone numbers without a
// country code are read as numbers of the organisation's country, else of
// the register's.
func normaliseContact(c Contact, orgs orgCountry, region string, now time.Time) (Contact, error) {
	var v validator
	c.Name = strings.Join(strings.Fields(c.Name), " ")
	c.Position = strings.TrimSpace(c.Position)
	c.Notes = strings.TrimSpace(c.Notes)
	v.required("name", c.Name)
	v.code("sex", c.Sex, Sexes)
	if c.OrganisationID == "" {
		v.add("organisation", "error.required", "Required", nil)
	} else if country, found, err := orgs(c.OrganisationID); err != nil {
		return c, err
	} else if !found {
		v.add("organisation", "error.no_organisation", "This organisation is not in the register", nil)
	} else if country != "" {
		region = country
	}
	c.Emails = lines(c.Emails)
	for i, e := range c.Emails {
		c.Emails[i] = v.email("emails", e)
	}
	c.Phones = lines(c.Phones)
	for i, p := range c.Phones {
		c.Phones[i] = v.phone("phones", p, region)
	}
	c.Phones = lines(c.Phones) // two spellings of one number become one
	c.Languages = lines(c.Languages)
	c.Roles = lines(c.Roles)
	for _, r := range c.Roles {
		v.code("roles", r, ContactRoles)
	}
	c.ConsentDate = v.dateNotFuture("consent_date", c.ConsentDate, now)
	return c, v.err()
}

// SaveContact validates c and creates or updates it with its history entry,
// in one transaction. On failure c is left as the user typed it.
func (s *Store) SaveContact(ctx context.Context, c *Contact) error {
	n, err := normaliseContact(*c, s.orgCountryFromStore(ctx), s.Country(ctx), s.now())
	if err != nil {
		return err
	}
	if n.ID != "" {
		was, err := s.Contact(ctx, n.ID)
		if err != nil {
			return err
		}
		if was.OrganisationID != n.OrganisationID {
			if err := s.moveContact(ctx, n, c.MovedOn); err != nil {
				return err
			}
			return readBack(ctx, s.Contact, n.ID, c)
		}
	}
	if err := s.saveWithID(ctx, contactTable, &n.ID, n.values(), nil); err != nil {
		return err
	}
	return readBack(ctx, s.Contact, n.ID, c)
}

// SetContactArchived archives or restores a contact as one undoable change.
func (s *Store) SetContactArchived(ctx context.Context, id string, archived bool) error {
	return s.setArchived(ctx, contactTable, id, archived)
}

const contactColumns = `id, organisation_id, name, position, sex, emails, phones, languages,
	roles, consent_date, notes, created_at, updated_at, archived`

func scanContact(row interface{ Scan(...any) error }) (Contact, error) {
	var c Contact
	var emails, phones, languages, roles string
	err := row.Scan(&c.ID, &c.OrganisationID, &c.Name, &c.Position, &c.Sex, &emails, &phones,
		&languages, &roles, &c.ConsentDate, &c.Notes, &c.CreatedAt, &c.UpdatedAt, &c.Archived)
	c.Emails, c.Phones, c.Languages, c.Roles = splitLines(emails), splitLines(phones), splitLines(languages), splitLines(roles)
	return c, err
}

// Contact reads one contact by id.
func (s *Store) Contact(ctx context.Context, id string) (Contact, error) {
	c, err := scanContact(s.read.QueryRowContext(ctx, "SELECT "+contactColumns+" FROM contact WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	return c, err
}

// Contacts lists an organisation's contacts by name; archived ones only when asked.
func (s *Store) Contacts(ctx context.Context, organisationID string, withArchived bool) ([]Contact, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+contactColumns+
		" FROM contact WHERE organisation_id = ? AND (archived = 0 OR ?) ", organisationID, withArchived)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Contact
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sortBy(out, func(c Contact) string { return c.Name })
	return out, nil
}
