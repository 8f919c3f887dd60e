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

// newPDF starts an A4 document with the embedded fonts that its texts
// need (fontsFor) and page numbers.
func newPDF(title string, pageNumbers bool, need fontNeeds) (core.Maroto, error) {
	return newPDFOn(pagesize.A4, title, pageNumbers, need)
}

// newPDFOn starts a document on paper of a size (A4, or Letter where
// offices print on it).
func newPDFOn(paper pagesize.Type, title string, pageNumbers bool, need fontNeeds) (core.Maroto, error) {
	repo := repository.New().
		AddUTF8FontFromBytes(fontFamily, fontstyle.Normal, assets.FontRegular).
		AddUTF8FontFromBytes(fontFamily, fontstyle.Bold, assets.FontBold).
		AddUTF8FontFromBytes(fontFamily, fontstyle.Italic, assets.FontRegular).
		AddUTF8FontFromBytes(fontFamily, fontstyle.BoldItalic, assets.FontBold)
	if need.scripts {
		repo = repo.AddUTF8FontFromBytes(scriptsFamily, fontstyle.Normal, assets.FontScriptsRegular).
			AddUTF8FontFromBytes(scriptsFamily, fontstyle.Bold, assets.FontScriptsBold)
	}
	if need.cjk {
		cjk, err := assets.FontCJK()
		if err != nil {
			return nil, err
		}
		repo = repo.AddUTF8FontFromBytes(cjkFamily, fontstyle.Normal, cjk)
	}
	fonts, err := repo.Load()
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
