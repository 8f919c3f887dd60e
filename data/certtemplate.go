package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/base64"
	"image"
	_ "image/jpeg" // logos come as JPEG or PNG
	_ "image/png"
	"strings"
)

// CertificateTemplate is how certificates of attendance look, set once by
// the coordinator in Settings and kept in the register (so that every laptop
// issues the same certificates).
type CertificateTemplate struct {
	Authority    string       // the issuing authority, printed at the top
	Logo         []byte       // PNG or JPEG, printed above the authority; none when empty
	Signatories  [2]Signatory // the signature lines; unused ones are empty
	Heading      string       // "CERTIFICATE OF ATTENDANCE"
	WordingJoint string       // before the title of a joint course
	WordingOther string       // before the title of any other course
	Paper        string       // PaperA4 or PaperLetter
}

// Signatory is one signature line: who signs, and as what.
type Signatory struct{ Name, Title string }

// Paper sizes of printed documents.
const (
	PaperA4     = "A4"
	PaperLetter = "Letter"
)

// Limits on the template: a logo is printed a few centimetres wide, so a
// larger file or image is a mistake (a photograph), and it travels in
// every package that carries the template.
const (
	MaxLogoBytes  = 512 << 10
	MaxLogoPixels = 4000
	maxLineLength = 200
)

// DefaultCertificateTemplate is the template before the coordinator sets one.
func DefaultCertificateTemplate() CertificateTemplate {
	return CertificateTemplate{
		Heading:      "CERTIFICATE OF ATTENDANCE",
		WordingJoint: "attended the joint training course",
		WordingOther: "attended the training course",
		Paper:        PaperA4,
	}
}

// LogoFormat is "png" or "jpeg" for a logo the template can print, or the
// problem with it (for the field "logo").
func LogoFormat(logo []byte) (format string, problem *FieldError) {
	refuse := func(key, tmpl string) (string, *FieldError) {
		return "", &FieldError{Field: "logo", Key: key, Template: tmpl}
	}
	if len(logo) > MaxLogoBytes {
		return refuse("error.logo_bytes", "The image is larger than 512 KB: save it smaller (a logo of 600 pixels is plenty)")
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(logo))
	if err != nil || (format != "png" && format != "jpeg") {
		return refuse("error.logo_format", "Not a PNG or JPEG image")
	}
	if cfg.Width > MaxLogoPixels || cfg.Height > MaxLogoPixels || cfg.Width == 0 || cfg.Height == 0 {
		return refuse("error.logo_pixels", "The image is larger than 4000 pixels on a side")
	}
	// The header alone can be right while the pixels are not; the PDF
	// library would fail on them only when certificates are issued.
	if _, _, err := image.Decode(bytes.NewReader(logo)); err != nil {
		return refuse("error.logo_damaged", "The image is damaged")
	}
	return format, nil
}

// the settings the template is kept in, one per field, so that changing
// a line does not copy the logo into the history again.
var certificateSettings = []struct {
	key string
	get func(*CertificateTemplate) *string
}{
	{"certificate.authority", func(t *CertificateTemplate) *string { return &t.Authority }},
	{"certificate.sign1.name", func(t *CertificateTemplate) *string { return &t.Signatories[0].Name }},
	{"certificate.sign1.title", func(t *CertificateTemplate) *string { return &t.Signatories[0].Title }},
	{"certificate.sign2.name", func(t *CertificateTemplate) *string { return &t.Signatories[1].Name }},
	{"certificate.sign2.title", func(t *CertificateTemplate) *string { return &t.Signatories[1].Title }},
	{"certificate.heading", func(t *CertificateTemplate) *string { return &t.Heading }},
	{"certificate.wording.joint", func(t *CertificateTemplate) *string { return &t.WordingJoint }},
	{"certificate.wording.other", func(t *CertificateTemplate) *string { return &t.WordingOther }},
	{"certificate.paper", func(t *CertificateTemplate) *string { return &t.Paper }},
}

const certificateLogoSetting = "certificate.logo"

// CertificateTemplate is the register's template, with the defaults where
// nothing is set.
func (s *Store) CertificateTemplate(ctx context.Context) (CertificateTemplate, error) {
	t := DefaultCertificateTemplate()
	for _, f := range certificateSettings {
		v, err := s.Setting(ctx, f.key)
		if err != nil {
			return t, err
		}
		if v != "" {
			*f.get(&t) = v
		}
	}
	logo, err := s.Setting(ctx, certificateLogoSetting)
	if err != nil || logo == "" {
		return t, err
	}
	t.Logo, err = base64.StdEncoding.DecodeString(logo)
	return t, err
}

// SetCertificateTemplate checks and keeps the template, as one change Undo
// takes back; problems are returned per field (authority, logo, sign1.name,
// sign1.title, sign2.name, sign2.title, heading, wording.joint,
// wording.other, paper) and nothing is kept.
func (s *Store) SetCertificateTemplate(ctx context.Context, t CertificateTemplate) error {
	var v validator
	for _, f := range certificateSettings {
		p := f.get(&t)
		*p = strings.TrimSpace(*p)
		field := strings.TrimPrefix(f.key, "certificate.")
		if n := len([]rune(*p)); n > maxLineLength {
			v.add(field, "error.line_too_long", "Too long for one line ({{.Count}} characters; at most 200)", map[string]any{"Count": n})
		}
	}
	v.required("heading", t.Heading)
	v.required("wording.joint", t.WordingJoint)
	v.required("wording.other", t.WordingOther)
	for i, sg := range t.Signatories {
		if sg.Name == "" && sg.Title != "" {
			v.add([]string{"sign1.name", "sign2.name"}[i], "error.signatory_name", "Write who signs, or clear the title", nil)
		}
	}
	if t.Paper != PaperA4 && t.Paper != PaperLetter {
		v.add("paper", "error.paper", "A4 or Letter", nil)
	}
	if len(t.Logo) > 0 {
		if _, problem := LogoFormat(t.Logo); problem != nil {
			v.errs = append(v.errs, *problem)
		}
	}
	if err := v.err(); err != nil {
		return err
	}
	values := map[string]string{certificateLogoSetting: ""}
	if len(t.Logo) > 0 {
		values[certificateLogoSetting] = base64.StdEncoding.EncodeToString(t.Logo)
	}
	keys := []string{certificateLogoSetting}
	defaults := DefaultCertificateTemplate()
	for _, f := range certificateSettings {
		// A value equal to the default is kept as unset, so that a later
		// version's better default reaches registers that never chose.
		value := *f.get(&t)
		if value == *f.get(&defaults) {
			value = ""
		}
		values[f.key] = value
		keys = append(keys, f.key)
	}
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		return s.setSettings(ctx, tx, summaryOf(sumCertTemplate), keys, values)
	})
}
