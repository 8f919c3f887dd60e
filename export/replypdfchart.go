package export

import (
	"bytes"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/image"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/extension"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// figureCharts are the figures of the reply drawn as charts beside their
// table, as the Overview draws them.
var figureCharts = map[string]func(*locale.Translator, data.FigureValue) Chart{
	"training.participants_by_sector": sectorChart,
	"campaigns.by_channel":            channelChart,
}

// pdfChart draws a chart across two thirds of the page, in the middle,
// kept on the page with what it follows; an empty chart is left out (the
// table beside says there is nothing).
func pdfChart(m core.Maroto, c Chart) error {
	if len(c.Categories) == 0 {
		return nil
	}
	var png bytes.Buffer
	if err := c.PNG(&png, 400, 230, ChartStyle{Scale: 2}); err != nil {
		return err
	}
	keepWithNext(m, 75)
	m.AddRows(row.New(2), row.New(70).Add(col.New(2),
		image.NewFromBytesCol(8, png.Bytes(), extension.Png, props.Rect{Center: true, Percent: 100}), col.New(2)))
	return nil
}
