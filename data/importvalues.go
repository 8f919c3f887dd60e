package data

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Lists from outside write codes as words, in the ministry's language:
// "Police", "ONG", "Полиция", "F", "Femme". These tables read them.

// codeWords are the words, beyond each code and its English label, that
// lists use for the codes, in French, Spanish and Russian, written as
// headerKey leaves them.
var codeWords = map[string]map[string][]string{
	"sector": {
		"police":              {"policia", "полиция", "politia", "gendarmerie", "gendarmeria", "милиция"},
		"border_police":       {"police des frontieres", "police aux frontieres", "policia de fronteras", "policia fronteriza", "пограничная служба", "пограничная полиция"},
		"immigration":         {"migration", "migracion", "inmigracion", "миграционная служба"},
		"customs":             {"douane", "douanes", "aduana", "aduanas", "таможня"},
		"prosecution":         {"prosecutor", "prosecutors", "parquet", "ministere public", "procureur", "fiscalia", "ministerio publico", "прокуратура"},
		"judiciary":           {"court", "courts", "justice", "tribunal", "judiciaire", "poder judicial", "juzgado", "суд"},
		"labour_inspection":   {"labor inspection", "inspection du travail", "inspeccion del trabajo", "inspeccion de trabajo", "трудовая инспекция", "инспекция труда"},
		"social_services":     {"services sociaux", "servicios sociales", "социальные службы", "социальная защита"},
		"child_protection":    {"protection de l enfance", "proteccion de la infancia", "proteccion infantil", "защита детей"},
		"health":              {"sante", "salud", "здравоохранение"},
		"education":           {"educacion", "образование"},
		"local_government":    {"collectivite locale", "collectivites locales", "mairie", "gobierno local", "municipalidad", "municipio", "местная власть", "органы местного самоуправления"},
		"ministry":            {"ministere", "ministerio", "министерство"},
		"national_rapporteur": {"rapporteur national", "relator nacional", "национальный докладчик"},
		"nhri":                {"ombudsman", "defenseur des droits", "defensor del pueblo", "омбудсмен", "institution nationale des droits de l homme"},
		"ngo":                 {"ong", "нпо", "нко", "non governmental organisation", "non governmental organization", "organisation non gouvernementale", "organizacion no gubernamental", "неправительственная организация", "civil society", "societe civile", "sociedad civil"},
		"international_org":   {"international organization", "organisation internationale", "organizacion internacional", "международная организация"},
		"embassy":             {"embassy", "consulate", "ambassade", "consulat", "embajada", "consulado", "посольство", "консульство"},
		"trade_union":         {"syndicat", "sindicato", "профсоюз"},
		"employers_org":       {"employers organization", "organisation patronale", "patronat", "organizacion de empleadores", "организация работодателей"},
		"private_sector":      {"business", "company", "secteur prive", "entreprise", "sector privado", "empresa", "частный сектор", "бизнес"},
		"media":               {"medias", "medios", "medios de comunicacion", "сми"},
		"academia":            {"university", "research", "universite", "universidad", "университет", "академия"},
		"other":               {"autre", "otro", "другое"},
	},
	"sex": {
		"female": {"f", "woman", "w", "femme", "feminin", "mujer", "femenino", "ж", "жен", "женский", "женщина"},
		"male":   {"m", "man", "homme", "h", "masculin", "hombre", "masculino", "varon", "м", "муж", "мужской", "мужчина"},
		"other":  {"autre", "otro", "другое"},
	},
	"level": {
		"national": {"nacional", "национальный"},
		"regional": {"региональный"},
		"local":    {"местный"},
	},
	"mechanism": {
		"chair":    {"president", "presidente", "председатель"},
		"member":   {"membre", "miembro", "член"},
		"observer": {"observateur", "observador", "наблюдатель"},
	},
	"role": {
		"mechanism_member":     {"membre du mecanisme", "miembro del mecanismo", "член механизма"},
		"contact_24_7":         {"24 7", "24 7 contact", "contact 24 7"},
		"referral_focal_point": {"referral", "point focal d orientation", "punto focal de derivacion"},
		"trainer":              {"formateur", "formateur trice", "formador", "formadora", "тренер", "инструктор"},
	},
}

var codeLookups sync.Map // list name → map[headerKey]code

// codeFromText reads a code-list value as a list writes it: the code, its
// English label, or a word of codeWords; for countries also the ISO code
// or the name in English, French, Spanish or Russian.
func codeFromText(list, text string) (string, bool) {
	key := headerKey(text)
	if key == "" {
		return "", true
	}
	if m, ok := codeLookups.Load(list); ok {
		code, found := m.(map[string]string)[key]
		return code, found
	}
	m := map[string]string{}
	codes, _ := CodeList(list)
	for _, c := range codes {
		m[headerKey(c.Code)] = c.Code
		m[headerKey(strings.ReplaceAll(c.Code, "_", " "))] = c.Code
		m[headerKey(c.Label)] = c.Code
		for _, w := range codeWords[list][c.Code] {
			m[headerKey(w)] = c.Code
		}
	}
	if list == "country" {
		for _, tag := range []language.Tag{language.French, language.Spanish, language.Russian} {
			names := display.Regions(tag)
			for _, c := range codes {
				if r, err := language.ParseRegion(c.Code); err == nil {
					if n := names.Name(r); n != "" {
						m[headerKey(n)] = c.Code
					}
				}
			}
		}
	}
	codeLookups.Store(list, m)
	code, found := m[key]
	return code, found
}

// splitList splits a cell that holds several values: one per line, or
// separated by semicolons (phones and e-mails also by commas or slashes).
func splitList(cell string, commas bool) []string {
	seps := "\n;"
	if commas {
		seps += ",/"
	}
	var out []string
	for _, part := range strings.FieldsFunc(cell, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// dateFromText reads a date as lists write it: 2025-03-14, or day first
// (14.03.2025, 14/03/2025, 14 March 2025), as the countries using this
// program write dates. ok is false for anything else.
func dateFromText(text string) (string, bool) { return ReadDate(text, DayFirst) }

// joinName makes a full name of its parts, given name first.
func joinName(given, family string) string {
	return strings.TrimFunc(strings.TrimSpace(given)+" "+strings.TrimSpace(family), unicode.IsSpace)
}
