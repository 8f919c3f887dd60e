package export

import (
	"context"
	"encoding/json"

	"github.com/ncm-register/ncm-register/data"
)

// frozenDocument is what a final reply keeps besides its figures: the names
// on its cover and the lists of its annexes, as they were when it was
// finalised, so that the reply prints the same however the register
// changes afterwards.
type frozenDocument struct {
	Country                             string `json:",omitempty"` // the code; State, the English name, before it
	State, Officer, OfficerOrganisation string
	Members                             []data.Organisation
	Courses                             []data.AnnexCourse
	CourseSectors                       []data.Code
	Campaigns                           []data.Campaign
	Agreements                          []data.Agreement
	Actions                             []ReplyAction
	Years                               []int
	Statistics                          []data.Statistic
}

// FinaliseReply freezes a draft reply: its figures (every binding of t, and
// those charted) and what its documents show besides, drawn from the
// register now and kept with it.
func FinaliseReply(ctx context.Context, s *data.Store, t Template, replyID string) error {
	c, err := LoadReply(ctx, s, t, replyID)
	if err != nil {
		return err
	}
	if c.final() {
		return data.ErrReplyFinal
	}
	a := c.Annexes
	doc := frozenDocument{Country: c.Country, State: c.State, Officer: c.Officer, OfficerOrganisation: c.OfficerOrganisation,
		Members: a.Members, CourseSectors: a.CourseSectors, Campaigns: a.Campaigns, Agreements: a.Agreements,
		Actions: a.Actions, Years: a.Years, Statistics: a.Statistics}
	if err := a.Courses(func(course data.AnnexCourse) error {
		doc.Courses = append(doc.Courses, course)
		return nil
	}); err != nil {
		return err
	}
	raw, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	return s.FinaliseReply(ctx, replyID, replyFigureNames(t), raw)
}

// thaw fills a final reply's content from the document kept with it.
func (c *ReplyContent) thaw(raw []byte) error {
	var doc frozenDocument
	if err := json.Unmarshal(raw, &doc); err != nil {
		return err
	}
	c.Country, c.State, c.Officer, c.OfficerOrganisation = doc.Country, doc.State, doc.Officer, doc.OfficerOrganisation
	c.AnnexDay = c.replyDay()
	c.Annexes = ReplyAnnexes{Members: doc.Members, CourseSectors: doc.CourseSectors, Campaigns: doc.Campaigns,
		Agreements: doc.Agreements, Actions: doc.Actions, Years: doc.Years, Statistics: doc.Statistics,
		Courses: func(yield func(data.AnnexCourse) error) error {
			for _, course := range doc.Courses {
				if err := yield(course); err != nil {
					return err
				}
			}
			return nil
		}}
	return nil
}

// annexNote says when the annexes were drawn from the register.
func (c ReplyContent) annexNote() string {
	tr := c.tr()
	if c.final() && c.AnnexDay != c.Today {
		return tr.L("The annexes are kept with the reply as the register stood on {{.Day}}, when the reply was finalised.",
			map[string]any{"Day": longDayIn(tr, c.AnnexDay)})
	}
	return tr.L("The annexes are drawn from the register as it stands on {{.Day}}.", map[string]any{"Day": longDayIn(tr, c.AnnexDay)})
}
