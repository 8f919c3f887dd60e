package export

import (
	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/pagesize"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/johnfercher/maroto/v2/pkg/repository"

	"github.com/ncm-register/ncm-register/assets"
)

// fontFamily is the embedded Unicode font of every PDF, so that accents,
// Cyrillic and Greek print as typed.
const fontFamily = "dejavu"

// newPDF starts an A4 document with the embedded font and page numbers.
func newPDF(title string, pageNumbers bool) (core.Maroto, error) {
	return newPDFOn(pagesize.A4, title, pageNumbers)
}

// newPDFOn starts a document on paper of a size (A4, or Letter where
// offices print on it).
func newPDFOn(paper pagesize.Type, title string, pageNumbers bool) (core.Maroto, error) {
	fonts, err := repository.New().
		AddUTF8FontFromBytes(fontFamily, fontstyle.Normal, assets.FontRegular).
		AddUTF8FontFromBytes(fontFamily, fontstyle.Bold, assets.FontBold).
		AddUTF8FontFromBytes(fontFamily, fontstyle.Italic, assets.FontRegular).
		AddUTF8FontFromBytes(fontFamily, fontstyle.BoldItalic, assets.FontBold).
		Load()
	if err != nil {
		return nil, err
	}
	b := config.NewBuilder().
		WithPageSize(paper).
		WithCustomFonts(fonts).
		WithDefaultFont(&props.Font{Family: fontFamily, Size: 10}).
		WithTitle(title, true).
		WithCreator("NCM Register", true).
		WithLeftMargin(15).WithRightMargin(15).WithTopMargin(15)
	if pageNumbers {
		b = b.WithPageNumber(props.PageNumber{Pattern: "{current} / {total}", Family: fontFamily, Size: 8})
	}
	return maroto.New(b.Build()), nil
}
