package data

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"
	"time"
)

// Agreement is a memorandum, protocol or agreement of cooperation between
// organisations at home or with other countries.
type Agreement struct {
	ID               string
	Title            string
	Kind             string   // a code of AgreementKinds
	Level            string   // a code of AgreementLevels
	Subjects         []string // codes of AgreementSubjects
	Parties          []string // organisation ids
	PartnerCountries []string // ISO 3166 alpha-2
	SignedOn         string   // YYYY-MM-DD
	ValidUntil       string   // YYYY-MM-DD, or empty
	Status           string   // a code of AgreementStatuses
	Reference        string
	Notes            string
	CreatedAt        string
	UpdatedAt        string
	Archived         bool
}

// AgreementKinds, AgreementLevels, AgreementSubjects and AgreementStatuses
// are the code lists of agreements.
var (
	AgreementKinds = []Code{{"memorandum", "Memorandum of understanding"}, {"protocol", "Protocol"}, {"agreement", "Agreement"}}
	// The first three are at home, the others with other countries.
	AgreementLevels = []Code{{"government_ngo", "Government–NGO"}, {"inter_agency", "Inter-agency"}, {"referral", "Referral"},
		{"bilateral", "Bilateral"}, {"regional", "Regional"}, {"multilateral", "Multilateral"}}
	AgreementSubjects = []Code{{"law_enforcement", "Law enforcement"}, {"legal_assistance", "Mutual legal assistance"},
		{"victim_return", "Return of victims"}, {"information_exchange", "Information exchange"},
		{"joint_investigation", "Joint investigation"}, {"victim_assistance", "Assistance to victims"}}
	AgreementStatuses = []Code{{"draft", "Draft"}, {"in_force", "In force"}, {"expired", "Expired"}, {"terminated", "Terminated"}}
)

// International tells whether a level is one of cooperation with other countries.
func International(level string) bool {
	return level == "bilateral" || level == "regional" || level == "multilateral"
}

var agreementTable = table{
	entity: "agreement",
	label:  "title",
	fields: []Field{textField("title", "Title"), codeField("kind", "Kind", "agreement_kind"),
		codeField("level", "Level", "agreement_level"), codesField("subjects", "Subjects", "subject"),
		refsField("parties", "Parties", "organisation"), codesField("partner_countries", "Partner countries", "country"),
		dateField("signed_on", "Signed on"), dateField("valid_until", "Valid until"),
		codeField("status", "Status", "agreement_status"), textField("reference", "Reference"),
		textField("notes", "Notes"), archivedField},
}

func (a Agreement) values() values {
	return values{"title": a.Title, "kind": a.Kind, "level": a.Level, "subjects": joinLines(a.Subjects),
		"parties": joinLines(a.Parties), "partner_countries": joinLines(a.PartnerCountries), "signed_on": a.SignedOn,
		"valid_until": a.ValidUntil, "status": a.Status, "reference": a.Reference, "notes": a.Notes,
		"archived": boolText(a.Archived)}
}

func normaliseAgreement(a Agreement, exists func(entity, id string) (bool, error), now time.Time) (Agreement, error) {
	var v validator
	a.Title = strings.Join(strings.Fields(a.Title), " ")
	a.Reference, a.Notes = strings.TrimSpace(a.Reference), strings.TrimSpace(a.Notes)
	v.required("title", a.Title)
	if a.Kind == "" {
		v.add("kind", "error.required", "Required", nil)
	}
	v.code("kind", a.Kind, AgreementKinds)
	if a.Level == "" {
		v.add("level", "error.required", "Required", nil)
	}
	v.code("level", a.Level, AgreementLevels)
	if a.Status == "" {
		a.Status = "in_force"
	}
	v.code("status", a.Status, AgreementStatuses)
	a.Subjects, a.Parties = lines(a.Subjects), lines(a.Parties)
	for _, s := range a.Subjects {
		v.code("subjects", s, AgreementSubjects)
	}
	a.PartnerCountries = lines(a.PartnerCountries)
	for i, c := range a.PartnerCountries {
		a.PartnerCountries[i] = strings.ToUpper(c)
		if !CountryKnown(a.PartnerCountries[i]) {
			v.add("partner_countries", "error.country", "“{{.Value}}” is not a country code (ISO 3166, like FR)", map[string]any{"Value": c})
		}
	}
	if International(a.Level) && len(a.PartnerCountries) == 0 {
		v.add("partner_countries", "error.partner_country", "An agreement with other countries names at least one of them", nil)
	}
	if err := v.references("parties", "organisation", a.Parties, exists); err != nil {
		return a, err
	}
	a.SignedOn = v.dateNotFuture("signed_on", a.SignedOn, now)
	if strings.TrimSpace(a.ValidUntil) != "" {
		a.ValidUntil = v.date("valid_until", a.ValidUntil)
		if a.SignedOn != "" && a.ValidUntil != "" && a.ValidUntil < a.SignedOn {
			v.add("valid_until", "error.valid_before_signed", "Valid until {{.Until}}, before it was signed ({{.Signed}})",
				map[string]any{"Until": a.ValidUntil, "Signed": a.SignedOn})
		}
	} else {
		a.ValidUntil = ""
	}
	return a, v.err()
}

// SaveAgreement validates a and creates or updates it with its history entry.
func (s *Store) SaveAgreement(ctx context.Context, a *Agreement) error {
	n, err := normaliseAgreement(*a, s.recordExists(ctx), s.now())
	if err != nil {
		return err
	}
	if err := s.saveWithID(ctx, agreementTable, &n.ID, n.values(), nil); err != nil {
		return err
	}
	return readBack(ctx, s.Agreement, n.ID, a)
}

// SetAgreementArchived archives or restores an agreement.
func (s *Store) SetAgreementArchived(ctx context.Context, id string, archived bool) error {
	return s.setArchived(ctx, agreementTable, id, archived)
}

var agreementColumns = withLinks(agreementTable, `id, title, kind, level, subjects, parties, partner_countries, signed_on,
	valid_until, status, reference, notes, created_at, updated_at, archived`)

func scanAgreement(row interface{ Scan(...any) error }) (Agreement, error) {
	var a Agreement
	var subjects, parties, countries string
	err := row.Scan(&a.ID, &a.Title, &a.Kind, &a.Level, &subjects, &parties, &countries, &a.SignedOn,
		&a.ValidUntil, &a.Status, &a.Reference, &a.Notes, &a.CreatedAt, &a.UpdatedAt, &a.Archived)
	a.Subjects, a.Parties, a.PartnerCountries = splitLines(subjects), splitLines(parties), splitLines(countries)
	return a, err
}

// Agreement reads one agreement by id.
func (s *Store) Agreement(ctx context.Context, id string) (Agreement, error) {
	a, err := scanAgreement(s.read.QueryRowContext(ctx, "SELECT "+agreementColumns+" FROM agreement WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	return a, err
}

// AgreementFilter narrows the list of agreements.
type AgreementFilter struct {
	Level     string // a level code, or "home" / "international"
	Country   string // a partner country
	Query     string // words of the title or reference
	InForceOn string // a day: only the agreements in force on it, as the figures count them
	Archived  bool
}

// Agreements lists the agreements that pass the filter, newest signed first.
func (s *Store) Agreements(ctx context.Context, f AgreementFilter) ([]Agreement, error) {
	q := "SELECT " + agreementColumns + " FROM agreement"
	if !f.Archived {
		q += " WHERE archived = 0"
	}
	rows, err := s.read.QueryContext(ctx, q+" ORDER BY signed_on DESC, title")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	words := strings.Fields(Fold(f.Query))
	var out []Agreement
	for rows.Next() {
		a, err := scanAgreement(rows)
		if err != nil {
			return nil, err
		}
		switch {
		case f.Level == "home" && International(a.Level), f.Level == "international" && !International(a.Level),
			f.Level != "" && f.Level != "home" && f.Level != "international" && a.Level != f.Level,
			f.Country != "" && !contains(a.PartnerCountries, f.Country),
			f.InForceOn != "" && !a.InForceOn(f.InForceOn),
			!matchesAll(Fold(a.Title+" "+a.Reference), words):
			continue
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AgreementFigures count the agreements in force, for the questionnaire.
type AgreementFigures struct {
	InForce          int
	ByLevel          map[string]int
	ByPartnerCountry map[string]int
	NoPartnerCountry int // in force without a partner country: domestic agreements
	BySubject        map[string]int
	SignedInPeriod   int
}

// AgreementCountingRules says in words how AgreementFigures count.
const AgreementCountingRules = "Agreements count when in force on the last day of the period (signed by then, not expired or " +
	"terminated, valid until that day or later or without end). An agreement with several partner countries counts once " +
	"for each; those without a partner country (domestic) are a line of their own. Signed in the period: agreements whose signing date falls in it, whatever their status now."

// AgreementFiguresForPeriod counts the agreements of a period [from, to].
func (s *Store) AgreementFiguresForPeriod(ctx context.Context, from, to string) (AgreementFigures, error) {
	all, err := s.Agreements(ctx, AgreementFilter{})
	if err != nil {
		return AgreementFigures{}, err
	}
	return agreementFigures(all, from, to), nil
}

// InForceOn says whether the agreement is in force on day: in force, signed
// by then, and valid until that day or later or without end. The figures
// and the list the Overview opens both ask it.
func (a Agreement) InForceOn(day string) bool {
	return a.Status == "in_force" && a.SignedOn != "" && a.SignedOn <= day && (a.ValidUntil == "" || a.ValidUntil >= day)
}

// agreementFigures counts the agreements of a period among all the current ones.
func agreementFigures(all []Agreement, from, to string) AgreementFigures {
	f := AgreementFigures{ByLevel: map[string]int{}, ByPartnerCountry: map[string]int{}, BySubject: map[string]int{}}
	for _, a := range all {
		if a.SignedOn >= from && a.SignedOn <= to && a.SignedOn != "" {
			f.SignedInPeriod++
		}
		if !a.InForceOn(to) {
			continue
		}
		f.InForce++
		f.ByLevel[a.Level]++
		for _, c := range a.PartnerCountries {
			f.ByPartnerCountry[c]++
		}
		if len(a.PartnerCountries) == 0 {
			f.NoPartnerCountry++
		}
		for _, sub := range a.Subjects {
			f.BySubject[sub]++
		}
	}
	return f
}

// PartnerCountries lists the partner countries named in agreements, for filters.
func (s *Store) PartnerCountries(ctx context.Context) ([]string, error) {
	all, err := s.Agreements(ctx, AgreementFilter{Archived: true})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, a := range all {
		for _, c := range a.PartnerCountries {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}
