package ui

import (
	"context"
	"strconv"
	"strings"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// openRecord shows a record in its area: what an Overview line opens.
func (ws *workspace) openRecord(entity, id string) {
	ctx := context.Background()
	st := ws.env.store
	fail := func(err error) {
		ws.env.status(locale.L("The record could not be opened: {{.Error}}", map[string]any{"Error": err.Error()}))
	}
	switch entity {
	case "course":
		c, err := st.Course(ctx, id)
		if err != nil {
			fail(err)
			return
		}
		ws.nav.Select(areaTrainings)
		ws.trainings.open(c)
	case "agreement":
		a, err := st.Agreement(ctx, id)
		if err != nil {
			fail(err)
			return
		}
		ws.nav.Select(areaAgreements)
		ws.agreements.load(a)
	case "meeting":
		meetings, err := st.Meetings(ctx, "", "")
		if err != nil {
			fail(err)
			return
		}
		ws.nav.Select(areaBody)
		for _, m := range meetings {
			if m.ID == id {
				ws.body.showMeetings(m, "", "")
			}
		}
	case "plan_action":
		plans, err := st.Plans(ctx)
		if err != nil {
			fail(err)
			return
		}
		ws.nav.Select(areaPlan)
		for _, p := range plans {
			actions, err := st.Actions(ctx, p.ID)
			if err != nil {
				fail(err)
				return
			}
			for _, a := range actions {
				if a.ID == id {
					ws.plan.showPlan(p)
					ws.plan.load(a)
					return
				}
			}
		}
	case "organisation":
		ws.nav.Select(areaRegister)
		ws.register.openOrganisation(id)
	case "statistic":
		ws.nav.Select(areaStatistics)
		if year, err := strconv.Atoi(id); err == nil {
			ws.statistics.load(year)
		}
	}
}

// showCounted opens the list a card of the Overview counts, filtered to
// the period: the courses held (joint ones for the courses card), the
// campaigns, the agreements, the plan, the statistics.
func (ws *workspace) showCounted(card, from, to string) {
	switch card {
	case "courses":
		ws.nav.Select(areaTrainings)
		ws.trainings.showHeld(from, to, true)
	case "persons":
		ws.showParticipations(from, to, "", true)
	case "participations", "government":
		ws.showParticipations(from, to, "", false)
	case "campaigns":
		ws.nav.Select(areaCampaigns)
		ws.campaigns.showRunning(from, to, "")
	case "meetings":
		ws.nav.Select(areaBody)
		ws.body.showMeetings(data.Meeting{}, from, to)
	case "agreements":
		ws.nav.Select(areaAgreements)
		ws.agreements.showInForce(to)
	case "plan":
		ws.nav.Select(areaPlan)
		ws.plan.showPillar("")
	case "statistics":
		ws.nav.Select(areaStatistics)
		if year := export.LatestStatisticsYear(ws.overview.overview, to); year > 0 {
			ws.statistics.load(year)
		}
	}
}

// showBar opens what a bar of an Overview chart counts, within [from, to]:
// the participations of a sector (all of them for a bar of several
// sectors), the courses held in a month or quarter, the campaigns that ran
// on a channel, the plan, the statistics of a year.
func (ws *workspace) showBar(kind, code, from, to string) {
	switch kind {
	case "sector": // the people behind "police: 16"
		ws.showParticipations(from, to, code, false)
	case "period":
		ws.nav.Select(areaTrainings)
		if first, last, ok := strings.Cut(code, "/"); ok {
			from, to = first, last
		}
		ws.trainings.showHeld(from, to, false)
	case "channel":
		ws.nav.Select(areaCampaigns)
		ws.campaigns.showRunning(from, to, code)
	case "plan":
		ws.nav.Select(areaPlan)
		ws.plan.showPillar(code)
	case "year":
		ws.nav.Select(areaStatistics)
		if year, err := strconv.Atoi(code); err == nil {
			ws.statistics.load(year)
		}
	}
}

// showHeld lists the courses held in [from, to] (the joint ones only when
// joint), as the training figures count them.
func (t *trainingsScreen) showHeld(from, to string, joint bool) {
	t.filter = data.CourseFilter{From: from, To: to, Status: "held", Joint: joint}
	on := t.year.OnChanged
	t.year.OnChanged = nil
	if strings.HasSuffix(from, "-01-01") && to == from[:4]+"-12-31" {
		t.year.SetSelected(from[:4])
		t.period.hide()
	} else {
		t.year.ClearSelected()
		t.period.show(locale.L("Courses held from {{.From}} to {{.To}}", map[string]any{"From": dayText(from), "To": dayText(to)}))
	}
	t.year.OnChanged = on
	t.status.setCode("held")
	t.sector.setCode("")
	jointOn := t.joint.OnChanged
	t.joint.OnChanged = nil
	t.joint.SetChecked(joint)
	t.joint.OnChanged = jointOn
	t.search.SetText("")
	t.reload()
}

// showRunning lists the campaigns that ran in [from, to], on a channel
// ("" for any).
func (c *campaignsScreen) showRunning(from, to, channel string) {
	c.filter = data.CampaignFilter{From: from, To: to, Channel: channel}
	c.channel.setCode(channel)
	c.period.show(locale.L("Campaigns that ran from {{.From}} to {{.To}}", map[string]any{"From": dayText(from), "To": dayText(to)}))
	c.reload()
}

// showInForce lists the agreements in force on day, as the agreements card
// counts them.
func (a *agreementsScreen) showInForce(day string) {
	a.filter = data.AgreementFilter{InForceOn: day}
	a.level.setCode("")
	a.country.ClearSelected()
	a.search.SetText("")
	a.inForce.show(locale.L("Agreements in force on {{.Day}}", map[string]any{"Day": dayText(day)}))
	a.reload()
}
