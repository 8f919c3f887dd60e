package data

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// The benchmarks run on LargeSample (10,000 organisations, 100,000
// contacts), built once per test process in a temporary folder that
// TestMain removes. See docs/performance.md for the targets and figures.

var large struct {
	once    sync.Once
	dir     string
	full    string // the whole sample
	orgOnly string // its organisations only, for the contact import
	err     error
}

// largeRegisters builds the large registers the first time a benchmark asks.
func largeRegisters(b *testing.B) (full, orgOnly string) {
	b.Helper()
	large.once.Do(func() {
		large.err = buildLargeRegisters()
	})
	if large.err != nil {
		b.Fatalf("building the large register: %v", large.err)
	}
	return large.full, large.orgOnly
}

func buildLargeRegisters() error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "ncm-register-bench-")
	if err != nil {
		return err
	}
	large.dir = dir
	large.full = filepath.Join(dir, "large.db")
	large.orgOnly = filepath.Join(dir, "organisations.db")

	s, err := Open(ctx, large.full, Options{Device: "bench"})
	if err != nil {
		return err
	}
	if err := s.GenerateSample(ctx, LargeSample, 1); err != nil {
		s.Close()
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}

	s, err = Open(ctx, large.orgOnly, Options{Device: "bench"})
	if err != nil {
		return err
	}
	orgs, _ := SampleRecords(SampleSize{Organisations: LargeSample.Organisations}, 1)
	if err := s.SetCountry(ctx, SampleCountry); err != nil {
		s.Close()
		return err
	}
	if err := s.Import(ctx, "organisations", orgs, nil); err != nil {
		s.Close()
		return err
	}
	return s.Close()
}

func removeLargeRegister() {
	if large.dir != "" {
		os.RemoveAll(large.dir)
	}
}

// openLarge opens the large register, or the register NCM_BENCH_REGISTER
// names (for example one built four times over by the reply benchmarks,
// NCM_BENCH_REPLY_SCALE=4: see docs/performance.md).
func openLarge(b *testing.B) *Store {
	b.Helper()
	full := os.Getenv("NCM_BENCH_REGISTER")
	if full == "" {
		full, _ = largeRegisters(b)
	}
	s, err := Open(context.Background(), full, Options{Device: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkSearchAsYouType is one keystroke in the search box: the list
// query for what is typed so far, over 100,000 contacts.
func BenchmarkSearchAsYouType(b *testing.B) {
	s := openLarge(b)
	ctx := context.Background()
	for _, q := range searchTerms {
		b.Run(q, func(b *testing.B) {
			// The list is in memory once the window shows it, and the
			// people's names once it has prepared the search.
			rows, err := s.Organisations(ctx, OrganisationFilter{})
			if err != nil {
				b.Fatal(err)
			}
			if err := s.PrepareSearch(ctx); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				rows, err = s.Organisations(ctx, OrganisationFilter{Query: q})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(rows)), "rows")
		})
	}
}

// searchTerms are the benchmarks' searches: one and two letters (most of
// the register), names, a word few records have, and one nobody has.
var searchTerms = []string{"j", "jo", "jos", "jose", "мвд", "popescu", "ionuț", "speranta", "xyz"}

// BenchmarkSearchFirstScreen is one keystroke in the search box as the
// window makes it: the first screen of the list (FirstOrganisations), which
// it shows at once; the whole result follows in the background. Its
// yardstick is BenchmarkSearchRawFTSFirstScreen. p95-ms is the 95th
// percentile of the iterations' times.
func BenchmarkSearchFirstScreen(b *testing.B) {
	s := openLarge(b)
	ctx := context.Background()
	for _, q := range searchTerms {
		b.Run(q, func(b *testing.B) {
			if _, err := s.Organisations(ctx, OrganisationFilter{}); err != nil {
				b.Fatal(err)
			}
			if err := s.PrepareSearch(ctx); err != nil {
				b.Fatal(err)
			}
			var rows []OrganisationRow
			var times []time.Duration
			for b.Loop() {
				start := time.Now()
				var err error
				rows, _, err = s.FirstOrganisations(ctx, OrganisationFilter{Query: q}, FirstScreen)
				if err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
			}
			b.ReportMetric(float64(len(rows)), "rows")
			b.ReportMetric(p95(times), "p95-ms")
		})
	}
}

// BenchmarkSearchRawFTSFirstScreen is the yardstick of a keystroke: the two
// full-text queries a program without a list in memory would run for a
// screen of results, a screen's worth of matching organisations and of
// matching people (their rowids only, in the index's order).
func BenchmarkSearchRawFTSFirstScreen(b *testing.B) {
	s := openLarge(b)
	ctx := context.Background()
	for _, q := range searchTerms {
		b.Run(q, func(b *testing.B) {
			match := matchQuery(q)
			var n int
			var times []time.Duration
			for b.Loop() {
				start := time.Now()
				n = 0
				for _, table := range []string{"organisation_fts", "contact_fts"} {
					err := queryPKs(ctx, s.find, "SELECT rowid FROM "+table+" WHERE "+table+" MATCH ? LIMIT ?",
						[]any{match, FirstScreen}, func(int64) { n++ })
					if err != nil {
						b.Fatal(err)
					}
				}
				times = append(times, time.Since(start))
			}
			b.ReportMetric(float64(n), "rows")
			b.ReportMetric(p95(times), "p95-ms")
		})
	}
}

// BenchmarkSearchRawSQLFirstScreen is the other yardstick: one SQL query
// that returns the same first screen, the organisations matching by
// themselves or through a current contact, in the order of their folded
// names, a screen of them. SQLite reads every match to sort them.
func BenchmarkSearchRawSQLFirstScreen(b *testing.B) {
	s := openLarge(b)
	ctx := context.Background()
	const q = `SELECT o.pk FROM organisation o WHERE o.archived = 0 AND (
		o.pk IN (SELECT rowid FROM organisation_fts WHERE organisation_fts MATCH ?1)
		OR o.id IN (SELECT c.organisation_id FROM contact c WHERE c.archived = 0
			AND c.pk IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?1)))
		ORDER BY o.name_key LIMIT ?2`
	for _, term := range searchTerms {
		b.Run(term, func(b *testing.B) {
			var n int
			var times []time.Duration
			for b.Loop() {
				start := time.Now()
				n = 0
				if err := queryPKs(ctx, s.find, q, []any{matchQuery(term), FirstScreen}, func(int64) { n++ }); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
			}
			b.ReportMetric(float64(n), "rows")
			b.ReportMetric(p95(times), "p95-ms")
		})
	}
}

// p95 is the 95th percentile of times, in milliseconds.
func p95(times []time.Duration) float64 {
	if len(times) == 0 {
		return 0
	}
	slices.Sort(times)
	return float64(times[len(times)*95/100]) / 1e6
}

// BenchmarkPrepareSearch is what the window does in the background after
// opening a large register: the list, then the people's names in memory
// (the file's pages cached by the operating system, as after the first time).
func BenchmarkPrepareSearch(b *testing.B) {
	full, _ := largeRegisters(b)
	ctx := context.Background()
	for b.Loop() {
		s, err := Open(ctx, full, Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.PrepareSearch(ctx); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkOrganisationListFirstScreen is the list as the window opens, or
// as it is read again after a change of the register: every organisation,
// sorted in the user's language, with the in-memory list built anew from
// the file (the cold case; a search reuses it).
func BenchmarkOrganisationListFirstScreen(b *testing.B) {
	s := openLarge(b)
	ctx := context.Background()
	var rows []OrganisationRow
	var err error
	for b.Loop() {
		s.lists.mu.Lock()
		s.lists.built = false // as after opening, or after a change
		s.lists.mu.Unlock()
		rows, err = s.Organisations(ctx, OrganisationFilter{})
		if err != nil {
			b.Fatal(err)
		}
	}
	if len(rows) != LargeSample.Organisations {
		b.Fatalf("listed %d organisations, want %d", len(rows), LargeSample.Organisations)
	}
	b.ReportMetric(float64(len(rows)), "rows")
}

// BenchmarkOrganisationListFilter is a change of a filter (sector) on the
// list already read.
func BenchmarkOrganisationListFilter(b *testing.B) {
	s := openLarge(b)
	ctx := context.Background()
	rows, err := s.Organisations(ctx, OrganisationFilter{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		rows, err = s.Organisations(ctx, OrganisationFilter{Sector: "police"})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(rows)), "rows")
}

// BenchmarkOrganisationListAfterEdit is the list read again after one
// organisation was renamed: the list in memory is patched from the history.
func BenchmarkOrganisationListAfterEdit(b *testing.B) {
	full, _ := largeRegisters(b)
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "edit.db")
	if err := copyFile(full, path); err != nil {
		b.Fatal(err)
	}
	s, err := Open(ctx, path, Options{Device: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rows, err := s.Organisations(ctx, OrganisationFilter{})
	if err != nil {
		b.Fatal(err)
	}
	o, err := s.Organisation(ctx, rows[len(rows)/2].ID)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		o.Name = fmt.Sprintf("Renamed office %d", i)
		if err := s.SaveOrganisation(ctx, &o); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if rows, err = s.Organisations(ctx, OrganisationFilter{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(rows)), "rows")
}

// BenchmarkOpenLargeRegister is the start of the program on a large register:
// Open (file checks, lock, schema check) and Close.
func BenchmarkOpenLargeRegister(b *testing.B) {
	full, _ := largeRegisters(b)
	ctx := context.Background()
	for b.Loop() {
		s, err := Open(ctx, full, Options{Device: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInsert100kContacts imports 100,000 contacts in one transaction
// into a register that already holds their 10,000 organisations. Each
// iteration starts from a fresh copy of that register (not timed).
func BenchmarkInsert100kContacts(b *testing.B) {
	_, orgOnly := largeRegisters(b)
	ctx := context.Background()
	_, contacts := SampleRecords(LargeSample, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), fmt.Sprintf("import-%d.db", i))
		if err := copyFile(orgOnly, path); err != nil {
			b.Fatal(err)
		}
		s, err := Open(ctx, path, Options{Device: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		batch := append([]Contact(nil), contacts...) // Import normalises the slice in place
		b.StartTimer()

		if err := s.Import(ctx, "contacts", nil, batch); err != nil {
			b.Fatal(err)
		}

		b.StopTimer()
		if c, err := s.Count(ctx); err != nil || c.Contacts != LargeSample.Contacts {
			b.Fatalf("after the import: %+v, %v", c, err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		os.Remove(path)
		b.StartTimer()
	}
}

// BenchmarkCheckIntegrity is the background check the window runs after
// opening (for information: it does not hold up the user).
func BenchmarkCheckIntegrity(b *testing.B) {
	s := openLarge(b)
	ctx := context.Background()
	for b.Loop() {
		if err := s.CheckIntegrity(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
