package export

import (
	"fmt"
	"io"
	"iter"

	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/ncm-register/ncm-register/data"
)

func codeLabel(list []data.Code, code string) string {
	for _, c := range list {
		if c.Code == code {
			return c.Label
		}
	}
	return code
}

func sectorName(code string) string {
	s, _ := data.SectorByCode(code)
	return s.Label
}

// MemberListPDF writes the coordination body's members as a printable list:
// organisation, sector, role and the date it joined.
func MemberListPDF(w io.Writer, b data.Body, members []data.Organisation) error {
	need, err := fontsFor(nil, membersPrint(b, members))
	if err != nil {
		return err
	}
	m, err := newPDF("Members: "+b.Name, true, need)
	if err != nil {
		return err
	}
	m.AddRows(
		textRow(7, "MEMBERS OF THE NATIONAL COORDINATION MECHANISM", props.Text{Size: 8, Style: fontstyle.Bold}),
		textAutoRow(b.Name, props.Text{Size: 14, Style: fontstyle.Bold, Bottom: 2}),
	)
	if b.LegalBasis != "" {
		m.AddRows(textAutoRow("Legal basis: "+b.LegalBasis, props.Text{Size: 10}))
	}
	m.AddRows(row.New(4), row.New(9).Add(
		textCol(1, "No.", bold).WithStyle(headerCell),
		textCol(5, "Organisation", bold).WithStyle(headerCell),
		textCol(3, "Sector", bold).WithStyle(headerCell),
		textCol(1, "Role", bold).WithStyle(headerCell),
		textCol(2, "Since", bold).WithStyle(headerCell),
	))
	for i, o := range members {
		m.AddRows(row.New(9).Add(
			textCol(1, fmt.Sprint(i+1), body).WithStyle(cellBorder),
			textCol(5, o.Name, body).WithStyle(cellBorder),
			textCol(3, sectorName(o.Sector), body).WithStyle(cellBorder),
			textCol(1, codeLabel(data.MechanismRoles, o.MechanismRole), body).WithStyle(cellBorder),
			textCol(2, o.MemberSince, body).WithStyle(cellBorder),
		))
	}
	doc, err := m.Generate()
	if err != nil {
		return err
	}
	_, err = w.Write(doc.GetBytes())
	return err
}

// membersPrint is every text the list of members prints that someone typed.
func membersPrint(b data.Body, members []data.Organisation) iter.Seq[printed] {
	return func(yield func(printed) bool) {
		if !yield(printed{"the coordination body", "name", b.Name}) || !yield(printed{"the coordination body", "legal basis", b.LegalBasis}) {
			return
		}
		for i, o := range members {
			if !yield(printed{fmt.Sprintf("member %d of the list", i+1), "name", o.Name}) {
				return
			}
		}
	}
}

// MemberListXLSX writes the members as a workbook, the joining date a real date.
func MemberListXLSX(w io.Writer, b data.Body, members []data.Organisation) error {
	f := newWorkbook()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Members"); err != nil {
		return err
	}
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	s := newStreamSheet(newBook(f, nil), "Members", []float64{44, 12, 26, 12, 12, 14}, 1)
	s.add(st.headerRow("Organisation", "Acronym", "Sector", "Government", "Role", "Member since")...)
	for _, o := range members {
		gov := "no"
		if o.Government() {
			gov = "yes"
		}
		s.add(o.Name, o.Acronym, sectorName(o.Sector), gov, codeLabel(data.MechanismRoles, o.MechanismRole), st.day(o.MemberSince))
	}
	if err := s.flush(); err != nil {
		return err
	}
	return f.Write(w)
}
