package export

import (
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/image"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/extension"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/pagesize"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// Certificates writes one page per certificate of attendance: who, of
// which organisation, attended which course, on how many of its days, with
// the certificate's number and verification code as recorded in the register,
// laid out by the register's template (authority, logo, signature lines,
// wording, paper). joint says whether the course brought several sectors
// together: only then does the wording for joint courses apply.
//
// The program's own words and the dates are written in tr's language (nil:
// English); the template's heading and wording as the coordinator typed
// them, or in tr's language where they are still the program's defaults.
func Certificates(w io.Writer, tr *locale.Translator, c data.Course, organisers []string, certs []data.Certificate,
	t data.CertificateTemplate, joint bool) error {
	tr = orEnglish(tr)
	t = templateWords(tr, t)
	paper := pagesize.A4
	if t.Paper == data.PaperLetter {
		paper = pagesize.Letter
	}
	wording, wordingName := t.WordingOther, "wording for other courses"
	if joint {
		wording, wordingName = t.WordingJoint, "wording for joint courses"
	}
	need, err := fontsFor(tr, certificatesPrint(c, organisers, certs, t, printed{"the certificate template", wordingName, wording}))
	if err != nil {
		return err
	}
	m, err := newPDFOn(paper, tr.L("Certificates of attendance: {{.Course}}", map[string]any{"Course": c.Title}), false, need)
	if err != nil {
		return err
	}
	top, err := certificateTop(t)
	if err != nil {
		return err
	}
	centre := func(size float64, style fontstyle.Type) props.Text {
		return props.Text{Size: size, Style: style, Align: align.Center}
	}
	grey := &props.Color{Red: 90, Green: 90, Blue: 90}
	for _, cert := range certs {
		p := page.New().Add(top...).Add(
			textRow(14, t.Heading, centre(22, fontstyle.Bold)),
			row.New(12),
			textRow(9, tr.L("This certifies that"), centre(12, fontstyle.Normal)),
			textAutoRow(cert.Name, props.Text{Size: 24, Style: fontstyle.Bold, Align: align.Center, Top: 3, Bottom: 3}),
			textAutoRow(cert.OrganisationName, props.Text{Size: 12, Align: align.Center, Bottom: 8}),
			textAutoRow(wording, centre(12, fontstyle.Normal)),
			textAutoRow(c.Title, props.Text{Size: 16, Style: fontstyle.Bold, Align: align.Center, Top: 2, Bottom: 2}),
			textRow(8, longDaysIn(tr, c.FirstDay, c.LastDay), centre(12, fontstyle.Normal)),
			textRow(8, venueLine(tr, c), centre(11, fontstyle.Normal)),
			// The days of the course choose the plural: "1 of 3 days", "из 5 дней".
			textRow(8, tr.N("present on {{.Attended}} of {{.Count}} day", cert.Days, map[string]any{"Attended": tr.Count(cert.DaysAttended)}),
				centre(11, fontstyle.Italic)),
			row.New(10),
			textAutoRow(organisersLine(tr, organisers), props.Text{Size: 10, Align: align.Center}),
		).Add(signatureRows(t.Signatories)...).Add(
			row.New(8),
			textRow(6, tr.L("Certificate No. {{.Number}}   ·   Verification code {{.Code}}   ·   Issued {{.Day}}",
				map[string]any{"Number": cert.Number, "Code": cert.Code, "Day": longDayIn(tr, cert.IssuedOn)}),
				props.Text{Size: 8, Align: align.Center, Color: grey}),
		)
		m.AddPages(p)
	}
	if len(certs) == 0 {
		m.AddRows(textRow(10, tr.L("{{.Course}}: nobody has met the completion rule yet", map[string]any{"Course": c.Title}), props.Text{}))
	}
	doc, err := m.Generate()
	if err != nil {
		return err
	}
	_, err = w.Write(doc.GetBytes())
	return err
}

// certificatesPrint is every text the certificates print that someone
// typed, the template's wording that applies among them.
func certificatesPrint(c data.Course, organisers []string, certs []data.Certificate, t data.CertificateTemplate, wording printed) iter.Seq[printed] {
	return func(yield func(printed) bool) {
		texts := []printed{{"the course", "title", c.Title}, {"the course", "venue", c.Venue},
			{"the certificate template", "issuing authority", t.Authority}, {"the certificate template", "heading", t.Heading}, wording}
		for i, s := range t.Signatories {
			who := fmt.Sprintf("signatory %d of the certificate template", i+1)
			texts = append(texts, printed{who, "name", s.Name}, printed{who, "title", s.Title})
		}
		for i, o := range organisers {
			texts = append(texts, printed{fmt.Sprintf("organiser %d of the course", i+1), "name", o})
		}
		for _, p := range texts {
			if !yield(p) {
				return
			}
		}
		for _, cert := range certs {
			if !yield(printed{"certificate " + cert.Number, "name", cert.Name}) ||
				!yield(printed{"certificate " + cert.Number, "organisation", cert.OrganisationName}) {
				return
			}
		}
	}
}

// certificateTop is the logo and the issuing authority, or room for them.
func certificateTop(t data.CertificateTemplate) ([]core.Row, error) {
	var rows []core.Row
	if len(t.Logo) > 0 {
		format, problem := data.LogoFormat(t.Logo)
		if problem != nil {
			return nil, fmt.Errorf("the certificate template's logo: %s", problem.Message())
		}
		ext := extension.Png
		if format == "jpeg" {
			ext = extension.Jpg
		}
		rows = append(rows, image.NewFromBytesRow(28, t.Logo, ext, props.Rect{Center: true, Percent: 100}))
	} else {
		rows = append(rows, row.New(16))
	}
	if t.Authority != "" {
		rows = append(rows, textAutoRow(t.Authority, props.Text{Size: 13, Style: fontstyle.Bold, Align: align.Center, Top: 3}))
	}
	return append(rows, row.New(12)), nil
}

// signatureRows are one or two signature lines side by side, each a rule
// with the name and title under it; none when nobody signs.
func signatureRows(signatories [2]data.Signatory) []core.Row {
	var cols [3][]core.Col
	n := 0
	for _, s := range signatories {
		if s.Name == "" {
			continue
		}
		n++
		cols[0] = append(cols[0], textCol(6, "______________________________", props.Text{Size: 10, Align: align.Center}))
		cols[1] = append(cols[1], textCol(6, s.Name, props.Text{Size: 11, Style: fontstyle.Bold, Align: align.Center}))
		cols[2] = append(cols[2], textCol(6, s.Title, props.Text{Size: 10, Align: align.Center}))
	}
	if n == 0 {
		return []core.Row{row.New(30)}
	}
	if n == 1 { // one signature sits in the middle
		for i := range cols {
			cols[i] = []core.Col{col.New(3), cols[i][0], col.New(3)}
		}
	}
	return []core.Row{row.New(22), row.New(7).Add(cols[0]...), row.New(6).Add(cols[1]...), row.New(6).Add(cols[2]...)}
}

// templateWords is the template with its heading and wordings as the
// certificates print them: as the coordinator typed them, or, where they
// are still the program's defaults (a template never set keeps them
// unset, data.SetCertificateTemplate), in the document's language. The
// English texts here are data.DefaultCertificateTemplate's, which a test
// holds them to.
func templateWords(tr *locale.Translator, t data.CertificateTemplate) data.CertificateTemplate {
	d := data.DefaultCertificateTemplate()
	if t.Heading == d.Heading {
		t.Heading = tr.L("CERTIFICATE OF ATTENDANCE")
	}
	if t.WordingJoint == d.WordingJoint {
		t.WordingJoint = tr.L("attended the joint training course")
	}
	if t.WordingOther == d.WordingOther {
		t.WordingOther = tr.L("attended the training course")
	}
	return t
}

// venueLine says where the course was held ("at Chișinău"), "" when the
// course has no venue.
func venueLine(tr *locale.Translator, c data.Course) string {
	if c.Venue == "" {
		return ""
	}
	return tr.L("at {{.Venue}}", map[string]any{"Venue": c.Venue})
}

// organisersLine names the organisers ("Organised by A, B"), "" when
// none is recorded.
func organisersLine(tr *locale.Translator, organisers []string) string {
	if len(organisers) == 0 {
		return ""
	}
	return tr.L("Organised by {{.Organisers}}", map[string]any{"Organisers": strings.Join(organisers, ", ")})
}
