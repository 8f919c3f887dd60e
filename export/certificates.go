package export

import (
	"fmt"
	"io"

	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/ncm-register/ncm-register/data"
)

// Certificates writes one page per certificate of attendance: who, of
// which organisation, attended which course, on how many of its days, with
// the certificate's number and verification code as recorded in the register.
func Certificates(w io.Writer, c data.Course, organisers []string, certs []data.Certificate) error {
	m, err := newPDF("Certificates of attendance: "+c.Title, false)
	if err != nil {
		return err
	}
	centre := func(size float64, style fontstyle.Type) props.Text {
		return props.Text{Size: size, Style: style, Align: align.Center}
	}
	grey := &props.Color{Red: 90, Green: 90, Blue: 90}
	for _, cert := range certs {
		p := page.New().Add(
			row.New(30),
			text.NewRow(14, "CERTIFICATE OF ATTENDANCE", centre(22, fontstyle.Bold)),
			row.New(16),
			text.NewRow(9, "This certifies that", centre(12, fontstyle.Normal)),
			text.NewAutoRow(cert.Name, props.Text{Size: 24, Style: fontstyle.Bold, Align: align.Center, Top: 3, Bottom: 3}),
			text.NewAutoRow(cert.OrganisationName, props.Text{Size: 12, Align: align.Center, Bottom: 8}),
			text.NewRow(9, "attended the joint training course", centre(12, fontstyle.Normal)),
			text.NewAutoRow(c.Title, props.Text{Size: 16, Style: fontstyle.Bold, Align: align.Center, Top: 2, Bottom: 2}),
			text.NewRow(8, courseDatesLong(c), centre(12, fontstyle.Normal)),
			text.NewRow(8, venueLine(c), centre(11, fontstyle.Normal)),
			text.NewRow(8, fmt.Sprintf("present on %d of %d days", cert.DaysAttended, cert.Days), centre(11, fontstyle.Italic)),
			row.New(14),
			text.NewAutoRow(organisersLine(organisers), props.Text{Size: 10, Align: align.Center}),
			row.New(40),
			text.NewRow(6, "Certificate No. "+cert.Number+"   ·   Verification code "+cert.Code+"   ·   Issued "+cert.IssuedOn,
				props.Text{Size: 8, Align: align.Center, Color: grey}),
		)
		m.AddPages(p)
	}
	if len(certs) == 0 {
		m.AddRows(text.NewRow(10, c.Title+": nobody has met the completion rule yet", props.Text{}))
	}
	doc, err := m.Generate()
	if err != nil {
		return err
	}
	_, err = w.Write(doc.GetBytes())
	return err
}

func courseDatesLong(c data.Course) string {
	if c.FirstDay == c.LastDay {
		return longDate(c.FirstDay)
	}
	return longDate(c.FirstDay) + " – " + longDate(c.LastDay)
}

func venueLine(c data.Course) string {
	if c.Venue == "" {
		return ""
	}
	return "at " + c.Venue
}

func organisersLine(organisers []string) string {
	if len(organisers) == 0 {
		return ""
	}
	line := "Organised by "
	for i, o := range organisers {
		if i > 0 {
			line += ", "
		}
		line += o
	}
	return line
}
