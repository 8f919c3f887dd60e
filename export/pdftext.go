package export

import (
	"slices"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// textCol, textRow and textAutoRow are maroto's text.NewCol, NewRow and
// NewAutoRow for every text of the documents: each prints in the family
// of its script (familyFor), so that a name in Chinese or Georgian prints
// as typed rather than as empty boxes.
func textCol(size int, value string, p props.Text) core.Col {
	return col.New(size).Add(scriptText(value, p))
}

func textRow(height float64, value string, p props.Text) core.Row {
	return row.New(height).Add(col.New().Add(scriptText(value, p)))
}

func textAutoRow(value string, p props.Text) core.Row {
	return row.New().Add(col.New().Add(scriptText(value, p)))
}

// scriptedText is a text in a script DejaVu lacks, which takes its family
// when it joins a document: the family of its script if the document
// registered it (fontsFor said the document needs it), else the
// document's default. A text missed by the document's list of what it
// prints so prints as before, in DejaVu, instead of failing the document
// for a font it lacks.
type scriptedText struct {
	value, family string
	prop          props.Text
	core.Component
}

// scriptText is the text of value; one that DejaVu prints is maroto's
// own, with nothing to choose (the wrapper cost 5% more allocations on
// 500 certificates in Greek and Cyrillic).
func scriptText(value string, p props.Text) core.Component {
	family := familyFor(value)
	if family == fontFamily {
		return text.New(value, p)
	}
	return &scriptedText{value: value, family: family, prop: p}
}

func (t *scriptedText) SetConfig(config *entity.Config) {
	p := t.prop
	if style, ok := registeredStyle(config.CustomFonts, t.family, p.Style); ok {
		p.Family, p.Style = t.family, style
	}
	t.Component = text.New(t.value, p)
	t.Component.SetConfig(config)
}

// registeredStyle is the style of a family the document has for a text
// in style: the fallback fonts have no italic (the upright letter stands
// for it) and the CJK font no bold (registered once, as the font is large).
func registeredStyle(fonts []*entity.CustomFont, family string, style fontstyle.Type) (fontstyle.Type, bool) {
	tries := []fontstyle.Type{style, fontstyle.Normal}
	switch style {
	case fontstyle.Italic:
		tries = []fontstyle.Type{fontstyle.Normal}
	case fontstyle.BoldItalic:
		tries = []fontstyle.Type{fontstyle.Bold, fontstyle.Normal}
	}
	for _, s := range tries {
		if slices.ContainsFunc(fonts, func(f *entity.CustomFont) bool { return f.Family == family && f.Style == s }) {
			return s, true
		}
	}
	return "", false
}
