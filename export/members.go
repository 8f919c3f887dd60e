package export

import (
	"fmt"
	"io"
	"iter"

	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// MemberListPDF writes the coordination body's members as a printable list:
// organisation, sector, role and the date it joined, in tr's language
// (nil: English).
func MemberListPDF(w io.Writer, tr *locale.Translator, b data.Body, members []data.Organisation) error {
	tr = orEnglish(tr)
	need, err := fontsFor(tr, membersPrint(b, members))
	if err != nil {
		return err
	}
	m, err := newPDF(tr.L("Members: {{.Body}}", map[string]any{"Body": b.Name}), true, need)
	if err != nil {
		return err
	}
	m.AddRows(
		textRow(7, tr.L("MEMBERS OF THE NATIONAL COORDINATION MECHANISM"), props.Text{Size: 8, Style: fontstyle.Bold}),
		textAutoRow(b.Name, props.Text{Size: 14, Style: fontstyle.Bold, Bottom: 2}),
	)
	if b.LegalBasis != "" {
		m.AddRows(textAutoRow(tr.L("Legal basis: {{.LegalBasis}}", map[string]any{"LegalBasis": b.LegalBasis}), props.Text{Size: 10}))
	}
	m.AddRows(row.New(4), row.New(9).Add(
		textCol(1, tr.L("No."), bold).WithStyle(headerCell),
		textCol(5, tr.L("Organisation"), bold).WithStyle(headerCell),
		textCol(3, tr.L("Sector"), bold).WithStyle(headerCell),
		textCol(1, tr.L("Role"), bold).WithStyle(headerCell),
		textCol(2, tr.L("Since"), bold).WithStyle(headerCell),
	))
	for i, o := range members {
		m.AddRows(row.New(9).Add(
			textCol(1, tr.Count(i+1), body).WithStyle(cellBorder),
			textCol(5, o.Name, body).WithStyle(cellBorder),
			textCol(3, sectorText(tr, o.Sector), body).WithStyle(cellBorder),
			textCol(1, roleText(tr, o.MechanismRole), body).WithStyle(cellBorder),
			textCol(2, dayIn(tr, o.MemberSince), body).WithStyle(cellBorder),
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

// roleText is an organisation's role in the mechanism ("" for none).
func roleText(tr *locale.Translator, code string) string {
	if code == "" {
		return ""
	}
	return codeText(tr, "mechanism", code)
}

// MemberListXLSX writes the members as a workbook, the joining date a real
// date, in tr's language (nil: English).
func MemberListXLSX(w io.Writer, tr *locale.Translator, b data.Body, members []data.Organisation) error {
	tr = orEnglish(tr)
	f := newWorkbook()
	defer f.Close()
	sheet := tr.L("Members")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	s := newStreamSheet(newBook(f, tr), sheet, []float64{44, 12, 26, 12, 12, 14}, 1)
	s.add(st.headerRow(tr.L("Organisation"), tr.L("Acronym"), tr.L("Sector"), tr.L("Government"), tr.L("Role"), tr.L("Member since"))...)
	for _, o := range members {
		s.add(o.Name, o.Acronym, sectorText(tr, o.Sector), yesNo(tr, o.Government()), roleText(tr, o.MechanismRole), st.day(o.MemberSince))
	}
	if err := s.flush(); err != nil {
		return err
	}
	return f.Write(w)
}
