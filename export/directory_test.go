package export

import (
	"bytes"
	"context"
	"github.com/google/go-cmp/cmp"
	"strings"
	"testing"

	"github.com/emersion/go-vcard"
	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
)

// directoryRegister has three organisations, one without focal points, and
// four people with names in several scripts, several e-mails and phones.
func directoryRegister(t *testing.T) (*data.Store, []string) {
	t.Helper()
	ctx := context.Background()
	s := openReplyStore(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SetCountry(ctx, "MD"))
	police := data.Organisation{Name: "General Police Inspectorate", Acronym: "IGP", Sector: "police", Level: "national", Region: "Chișinău"}
	ngo := data.Organisation{Name: "Centrul „Speranța”", Sector: "ngo"}
	empty := data.Organisation{Name: "Labour Inspectorate", Sector: "labour_inspection"}
	for _, o := range []*data.Organisation{&police, &ngo, &empty} {
		must(s.SaveOrganisation(ctx, o))
	}
	for _, c := range []data.Contact{
		{OrganisationID: police.ID, Name: "Ольга Иванова", Position: "Head of unit", Emails: []string{"olga@police.md", "unit@police.md"},
			Phones: []string{"022 123 456", "+373 69 123 456"}, Roles: []string{"mechanism_member"}},
		{OrganisationID: police.ID, Name: "Ana Lungu", Emails: []string{"ana@police.md"}},
		{OrganisationID: ngo.ID, Name: "=HYPERLINK(\"x\")", Position: "- outreach"},
		{OrganisationID: ngo.ID, Name: "Archived Person"},
	} {
		must(s.SaveContact(ctx, &c))
		if c.Name == "Archived Person" {
			must(s.SetContactArchived(ctx, c.ID, true))
		}
	}
	return s, []string{ngo.ID, police.ID, empty.ID}
}

func TestDirectoryAsWorkbook(t *testing.T) {
	s, order := directoryRegister(t)
	entries, err := s.Directory(context.Background(), order)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := DirectoryXLSX(&b, nil, entries); err != nil {
		t.Fatal(err)
	}
	assertFormulaTextIsText(t, "directory", b.Bytes())
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	assertPrintReady(t, f)
	defer f.Close()
	rows := sheetRows(t, f, "Directory")
	var got []string
	for i := 1; i < len(rows); i++ {
		got = append(got, at(rows, i, 0)+" / "+at(rows, i, 6))
	}
	// The organisations in the order given, their people by name; the
	// archived person left out, the organisation without people listed.
	want := []string{"Centrul „Speranța” / =HYPERLINK(\"x\")", "General Police Inspectorate / Ana Lungu",
		"General Police Inspectorate / Ольга Иванова", "Labour Inspectorate /"}
	if strings.TrimSpace(strings.Join(got, "\n")) != strings.Join(want, "\n") || strings.Join(rows[0], "|") != strings.Join(directoryHeader, "|") {
		t.Errorf("rows:\n%s\nheader %q", strings.Join(got, "\n"), rows[0])
	}
	olga := rows[3]
	if olga[2] != "Police" || olga[3] != "National" || olga[4] != "Chișinău" || olga[8] != "olga@police.md\nunit@police.md" ||
		olga[9] != "+373 22 123 456\n+373 691 23 456" || olga[11] != "Mechanism member" {
		t.Errorf("Ольга Иванова's row %q", olga)
	}
}

func TestDirectoryAsVCard(t *testing.T) {
	s, _ := directoryRegister(t)
	entries, err := s.Directory(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := DirectoryVCard(&b, nil, entries); err != nil {
		t.Fatal(err)
	}
	if strings.Count(b.String(), "\r\n") != strings.Count(b.String(), "\n") {
		t.Error("lines do not end in CRLF")
	}
	dec := vcard.NewDecoder(&b)
	byName := map[string]vcard.Card{}
	for {
		card, err := dec.Decode()
		if err != nil {
			break
		}
		byName[card.PreferredValue(vcard.FieldFormattedName)] = card
	}
	if len(byName) != 3 {
		t.Fatalf("%d cards, want 3 (the archived person and the organisation without people have none)", len(byName))
	}
	olga := byName["Ольга Иванова"]
	if olga.Value(vcard.FieldVersion) != "3.0" || olga.Value(vcard.FieldOrganization) != "General Police Inspectorate" ||
		strings.Join(olga.Values(vcard.FieldTelephone), " ") != "+37322123456 +37369123456" ||
		strings.Join(olga.Values(vcard.FieldEmail), " ") != "olga@police.md unit@police.md" ||
		olga.Value(vcard.FieldTitle) != "Head of unit" || !strings.HasPrefix(olga.Value(vcard.FieldUID), "urn:uuid:") ||
		olga.Value(vcard.FieldCategories) != "Police" {
		t.Errorf("Ольга Иванова's card %v", olga)
	}
}

// BenchmarkDirectoryXLSX reads the directory of the large register (10,000
// organisations, 100,000 people) and writes its workbook (target: under
// 2 s and 300 MB).
func BenchmarkDirectoryXLSX(b *testing.B) {
	s, _, _ := largeReplyRegister(b)
	ctx := context.Background()
	var out bytes.Buffer
	var heapMB, rssMB float64
	rows := 0
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		peak := startPeakMemory()
		err := DirectoryXLSXOf(ctx, s, nil, &out, nil)
		h, r := peak.end()
		if err != nil {
			b.Fatal(err)
		}
		heapMB, rssMB = max(heapMB, h), max(rssMB, r)
	}
	b.StopTimer()
	book, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		b.Fatal(err)
	}
	all, _ := book.GetRows("Directory")
	book.Close()
	rows = len(all) - 1
	if rows < 100_000 {
		b.Fatalf("%d rows, want every focal point of the large register", rows)
	}
	b.ReportMetric(heapMB, "peak-heap-MB")
	if !largeReply.built && rssMB > 0 {
		b.ReportMetric(rssMB, "peak-RSS-MB")
	}
	b.ReportMetric(float64(out.Len())/1e6, "file-MB")
}

func TestDirectoryAsPDFGroupedBySectorOnEitherPaper(t *testing.T) {
	s, order := directoryRegister(t)
	entries, err := s.Directory(context.Background(), order)
	if err != nil {
		t.Fatal(err)
	}
	for _, letter := range []bool{false, true} {
		var b bytes.Buffer
		if err := DirectoryPDF(&b, nil, entries, letter, "2026-12-02"); err != nil {
			t.Fatal(err)
		}
		text := strings.Join(pdfText(t, b.Bytes()), "\n")
		police, ngo, labour := strings.Index(text, "Police\n"), strings.Index(text, "NGO"), strings.Index(text, "Labour inspection")
		if police < 0 || ngo < police || labour < police || !strings.Contains(text, "Ольга Иванова") ||
			!strings.Contains(text, "+373 22 123 456") || !strings.Contains(text, "General Police Inspectorate (IGP)") ||
			!strings.Contains(text, "No focal point recorded.") || strings.Contains(text, "Archived Person") {
			t.Errorf("letter %v: the directory reads\n%s", letter, text)
		}
		// The paper: A4 is 595 × 842 points, Letter 612 × 792.
		want := "595"
		if letter {
			want = "612"
		}
		if !bytes.Contains(b.Bytes(), []byte("/MediaBox [0 0 "+want)) {
			t.Errorf("letter %v: no page of width %s points", letter, want)
		}
	}
}

// TestDirectoryReadWhileWrittenIsTheSame: the workbook written while the
// people are read holds the same rows, in the same order, as the one
// written from the whole list; a cancelled read writes nothing.
func TestDirectoryReadWhileWrittenIsTheSame(t *testing.T) {
	s, order := directoryRegister(t)
	ctx := context.Background()
	rowsOf := func(raw []byte) [][]string {
		f, err := excelize.OpenReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows("Directory")
		return rows
	}
	for _, ids := range [][]string{nil, order, order[:1]} {
		entries, err := s.Directory(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		var whole, streamed bytes.Buffer
		if err := DirectoryXLSX(&whole, nil, entries); err != nil {
			t.Fatal(err)
		}
		if err := DirectoryXLSXOf(ctx, s, ids, &streamed, nil); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(rowsOf(whole.Bytes()), rowsOf(streamed.Bytes())); d != "" {
			t.Errorf("ids %v: rows differ (-whole +streamed):\n%s", ids, d)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	var out bytes.Buffer
	if err := DirectoryXLSXOf(cancelled, s, nil, &out, nil); err == nil || out.Len() != 0 {
		t.Errorf("a cancelled directory: %v, %d bytes written", err, out.Len())
	}
}
