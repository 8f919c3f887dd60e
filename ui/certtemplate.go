package ui

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// certificateTemplateSummary is one line on the template for Settings.
func certificateTemplateSummary(t data.CertificateTemplate) string {
	by := t.Authority
	if by == "" {
		by = locale.L("no issuing authority set")
	}
	signs := 0
	for _, s := range t.Signatories {
		if s.Name != "" {
			signs++
		}
	}
	logo := locale.L("no logo")
	if len(t.Logo) > 0 {
		logo = locale.L("with logo")
	}
	return fmt.Sprintf("%s · %s · %s · %s", by, logo,
		locale.N("{{.Count}} signature", signs), t.Paper)
}

// certificateTemplateForm edits the certificate template: what it shows is
// kept only when the register accepts all of it.
type certificateTemplateForm struct {
	env       *env
	fields    *fieldSet
	authority *widget.Entry
	logo      []byte
	logoLabel *widget.Label
	remove    *widget.Button
	names     [2]*widget.Entry
	titles    [2]*widget.Entry
	heading   *widget.Entry
	joint     *widget.Entry
	other     *widget.Entry
	paper     *widget.RadioGroup
	saveB     *widget.Button
	dlg       dialog.Dialog
}

// showCertificateTemplate opens the template in a dialog; saved calls back
// once it is kept.
func showCertificateTemplate(e *env, saved func()) *certificateTemplateForm {
	t, err := e.store.CertificateTemplate(context.Background())
	if err != nil {
		showError(e.win, locale.L("The certificate template could not be read"), err)
		return nil
	}
	f := &certificateTemplateForm{env: e, fields: newFieldSet(), authority: widget.NewEntry(),
		heading: widget.NewEntry(), joint: widget.NewEntry(), other: widget.NewEntry(), logo: t.Logo}
	f.authority.SetText(t.Authority)
	f.authority.SetPlaceHolder(locale.L("e.g. Ministry of Internal Affairs"))
	f.heading.SetText(t.Heading)
	f.joint.SetText(t.WordingJoint)
	f.other.SetText(t.WordingOther)
	f.logoLabel = widget.NewLabel("")
	choose := widget.NewButtonWithIcon(locale.L("Choose an image…"), theme.FolderOpenIcon(), f.chooseLogo)
	f.remove = widget.NewButtonWithIcon(locale.L("Remove"), theme.ContentRemoveIcon(), func() { f.setLogo(nil) })
	f.setLogo(t.Logo)
	f.paper = widget.NewRadioGroup([]string{data.PaperA4, data.PaperLetter}, nil)
	f.paper.Horizontal, f.paper.Required = true, true
	f.paper.SetSelected(t.Paper)

	f.fields.add("authority", locale.L("Issuing authority"), false, f.authority)
	f.fields.add("logo", locale.L("Logo"), false, container.NewVBox(f.logoLabel, container.NewHBox(choose, f.remove),
		help(locale.L("PNG or JPEG, up to 512 KB; printed above the authority's name."))))
	for i := range f.names {
		f.names[i], f.titles[i] = widget.NewEntry(), widget.NewEntry()
		f.names[i].SetText(t.Signatories[i].Name)
		f.titles[i].SetText(t.Signatories[i].Title)
		f.names[i].SetPlaceHolder(locale.L("Name"))
		f.titles[i].SetPlaceHolder(locale.L("Title, e.g. National Coordinator"))
		key := fmt.Sprintf("sign%d", i+1)
		f.fields.add(key+".name", locale.L("Signature {{.Number}}", map[string]any{"Number": i + 1}), false, f.names[i])
		f.fields.add(key+".title", "", false, f.titles[i])
	}
	f.fields.add("heading", locale.L("Heading"), true, f.heading)
	f.fields.add("wording.joint", locale.L("Wording, joint course"), true, container.NewVBox(f.joint,
		help(locale.L("For a course whose participants came from two or more sectors."))))
	f.fields.add("wording.other", locale.L("Wording, other courses"), true, f.other)
	f.fields.add("paper", locale.L("Paper"), false, f.paper)

	f.saveB = widget.NewButtonWithIcon(locale.L("Save"), theme.DocumentSaveIcon(), func() {
		if f.save() {
			f.dlg.Hide()
			if saved != nil {
				saved()
			}
		}
	})
	f.saveB.Importance = widget.HighImportance
	if e.store.ReadOnly() {
		f.saveB.Disable()
	}
	f.dlg = dialog.NewCustomWithoutButtons(locale.L("Certificate template"), container.NewBorder(nil,
		container.NewHBox(layoutSpacer(), widget.NewButton(locale.L("Cancel"), func() { f.dlg.Hide() }), f.saveB), nil, nil,
		container.NewVScroll(f.fields.grid)), e.win)
	f.dlg.Resize(fyne.NewSize(720, 640))
	f.dlg.Show()
	return f
}

func (f *certificateTemplateForm) template() data.CertificateTemplate {
	t := data.CertificateTemplate{Authority: f.authority.Text, Logo: f.logo, Heading: f.heading.Text,
		WordingJoint: f.joint.Text, WordingOther: f.other.Text, Paper: f.paper.Selected}
	for i := range f.names {
		t.Signatories[i] = data.Signatory{Name: f.names[i].Text, Title: f.titles[i].Text}
	}
	return t
}

// save keeps the template; problems show beside their fields and the typing stays.
func (f *certificateTemplateForm) save() bool {
	f.fields.clear()
	if err := f.env.store.SetCertificateTemplate(context.Background(), f.template()); err != nil {
		if !f.fields.show(err) {
			showError(f.env.win, locale.L("The certificate template was not saved"), err)
		}
		return false
	}
	f.env.changed()
	f.env.status(locale.L("Certificate template saved"))
	return true
}

func (f *certificateTemplateForm) setLogo(logo []byte) {
	f.logo = logo
	f.fields.clearField("logo")
	if len(logo) == 0 {
		f.logoLabel.SetText(locale.L("None"))
		f.remove.Disable()
		return
	}
	f.logoLabel.SetText(locale.L("An image of {{.Size}} KB", map[string]any{"Size": grouped((len(logo) + 1023) / 1024)}))
	f.remove.Enable()
}

func (f *certificateTemplateForm) chooseLogo() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		f.useLogo(r)
	}, f.env.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	d.Show()
}

// useLogo reads an image chosen from outside, no more than a byte over the
// limit (a larger file is refused without being read whole), and shows the
// problem beside the field when it cannot be printed.
func (f *certificateTemplateForm) useLogo(r io.Reader) {
	raw, err := io.ReadAll(io.LimitReader(r, data.MaxLogoBytes+1))
	if err != nil {
		showError(f.env.win, locale.L("The image could not be read"), err)
		return
	}
	if _, problem := data.LogoFormat(raw); problem != nil {
		f.fields.show(&data.ValidationError{Errors: []data.FieldError{*problem}})
		return
	}
	f.setLogo(raw)
}
