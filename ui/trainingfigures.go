package ui

import (
	"context"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// figuresView shows the training figures of a period, with the rule they
// are counted by: the same figures the questionnaire reply uses.
type figuresView struct {
	env    *env
	period *periodPicker // the Overview's: this year, last year, a quarter, any dates
	result *widget.Label
	rule   *widget.Label
}

func showTrainingFigures(e *env) *figuresView {
	v := &figuresView{env: e}
	v.result = widget.NewLabel("")
	v.result.Wrapping = fyne.TextWrapWord
	v.rule = help(locale.L("How they are counted: {{.Rules}}", map[string]any{"Rules": locale.L(data.TrainingCountingRules)}))
	v.period = newPeriodPicker(time.Now, v.refresh)
	d := dialog.NewCustom(locale.L("Training figures for a period"), locale.L("Close"),
		container.NewBorder(v.period.content, v.rule, nil, nil, container.NewVScroll(v.result)), e.win)
	d.Resize(fyne.NewSize(720, 560))
	v.period.choose(periodThisYear)
	d.Show()
	return v
}

func (v *figuresView) refresh(from, to string) {
	var f data.TrainingFigures
	var persons int
	var err error
	// Counting years of courses reads every participant: off the UI thread.
	runAsync(func() {
		ctx := context.Background()
		if f, err = v.env.store.TrainingFiguresForPeriod(ctx, from, to); err == nil {
			persons, err = v.env.store.UniquePersonsTrained(ctx, from, to)
		}
	}, func() {
		if err != nil {
			v.result.SetText(err.Error())
			return
		}
		v.result.SetText(describeTrainingFigures(f, persons))
	})
}

// describeTrainingFigures writes the figures as lines of text.
func describeTrainingFigures(f data.TrainingFigures, persons int) string {
	var b strings.Builder
	b.WriteString(locale.L("Courses held: {{.Courses}} (joint: {{.Joint}})",
		map[string]any{"Courses": grouped(f.Courses), "Joint": grouped(f.JointCourses)}) + "\n")
	b.WriteString(locale.L("Participants: {{.Participants}} (government {{.Government}}, non-government {{.NonGovernment}})",
		map[string]any{"Participants": grouped(f.Participants), "Government": grouped(f.Government), "NonGovernment": grouped(f.NonGovernment)}) + "\n")
	b.WriteString(locale.L("Persons trained, each counted once: {{.Persons}}", map[string]any{"Persons": grouped(persons)}) + "\n")
	b.WriteString(locale.L("By sex: women {{.Women}}, men {{.Men}}, other {{.Other}}, not recorded {{.NotRecorded}}",
		map[string]any{"Women": grouped(f.BySex["female"]), "Men": grouped(f.BySex["male"]), "Other": grouped(f.BySex["other"]),
			"NotRecorded": grouped(f.BySex[""])}) + "\n\n")
	b.WriteString(locale.L("By sector") + "\n")
	for _, s := range data.Sectors {
		if n := f.BySector[s.Code.Code]; n > 0 {
			b.WriteString("    " + labelled(codeLabel("sector", s.Code), grouped(n)) + "\n")
		}
	}
	type count struct {
		name string
		n    int
	}
	var orgs []count
	for name, n := range f.ByOrganisation {
		orgs = append(orgs, count{name, n})
	}
	sort.Slice(orgs, func(i, j int) bool {
		return orgs[i].n > orgs[j].n || orgs[i].n == orgs[j].n && orgs[i].name < orgs[j].name
	})
	if len(orgs) > 0 {
		b.WriteString("\n" + locale.L("By organisation") + "\n")
		for _, o := range orgs {
			b.WriteString("    " + labelled(o.name, grouped(o.n)) + "\n")
		}
	}
	return b.String()
}
