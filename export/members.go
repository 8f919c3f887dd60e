package export

import (
	"fmt"
	"io"

	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
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
	m, err := newPDF("Members: "+b.Name, true)
	if err != nil {
		return err
	}
	m.AddRows(
		text.NewRow(7, "MEMBERS OF THE NATIONAL COORDINATION MECHANISM", props.Text{Size: 8, Style: fontstyle.Bold}),
		text.NewAutoRow(b.Name, props.Text{Size: 14, Style: fontstyle.Bold, Bottom: 2}),
	)
	if b.LegalBasis != "" {
		m.AddRows(text.NewAutoRow("Legal basis: "+b.LegalBasis, props.Text{Size: 10}))
	}
	m.AddRows(row.New(4), row.New(9).Add(
		text.NewCol(1, "No.", bold).WithStyle(headerCell),
		text.NewCol(5, "Organisation", bold).WithStyle(headerCell),
		text.NewCol(3, "Sector", bold).WithStyle(headerCell),
		text.NewCol(1, "Role", bold).WithStyle(headerCell),
		text.NewCol(2, "Since", bold).WithStyle(headerCell),
	))
	for i, o := range members {
		m.AddRows(row.New(9).Add(
			text.NewCol(1, fmt.Sprint(i+1), body).WithStyle(cellBorder),
			text.NewCol(5, o.Name, body).WithStyle(cellBorder),
			text.NewCol(3, sectorName(o.Sector), body).WithStyle(cellBorder),
			text.NewCol(1, codeLabel(data.MechanismRoles, o.MechanismRole), body).WithStyle(cellBorder),
			text.NewCol(2, o.MemberSince, body).WithStyle(cellBorder),
		))
	}
	doc, err := m.Generate()
	if err != nil {
		return err
	}
	_, err = w.Write(doc.GetBytes())
	return err
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
	s := newStreamSheet(newBook(f), "Members", []float64{44, 12, 26, 12, 12, 14}, 1)
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
