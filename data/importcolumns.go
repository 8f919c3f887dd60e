package data

import (
	"strings"
	"unicode"
)

// ImportTarget is what a column of a list to import can fill: a field of
// the organisation the row names, or of the person it is about.
type ImportTarget struct {
	Key    string // "organisation.name", "contact.phones", "contact.given_name" …
	Entity string // organisation or contact
	Field  string // the field it fills; given_name and family_name make the name
	Label  string // English, also the translation key
}

// ImportTargets are the targets offered for a column, in the order offered.
var ImportTargets = []ImportTarget{
	{"organisation.name", "organisation", "name", "Organisation"},
	{"organisation.acronym", "organisation", "acronym", "Organisation's acronym"},
	{"organisation.sector", "organisation", "sector", "Sector"},
	{"organisation.level", "organisation", "level", "Level"},
	{"organisation.region", "organisation", "region", "Region"},
	{"organisation.country", "organisation", "country", "Country"},
	{"organisation.address", "organisation", "address", "Organisation's address"},
	{"organisation.phone", "organisation", "phone", "Organisation's phone"},
	{"organisation.email", "organisation", "email", "Organisation's e-mail"},
	{"organisation.website", "organisation", "website", "Website"},
	{"organisation.mechanism_role", "organisation", "mechanism_role", "Coordination mechanism"},
	{"organisation.notes", "organisation", "notes", "Notes on the organisation"},
	{"contact.name", "contact", "name", "Full name"},
	{"contact.given_name", "contact", "given_name", "Given name"},
	{"contact.family_name", "contact", "family_name", "Family name"},
	{"contact.position", "contact", "position", "Position"},
	{"contact.sex", "contact", "sex", "Sex"},
	{"contact.emails", "contact", "emails", "E-mails"},
	{"contact.phones", "contact", "phones", "Phones"},
	{"contact.languages", "contact", "languages", "Working languages"},
	{"contact.roles", "contact", "roles", "Roles"},
	{"contact.consent_date", "contact", "consent_date", "Consent to be listed"},
	{"contact.notes", "contact", "notes", "Notes on the person"},
}

// ImportTargetByKey finds a target; ok is false for an unknown key.
func ImportTargetByKey(key string) (ImportTarget, bool) {
	for _, t := range ImportTargets {
		if t.Key == key {
			return t, true
		}
	}
	return ImportTarget{}, false
}

// headerWords are the column headings each target is known by, in English,
// French, Spanish and Russian, written as headerKey leaves them (lower
// case, no accents, punctuation as spaces). A heading is matched whole.
var headerWords = map[string][]string{
	"organisation.name": {"organisation", "organization", "organisation name", "organization name", "agency", "institution",
		"ministry agency", "employer", "company", "org", "organisme", "nom de l organisation", "structure", "entite",
		"organizacion", "institucion", "entidad", "dependencia", "nombre de la organizacion",
		"организация", "ведомство", "учреждение", "место работы", "название организации"},
	"organisation.acronym": {"acronym", "abbreviation", "short name", "sigle", "acronyme", "sigla", "siglas", "abreviatura",
		"аббревиатура", "сокращение", "краткое название"},
	"organisation.sector":  {"sector", "type of organisation", "type of organization", "secteur", "type d organisation", "tipo de organizacion", "сектор", "тип организации"},
	"organisation.level":   {"level", "niveau", "nivel", "уровень"},
	"organisation.region":  {"region", "district", "province", "departement", "provincia", "регион", "область", "район"},
	"organisation.country": {"country", "pays", "pais", "страна"},
	"organisation.address": {"address", "postal address", "adresse", "direccion", "domicilio", "адрес", "почтовый адрес"},
	"organisation.phone":   {"organisation phone", "organization phone", "office phone", "switchboard", "telephone du bureau", "standard", "telefono de la oficina", "телефон организации"},
	"organisation.email":   {"organisation e mail", "organization e mail", "organisation email", "organization email", "office e mail", "office email", "courriel de l organisation", "correo de la organizacion", "почта организации"},
	"organisation.website": {"website", "web site", "web", "site web", "site internet", "sitio web", "pagina web", "сайт", "веб сайт"},
	"organisation.mechanism_role": {"coordination mechanism", "mechanism role", "role in the mechanism", "membership",
		"mecanisme de coordination", "mecanismo de coordinacion", "механизм координации"},
	"organisation.notes": {"notes on the organisation", "notes on the organization"},
	"contact.name": {"name", "full name", "person", "contact", "contact person", "focal point", "participant",
		"nom complet", "nom et prenom", "nom prenom", "point focal", "personne de contact",
		"nombre", "nombre completo", "nombre y apellido", "nombre y apellidos", "punto focal", "persona de contacto",
		"имя", "фио", "ф и о", "полное имя", "контактное лицо", "фамилия имя отчество", "фамилия и имя"},
	"contact.given_name":  {"given name", "first name", "forename", "prenom", "prenoms", "nombre de pila", "nombres", "имя и отчество"},
	"contact.family_name": {"family name", "last name", "surname", "nom de famille", "nom", "apellido", "apellidos", "фамилия"},
	"contact.position":    {"position", "title", "job title", "function", "role", "post", "fonction", "poste", "titre", "cargo", "puesto", "funcion", "должность", "позиция"},
	"contact.sex":         {"sex", "gender", "sexe", "genre", "sexo", "genero", "пол"},
	"contact.emails": {"e mail", "email", "e mails", "emails", "mail", "e mail address", "email address", "courriel", "adresse electronique",
		"adresse e mail", "correo", "correo electronico", "электронная почта", "эл почта", "e mail адрес", "почта"},
	"contact.phones": {"phone", "phones", "telephone", "telephone number", "phone number", "tel", "mobile", "mobile phone", "cell", "cell phone",
		"telephones", "portable", "telephone portable", "numero de telephone", "mobile number", "telefono", "telefonos", "movil", "telefono movil", "celular", "телефон", "телефоны", "мобильный", "мобильный телефон", "тел"},
	"contact.languages":    {"languages", "working languages", "language", "langues", "langue", "langues de travail", "idiomas", "idioma", "языки", "язык", "рабочие языки"},
	"contact.roles":        {"roles", "contact roles"},
	"contact.consent_date": {"consent", "consent date", "consent to be listed", "consentement", "consentimiento", "согласие"},
	"contact.notes":        {"notes", "note", "remarks", "comments", "comment", "observations", "remarques", "commentaires", "notas", "observaciones", "comentarios", "примечания", "примечание", "комментарии"},
}

// headerKey is a heading as headerWords writes it.
func headerKey(h string) string {
	h = Fold(h)
	return strings.Join(strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

var headerTargets = func() map[string]string {
	out := map[string]string{}
	for target, words := range headerWords {
		for _, w := range words {
			out[headerKey(w)] = target
		}
	}
	for _, t := range ImportTargets { // the labels the program itself writes (the directory)
		if _, taken := out[headerKey(t.Label)]; !taken {
			out[headerKey(t.Label)] = t.Key
		}
	}
	return out
}()

// GuessTarget finds the target a column's heading names, "" when none.
func GuessTarget(heading string) string { return headerTargets[headerKey(heading)] }

// GuessMapping guesses a target for each column from its heading; a target
// goes to the first column that names it only. "Name" beside "Surname"
// (or "Nombre" beside "Apellidos", "Имя" beside "Фамилия") is the given
// name; "Nom" without "Prénom" is the whole name; a heading that says
// full name keeps the name whole, and separate parts are then left out.
func GuessMapping(headings []string) []string {
	out := make([]string, len(headings))
	at := map[string]int{}
	for i, h := range headings {
		if t := GuessTarget(h); t != "" {
			if _, used := at[t]; !used {
				out[i], at[t] = t, i
			}
		}
	}
	name, hasName := at["contact.name"]
	family, hasFamily := at["contact.family_name"]
	_, hasGiven := at["contact.given_name"]
	switch {
	case hasName && fullNameHeadings[headerKey(headings[name])]:
		for i, t := range out {
			if t == "contact.given_name" || t == "contact.family_name" {
				out[i] = ""
			}
		}
	case hasName && hasFamily && !hasGiven:
		out[name] = "contact.given_name"
	case hasName && (hasFamily || hasGiven):
		out[name] = "" // the parts are there: "Name" is one of them, unclear which
	case hasFamily && !hasGiven && !hasName:
		out[family] = "contact.name"
	}
	return out
}

// fullNameHeadings say plainly that the column holds the whole name.
var fullNameHeadings = func() map[string]bool {
	out := map[string]bool{}
	for _, h := range []string{"full name", "nom complet", "nom et prenom", "nom prenom", "nombre completo", "nombre y apellido",
		"nombre y apellidos", "фио", "ф и о", "полное имя", "фамилия имя отчество", "фамилия и имя", "person", "contact person",
		"focal point", "point focal", "punto focal", "contact", "контактное лицо", "participant", "personne de contact", "persona de contacto"} {
		out[headerKey(h)] = true
	}
	return out
}()
