package export

import (
	"context"
	"io"
	"iter"
	"strings"

	"github.com/emersion/go-vcard"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/pagesize"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// directoryHeader are the columns of the directory workbook.
var directoryHeader = []string{locale.Mark("Organisation"), locale.Mark("Acronym"), locale.Mark("Sector"), locale.Mark("Level"),
	locale.Mark("Region"), locale.Mark("Country"), locale.Mark("Name"), locale.Mark("Position"), locale.Mark("E-mail"),
	locale.Mark("Phone"), locale.Mark("Languages"), locale.Mark("Roles")}

// DirectoryXLSX writes the directory as a workbook: one row per focal point
// with their organisation's sector, level and region, phones in
// international format and several of a kind on lines of one cell. An
// organisation without focal points has a row of its own. The sheet is
// streamed, so 100,000 people pass through without being held as cells.
// Its headings, sectors, levels and roles are in tr's language (nil:
// English); the country stays a code, as it is typed and imported.
func DirectoryXLSX(w io.Writer, tr *locale.Translator, entries []data.DirectoryEntry) error {
	return writeDirectoryXLSX(w, tr, func(yield func(data.DirectoryEntry, []string) bool) {
		for _, e := range entries {
			if !yield(e, formatPhones(e.Contact.Phones)) {
				return
			}
		}
	}, nil)
}

// DirectoryXLSXOf writes the directory of the register's organisations
// given (all, when none are) as DirectoryXLSX does, reading the people
// while the sheet is being written: on two cores, a directory of 100,000
// people took the reading's time and the writing's one after the other.
func DirectoryXLSXOf(ctx context.Context, s *data.Store, organisationIDs []string, w io.Writer, tr *locale.Translator) error {
	type row struct {
		e      data.DirectoryEntry
		phones []string
	}
	reading, stop := context.WithCancel(ctx)
	defer stop()
	rows := make(chan row, 1024)
	var readErr error // set before rows is closed, read after
	go func() {
		defer close(rows)
		readErr = s.EachDirectoryEntry(reading, organisationIDs, func(e data.DirectoryEntry) error {
			select {
			case rows <- row{e, formatPhones(e.Contact.Phones)}:
				return nil
			case <-reading.Done():
				return reading.Err()
			}
		})
	}()
	err := writeDirectoryXLSX(w, tr, func(yield func(data.DirectoryEntry, []string) bool) {
		for r := range rows {
			if !yield(r.e, r.phones) {
				return
			}
		}
	}, func() error { return readErr }) // the rows all came: the reading is over
	stop()
	for range rows { // a writer that failed early: let the reader see the stop
	}
	return err
}

// writeDirectoryXLSX writes the rows entries gives, each with its phones
// formatted; complete, when given, says whether they all came (nothing
// is written to w when they did not).
func writeDirectoryXLSX(w io.Writer, tr *locale.Translator, entries iter.Seq2[data.DirectoryEntry, []string], complete func() error) error {
	tr = orEnglish(tr)
	f := newWorkbook()
	defer f.Close()
	sheet := tr.L("Directory")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	s := newStreamSheet(newBook(f, tr), sheet, []float64{40, 12, 22, 12, 16, 8, 28, 28, 32, 20, 14, 24}, 1)
	header := make([]string, len(directoryHeader))
	for i, h := range directoryHeader {
		header[i] = tr.L(h)
	}
	s.add(st.headerRow(header...)...)
	// The labels of the codes, looked up once rather than for each of
	// 100,000 rows: a code list is built and searched on every look-up.
	sectors, levels, roles := codeTextsOf(tr, "sector"), codeTextsOf(tr, "level"), codeTextsOf(tr, "role")
	// Empty cells are left out rather than written empty: a directory of
	// 100,000 people is mostly empty acronyms, regions and languages, and
	// every cell written is XML to write and to compress.
	cell := func(style int, text string) any {
		if text == "" {
			return nil
		}
		return styled(style, text)
	}
	wrap := func(lines []string) any {
		if len(lines) == 1 {
			return cell(st.wrap, lines[0])
		}
		return cell(st.wrap, strings.Join(lines, "\n"))
	}
	for e, phones := range entries {
		o, c := e.Organisation, e.Contact
		s.add(cell(st.top, o.Name), cell(st.top, o.Acronym), cell(st.top, sectors.of(o.Sector)),
			cell(st.top, levels.of(o.Level)), cell(st.top, o.Region), cell(st.top, o.Country),
			cell(st.top, c.Name), cell(st.wrap, c.Position), wrap(c.Emails), wrap(phones),
			wrap(c.Languages), wrap(roles.all(c.Roles)))
	}
	if err := s.flush(); err != nil {
		return err
	}
	if complete != nil {
		if err := complete(); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// codeLabelsIn are the labels of a code list in a language, by code.
type codeLabelsIn map[string]string

// codeTextsOf are the labels of the codes of list in tr's language, as
// codeText writes them.
func codeTextsOf(tr *locale.Translator, list string) codeLabelsIn {
	codes, _ := data.CodeList(list)
	out := make(codeLabelsIn, len(codes))
	for _, c := range codes {
		out[c.Code] = codeText(tr, list, c.Code)
	}
	return out
}

// of is a code's label: "" for none, the code itself for one the list
// does not know.
func (l codeLabelsIn) of(code string) string {
	if label, ok := l[code]; ok || code == "" {
		return label
	}
	return code
}

// all are the labels of several codes.
func (l codeLabelsIn) all(codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = l.of(c)
	}
	return out
}

// DirectoryVCard writes the focal points as one vCard 3.0 file (the version
// phones and mail programs read most widely), a card per person with the
// organisation, position, work e-mails and phones, the sector as a
// category, and the person's identity in the register as UID, so that a
// second import into a phone replaces rather than doubles. The sector is
// the only word of the program's on a card: it is written in tr's language
// (nil: English), as phones list contacts by the categories they show.
func DirectoryVCard(w io.Writer, tr *locale.Translator, entries []data.DirectoryEntry) error {
	tr = orEnglish(tr)
	enc := vcard.NewEncoder(w)
	for _, e := range entries {
		c := e.Contact
		if c.ID == "" {
			continue
		}
		card := vcard.Card{}
		card.SetValue(vcard.FieldVersion, "3.0")
		card.SetValue(vcard.FieldFormattedName, c.Name)
		// Names are kept whole, as people write them: which part is the
		// family name is not known, so the whole name stands in N.
		card.SetName(&vcard.Name{FamilyName: c.Name})
		card.SetValue(vcard.FieldOrganization, e.Organisation.Name)
		if c.Position != "" {
			card.SetValue(vcard.FieldTitle, c.Position)
		}
		for _, m := range c.Emails {
			card.Add(vcard.FieldEmail, &vcard.Field{Value: m, Params: vcard.Params{vcard.ParamType: {"INTERNET", "WORK"}}})
		}
		for _, p := range c.Phones {
			card.Add(vcard.FieldTelephone, &vcard.Field{Value: p, Params: vcard.Params{vcard.ParamType: {"WORK", "VOICE"}}})
		}
		if sec := sectorText(tr, e.Organisation.Sector); sec != "" {
			card.SetValue(vcard.FieldCategories, sec)
		}
		card.SetValue(vcard.FieldUID, "urn:uuid:"+c.ID)
		if err := enc.Encode(card); err != nil {
			return err
		}
	}
	return nil
}

// directoryAddress is the type of e-mail addresses in the PDF directory.
var directoryAddress = props.Text{Size: 7, Top: 1.7, Bottom: 1.5, Left: replyCell.Left, Right: replyCell.Right}

// DirectoryPDF writes a printable directory on A4 or, with letter, US
// Letter paper: the organisations grouped by sector (in the order of the
// sector list), each with its acronym and region, and under it its focal
// points with position, e-mails and phones. Its words, sectors, countries
// and date are in tr's language (nil: English).
func DirectoryPDF(w io.Writer, tr *locale.Translator, entries []data.DirectoryEntry, letter bool, day string) error {
	tr = orEnglish(tr)
	paper := pagesize.A4
	if letter {
		paper = pagesize.Letter
	}
	need, err := fontsFor(tr, directoryPrint(entries))
	if err != nil {
		return err
	}
	m, err := newPDFOn(paper, tr.L("Directory of the national coordination mechanism"), true, need)
	if err != nil {
		return err
	}
	m.AddRows(
		textRow(7, tr.L("DIRECTORY OF FOCAL POINTS"), props.Text{Size: 8, Style: fontstyle.Bold, Color: replyGrey}),
		textAutoRow(tr.L("Organisations and their focal points on {{.Day}}", map[string]any{"Day": longDayIn(tr, day)}),
			props.Text{Size: 14, Style: fontstyle.Bold, Bottom: 3}),
	)
	bySector := map[string][]data.DirectoryEntry{}
	for _, e := range entries {
		bySector[e.Organisation.Sector] = append(bySector[e.Organisation.Sector], e)
	}
	sectors := make([]string, 0, len(data.Sectors)+1)
	for _, sec := range data.Sectors {
		sectors = append(sectors, sec.Code.Code)
	}
	for _, sec := range append(sectors, "") {
		list := bySector[sec]
		if len(list) == 0 {
			continue
		}
		heading := tr.L("Sector not recorded")
		if sec != "" {
			heading = sectorText(tr, sec)
		}
		keepWithNext(m, 30)
		m.AddRows(row.New(3), textAutoRow(heading, props.Text{Size: 12, Style: fontstyle.Bold, Bottom: 1}))
		lastOrg := ""
		for _, e := range list {
			o, c := e.Organisation, e.Contact
			if o.ID != lastOrg {
				lastOrg = o.ID
				name := o.Name
				if o.Acronym != "" {
					name += " (" + o.Acronym + ")"
				}
				keepWithNext(m, 18)
				m.AddRows(row.New().Add(
					textCol(8, name, replyCellB).WithStyle(headerCell),
					textCol(4, strings.Join(nonEmpty(o.Region, countryText(tr, o.Country)), ", "), replyCell).WithStyle(headerCell),
				))
				if c.ID == "" {
					m.AddRows(textAutoRow(tr.L("No focal point recorded."), replyNote))
				}
			}
			if c.ID == "" {
				continue
			}
			phones := make([]string, len(c.Phones))
			for i, p := range c.Phones {
				phones[i] = data.FormatPhone(p)
			}
			m.AddRows(row.New().Add(
				textCol(3, c.Name, replyCellB).WithStyle(cellBorder),
				textCol(2, c.Position, replyCell).WithStyle(cellBorder),
				// An address does not break between words: it gets the widest
				// column, in smaller type; a phone number keeps to one line.
				textCol(4, strings.Join(c.Emails, "\n"), directoryAddress).WithStyle(cellBorder),
				textCol(3, strings.Join(phones, "\n"), replyCell).WithStyle(cellBorder),
			))
		}
	}
	if len(entries) == 0 {
		m.AddRows(textAutoRow(tr.L("No organisation in the directory."), replyNote))
	}
	doc, err := m.Generate()
	if err != nil {
		return err
	}
	_, err = w.Write(doc.GetBytes())
	return err
}

// directoryPrint is every text the printed directory shows that someone
// typed. A focal point is named by its organisation, whose own texts come
// first and so are printable by then.
func directoryPrint(entries []data.DirectoryEntry) iter.Seq[printed] {
	return func(yield func(printed) bool) {
		for _, e := range entries {
			o, c := e.Organisation, e.Contact
			org := "an organisation of the directory"
			contact := "a focal point of “" + o.Name + "”"
			for _, p := range []printed{{org, "name", o.Name}, {org, "acronym", o.Acronym}, {org, "region", o.Region},
				{contact, "name", c.Name}, {contact, "position", c.Position}} {
				if !yield(p) {
					return
				}
			}
		}
	}
}

// countryText is a country's name in the document's language ("" for none).
func countryText(tr *locale.Translator, code string) string {
	if code == "" {
		return ""
	}
	return tr.Country(code)
}

func formatPhones(phones []string) []string {
	if len(phones) == 0 {
		return nil
	}
	out := make([]string, len(phones))
	for i, p := range phones {
		out[i] = data.FormatPhone(p)
	}
	return out
}
