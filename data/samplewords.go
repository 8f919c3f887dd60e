package data

import (
	"fmt"
	"math/rand/v2"
)

// The words of the coordination sample, written as a coordinator would
// write them: a person trying the program judges it by the sample, and
// "Agreement 8 on victim_return" or "Action 14" tells them nothing.

// agreementSubjectPhrases say what an agreement of each subject is about.
var agreementSubjectPhrases = map[string]string{
	"law_enforcement":      "police cooperation against trafficking in persons",
	"legal_assistance":     "mutual legal assistance in criminal matters",
	"victim_return":        "the safe return of victims of trafficking",
	"information_exchange": "the exchange of information on trafficking cases",
	"joint_investigation":  "joint investigation teams",
	"victim_assistance":    "the referral and assistance of victims",
}

// agreementKindWords name an agreement of each kind in its title.
var agreementKindWords = map[string]string{
	"memorandum": "Memorandum of understanding",
	"protocol":   "Protocol",
	"agreement":  "Agreement",
}

// sampleAgreementTitle is the title of a sample agreement: between two
// agencies at home, or between the governments of two countries.
func sampleAgreementTitle(kind, subject string, parties []string, state, partner string) string {
	about := agreementSubjectPhrases[subject]
	if partner != "" {
		return fmt.Sprintf("%s between the Government of %s and the Government of %s on %s", agreementKindWords[kind], state, partner, about)
	}
	if len(parties) >= 2 {
		return fmt.Sprintf("%s on %s between %s and %s", agreementKindWords[kind], about, parties[0], parties[1])
	}
	return fmt.Sprintf("%s on %s", agreementKindWords[kind], about)
}

// sampleActivities are actions of a national plan, by pillar.
var sampleActivities = map[string][]string{
	"prevention": {
		"Run an information campaign on safe migration in rural schools",
		"Train labour inspectors to detect forced labour in agriculture and construction",
		"Publish a guide to fair recruitment for private employment agencies",
		"Include trafficking in persons in the curriculum of secondary schools",
		"Hold information sessions for young people leaving residential care",
		"Check the licences of recruitment agencies advertising work abroad",
	},
	"protection": {
		"Adopt standard operating procedures for the national referral mechanism",
		"Open a shelter for child victims in the North region",
		"Keep a free 24-hour hotline for victims and their families",
		"Train social workers of every district in identifying victims",
		"Set up reintegration grants for victims returning home",
		"Provide interpreters for foreign victims during interviews",
	},
	"prosecution": {
		"Set up a unit of prosecutors specialised in trafficking cases",
		"Train judges in victim-centred proceedings",
		"Bring Article 165 of the Criminal Code into line with the Palermo Protocol",
		"Record trafficking cases in one database of the police and prosecution",
		"Train border police officers in detecting forged documents",
		"Confiscate the proceeds of trafficking in every case convicted",
	},
	"partnership": {
		"Hold a quarterly meeting of the regional coordination groups",
		"Sign a memorandum with the destination countries on the return of victims",
		"Fund non-governmental shelters through a yearly call for proposals",
		"Report to the National Committee on the plan every six months",
		"Take part in joint investigation teams with neighbouring countries",
		"Publish the yearly report on trafficking in persons",
	},
}

// sampleActivity is the i-th action of a pillar: the pillar's activities
// in turn, then again for another region once each has been used.
func sampleActivity(pillar string, i int) string {
	list := sampleActivities[pillar]
	if len(list) == 0 {
		return fmt.Sprintf("Action %d", i+1)
	}
	a := list[i%len(list)]
	if round := i / len(list); round > 0 {
		regions := []string{"in the North region", "in the South region", "in the Centre region", "in the capital"}
		a += " " + regions[(round-1)%len(regions)]
	}
	return a
}

// sampleCampaignTitles are the titles of awareness campaigns.
var sampleCampaignTitles = []string{
	"Know your rights before you travel",
	"Safe migration starts at home",
	"Fair recruitment: never pay to get a job",
	"Not for sale: stop the demand",
	"Ask for help: the hotline is free",
	"Work abroad, safely",
	"Your passport belongs to you",
}

// sampleAgendas are what the coordination body's meetings are about.
var sampleAgendas = []string{
	"Progress of the national plan; the referral of victims between regions",
	"Statistics of the past year; preparing the reply to the UNODC questionnaire",
	"Standard operating procedures for identifying victims; training of the year",
	"Return of victims from abroad; cooperation with destination countries",
	"Budget of the plan of action; funding of shelters",
	"Report of the national rapporteur; recommendations to the Government",
}

func pickOf(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// labelIn is the label of a code in a list, or "" when it is not there.
func labelIn(list []Code, code string) string {
	for _, c := range list {
		if c.Code == code {
			return c.Label
		}
	}
	return ""
}
