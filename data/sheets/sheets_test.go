package sheets

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// csvOf writes rows as a spreadsheet program does, with its separator.
func csvOf(t *testing.T, sep rune, rows [][]string) string {
	t.Helper()
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Comma, w.UseCRLF = sep, true
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var (
	threeRows   = [][]string{{"Name", "Organisation", "City"}, {"José Álvarez", "Police, Border", "Chișinău"}, {"Ольга Иванова", "МВД", "Москва"}}
	westernRows = [][]string{{"Name", "Organisation"}, {"José Álvarez", "Policía Nacional"}, {"François Müller", "Ministère"}}
	russianRows = [][]string{{"Имя", "Организация"}, {"Ольга Иванова", "МВД России"}, {"Иван Петров", "Прокуратура"}}
)

// excelCSV is a list as Excel saves it in each of its CSV flavours.
func excelCSV(t *testing.T, flavour string) []byte {
	t.Helper()
	encode := func(e interface{ NewEncoder() *encoding.Encoder }, text string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	switch flavour {
	case "utf-8 bom":
		return append([]byte{0xEF, 0xBB, 0xBF}, csvOf(t, ',', threeRows)...)
	case "utf-16 bom": // Excel's "Unicode text" is tab-separated UTF-16
		return encode(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), csvOf(t, '\t', threeRows))
	case "semicolon":
		return []byte(csvOf(t, ';', threeRows))
	case "windows-1252":
		return encode(charmap.Windows1252, csvOf(t, ';', westernRows))
	case "windows-1251":
		return encode(charmap.Windows1251, csvOf(t, ';', russianRows))
	}
	t.Fatalf("no flavour %q", flavour)
	return nil
}

func TestCSVAsExcelWritesIt(t *testing.T) {
	three := threeRows
	for _, c := range []struct {
		flavour, enc string
		sep          rune
		sure         bool
		want         [][]string
	}{
		{"utf-8 bom", UTF8, ',', true, three},
		{"utf-16 bom", UTF16, '\t', true, three},
		{"semicolon", UTF8, ';', true, three},
		{"windows-1252", Windows1252, ';', false, westernRows},
		{"windows-1251", Windows1251, ';', false, russianRows},
	} {
		t.Run(c.flavour, func(t *testing.T) {
			got, err := Read(context.Background(), bytes.NewReader(excelCSV(t, c.flavour)), "list.csv", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got.Rows); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
			if got.CSV.Encoding != c.enc || got.CSV.Separator != c.sep || got.CSV.Sure != c.sure || !got.CSV.Detected {
				t.Errorf("read as %s, separator %q, sure %v; want %s, %q, %v", got.CSV.Encoding, got.CSV.Separator, got.CSV.Sure, c.enc, c.sep, c.sure)
			}
		})
	}
}

func TestACSVEncodingChosenByTheUserIsUsed(t *testing.T) {
	// Western text read as Cyrillic gives other letters, not an error: the
	// user sees them in the preview and chooses again.
	raw := excelCSV(t, "windows-1252")
	got, err := Read(context.Background(), bytes.NewReader(raw), "list.csv", Options{Encoding: Windows1251})
	if err != nil {
		t.Fatal(err)
	}
	if got.CSV.Detected || got.Rows[1][0] == "José Álvarez" {
		t.Errorf("the chosen encoding was not used: %q", got.Rows[1])
	}
	if _, err := Read(context.Background(), bytes.NewReader(raw), "list.csv", Options{Encoding: UTF8}); !IsLimit(err) ||
		!strings.Contains(err.Error(), "not UTF-8") {
		t.Errorf("Windows-1252 bytes read as UTF-8: err = %v, want a message naming the encoding", err)
	}
}

func TestBrokenCSVIsReportedWithItsLineAndColumn(t *testing.T) {
	raw := "Name,Organisation\nAna,Police\nIon,\"Border \"Police\"\n"
	_, err := Read(context.Background(), strings.NewReader(raw), "list.csv", Options{})
	var e *Error
	if !errors.As(err, &e) || e.Row != 3 || e.Column == 0 || !strings.Contains(e.Error(), "line 3, column") {
		t.Errorf("err = %v, want line 3 and its column", err)
	}
}

func TestFilesBeyondTheLimitsAreRefused(t *testing.T) {
	small := Limits{FileBytes: 1 << 20, UnpackedBytes: 8 << 20, PartBytes: 4 << 20, Ratio: 100, Rows: 3, Columns: 4}
	for _, c := range []struct {
		name, file, content string
		want                string
	}{
		{"too many lines", "a.csv", "Name\na\nb\nc\n", "more than 3 lines"},
		{"a column too far", "a.csv", "Name,b,c,d,e\nx,,,,y\n", "column E, beyond the 4 columns"},
		{"a cell too long", "a.csv", "Name\n" + strings.Repeat("ж", MaxCellLength+1) + "\n", "32768 characters"},
		{"too large", "a.csv", strings.Repeat("x", 1<<20+1), "larger than 1 MB"},
		{"not a workbook", "a.xlsx", "Name,Organisation\n", "not an xlsx workbook"},
		{"another format", "a.ods", "whatever", "only .xlsx and .csv"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(context.Background(), strings.NewReader(c.content), c.file, Options{Limits: small})
			if !IsLimit(err) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}
	// Empty columns past the limit (a sheet formatted to the right) are no problem.
	if got, err := Read(context.Background(), strings.NewReader("Name,b,c,d,,,\nx,,,,,,\n"), "a.csv", Options{Limits: small}); err != nil || len(got.Rows) != 2 {
		t.Errorf("empty trailing columns refused: %v", err)
	}
}

// workbookOf writes rows as an xlsx workbook in memory.
func workbookOf(t *testing.T, set func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	set(f)
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWorkbookRowsKeepEmptyRowsAndStopAtTheLimits(t *testing.T) {
	raw := workbookOf(t, func(f *excelize.File) {
		f.SetCellStr("Sheet1", "A1", "Name")
		f.SetCellStr("Sheet1", "A3", "Ana")
		f.SetCellStr("Sheet1", "B3", "=not a formula")
	})
	got, err := Read(context.Background(), bytes.NewReader(raw), "a.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]string{{"Name"}, nil, {"Ana", "=not a formula"}}, got.Rows, cmpEmpty); diff != "" || got.Sheet != "Sheet1" {
		t.Errorf("rows of %s (-want +got):\n%s", got.Sheet, diff)
	}

	// A sheet whose one cell is in Excel's last row is refused, quickly.
	far := workbookOf(t, func(f *excelize.File) { // streamed: SetCellStr would make a million rows in memory
		sw, _ := f.NewStreamWriter("Sheet1")
		sw.SetRow("A1048576", []any{"x"})
		sw.Flush()
	})
	if _, err := Read(context.Background(), bytes.NewReader(far), "a.xlsx", Options{}); !IsLimit(err) ||
		!strings.Contains(err.Error(), "more than 200000 rows") {
		t.Errorf("err = %v, want the sheet refused for its rows", err)
	}
	long := workbookOf(t, func(f *excelize.File) {
		f.SetCellStr("Sheet1", "A1", "Name")
		f.SetCellStr("Sheet1", "C2", strings.Repeat("x", MaxCellLength))
	})
	w, err := OpenXLSX(context.Background(), bytes.NewReader(long), DefaultLimits, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if rows, err := w.Rows(context.Background(), "Sheet1", false); err != nil || len(rows[1][2]) != MaxCellLength {
		t.Errorf("a cell of exactly %d characters: %v", MaxCellLength, err)
	}
	if _, err := w.Rows(context.Background(), "Nowhere", false); !IsLimit(err) || !strings.Contains(err.Error(), "sheet “Nowhere”") {
		t.Errorf("err = %v, want the missing sheet named", err)
	}
}

// cmpEmpty takes a nil row and an empty one for the same.
var cmpEmpty = cmp.Transformer("empty", func(r []string) []string {
	if len(r) == 0 {
		return nil
	}
	return r
})

func TestReadingIsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	raw := workbookOf(t, func(f *excelize.File) { f.SetCellStr("Sheet1", "A1", "Name") })
	for _, name := range []string{"a.xlsx", "a.csv"} {
		content := raw
		if name == "a.csv" {
			content = []byte("Name\nAna\n")
		}
		if _, err := Read(ctx, bytes.NewReader(content), name, Options{}); !errors.Is(err, context.Canceled) || IsLimit(err) {
			t.Errorf("%s: err = %v, want context.Canceled", name, err)
		}
	}
}

// FuzzReadCSV: no file makes the CSV reader panic or run past its limits,
// in any encoding; a refusal is an *Error.
func FuzzReadCSV(f *testing.F) {
	for _, seed := range []string{
		"Name,Organisation\nJosé,Police\n", "\ufeffName;Org\r\nA;B\r\n", "Name\t\"a\"\"b\"\n", "a,\"b\n", "\xff\xfeN\x00a\x00",
		"\xc9\xec\xff;\xce\xf0\xe3\n", strings.Repeat(",", 600) + "\n", "",
	} {
		f.Add([]byte(seed), "")
	}
	f.Add([]byte("Name\nJos\xe9\n"), Windows1252)
	f.Add([]byte("\xc8\xec\xff\n"), Windows1251)
	f.Add([]byte("N\x00\n\x00"), UTF16)
	lim := Limits{FileBytes: 1 << 20, UnpackedBytes: 1 << 20, PartBytes: 1 << 20, Ratio: 100, Rows: 50, Columns: 20}
	f.Fuzz(func(t *testing.T, raw []byte, enc string) {
		got, err := ReadCSV(context.Background(), bytes.NewReader(raw), lim, enc)
		if err != nil {
			if !IsLimit(err) {
				t.Fatalf("refused with %T %v, want an *Error", err, err)
			}
			return
		}
		if len(got.Rows) > lim.Rows {
			t.Fatalf("%d rows read, the limit is %d", len(got.Rows), lim.Rows)
		}
		for _, r := range got.Rows {
			for _, c := range r {
				if !utf8.ValidString(c) {
					t.Fatalf("a cell of invalid UTF-8: %q", c)
				}
			}
		}
	})
}
