package assets

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"sync"
)

// fontCJKGzip is WenQuanYi Micro Hei cut to Han, kana, Hangul and the
// Latin, Greek and Cyrillic it has: 3.6 MB as a font, 1.7 MB gzipped, so
// the program carries it gzipped and unpacks it the first time a document
// prints a name in those scripts.
//
//go:embed fonts/WenQuanYiMicroHei-CJK.ttf.gz
var fontCJKGzip []byte

// FontCJK is the font of Chinese, Japanese and Korean names in the PDF
// documents (it has no bold; documents use it for both).
var FontCJK = sync.OnceValues(func() ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(fontCJKGzip))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
})
