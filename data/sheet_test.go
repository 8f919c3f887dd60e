package data

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

func sheetCourse() Course {
	return Course{ID: "c", Title: "Course", FirstDay: "2026-03-02", LastDay: "2026-03-04", Completion: 80}
}

func TestReadSheetCSV(t *testing.T) {
	in := "No.,Name,Organisation,2026-03-02,Day 2,04/03/2026,Signature\n" +
		"1,José  Pérez,Police,x,P,A,\n" +
		"2,Ольга Иванова,,late,e,,\n" +
		"3,,,,,,\n"
	rows, err := ReadSheet(context.Background(), strings.NewReader(in), "typed.csv", sheetCourse())
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2 (the blank line is skipped): %+v", len(rows), rows)
	}
	if rows[0].Name != "José Pérez" || rows[0].Organisation != "Police" || rows[0].Line != 2 {
		t.Errorf("row 1 %+v", rows[0])
	}
	want := map[string]string{"2026-03-02": "present", "2026-03-03": "present", "2026-03-04": "absent"}
	for d, m := range want {
		if rows[0].Marks[d] != m {
			t.Errorf("José Pérez on %s: %q, want %q", d, rows[0].Marks[d], m)
		}
	}
	if rows[1].Marks["2026-03-02"] != "late" || rows[1].Marks["2026-03-03"] != "excused" || len(rows[1].Marks) != 2 {
		t.Errorf("Ольга Иванова's marks %v", rows[1].Marks)
	}
}

func TestReadSheetReportsWhereItFails(t *testing.T) {
	for _, tc := range []struct {
		name, file, in, want string
	}{
		{"no name column", "a.csv", "Person,Day 1\nAna,x\n", "line 1: no column headed “Name”"},
		{"bad mark", "a.csv", "Name,Day 1,Day 2\nAna,x,maybe\n", "line 2, column C: “maybe” is not a mark"},
		{"marks without a name", "a.csv", "Name,Day 1\n,x\n", "line 2, column A: marks without a name"},
		{"day outside the course", "a.csv", "Name,2026-03-09\nAna,x\n", "line 1, column B: 2026-03-09 is not a day of the course"},
		{"broken quotes", "a.csv", "Name,Day 1\n\"Ana,x\n", "line 2"},
		{"not a workbook", "a.xlsx", "plain text", "not an xlsx workbook"},
		{"other kind of file", "a.pdf", "%PDF", "only .xlsx and .csv"},
		{"empty", "a.csv", "", "the file is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadSheet(context.Background(), strings.NewReader(tc.in), tc.file, sheetCourse())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestReadSheetXLSX(t *testing.T) {
	f := excelize.NewFile()
	for i, row := range [][]any{{"Name", "Agency", "Day 1", "Day 3"}, {"Ionuț Popescu", "Speranța", "✓", "a"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := ReadSheet(context.Background(), &b, "typed.xlsx", sheetCourse())
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Organisation != "Speranța" || rows[0].Marks["2026-03-02"] != "present" || rows[0].Marks["2026-03-04"] != "absent" {
		t.Errorf("rows %+v", rows)
	}
}

func TestMatchAndApplySheet(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	police := mustSaveOrg(t, s, Organisation{Name: "Police Inspectorate North", Sector: "police"})
	ngo := mustSaveOrg(t, s, Organisation{Name: "Centrul Speranța", Sector: "ngo"})
	onCourse := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "José Pérez"})
	inRegister := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Ionuț Popescu"})
	mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Ana Rusu"})
	mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Ana Rusu"})
	c := Course{Title: "Course", FirstDay: "2026-03-02", LastDay: "2026-03-04", Status: "held"}
	if err := s.SaveCourse(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.AddParticipants(ctx, c.ID, []string{onCourse.ID}); err != nil {
		t.Fatal(err)
	}
	in := "Name,Organisation,Day 1,Day 2\n" +
		"JOSE PEREZ,,x,x\n" + // on the course, written without accents
		"Ionut Popescu,Sperant,x,\n" + // in the register, organisation shortened
		"Ana Rusu,,x,x\n" + // two people of that name
		"Ana Rusu,speranța,l,\n" + // one of them, by organisation
		"Irina Ceban,,x,x\n" // nobody
	rows, err := ReadSheet(context.Background(), strings.NewReader(in), "s.csv", c)
	if err != nil {
		t.Fatal(err)
	}
	matches, err := s.MatchSheet(ctx, c.ID, rows)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range matches {
		got = append(got, m.Status)
	}
	if strings.Join(got, ",") != "participant,register,ambiguous,register,new" {
		t.Fatalf("statuses %v", got)
	}
	if matches[1].ContactID != inRegister.ID || len(matches[2].Candidates) != 2 {
		t.Errorf("matches %+v", matches)
	}
	before := rowCounts(t, s)
	if err := s.ApplySheet(ctx, c.ID, matches); err != nil {
		t.Fatal(err)
	}
	ps, _ := s.Participants(ctx, c.ID, false)
	if len(ps) != 3 {
		t.Errorf("participants after applying: %d, want José, Ionuț and the Ana Rusu of Speranța", len(ps))
	}
	marks, _ := s.Attendance(ctx, c.ID)
	present := 0
	for _, byDay := range marks {
		for _, m := range byDay {
			if m == "present" || m == "late" {
				present++
			}
		}
	}
	if present != 4 {
		t.Errorf("%d marks present or late, want 4 (José 2, Ionuț 1, Ana 1)", present)
	}
	if after := rowCounts(t, s); after["contact"] != before["contact"] {
		t.Error("applying a sheet created contacts; new people are left to the user")
	}
}

// FuzzReadSheet: no typed-up file makes ReadSheet panic, and every line it
// returns has a name and only marks of the course's days.
func FuzzReadSheet(f *testing.F) {
	f.Add("Name,Day 1\nAna,x\n")
	f.Add("No.,Name,Organisation,2026-03-02\n1,\"José, Pérez\",Police,P\n")
	f.Add("Name\n\"unterminated\n")
	f.Fuzz(func(t *testing.T, in string) {
		c := sheetCourse()
		rows, err := ReadSheet(context.Background(), strings.NewReader(in), "f.csv", c)
		if err != nil {
			return
		}
		days := map[string]bool{}
		for _, d := range c.Days() {
			days[d] = true
		}
		for _, r := range rows {
			if r.Name == "" {
				t.Fatalf("a line without a name: %+v", r)
			}
			for d, m := range r.Marks {
				if !days[d] || !codeKnown(Marks, m) {
					t.Fatalf("mark %q on %q", m, d)
				}
			}
		}
	})
}

// Sign-in sheets typed up in Excel come in its CSV flavours: each reads
// the same names and marks.
func TestReadSheetInExcelsCSVFlavours(t *testing.T) {
	cp1252, err := charmap.Windows1252.NewEncoder().String("Name;Day 1\r\nJosé Pérez;x\r\n")
	if err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string]string{
		"UTF-8 with BOM": "\ufeffName,Day 1\r\nJosé Pérez,x\r\n",
		"semicolons":     "Name;Day 1\r\nJosé Pérez;x\r\n",
		"Windows-1252":   cp1252,
	} {
		t.Run(name, func(t *testing.T) {
			rows, err := ReadSheet(context.Background(), strings.NewReader(in), "typed.csv", sheetCourse())
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 || rows[0].Name != "José Pérez" || rows[0].Marks["2026-03-02"] != "present" {
				t.Errorf("rows %+v, want José Pérez present on the first day", rows)
			}
		})
	}
}

// TestSheetLinesThatLookLikeSomeoneOffersThem: a line of nobody of that
// name, whose name looks like someone's (a typo, words swapped, another
// script), offers that person rather than being left for a second record.
func TestSheetLinesThatLookLikeSomeoneOffersThem(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	s := newStore(t)
	ngo := mustSaveOrg(t, s, Organisation{Name: "Centrul Speranța", Sector: "ngo"})
	police := mustSaveOrg(t, s, Organisation{Name: "Police Inspectorate North", Sector: "police"})
	ion := mustSaveContact(t, s, Contact{OrganisationID: ngo.ID, Name: "Ion Popescu"})
	ivan := mustSaveContact(t, s, Contact{OrganisationID: police.ID, Name: "Иван Петров"})
	c := mustSaveCourse(t, s, Course{Title: "Course", FirstDay: "2026-03-02", Status: "held"})
	in := "Name,Day 1\n" +
		"Ion Popesku,x\n" + // a typo at the end of the surname
		"POPESCU Ion,x\n" + // the words the other way round
		"Ivan Petrov,x\n" + // the same name in Latin letters
		"Irina Ceban,x\n" // nobody like her
	rows, err := ReadSheet(ctx, strings.NewReader(in), "s.csv", c)
	if err != nil {
		t.Fatal(err)
	}
	matches, err := s.MatchSheet(ctx, c.ID, rows)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		status, first, org string
	}{
		{SheetLookalike, ion.ID, "Centrul Speranța"},
		{SheetLookalike, ion.ID, "Centrul Speranța"},
		{SheetLookalike, ivan.ID, "Police Inspectorate North"},
		{SheetNew, "", ""},
	}
	for i, w := range want {
		m := matches[i]
		first, org := "", ""
		if len(m.Candidates) > 0 {
			first, org = m.Candidates[0].ID, m.Candidates[0].OrganisationName
		}
		if m.Status != w.status || first != w.first || org != w.org {
			t.Errorf("%s: %s, first offered %q of %q; want %s, %q of %q", m.Row.Name, m.Status, first, org, w.status, w.first, w.org)
		}
	}
	// Chosen, a lookalike is added as the person of the register.
	matches[0].Status, matches[0].ContactID = SheetRegister, ion.ID
	if err := s.ApplySheet(ctx, c.ID, matches); err != nil {
		t.Fatal(err)
	}
	if ps, _ := s.Participants(ctx, c.ID, false); len(ps) != 1 || ps[0].ContactID != ion.ID {
		t.Errorf("participants after choosing Ion Popescu: %+v", ps)
	}
}
