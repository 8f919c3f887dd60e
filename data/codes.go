package data

// Code is one entry of a code list: a stable code kept in the register and in
// files, and an English label that the user interface translates under the
// key "<list>.<code>".
type Code struct {
	Code  string
	Label string
}

// Sector is a kind of organisation. Government is derived from it.
type Sector struct {
	Code
	Government bool
}

// Sectors is the sector code list of the domain notes, in the order shown to users.
var Sectors = []Sector{
	{Code{"police", "Police"}, true},
	{Code{"border_police", "Border police"}, true},
	{Code{"immigration", "Immigration"}, true},
	{Code{"customs", "Customs"}, true},
	{Code{"prosecution", "Prosecution"}, true},
	{Code{"judiciary", "Judiciary"}, true},
	{Code{"labour_inspection", "Labour inspection"}, true},
	{Code{"social_services", "Social services"}, true},
	{Code{"child_protection", "Child protection"}, true},
	{Code{"health", "Health"}, true},
	{Code{"education", "Education"}, true},
	{Code{"local_government", "Local government"}, true},
	{Code{"ministry", "Ministry"}, true},
	{Code{"national_rapporteur", "National rapporteur"}, true},
	{Code{"nhri", "National human rights institution"}, true},
	{Code{"ngo", "NGO"}, false},
	{Code{"international_org", "International organisation"}, false},
	{Code{"embassy", "Embassy / consular"}, false},
	{Code{"trade_union", "Trade union"}, false},
	{Code{"employers_org", "Employers' organisation"}, false},
	{Code{"private_sector", "Private sector"}, false},
	{Code{"media", "Media"}, false},
	{Code{"academia", "Academia"}, false},
	{Code{"other", "Other"}, false},
}

// SectorByCode finds a sector; ok is false for an unknown code.
func SectorByCode(code string) (Sector, bool) {
	for _, s := range Sectors {
		if s.Code.Code == code {
			return s, true
		}
	}
	return Sector{}, false
}

// IsGovernment tells whether organisations of the sector are government bodies.
func IsGovernment(sector string) bool {
	s, _ := SectorByCode(sector)
	return s.Government
}

// Levels an organisation works at.
var Levels = []Code{
	{"national", "National"},
	{"regional", "Regional"},
	{"local", "Local"},
}

// MechanismRoles are the places an organisation can have in the national
// coordination mechanism; the empty code means it is not a member.
var MechanismRoles = []Code{
	{"chair", "Chair"},
	{"member", "Member"},
	{"observer", "Observer"},
}

// Sexes are used only to break figures down; the empty code means not recorded.
var Sexes = []Code{
	{"female", "Female"},
	{"male", "Male"},
	{"other", "Other"},
}

// ContactRoles a focal point can hold (several at once).
var ContactRoles = []Code{
	{"mechanism_member", "Mechanism member"},
	{"contact_24_7", "24/7 contact"},
	{"referral_focal_point", "Referral focal point"},
	{"trainer", "Trainer"},
}

func codeKnown(list []Code, code string) bool {
	for _, c := range list {
		if c.Code == code {
			return true
		}
	}
	return false
}

// SectorCodes returns the sector list as plain codes, for pickers.
func SectorCodes() []Code {
	out := make([]Code, len(Sectors))
	for i, s := range Sectors {
		out[i] = s.Code
	}
	return out
}

// Pillars of the UN Global Plan of Action, which courses and plan actions serve.
var Pillars = []Code{
	{"prevention", "Prevention"},
	{"protection", "Protection"},
	{"prosecution", "Prosecution"},
	{"partnership", "Partnership"},
}

// CourseStatuses are the states of a training course.
var CourseStatuses = []Code{
	{"planned", "Planned"},
	{"held", "Held"},
	{"cancelled", "Cancelled"},
}

// Marks of attendance for one participant on one course day.
var Marks = []Code{
	{"present", "Present"},
	{"late", "Late"},
	{"excused", "Excused"},
	{"absent", "Absent"},
}
