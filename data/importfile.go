package data

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"

	"github.com/ncm-register/ncm-register/data/scratch"
	"github.com/ncm-register/ncm-register/data/sheets"
)

// ImportFileTypes are the files File → Import reads.
var ImportFileTypes = []string{".xlsx", ".csv", ".txt", ".vcf"}

// ReadImportFile reads a list to import, already in memory: the first sheet
// of a workbook, a CSV file in the encoding given ("" detects it), or a
// vCard file, as rows of text with the headings first. A file that cannot
// be read is a *sheets.Error saying where and why.
func ReadImportFile(ctx context.Context, raw []byte, fileName, encoding string) (sheets.Table, error) {
	if strings.EqualFold(filepath.Ext(fileName), ".vcf") {
		return sheets.ReadVCard(ctx, bytes.NewReader(raw), sheets.DefaultLimits)
	}
	tmp, _ := scratch.Dir()
	return sheets.Read(ctx, bytes.NewReader(raw), fileName, sheets.Options{Encoding: encoding, TempDir: tmp})
}
