package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// kindLabel says what a kind of question asks for.
func kindLabel(kind string) string {
	switch kind {
	case "narrative":
		return locale.L("A written answer")
	case "figures":
		return locale.L("Figures of the register, with a written answer")
	case "list":
		return locale.L("A list drawn from the register, with a written answer")
	case "yes_no":
		return locale.L("Yes or no, with details")
	}
	return kind
}

// templatePreview renders a questionnaire read-only, numbered as the reply
// numbers it ("A. Legal framework", "A1. …"), with each question's kind, the
// sectors usually asked and the titles of the figures bound to it.
func templatePreview(t export.Template) *widget.RichText {
	text := func(s string, style widget.RichTextStyle) *widget.TextSegment {
		return &widget.TextSegment{Text: s, Style: style}
	}
	// Plain, not italic: Fyne measures italic text narrower than it draws,
	// and a long note ran past the preview's right edge.
	note := widget.RichTextStyleParagraph
	segs := []widget.RichTextSegment{
		text(t.Title, widget.RichTextStyleHeading),
		text(locale.L("Version {{.Version}}", map[string]any{"Version": t.Version})+" · "+t.ID, widget.RichTextStyleParagraph),
	}
	for _, s := range []string{t.Resolution, t.Note} {
		if strings.TrimSpace(s) != "" {
			segs = append(segs, text(s, note))
		}
	}
	for _, sec := range t.Sections {
		segs = append(segs, text(sec.ID+". "+sec.Title, widget.RichTextStyleSubHeading))
		for _, q := range sec.Questions {
			strong := widget.RichTextStyleParagraph
			strong.TextStyle = fyne.TextStyle{Bold: true}
			segs = append(segs, text(q.ID+". "+q.Text, strong))
			about := []string{kindLabel(q.Kind)}
			if len(q.AskedOf) > 0 {
				var asked []string
				for _, code := range q.AskedOf {
					asked = append(asked, sectorLabel(code))
				}
				about = append(about, locale.L("Usually asked of: {{.Sectors}}", map[string]any{"Sectors": strings.Join(asked, ", ")}))
			}
			if len(q.Bindings) > 0 {
				var titles []string
				for _, name := range q.Bindings {
					if f, ok := data.NamedFigureByName(name); ok {
						name = figureTitle(f.Name)
					}
					titles = append(titles, name)
				}
				about = append(about, locale.L("Figures: {{.Figures}}", map[string]any{"Figures": strings.Join(titles, "; ")}))
			}
			segs = append(segs, text(strings.Join(about, " · "), widget.RichTextStyleParagraph))
		}
	}
	r := widget.NewRichText(segs...)
	r.Wrapping = fyne.TextWrapWord
	return r
}

// showTemplatePreview opens the preview of what is being edited.
func showTemplatePreview(e *env, t export.Template) *widget.RichText {
	r := templatePreview(t)
	d := dialog.NewCustom(locale.L("Preview of the questionnaire"), locale.L("Close"), container.NewVScroll(r), e.win)
	d.Resize(fitWithin(fyne.NewSize(820, 640), e.win.Canvas().Size()))
	d.Show()
	return r
}
