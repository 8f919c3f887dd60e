package data

import (
	"context"
	"fmt"
	"math/rand/v2"
)

// SampleSize says how large a generated register is.
type SampleSize struct {
	Organisations int
	Contacts      int
}

// SmallSample is the register offered at first start: enough to see every
// sector and to try search, filters, history and undo.
var SmallSample = SampleSize{Organisations: 48, Contacts: 140}

// SmallTrainingSample and SmallCoordinationSample complete the register
// offered at first start with courses, campaigns, agreements, statistics,
// meetings and a plan, so that every area has something to show.
var (
	SmallTrainingSample     = TrainingSampleSize{Courses: 40, Marks: 3000}
	SmallCoordinationSample = CoordinationSampleSize{Campaigns: 12, Agreements: 10, StatisticYears: 20, Actions: 24, Meetings: 8}
)

// LargeSample is the register the benchmarks run on.
var LargeSample = SampleSize{Organisations: 10000, Contacts: 100000}

// SampleCountry is the country the sample register is set to, so that its
// phone numbers are read the way a real register's would be.
const SampleCountry = "MD"

// sampleShowcase are the first contacts of every sample, so that searches
// such as "jose", "popescu" or "мвд" always have something to find.
var sampleShowcase = []struct{ name, latin, sex string }{
	{"José Pérez", "jose.perez", "male"},
	{"Ольга Иванова", "olga.ivanova", "female"},
	{"Ionuț Popescu", "ionut.popescu", "male"},
	{"Γιώργος Παπαδόπουλος", "giorgos.papadopoulos", "male"},
	{"Nguyễn Thị Lan", "lan.nguyen", "female"},
	{"Zoë Lefèvre", "zoe.lefevre", "female"},
	{"Ayşe Yılmaz", "ayse.yilmaz", ""},
	{"María García", "maria.garcia", "female"},
}

// sampleCulture is a set of names of one language.
type sampleCulture struct {
	given       []sampleGiven
	family      []sampleFamily
	familyFirst bool // the family name is written first (Vietnamese)
}

// sampleGiven is a given name as written, in Latin letters for the e-mail
// address, and the sex it usually goes with (f or m).
type sampleGiven struct{ written, latin, sex string }

// sampleFamily is a family name, its female form when it has one, and its
// Latin letters.
type sampleFamily struct{ male, female, latin string }

// samplePerson draws a person: full name, Latin name for the address, sex.
func samplePerson(r *rand.Rand) (name, latin, sex string) {
	c := sampleCultures[r.IntN(len(sampleCultures))]
	g, f := c.given[r.IntN(len(c.given))], c.family[r.IntN(len(c.family))]
	family := f.male
	if g.sex == "f" && f.female != "" {
		family = f.female
	}
	name = g.written + " " + family
	if c.familyFirst {
		name = family + " " + g.written
	}
	sex = map[string]string{"f": "female", "m": "male"}[g.sex]
	if r.IntN(6) == 0 {
		sex = "" // not recorded
	}
	return name, g.latin + "." + f.latin, sex
}

var (
	// Names come in cultures, so that a sample person has a given name and
	// a family name of one language, in its script, with the family name's
	// female form where the language has one.
	sampleCultures = []sampleCulture{
		{given: []sampleGiven{{"Elena", "elena", "f"}, {"Mihaela", "mihaela", "f"}, {"Ionuț", "ionut", "m"}, {"Mihai", "mihai", "m"}, {"Ștefan", "stefan", "m"}, {"Ana", "ana", "f"},
			{"Cristina", "cristina", "f"}, {"Victoria", "victoria", "f"}, {"Andrei", "andrei", "m"}, {"Vasile", "vasile", "m"}, {"Doina", "doina", "f"}, {"Sergiu", "sergiu", "m"}},
			family: []sampleFamily{{"Popescu", "", "popescu"}, {"Rusu", "", "rusu"}, {"Ciobanu", "", "ciobanu"}, {"Țurcanu", "", "turcanu"}, {"Bălan", "", "balan"}, {"Lungu", "", "lungu"},
				{"Ceban", "", "ceban"}, {"Munteanu", "", "munteanu"}, {"Cojocaru", "", "cojocaru"}, {"Moraru", "", "moraru"}, {"Guțu", "", "gutu"}, {"Sârbu", "", "sarbu"}}},
		{given: []sampleGiven{{"Ольга", "olga", "f"}, {"Наталья", "natalya", "f"}, {"Дмитрий", "dmitriy", "m"}, {"Алексей", "aleksey", "m"},
			{"Ирина", "irina", "f"}, {"Татьяна", "tatyana", "f"}, {"Андрей", "andrey", "m"}, {"Михаил", "mikhail", "m"}, {"Светлана", "svetlana", "f"}, {"Игорь", "igor", "m"}},
			family: []sampleFamily{{"Смирнов", "Смирнова", "smirnov"}, {"Иванов", "Иванова", "ivanov"}, {"Козлов", "Козлова", "kozlov"},
				{"Попов", "Попова", "popov"}, {"Соколов", "Соколова", "sokolov"}, {"Морозов", "Морозова", "morozov"}, {"Волков", "Волкова", "volkov"}, {"Лебедев", "Лебедева", "lebedev"}}},
		{given: []sampleGiven{{"Сергій", "serhiy", "m"}, {"Олена", "olena", "f"}, {"Оксана", "oksana", "f"}, {"Тарас", "taras", "m"}, {"Ірина", "iryna", "f"}, {"Богдан", "bohdan", "m"}},
			family: []sampleFamily{{"Коваленко", "", "kovalenko"}, {"Шевченко", "", "shevchenko"}, {"Бондаренко", "", "bondarenko"}, {"Ткаченко", "", "tkachenko"}, {"Кравчук", "", "kravchuk"}, {"Мельник", "", "melnyk"}}},
		{given: []sampleGiven{{"Γιώργος", "giorgos", "m"}, {"Ελένη", "eleni", "f"}, {"Νίκος", "nikos", "m"}, {"Μαρία", "maria", "f"}, {"Δημήτρης", "dimitris", "m"}},
			family: []sampleFamily{{"Παπαδόπουλος", "Παπαδοπούλου", "papadopoulos"}, {"Νικολάου", "", "nikolaou"}, {"Γεωργίου", "", "georgiou"}, {"Οικονόμου", "", "oikonomou"}}},
		{given: []sampleGiven{{"José", "jose", "m"}, {"María", "maria", "f"}, {"Lucía", "lucia", "f"}, {"Andrés", "andres", "m"}, {"Carmen", "carmen", "f"}, {"Javier", "javier", "m"}, {"Sofía", "sofia", "f"}},
			family: []sampleFamily{{"Pérez", "", "perez"}, {"García", "", "garcia"}, {"Muñoz", "", "munoz"}, {"Rodríguez", "", "rodriguez"}, {"Fernández", "", "fernandez"}, {"Sánchez", "", "sanchez"}}},
		{given: []sampleGiven{{"João", "joao", "m"}, {"Conceição", "conceicao", "f"}, {"Inês", "ines", "f"}, {"Tiago", "tiago", "m"}},
			family: []sampleFamily{{"Gonçalves", "", "goncalves"}, {"Araújo", "", "araujo"}, {"Ferreira", "", "ferreira"}, {"Lopes", "", "lopes"}}},
		{given: []sampleGiven{{"François", "francois", "m"}, {"Hélène", "helene", "f"}, {"Zoë", "zoe", "f"}, {"Aminata", "aminata", "f"}, {"Moussa", "moussa", "m"}, {"Céline", "celine", "f"}},
			family: []sampleFamily{{"Lefèvre", "", "lefevre"}, {"Moreau", "", "moreau"}, {"Diallo", "", "diallo"}, {"Traoré", "", "traore"}, {"Dubois", "", "dubois"}}},
		{given: []sampleGiven{{"Łukasz", "lukasz", "m"}, {"Agnieszka", "agnieszka", "f"}, {"Katarzyna", "katarzyna", "f"}, {"Paweł", "pawel", "m"}},
			family: []sampleFamily{{"Kowalczyk", "", "kowalczyk"}, {"Wiśniewski", "Wiśniewska", "wisniewski"}, {"Zieliński", "Zielińska", "zielinski"}, {"Wójcik", "", "wojcik"}}},
		{given: []sampleGiven{{"Jiří", "jiri", "m"}, {"Tereza", "tereza", "f"}, {"Petr", "petr", "m"}, {"Lucie", "lucie", "f"}},
			family: []sampleFamily{{"Dvořák", "Dvořáková", "dvorak"}, {"Novák", "Nováková", "novak"}, {"Svoboda", "Svobodová", "svoboda"}}},
		{given: []sampleGiven{{"Ayşe", "ayse", "f"}, {"Mehmet", "mehmet", "m"}, {"Çağla", "cagla", "f"}, {"Emre", "emre", "m"}, {"Zeynep", "zeynep", "f"}},
			family: []sampleFamily{{"Yılmaz", "", "yilmaz"}, {"Öztürk", "", "ozturk"}, {"Kaya", "", "kaya"}, {"Demir", "", "demir"}}},
		{given: []sampleGiven{{"Thị Lan", "lan", "f"}, {"Văn Minh", "minh", "m"}, {"Thị Hoa", "hoa", "f"}, {"Đức Anh", "anh", "m"}},
			family: []sampleFamily{{"Nguyễn", "", "nguyen"}, {"Trần", "", "tran"}, {"Lê", "", "le"}, {"Phạm", "", "pham"}}, familyFirst: true},
		{given: []sampleGiven{{"Fatima", "fatima", "f"}, {"Karim", "karim", "m"}, {"Layla", "layla", "f"}, {"Omar", "omar", "m"}},
			family: []sampleFamily{{"Haddad", "", "haddad"}, {"Mansour", "", "mansour"}, {"Khalil", "", "khalil"}, {"Nasser", "", "nasser"}}},
		{given: []sampleGiven{{"Søren", "soren", "m"}, {"Ingrid", "ingrid", "f"}, {"Mette", "mette", "f"}, {"Lars", "lars", "m"}},
			family: []sampleFamily{{"Jørgensen", "", "jorgensen"}, {"Møller", "", "moller"}, {"Nielsen", "", "nielsen"}, {"Hansen", "", "hansen"}}},
	}
	sampleRegions   = []string{"Capital", "North", "South", "Centre", "East", "West", "Gagauzia", "Bălți", "Cahul", "Orhei"}
	sampleLanguages = []string{"Romanian", "Russian", "English", "French", "Ukrainian", "Gagauz", "Bulgarian", "Turkish"}
	samplePositions = []string{"Head of unit", "Senior inspector", "Prosecutor", "Social worker", "Programme officer",
		"Legal adviser", "Case manager", "Investigator", "Coordinator", "Trainer", "Project assistant", "Deputy director"}
	// The first organisations of every sample: one of each kind a
	// coordinator meets, in the languages in which agencies name themselves.
	sampleAgencies = []struct {
		name, acronym, sector, level, role string
	}{
		{"Ministry of Internal Affairs", "MIA", "ministry", "national", "chair"},
		{"МВД — Управление по борьбе с торговлей людьми", "МВД", "police", "national", "member"},
		{"General Police Inspectorate — Anti-Trafficking Centre", "CCTP", "police", "national", "member"},
		{"Border Police Department", "BPD", "border_police", "national", "member"},
		{"Bureau for Migration and Asylum", "BMA", "immigration", "national", "member"},
		{"Customs Service", "", "customs", "national", ""},
		{"Prosecutor General's Office — Anti-Trafficking Section", "PGO", "prosecution", "national", "member"},
		{"Court of Appeal", "", "judiciary", "regional", ""},
		{"State Labour Inspectorate", "SLI", "labour_inspection", "national", "member"},
		{"Ministry of Labour and Social Protection", "MLSP", "ministry", "national", "member"},
		{"Direcția Asistență Socială și Protecția Familiei", "DASPF", "social_services", "local", ""},
		{"Child Protection Directorate", "", "child_protection", "regional", "observer"},
		{"Ministry of Health", "", "health", "national", ""},
		{"Ministry of Education and Research", "", "education", "national", "observer"},
		{"Municipality of Bălți", "", "local_government", "local", ""},
		{"Office of the National Rapporteur on Trafficking", "", "national_rapporteur", "national", "member"},
		{"People's Advocate (Ombudsman)", "", "nhri", "national", "observer"},
		{"Centrul Internațional „Speranța”", "CIS", "ngo", "national", "member"},
		{"Фонд «Надежда» — помощь пострадавшим", "", "ngo", "regional", ""},
		{"Association Femmes Solidaires", "AFS", "ngo", "local", ""},
		{"International Migration Office — Country Mission", "IMO", "international_org", "national", "observer"},
		{"Embassy of the Republic of Avaland", "", "embassy", "national", ""},
		{"National Trade Union Confederation", "NTUC", "trade_union", "national", ""},
		{"Employers' Federation", "", "employers_org", "national", ""},
		{"Recruitment Agencies Association", "", "private_sector", "national", ""},
		{"Public Broadcaster", "", "media", "national", ""},
		{"State University — Faculty of Law", "", "academia", "national", ""},
		{"Interfaith Council", "", "other", "national", ""},
	}
	// Patterns for the rest, per sector; %s is a region.
	sampleBranches = map[string]string{
		"police": "Regional Police Inspectorate %s", "border_police": "Border Police Sector %s",
		"prosecution": "Prosecutor's Office %s", "judiciary": "Court of %s",
		"labour_inspection": "Labour Inspectorate Office %s", "social_services": "Social Assistance Directorate %s",
		"child_protection": "Child Protection Service %s", "health": "District Hospital %s",
		"education": "Education Directorate %s", "local_government": "District Council %s",
		"ngo": "Community Centre „Viitor” %s", "international_org": "Field Office %s",
		"media": "Radio %s", "academia": "College of Social Work %s", "trade_union": "Workers' Union %s",
	}
)

// GenerateSample fills the register with a fictional sample of the given
// size, as one undoable change. The same size and seed give the same register.
func (s *Store) GenerateSample(ctx context.Context, size SampleSize, seed uint64) error {
	orgs, contacts := SampleRecords(size, seed)
	if s.Country(ctx) == "" {
		if err := s.SetCountry(ctx, SampleCountry); err != nil {
			return err
		}
	}
	return s.importRecords(ctx, summaryOf(sumSampleRegister), orgs, contacts)
}

// SampleRecords makes the records of a sample register without storing them.
func SampleRecords(size SampleSize, seed uint64) ([]Organisation, []Contact) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	orgs := make([]Organisation, 0, size.Organisations)
	branchSectors := make([]string, 0, len(sampleBranches))
	for _, sec := range Sectors { // map order is random; the sector list is not
		if _, ok := sampleBranches[sec.Code.Code]; ok {
			branchSectors = append(branchSectors, sec.Code.Code)
		}
	}
	seen := map[string]bool{}
	for i := 0; len(orgs) < size.Organisations; i++ {
		var o Organisation
		if i < len(sampleAgencies) {
			a := sampleAgencies[i]
			o = Organisation{Name: a.name, Acronym: a.acronym, Sector: a.sector, Level: a.level, MechanismRole: a.role,
				Region: "Capital"}
		} else {
			sector := branchSectors[r.IntN(len(branchSectors))]
			region := pick(sampleRegions)
			name := fmt.Sprintf(sampleBranches[sector], region)
			if n := i / len(sampleAgencies); n > 1 {
				name = fmt.Sprintf("%s — Office %d", name, i)
			}
			o = Organisation{Name: name, Sector: sector, Level: []string{"regional", "local"}[r.IntN(2)], Region: region}
			if r.IntN(5) == 0 {
				o.MechanismRole = "member"
			}
		}
		k := Fold(o.Name) + "\x00" + o.Sector
		if seen[k] { // two random picks met: draw again
			continue
		}
		seen[k] = true
		o.ID = sampleID(seed, 1, i)
		o.Country = SampleCountry
		o.Phone = samplePhone(r)
		o.Email = fmt.Sprintf("office%d@agency%d.example.org", i+1, i+1)
		o.Address = fmt.Sprintf("%d %s Street", 1+r.IntN(120), pick([]string{"Stefan cel Mare", "Independence", "Pushkin", "Union", "Liberty"}))
		orgs = append(orgs, o)
	}
	contacts := make([]Contact, 0, size.Contacts)
	used := map[string]bool{}
	for i := 0; i < size.Contacts; i++ {
		name, latin, sex := samplePerson(r)
		// A country's register has few namesakes; the sample's pools of
		// names are small, so a name is drawn again a few times when taken
		// (a large sample runs out and has namesakes, as a large country does).
		for tries := 0; used[name] && tries < 8; tries++ {
			name, latin, sex = samplePerson(r)
		}
		if i < len(sampleShowcase) { // people every sample has, for trying search
			p := sampleShowcase[i]
			name, latin, sex = p.name, p.latin, p.sex
		}
		used[name] = true
		org := orgs[i%len(orgs)]
		if i >= len(orgs) {
			org = orgs[r.IntN(len(orgs))]
		}
		c := Contact{
			ID:             sampleID(seed, 2, i),
			OrganisationID: org.ID,
			Name:           name,
			Position:       pick(samplePositions),
			Sex:            sex,
			Emails:         []string{fmt.Sprintf("%s%d@agency%d.example.org", latin, i, i%len(orgs)+1)},
			Phones:         []string{samplePhone(r)},
			Languages:      []string{pick(sampleLanguages), pick(sampleLanguages)},
			ConsentDate:    fmt.Sprintf("20%02d-%02d-%02d", 18+r.IntN(7), 1+r.IntN(12), 1+r.IntN(28)),
		}
		switch r.IntN(6) {
		case 0:
			c.Roles = []string{"mechanism_member"}
		case 1:
			c.Roles = []string{"referral_focal_point", "contact_24_7"}
		case 2:
			c.Roles = []string{"trainer"}
		}
		contacts = append(contacts, c)
	}
	return orgs, contacts
}

// samplePhone makes a number of the sample country's plan: mobile (+373 6x/7x)
// or Chișinău landline (+373 22).
func samplePhone(r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return fmt.Sprintf("+373 %d%d %03d %03d", 6+r.IntN(2), r.IntN(10), r.IntN(1000), r.IntN(1000))
	}
	return fmt.Sprintf("022 %03d %03d", r.IntN(1000), r.IntN(1000))
}

// sampleID gives sample records stable identities, so that two laptops that
// loaded the same sample hold the same records.
func sampleID(seed uint64, kind, i int) string {
	return fmt.Sprintf("5a3b1e00-%04x-4000-8000-%04x%08x", kind, seed&0xffff, i)
}
