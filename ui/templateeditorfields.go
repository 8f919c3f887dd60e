package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// show fills the right-hand side with the fields of a row, and the
// problems of the last save tried that are in them.
func (f *templateEditor) show(it outlineItem) {
	defer f.startFilling()()
	f.current = it
	setVisible(f.top.grid, it == outlineRoot)
	setVisible(f.sec.grid, it.isSection())
	setVisible(f.que.grid, it.isQuestion())
	switch {
	case it.isQuestion():
		q := f.t.Sections[it.section].Questions[it.question]
		f.qID.SetText(q.ID)
		f.text.SetText(q.Text)
		if k := slices.Index(export.QuestionKinds, q.Kind); k >= 0 {
			f.kind.SetSelectedIndex(k)
		} else {
			f.kind.ClearSelected()
		}
		f.askedOf.set(q.AskedOf)
		f.figures.set(q.Bindings)
	case it.isSection():
		f.secID.SetText(f.t.Sections[it.section].ID)
		f.secTitle.SetText(f.t.Sections[it.section].Title)
	default:
		f.title.SetText(f.t.Title)
		f.id.SetText(f.t.ID)
		f.version.SetText(f.t.Version)
		f.resolution.SetText(f.t.Resolution)
		f.note.SetText(f.t.Note)
		f.showCounts()
	}
	f.showTranslations()
	f.showProblems()
	f.updateButtons()
	f.scroll.ScrollToTop()
	f.scroll.Refresh()
}

// showTranslations says under each English text of the row shown in which
// languages it is written too, and whether the new version keeps them.
func (f *templateEditor) showTranslations() {
	it := f.current
	switch {
	case it.isQuestion():
		q := f.t.Sections[it.section].Questions[it.question]
		f.translationsNote(f.textLangs, "question", q.Text, q.Texts)
	case it.isSection():
		s := f.t.Sections[it.section]
		f.translationsNote(f.secTitleLangs, "section", s.Title, s.Titles)
	default:
		f.translationsNote(f.titleLangs, "title", f.t.Title, f.t.Titles)
		f.translationsNote(f.resolutionLangs, "resolution", f.t.Resolution, f.t.Resolutions)
		f.translationsNote(f.noteLangs, "note", f.t.Note, f.t.Notes)
	}
}

// translationsNote fills l, under an English text of a kind, with the
// languages of its translations, or hides it when there are none.
func (f *templateEditor) translationsNote(l *widget.Label, kind, english string, texts export.Texts) {
	tr := locale.Current()
	var names []string
	for code, text := range texts {
		if strings.TrimSpace(text) != "" {
			names = append(names, tr.LanguageName(code))
		}
	}
	if len(names) == 0 {
		l.Hide()
		return
	}
	tr.SortStrings(names)
	languages := map[string]any{"Languages": strings.Join(names, ", ")}
	if f.translations.Translate(kind, english, texts) {
		l.SetText(locale.L("Also in {{.Languages}}. If the English changes, the new version leaves these translations out: they would no longer translate it.", languages))
	} else {
		l.SetText(locale.L("The English has changed: the new version leaves out its translations ({{.Languages}}). Typed back as it was, it keeps them.", languages))
	}
	l.Show()
}

func (f *templateEditor) showCounts() {
	questions := 0
	for _, s := range f.t.Sections {
		questions += len(s.Questions)
	}
	f.counts.SetText(locale.N("{{.Count}} section", len(f.t.Sections)) + ", " + locale.N("{{.Count}} question", questions))
}

// edited writes what the user changed in a field into the template, and
// takes that field's problem away: the user is correcting it.
func (f *templateEditor) edited(key string) {
	if !f.userEdit() {
		return
	}
	it := f.current
	switch key {
	case "title":
		f.t.Title = f.title.Text
	case "id":
		f.t.ID = f.id.Text
	case "version":
		f.t.Version = f.version.Text
	case "resolution":
		f.t.Resolution = f.resolution.Text
	case "note":
		f.t.Note = f.note.Text
	case "section.id":
		f.t.Sections[it.section].ID = f.secID.Text
	case "section.title":
		f.t.Sections[it.section].Title = f.secTitle.Text
	}
	if it.isQuestion() {
		q := &f.t.Sections[it.section].Questions[it.question]
		switch key {
		case "question.id":
			q.ID = f.qID.Text
		case "question.text":
			q.Text = f.text.Text
		case "question.kind":
			if k := f.kind.SelectedIndex(); k >= 0 {
				q.Kind = export.QuestionKinds[k]
			}
		case "question.asked_of":
			q.AskedOf = slices.Clone(f.askedOf.codes)
			f.que.relayout()
		case "question.bindings":
			q.Bindings = slices.Clone(f.figures.names)
			f.que.relayout()
		}
	}
	_, name, _ := strings.Cut(key, ".")
	if name == "" {
		name = key
	}
	if name == "title" || name == "resolution" || name == "note" || name == "text" {
		f.showTranslations()
	}
	f.dropProblem(it, name)
	f.outline.RefreshItem(slices.Index(f.items, it))
}

// fieldsOf is the set of fields a row is edited in.
func (f *templateEditor) fieldsOf(it outlineItem) *fieldSet {
	switch {
	case it.isQuestion():
		return f.que
	case it.isSection():
		return f.sec
	}
	return f.top
}

// address is where CheckTemplate puts a problem of a row's field.
func address(it outlineItem, name string) string {
	switch {
	case it.isQuestion():
		return export.QuestionField(it.section, it.question, name)
	case it.isSection():
		return export.SectionField(it.section, name)
	}
	return name
}

// itemOf is the row a problem is in.
func itemOf(fe data.FieldError) outlineItem {
	s, q, _ := export.TemplateFieldOf(fe.Field)
	return outlineItem{s, q}
}

func (f *templateEditor) hasProblem(it outlineItem) bool {
	return slices.ContainsFunc(f.problems, func(fe data.FieldError) bool { return itemOf(fe) == it })
}

// showProblems puts the problems of the row shown beside its fields.
func (f *templateEditor) showProblems() {
	var here []data.FieldError
	for _, fe := range f.problems {
		if itemOf(fe) == f.current {
			_, _, fe.Field = export.TemplateFieldOf(fe.Field)
			here = append(here, fe)
		}
	}
	fs := f.fieldsOf(f.current)
	fs.clear()
	if len(here) > 0 {
		fs.show(&data.ValidationError{Errors: here})
	}
}

// dropProblem forgets the problem of a field the user is correcting.
func (f *templateEditor) dropProblem(it outlineItem, name string) {
	f.fieldsOf(it).clearField(name)
	at := address(it, name)
	before := len(f.problems)
	f.problems = slices.DeleteFunc(f.problems, func(fe data.FieldError) bool { return fe.Field == at })
	switch {
	case len(f.problems) == before:
	case len(f.problems) == 0:
		f.summary.Hide()
	default:
		f.summarise() // the rows still with a problem
	}
}

// summarise says where the problems are, so that those in rows not shown
// can be found: "Not saved. Problems in: the questionnaire, A2, section 3."
func (f *templateEditor) summarise() {
	var where []string
	var seen []outlineItem
	for _, fe := range f.problems {
		it := itemOf(fe)
		if slices.Contains(seen, it) {
			continue
		}
		seen = append(seen, it)
		where = append(where, f.rowName(it))
	}
	f.summary.SetText(locale.L("Not saved. Problems in: {{.Places}}.", map[string]any{"Places": strings.Join(where, ", ")}) + " " +
		locale.L("Each is shown beside its field; the rows with a problem are marked in the list."))
	f.summary.Show()
}

// rowName names a row in a sentence: its id, or its place when it has none.
func (f *templateEditor) rowName(it outlineItem) string {
	switch {
	case it.isQuestion() && it.section < len(f.t.Sections) && it.question < len(f.t.Sections[it.section].Questions):
		place := locale.L("question {{.Number}} of section {{.Section}}", map[string]any{"Number": it.question + 1, "Section": f.t.Sections[it.section].ID})
		id := strings.TrimSpace(f.t.Sections[it.section].Questions[it.question].ID)
		switch {
		case id == "":
			return place
		case f.questionsWithID(id) > 1: // "A1" alone would point at the other one
			return id + " (" + place + ")"
		}
		return id
	case it.isSection() && it.section < len(f.t.Sections):
		if id := strings.TrimSpace(f.t.Sections[it.section].ID); id != "" {
			return locale.L("section {{.Section}}", map[string]any{"Section": id})
		}
		return locale.L("section {{.Section}}", map[string]any{"Section": it.section + 1})
	}
	return locale.L("the questionnaire")
}

func (f *templateEditor) questionsWithID(id string) int {
	n := 0
	for _, s := range f.t.Sections {
		for _, q := range s.Questions {
			if strings.TrimSpace(q.ID) == id {
				n++
			}
		}
	}
	return n
}
