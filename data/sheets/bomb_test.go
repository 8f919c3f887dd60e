package sheets

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"hash/crc32"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// deflated compresses b with a fresh compressor, flushed (or closed, for
// the last piece) so that pieces made this way follow one another in one
// deflate stream: each refers back only inside itself.
func deflated(t testing.TB, b []byte, last bool) []byte {
	t.Helper()
	var out bytes.Buffer
	w, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(b)
	if last {
		w.Close()
	} else {
		w.Flush()
	}
	return out.Bytes()
}

// bombPart adds a part that really unpacks to head, repeat × pattern and
// tail, written without compressing all of it: the pattern's compressed
// block is repeated. declared, when not 0, is the size the part claims.
func bombPart(t testing.TB, zw *zip.Writer, name, head, pattern, tail string, repeat int, declared uint64) {
	t.Helper()
	h, p, e := deflated(t, []byte(head), false), deflated(t, []byte(pattern), false), deflated(t, []byte(tail), true)
	crc := crc32.Update(0, crc32.IEEETable, []byte(head))
	pb := []byte(pattern)
	for range repeat {
		crc = crc32.Update(crc, crc32.IEEETable, pb)
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(tail))
	size := uint64(len(head)) + uint64(repeat)*uint64(len(pattern)) + uint64(len(tail))
	if declared == 0 {
		declared = size
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(h) + repeat*len(p) + len(e)), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(h)
	for range repeat {
		w.Write(p)
	}
	w.Write(e)
}

// smallWorkbook is an ordinary workbook of two rows.
func smallWorkbook(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Name", "Organisation"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"José Álvarez", "Police"})
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withPart copies a workbook, replacing (or adding) one part by a bomb.
func withPart(t testing.TB, base []byte, name string, add func(*zip.Writer)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == name {
			continue
		}
		rc, _ := f.Open()
		content, _ := io.ReadAll(rc)
		rc.Close()
		w, _ := zw.Create(f.Name)
		w.Write(content)
	}
	add(zw)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

const megabyte = 1 << 20

// rowsOf is about a megabyte of sheet rows.
var rowsOf = strings.Repeat(`<row><c t="inlineStr"><is><t>x</t></is></c></row>`, megabyte/50)

// bombs are workbooks of about 1 MB that unpack to 1.2 GB, one of each
// kind a reader meets: in the sheet, the shared strings, the styles, a part
// that nothing refers to, and a part that says it is small and is not.
func bombs(t testing.TB) map[string][]byte {
	base := smallWorkbook(t)
	const n = 1200 // × 1 MB
	return map[string][]byte{
		"sheet": withPart(t, base, "xl/worksheets/sheet1.xml", func(zw *zip.Writer) {
			bombPart(t, zw, "xl/worksheets/sheet1.xml",
				`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
				rowsOf, `</sheetData></worksheet>`, n, 0)
		}),
		"shared strings": withPart(t, base, "xl/sharedStrings.xml", func(zw *zip.Writer) {
			bombPart(t, zw, "xl/sharedStrings.xml",
				`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>`,
				strings.Repeat("a", megabyte), `</t></si></sst>`, n, 0)
		}),
		"styles": withPart(t, base, "xl/styles.xml", func(zw *zip.Writer) {
			bombPart(t, zw, "xl/styles.xml",
				`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>`,
				strings.Repeat(`<xf numFmtId="0" fontId="0"/>`, megabyte/30), `</cellXfs></styleSheet>`, n, 0)
		}),
		"unreferenced part": withPart(t, base, "xl/media/image1.bin", func(zw *zip.Writer) {
			bombPart(t, zw, "xl/media/image1.bin", "", strings.Repeat("\x00", megabyte), "", n, 0)
		}),
		"part that lies about its size": withPart(t, base, "xl/sharedStrings.xml", func(zw *zip.Writer) {
			bombPart(t, zw, "xl/sharedStrings.xml",
				`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>`,
				strings.Repeat("a", megabyte), `</t></si></sst>`, n, 4096)
		}),
	}
}

func TestDecompressionBombsAreRefused(t *testing.T) {
	for kind, raw := range bombs(t) {
		t.Run(kind, func(t *testing.T) {
			if len(raw) > 4*megabyte {
				t.Fatalf("the bomb weighs %d bytes; it should be small", len(raw))
			}
			_, err := Read(context.Background(), bytes.NewReader(raw), "list.xlsx", Options{})
			if !IsLimit(err) {
				t.Fatalf("err = %v, want the workbook refused", err)
			}
			// Go's zip reader stops a part at the size it declares, so a
			// part that lies reads as a cut-off, broken part.
			want := "decompression bomb"
			if kind == "part that lies about its size" {
				want = "cannot be read"
			}
			if !strings.Contains(err.Error(), want) {
				t.Errorf("err = %q, want it to say %q", err, want)
			}
		})
	}
}

// BenchmarkBombRefused measures what refusing each bomb costs: the issue's
// bound is 2 s and 300 MB.
func BenchmarkBombRefused(b *testing.B) {
	for kind, raw := range bombs(b) {
		b.Run(strings.ReplaceAll(kind, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(context.Background(), bytes.NewReader(raw), "list.xlsx", Options{}); !IsLimit(err) {
					b.Fatalf("err = %v", err)
				}
			}
		})
	}
}

// FuzzReadXLSX reads any bytes as a workbook, starting from an ordinary
// one and from each kind of bomb: nothing panics, a refusal is an *Error,
// and what is read stays within the limits.
func FuzzReadXLSX(f *testing.F) {
	f.Add(smallWorkbook(f))
	for _, raw := range bombs(f) {
		f.Add(raw)
	}
	lim := DefaultLimits
	lim.Rows = 1000
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, err := Read(context.Background(), bytes.NewReader(raw), "f.xlsx", Options{Limits: lim, TempDir: t.TempDir()})
		if err != nil {
			if !IsLimit(err) {
				t.Fatalf("refused with %T %v, want an *Error", err, err)
			}
			return
		}
		if len(got.Rows) > lim.Rows {
			t.Fatalf("%d rows read, the limit is %d", len(got.Rows), lim.Rows)
		}
	})
}
