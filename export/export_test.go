package export

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data"
)

// course builds a register with a three-day course and four participants
// of three sectors, with names in several scripts, and some marks.
func course(t *testing.T) (*data.Store, data.Course, []data.Participant, map[string]map[string]string) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Open(ctx, filepath.Join(t.TempDir(), "r.db"), data.Options{Device: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var ids []string
	for _, p := range []struct{ org, sector, name string }{
		{"МВД — Управление", "police", "Ольга Иванова"},
		{"Centrul „Speranța”", "ngo", "Ionuț Popescu"},
		{"Ελληνική Αστυνομία", "police", "Γιώργος Παπαδόπουλος"},
		{"Labour Inspectorate", "labour_inspection", "=HYPERLINK(\"x\")"},
	} {
		o := data.Organisation{Name: p.org, Sector: p.sector}
		if err := s.SaveOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		c := data.Contact{OrganisationID: o.ID, Name: p.name, Sex: "female"}
		if err := s.SaveContact(ctx, &c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	c := data.Course{Title: "Victim identification: joint course", FirstDay: "2026-03-02", LastDay: "2026-03-04",
		Status: "held", Venue: "Chișinău", Topics: []string{"Indicators", "Referral"}}
	if err := s.SaveCourse(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.AddParticipants(ctx, c.ID, ids); err != nil {
		t.Fatal(err)
	}
	ps, err := s.Participants(ctx, c.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	var marks []data.Mark
	for _, p := range ps {
		for _, d := range c.Days() {
			m := "present"
			if p.Name == "Ольга Иванова" && d == c.LastDay {
				m = "absent"
			}
			marks = append(marks, data.Mark{ParticipantID: p.ID, Day: d, Mark: m})
		}
	}
	if err := s.SetMarks(ctx, c.ID, marks); err != nil {
		t.Fatal(err)
	}
	got, err := s.Attendance(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return s, c, ps, got
}

// pdfText reads a PDF back with poppler's pdftotext, page by page.
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo (from poppler-utils, which make test installs): %v", err)
	}
	pages := 0
	for _, line := range strings.Split(string(info), "\n") {
		if strings.HasPrefix(line, "Pages:") {
			pages, _ = strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "Pages:")))
		}
	}
	var out []string
	for p := 1; p <= pages; p++ {
		text, err := exec.Command("pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), "-layout", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(text))
	}
	return out
}

func TestSignInSheetsHaveAPagePerDayWithEveryParticipant(t *testing.T) {
	_, c, ps, _ := course(t)
	// Invited and declined are not expected: they are not on the sheet.
	ps = append(ps, data.Participant{Name: "Invited Only", OrganisationName: "Nowhere", Status: data.StatusInvited},
		data.Participant{Name: "Declined Person", OrganisationName: "Nowhere", Status: data.StatusDeclined})
	var b bytes.Buffer
	if err := SignInSheets(&b, nil, c, ps, 5); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, b.Bytes())
	if len(pages) != 3 {
		t.Fatalf("%d pages, want one per day (3)", len(pages))
	}
	for i, page := range pages {
		for _, want := range []string{"Victim identification: joint course", "Day " + strconv.Itoa(i+1) + " of 3",
			"Ольга Иванова", "Ionuț Popescu", "Γιώργος Παπαδόπουλος", "МВД — Управление", "Centrul „Speranța”", "Signature"} {
			if !strings.Contains(page, want) {
				t.Errorf("page %d lacks %q:\n%s", i+1, want, page)
			}
		}
		// Four participants and five blank rows are numbered 1 to 9.
		if !strings.Contains(page, " 9 ") && !strings.Contains(page, "\n9 ") && !strings.Contains(page, "9\n") {
			t.Errorf("page %d has no row 9 (4 participants + 5 blank rows)", i+1)
		}
		if strings.Contains(page, "Invited Only") || strings.Contains(page, "Declined Person") || strings.Contains(page, " 10 ") {
			t.Errorf("page %d lists someone not expected:\n%s", i+1, page)
		}
	}
	if !strings.Contains(pages[0], "Monday, 2 March 2026") || !strings.Contains(pages[2], "Wednesday, 4 March 2026") {
		t.Error("the pages do not carry their days")
	}
}

func TestParticipantListReadsBack(t *testing.T) {
	_, c, ps, marks := course(t)
	var b bytes.Buffer
	if err := ParticipantList(&b, nil, c, ps, marks); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	assertPrintReady(t, f)
	defer f.Close()
	rows, err := f.GetRows("Participants")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(ps)+3 {
		t.Fatalf("%d rows, want a title, a blank row, the headings and %d participants", len(rows), len(ps))
	}
	if len(rows[0]) == 0 || !strings.HasPrefix(rows[0][0], c.Title+" — ") || !strings.Contains(rows[0][0], "2026") {
		t.Errorf("title row %v, want the course's title and dates", rows[0])
	}
	rows = rows[2:] // from the headings on
	want := []string{"No.", "Name", "Organisation", "Sector", "Sex", "2 Mar 2026", "3 Mar 2026", "4 Mar 2026", "Days attended", "Completed", "Status"}
	if strings.Join(rows[0], "|") != strings.Join(want, "|") {
		t.Errorf("header %v", rows[0])
	}
	byName := map[string][]string{}
	for _, r := range rows[1:] {
		byName[r[1]] = r
	}
	olga := byName["Ольга Иванова"]
	if olga == nil || olga[8] != "2" || olga[9] != "No" || olga[7] != "Absent" || olga[3] != "Police" || olga[10] != "Attended" {
		t.Errorf("Ольга Иванова's row %v: want 2 days, absent on the last, not completed (80 %% rule)", olga)
	}
	hyperlink := slices.IndexFunc(rows, func(r []string) bool { return r[1] == `=HYPERLINK("x")` })
	if hyperlink < 0 {
		t.Errorf("a name that looks like a formula is not kept as typed: names %v", rows)
	} else {
		assertTextCell(t, f, "Participants", cellName(2, hyperlink+3), `=HYPERLINK("x")`)
	}
	// Days attended is a number, not text (the sheet's rows 4 on).
	for i := 2; i <= len(rows); i++ {
		cell := "I" + strconv.Itoa(i+2)
		typ, err := f.GetCellType("Participants", cell)
		if err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s is stored as %v, want a number", cell, typ)
		}
	}
}

func TestCalendarReadsBack(t *testing.T) {
	_, c, _, _ := course(t)
	planned := data.Course{ID: "planned-id", Title: "Planned course", FirstDay: "2026-06-01", LastDay: "2026-06-01", Status: "planned"}
	var b bytes.Buffer
	if err := Calendar(&b, nil, []data.Course{c, planned}, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	raw := b.String()
	if crlf := strings.Count(raw, "\r\n"); crlf != strings.Count(raw, "\n") || crlf < 10 {
		t.Errorf("the calendar's lines do not all end with CRLF (RFC 5545): %q", raw[:min(len(raw), 200)])
	}
	if !strings.Contains(raw, "X-WR-CALNAME:Training courses — NCM Register\r\n") {
		t.Error("the calendar has no name")
	}
	cal, err := ics.ParseCalendar(&b)
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if len(events) != 2 {
		t.Fatalf("%d events, want 2", len(events))
	}
	e := events[0]
	if got := e.GetProperty(ics.ComponentPropertySummary).Value; got != c.Title {
		t.Errorf("summary %q", got)
	}
	if got := e.GetProperty(ics.ComponentPropertyDtStart).Value; got != "20260302" {
		t.Errorf("start %q, want 20260302 (all day)", got)
	}
	if got := e.GetProperty(ics.ComponentPropertyDtEnd).Value; got != "20260305" {
		t.Errorf("end %q, want 20260305 (the day after the last day)", got)
	}
	if got := e.GetProperty(ics.ComponentPropertyDescription).Value; got != "Topics: Indicators; Referral" {
		t.Errorf("description %q, want the course's topics", got)
	}
	if got := e.GetProperty(ics.ComponentPropertyUniqueId).Value; got != c.ID+"@ncm-register" {
		t.Errorf("uid %q", got)
	}
	if got := events[1].GetProperty(ics.ComponentPropertyStatus).Value; got != "TENTATIVE" {
		t.Errorf("a planned course has status %q, want TENTATIVE", got)
	}
}

func TestWriteFileLeavesTheOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "list.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, func(w io.Writer) error {
		w.Write([]byte("half a docu"))
		return errors.New("disk full")
	})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the writer's error", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("the old file now holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if err := WriteFile(path, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("after a good write the file holds %q", got)
	}
	if err := WriteFile(filepath.Join(dir, "no", "such", "folder.pdf"), func(io.Writer) error { return nil }); err == nil {
		t.Error("writing into a folder that does not exist did not fail")
	}
}

// TestDocumentsHaveTheUsersUsualMode: a document is for colleagues: it
// gets the mode any new file of the user's gets (not the private mode of
// the register and its backups).
func TestDocumentsHaveTheUsersUsualMode(t *testing.T) {
	dir := t.TempDir()
	plain, err := os.Create(filepath.Join(dir, "as-any-program.txt"))
	if err != nil {
		t.Fatal(err)
	}
	plain.Close()
	want, _ := os.Stat(plain.Name())
	path := filepath.Join(dir, "list.xlsx")
	if err := WriteFile(path, func(w io.Writer) error { _, err := w.Write([]byte("doc")); return err }); err != nil {
		t.Fatal(err)
	}
	got, _ := os.Stat(path)
	if got.Mode().Perm() != want.Mode().Perm() {
		t.Errorf("a document has mode %v, a file any program makes %v", got.Mode().Perm(), want.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestCertificatesAPagePerEligibleParticipant(t *testing.T) {
	s, c, _, _ := course(t)
	certs, err := s.IssueCertificates(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(certs) != 3 {
		t.Fatalf("%d certificates, want 3 (Ольга Иванова missed a day of three)", len(certs))
	}
	var b bytes.Buffer
	if err := Certificates(&b, nil, c, []string{"Ministry of Internal Affairs"}, certs, data.DefaultCertificateTemplate(), true); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, b.Bytes())
	if len(pages) != len(certs) {
		t.Fatalf("%d pages for %d certificates", len(pages), len(certs))
	}
	for i, cert := range certs {
		for _, want := range []string{"CERTIFICATE OF ATTENDANCE", cert.Name, cert.Number, cert.Code,
			"attended the joint training course", "Victim identification: joint course", "present on 3 of 3 days",
			"Organised by Ministry of Internal Affairs"} {
			if !strings.Contains(pages[i], want) {
				t.Errorf("page %d lacks %q:\n%s", i+1, want, pages[i])
			}
		}
	}
	for _, p := range pages {
		if strings.Contains(p, "Ольга Иванова") {
			t.Error("a certificate was printed for someone below the completion rule")
		}
	}
}

func TestPlanMatrixReadsBack(t *testing.T) {
	p := data.Plan{Title: "NAP", FirstYear: 2024, LastYear: 2026}
	actions := []data.Action{
		{ID: "a1", Pillar: "protection", Activity: "=cmd|' /C calc'!A0", Lead: "o1", Partners: []string{"o1", "o2"}, Deadline: "2025-03-31", Status: "delayed"},
		{ID: "a2", Pillar: "prevention", Activity: "School sessions", Status: "done"},
	}
	names := map[string]string{"o1": "Ministry", "o2": "Centrul „Speranța”"}
	var b bytes.Buffer
	err := PlanMatrix(&b, nil, p, actions, map[string]data.ProgressNote{"a1": {Day: "2025-04-02", Note: "Operator chosen"}},
		func(id string) string { return names[id] }, "2025-11-27")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	assertPrintReady(t, f)
	defer f.Close()
	rows, _ := f.GetRows("Plan of action")
	if len(rows) != 5 || rows[0][0] != "NAP (2024–2026)" || rows[2][2] != "Activity" {
		t.Fatalf("rows %q", rows)
	}
	first := rows[3]
	if first[0] != "Protection" || first[2] != "=cmd|' /C calc'!A0" || first[4] != "Ministry, Centrul „Speranța”" ||
		first[8] != "Delayed" || first[9] != "Yes" || first[10] != "2 Apr 2025: Operator chosen" {
		t.Errorf("first action row %q", first)
	}
	assertTextCell(t, f, "Plan of action", "C4", "=cmd|' /C calc'!A0")
	typ, _ := f.GetCellType("Plan of action", "F4")
	if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("the deadline is stored as text (%v), want a date", typ)
	}
	if rows[4][9] != "No" {
		t.Errorf("a done action is overdue: %q", rows[4])
	}
}

func TestMemberListsReadBack(t *testing.T) {
	b := data.Body{Name: "National Committee", LegalBasis: "Decision 1219/2008"}
	members := []data.Organisation{
		{Name: "МВД — Управление", Sector: "police", MechanismRole: "chair", MemberSince: "2008-01-15"},
		{Name: "@Centrul „Speranța”", Sector: "ngo", MechanismRole: "member"},
	}
	var pdf bytes.Buffer
	if err := MemberListPDF(&pdf, nil, b, members); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, pdf.Bytes())
	if len(pages) != 1 || !strings.Contains(pages[0], "МВД — Управление") || !strings.Contains(pages[0], "Chair") ||
		!strings.Contains(pages[0], "15 Jan 2008") || !strings.Contains(pages[0], "Decision 1219/2008") {
		t.Errorf("member list PDF:\n%s", strings.Join(pages, "\f"))
	}
	var xlsx bytes.Buffer
	if err := MemberListXLSX(&xlsx, nil, b, members); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&xlsx)
	if err != nil {
		t.Fatal(err)
	}
	assertPrintReady(t, f)
	defer f.Close()
	rows, _ := f.GetRows("Members")
	if len(rows) != 3 || rows[1][4] != "Chair" || rows[1][3] != "Yes" || rows[2][0] != "@Centrul „Speranța”" || rows[2][3] != "No" {
		t.Errorf("rows %q", rows)
	}
	assertTextCell(t, f, "Members", "A3", "@Centrul „Speranța”")
	if typ, _ := f.GetCellType("Members", "F2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("the joining date is text (%v)", typ)
	}
}
