package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// newReplyForm starts a reply: the questionnaire, the reporting period, the
// replying officer, and an earlier reply whose answers it starts from.
type newReplyForm struct {
	env       *env
	templates []export.Template
	earlier   []data.Reply
	officer   data.ContactHit
	fields    *fieldSet
	template  *widget.Select
	from, to  *dateEntry
	who       *widget.Label
	startFrom *widget.Select
	dlg       dialog.Dialog
}

// startNew opens the form for a new reply (Ctrl+N in the area).
func (q *questionnaireScreen) startNew() {
	if q.env.store.ReadOnly() {
		return
	}
	if !q.pane.saveFirst(q.env, q.pane.Save) {
		return
	}
	f, err := newNewReplyForm(q.env, q.replies, func(r data.Reply) {
		q.reply = replyState{Reply: r}
		q.current = -1
		q.env.changed()
	})
	if err != nil {
		showError(q.env.win, "", err)
		return
	}
	f.dlg.Show()
}

func newNewReplyForm(e *env, earlier []data.Reply, created func(data.Reply)) (*newReplyForm, error) {
	templates, err := export.Templates(context.Background(), e.store)
	if err != nil {
		return nil, err
	}
	f := &newReplyForm{env: e, templates: templates, earlier: earlier, fields: newFieldSet()}
	var names []string
	for _, t := range templates {
		names = append(names, questionnaireName(t.Title, t.Version))
	}
	f.template = widget.NewSelect(names, func(string) { f.fields.clearField("template") })
	f.template.SetSelectedIndex(0)
	// The usual reporting period is the last calendar year.
	year := time.Now().Year() - 1
	f.from, f.to = newDateEntry(), newDateEntry()
	first, last := time.Date(year, 1, 1, 0, 0, 0, 0, time.Local), time.Date(year, 12, 31, 0, 0, 0, 0, time.Local)
	f.from.SetDate(&first)
	f.to.SetDate(&last)
	f.from.OnChanged = func(*time.Time) { f.fields.clearField("from") }
	f.to.OnChanged = func(*time.Time) { f.fields.clearField("to") }
	f.who = widget.NewLabel(locale.L("Not chosen"))
	if len(earlier) > 0 && earlier[0].Officer != "" { // the same officer as last time, usually
		if c, err := e.store.Contact(context.Background(), earlier[0].Officer); err == nil {
			f.officer = data.ContactHit{ID: c.ID, Name: c.Name}
			f.who.SetText(c.Name)
		}
	}
	choose := widget.NewButton(locale.L("Choose…"), func() {
		var p *personPicker
		p = pickPeople(e, locale.L("Replying officer"), func(h data.ContactHit) {
			f.officer = h
			f.who.SetText(h.Name + " · " + h.OrganisationName)
			f.fields.clearField("officer")
			p.dlg.Hide()
		})
	})
	starts := []string{locale.L("Empty answers")}
	for _, r := range earlier {
		starts = append(starts, locale.L("The answers of {{.Reply}}", map[string]any{"Reply": replyLabel(r)}))
	}
	f.startFrom = widget.NewSelect(starts, nil)
	f.startFrom.SetSelectedIndex(0)
	if len(earlier) > 0 { // the newest earlier reply is the usual start
		f.startFrom.SetSelectedIndex(1)
	}
	f.fields.add("template", locale.L("Questionnaire"), true, f.template)
	f.fields.add("from", locale.L("Period from"), true, f.from)
	f.fields.add("to", locale.L("Period to"), true, f.to)
	f.fields.add("officer", locale.L("Replying officer"), false, container.NewBorder(nil, nil, nil, choose, f.who))
	f.fields.add("start", locale.L("Start from"), false, f.startFrom)

	create := widget.NewButton(locale.L("Create the reply"), func() {
		if r, ok := f.create(); ok {
			f.dlg.Hide()
			created(r)
		}
	})
	create.Importance = widget.HighImportance
	cancel := widget.NewButton(locale.L("Cancel"), func() { f.dlg.Hide() })
	f.dlg = dialog.NewCustomWithoutButtons(locale.L("New reply"), container.NewBorder(nil,
		container.NewHBox(layoutSpacer(), cancel, create), nil, nil, f.fields.grid), e.win)
	f.dlg.Resize(fyne.NewSize(680, 340))
	return f, nil
}

func dayOf(d *time.Time) string {
	if d == nil {
		return ""
	}
	return d.Format(time.DateOnly)
}

// create makes the reply; a refused one shows why beside the fields and
// keeps what was chosen.
func (f *newReplyForm) create() (data.Reply, bool) {
	ctx := context.Background()
	i := f.template.SelectedIndex()
	if i < 0 {
		f.fields.show(&data.ValidationError{Errors: []data.FieldError{{Field: "template", Key: "error.required", Template: "Required"}}})
		return data.Reply{}, false
	}
	t := f.templates[i]
	r := data.Reply{TemplateID: t.ID, TemplateVersion: t.Version, From: dayOf(f.from.Date), To: dayOf(f.to.Date), Officer: f.officer.ID}
	if strings.TrimSpace(f.from.Text) != "" && f.from.Date == nil {
		r.From = f.from.Text // let data say what is wrong with it
	}
	if strings.TrimSpace(f.to.Text) != "" && f.to.Date == nil {
		r.To = f.to.Text
	}
	if err := f.env.store.CreateReply(ctx, &r); err != nil {
		if !f.fields.show(err) {
			showError(f.env.win, "", err)
		}
		return r, false
	}
	if s := f.startFrom.SelectedIndex(); s > 0 {
		n, err := f.env.store.CopyAnswers(ctx, f.earlier[s-1].ID, r.ID)
		if err != nil {
			showError(f.env.win, "", err)
		} else {
			f.env.status(locale.N("New reply, with {{.Count}} answer copied from the earlier one", n))
		}
	}
	return r, true
}
