package data

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncm-register/ncm-register/data/sheets"
)

// importWorkbook is a 10,000-row list of focal points as a ministry would
// send it: 9,000 people of the register's agencies not in the register
// (among them a hundred entered twice, written otherwise),
// and 1,000 people of the register written otherwise (surname first, in
// capitals), which the preview must find.
func importWorkbook(b *testing.B, s *Store) []byte {
	b.Helper()
	ctx := context.Background()
	// The agencies are the sample's (so the register's); the people have
	// names as varied as a country's (benchPeople), with a phone each.
	orgs, _ := SampleRecords(SampleSize{Organisations: 1000}, 1)
	fresh, _ := benchPeople(9000)
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	row := 1
	write := func(cells ...any) {
		if err := sw.SetRow(fmt.Sprintf("A%d", row), cells); err != nil {
			b.Fatal(err)
		}
		row++
	}
	write("Organisation", "Sector", "Name", "Position", "E-mail", "Phone")
	for i, p := range fresh {
		o := orgs[i%len(orgs)]
		write(o.Name, o.Sector, p.Name, "Inspector", "", fmt.Sprintf("+373 22 %03d %03d", i/1000+100, i%1000))
	}
	rows, err := s.read.QueryContext(ctx, `SELECT c.name, o.name, o.sector FROM contact c
		JOIN organisation o ON o.id = c.organisation_id ORDER BY c.pk LIMIT 1000`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var person, org, sector string
		if err := rows.Scan(&person, &org, &sector); err != nil {
			b.Fatal(err)
		}
		write(org, sector, swapWords(person), "", "", "")
	}
	rows.Close()
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func swapWords(name string) string {
	for i := len(name) - 1; i > 0; i-- {
		if name[i] == ' ' {
			return name[i+1:] + " " + name[:i]
		}
	}
	return name
}

func previewImport(b *testing.B, s *Store, raw []byte) *ImportPlan {
	ctx := context.Background()
	table, err := sheets.Read(ctx, bytes.NewReader(raw), "list.xlsx", sheets.Options{})
	if err != nil {
		b.Fatal(err)
	}
	plan, err := s.PlanImport(ctx, table.Rows, ImportOptions{Mapping: GuessMapping(table.Rows[0]), Sector: "other", FileName: "list.xlsx"})
	if err != nil {
		b.Fatal(err)
	}
	return plan
}

// BenchmarkImportPreview reads the 10,000-row workbook and sorts every row
// against the large register (10,000 organisations, 100,000 people).
func BenchmarkImportPreview(b *testing.B) {
	s := openLarge(b)
	raw := importWorkbook(b, s)
	var plan *ImportPlan
	for b.Loop() {
		plan = previewImport(b, s, raw)
	}
	counts := map[ImportStatus]int{}
	for _, r := range plan.People {
		counts[r.Status]++
	}
	b.ReportMetric(float64(counts[ImportNew]), "new")
	b.ReportMetric(float64(counts[ImportSame]+counts[ImportDuplicate]), "known")
	b.ReportMetric(float64(counts[ImportRejected]), "rejected")
}

// BenchmarkImportApply writes a previewed plan of 10,000 rows into a fresh
// copy of the large register each time (the copy is not timed).
func BenchmarkImportApply(b *testing.B) {
	full, _ := largeRegisters(b)
	ctx := context.Background()
	s := openLarge(b)
	raw := importWorkbook(b, s)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), fmt.Sprintf("apply-%d.db", i))
		if err := copyFile(full, path); err != nil {
			b.Fatal(err)
		}
		fresh, err := Open(ctx, path, Options{Device: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		plan := previewImport(b, fresh, raw)
		b.StartTimer()
		sum, err := fresh.ApplyImport(ctx, plan)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if sum.People == 0 {
			b.Fatalf("nothing added: %+v", sum)
		}
		fresh.Close()
		os.Remove(path)
		b.StartTimer()
	}
}
