package export

import (
	"context"

	"github.com/ncm-register/ncm-register/data"
)

// SampleReplyFrom and SampleReplyTo are the reporting period of the sample
// register's reply.
const SampleReplyFrom, SampleReplyTo = "2025-01-01", "2025-12-31"

// SampleReply adds to a sample register a draft reply to the default
// questionnaire for 2025, as a coordinator would have it half way: some
// answers written, some drafted from the figures, and contributions from
// two agencies. It shows every part of the Questionnaire area at first start.
func SampleReply(ctx context.Context, s *data.Store) error {
	t, err := DefaultTemplate()
	if err != nil {
		return err
	}
	orgs, err := s.Organisations(ctx, data.OrganisationFilter{})
	if err != nil {
		return err
	}
	first := func(sector string) string {
		for _, o := range orgs {
			if o.Sector == sector {
				return o.ID
			}
		}
		return ""
	}
	r := data.Reply{TemplateID: t.ID, TemplateVersion: t.Version, From: SampleReplyFrom, To: SampleReplyTo}
	if ministry := first("ministry"); ministry != "" {
		if people, err := s.Contacts(ctx, ministry, false); err == nil && len(people) > 0 {
			r.Officer = people[0].ID
		}
	}
	if err := s.CreateReply(ctx, &r); err != nil {
		return err
	}
	figures, err := s.ReplyFigures(ctx, r.ID, t.Bindings())
	if err != nil {
		return err
	}
	answers := []data.Answer{
		{QuestionID: "A1", YesNo: "yes", Narrative: "The State ratified the Convention and the Trafficking in Persons Protocol in 2005."},
		{QuestionID: "A2", Narrative: "Article 165 of the Criminal Code makes trafficking in persons an offence, punished by 7 to 15 years of imprisonment; aggravated forms by up to 20 years."},
	}
	for _, id := range []string{"C1", "D1", "E1"} {
		if q, ok := t.Question(id); ok {
			answers = append(answers, data.Answer{QuestionID: id, Narrative: DraftNarrative(q, figures)})
		}
	}
	for _, a := range answers {
		if err := s.SetAnswer(ctx, r.ID, a); err != nil {
			return err
		}
	}
	contributions := []struct {
		sector, file string
		answers      []data.Contribution
	}{
		{"police", "police-2025-contribution.xlsx", []data.Contribution{
			{QuestionID: "D1", Narrative: "The Police Academy ran the course on victim identification four times, for new investigators of every region."},
			{QuestionID: "G1", Narrative: "The figures of the Centre for Combating Trafficking in Persons; cases opened under Article 165.",
				Figures: map[string]int{"statistics.investigated": 142}},
		}},
		{"ngo", "ngo-2025-contribution.xlsx", []data.Contribution{
			{QuestionID: "F2", Narrative: "The shelter offered 38 places; legal aid and psychological counselling were given to every person referred."},
			{QuestionID: "E1", Narrative: "The NGO ran the “Know your rights” campaign in schools of three regions, with the Ministry of Education."},
		}},
	}
	for _, c := range contributions {
		if id := first(c.sector); id != "" {
			if err := s.ImportContributions(ctx, r.ID, id, c.file, c.answers); err != nil {
				return err
			}
		}
	}
	return nil
}

// Question finds a question of the template by its id.
func (t Template) Question(id string) (Question, bool) {
	for _, s := range t.Sections {
		for _, q := range s.Questions {
			if q.ID == id {
				return q, true
			}
		}
	}
	return Question{}, false
}
