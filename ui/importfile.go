package ui

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/data/sheets"
	"github.com/ncm-register/ncm-register/locale"
)

// File → Import organisations and focal points: a list (xlsx, CSV or
// vCard) is read, its columns are matched to the register's fields (guessed
// from the headings, changed by the user, remembered for the next file
// with the same headings), and the preview shows every row sorted before
// anything is written.

// chooseImport asks for the file.
func chooseImport(e *env) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		startImport(e, r, r.URI().Name())
	}, e.win)
	d.SetFilter(storage.NewExtensionFileFilter(data.ImportFileTypes))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// importSource is the file being imported, kept in memory so that it can
// be read again in another encoding.
type importSource struct {
	name  string
	raw   []byte
	table sheets.Table
}

// startImport reads the file off the window's thread and opens the
// columns step; a file that cannot be read is explained and nothing changes.
func startImport(e *env, r io.Reader, name string) {
	src := &importSource{name: name}
	readingFile(e, name, func(ctx context.Context) error {
		if closer, ok := r.(io.Closer); ok {
			defer closer.Close()
		}
		raw, err := sheets.ReadBounded(r, sheets.DefaultLimits)
		if err != nil {
			return err
		}
		src.raw = raw
		src.table, err = data.ReadImportFile(ctx, raw, name, "")
		return err
	}, func(err error) {
		if err != nil {
			showImportError(e, name, err)
			return
		}
		if len(src.table.Rows) < 2 {
			showImportError(e, name, data.ErrImportEmpty)
			return
		}
		showImportColumns(e, src)
	})
}

func showImportError(e *env, name string, err error) {
	msg := err.Error()
	if errors.Is(err, data.ErrImportEmpty) {
		msg = locale.L("The file has no rows under its headings.")
	}
	dialog.ShowError(errors.New(labelled(name, msg)+". "+locale.L("Nothing was changed.")), e.win)
}

// importColumns is the columns step.
type importColumns struct {
	env      *env
	src      *importSource
	targets  []*codeSelect // one per column
	encoding *widget.Select
	sector   *codeSelect
	orgLabel *widget.Label
	orgID    string
	info     *widget.Label
	problem  *widget.Label
	grid     *fyne.Container
	next     *widget.Button
	d        dialog.Dialog
}

// importTargetChoices are the targets a column can go into, "" leaving it out.
func importTargetChoices() []data.Code {
	out := make([]data.Code, 0, len(data.ImportTargets))
	for _, t := range data.ImportTargets {
		out = append(out, data.Code{Code: t.Key, Label: t.Label})
	}
	return out
}

func showImportColumns(e *env, src *importSource) *importColumns {
	v := &importColumns{env: e, src: src}
	e.shown.importColumns = v
	v.info = widget.NewLabel("")
	v.info.Wrapping = fyne.TextWrapWord
	v.problem = newErrorLabel()
	v.grid = container.NewVBox()
	v.encoding = widget.NewSelect(sheets.Encodings, func(enc string) {
		if src.table.CSV != nil && enc != src.table.CSV.Encoding {
			v.reread(enc)
		}
	})
	v.sector = newCodeSelect("sector", data.SectorCodes(), locale.L("None: the file must give it"), nil)
	v.sector.w.PlaceHolder = locale.L("None: the file must give it")
	v.orgLabel = widget.NewLabel(locale.L("None"))
	chooseOrg := widget.NewButton(locale.L("Choose…"), func() {
		pickOrganisation(e, locale.L("Organisation of the people whose row names none"), func(r data.OrganisationRow) {
			v.orgID = r.ID
			v.orgLabel.SetText(r.Name)
		})
	})
	options := newFieldSet()
	options.add("encoding", locale.L("Characters"), false, v.encoding)
	options.add("sector", locale.L("Sector of new organisations the file gives none for"), false, v.sector.w)
	options.add("organisation", locale.L("Organisation of people the file gives none for"), false, container.NewBorder(nil, nil, nil, chooseOrg, v.orgLabel))
	v.next = widget.NewButton(locale.L("Preview…"), v.preview)
	v.next.Importance = widget.HighImportance
	cancel := widget.NewButton(locale.L("Cancel"), func() { v.d.Hide() })
	explain := help(locale.L("Say which field of the register each column goes into. The columns were guessed from their headings; columns left out are not imported. Nothing is written before the preview."))
	header := container.NewGridWithColumns(3, bold(locale.L("Column")), bold(locale.L("First values")), bold(locale.L("Goes into")))
	top := container.NewVBox(v.info, explain, header, widget.NewSeparator())
	bottom := container.NewVBox(widget.NewSeparator(), options.grid, v.problem,
		container.NewHBox(layoutSpacer(), cancel, v.next))
	v.d = dialog.NewCustomWithoutButtons(locale.L("Import: {{.File}}", map[string]any{"File": src.name}), container.NewBorder(top, bottom, nil, nil, container.NewVScroll(v.grid)), e.win)
	v.d.Resize(fyne.NewSize(900, 560)) // within a 1024×600 screen
	v.layout(rememberedMapping(e, src.table.Rows[0]))
	v.d.Show()
	return v
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// layout shows each column with its first values and its target.
func (v *importColumns) layout(mapping []string) {
	rows := v.src.table.Rows
	v.grid.Objects = nil
	v.targets = nil
	for i, heading := range rows[0] {
		var first []string
		for _, r := range rows[1:] {
			if i < len(r) && strings.TrimSpace(r[i]) != "" {
				first = append(first, strings.ReplaceAll(strings.TrimSpace(r[i]), "\n", ", "))
				if len(first) == 3 {
					break
				}
			}
		}
		target := newCodeSelect("import", importTargetChoices(), locale.L("Leave out"), func(string) { v.problem.Hide() })
		target.w.PlaceHolder = locale.L("Leave out")
		if i < len(mapping) {
			target.setCode(mapping[i])
		}
		v.targets = append(v.targets, target)
		name := heading
		if strings.TrimSpace(name) == "" {
			name = locale.L("Column {{.Column}}", map[string]any{"Column": sheets.ColumnName(i + 1)})
		}
		values := widget.NewLabel(strings.Join(first, " · "))
		values.Truncation = fyne.TextTruncateEllipsis
		values.Importance = widget.LowImportance
		v.grid.Add(container.NewGridWithColumns(3, widget.NewLabel(name), values, target.w))
	}
	v.grid.Refresh()
	info := locale.N("{{.Count}} row under the headings.", len(rows)-1)
	if c := v.src.table.CSV; c != nil {
		v.encoding.SetSelected(c.Encoding)
		info += " " + locale.L("Read as {{.Encoding}}, the values separated by {{.Separator}}.",
			map[string]any{"Encoding": c.Encoding, "Separator": separatorName(c.Separator)})
		if !c.Sure {
			info += " " + locale.L("The characters could not be told for sure: if names look wrong below (Ã© for é), choose another encoding.")
			v.info.Importance = widget.WarningImportance
		}
	} else {
		v.encoding.Disable()
	}
	v.info.SetText(info)
}

func separatorName(r rune) string {
	switch r {
	case ';':
		return locale.L("semicolons")
	case '\t':
		return locale.L("tabs")
	}
	return locale.L("commas")
}

// mapping is the target chosen for each column.
func (v *importColumns) mapping() []string {
	out := make([]string, len(v.targets))
	for i, t := range v.targets {
		out[i] = t.code()
	}
	return out
}

// reread reads the file again in the encoding the user chose, keeping the
// columns' targets.
func (v *importColumns) reread(enc string) {
	mapping := v.mapping()
	table, err := data.ReadImportFile(context.Background(), v.src.raw, v.src.name, enc)
	if err != nil {
		v.problem.SetText(err.Error())
		v.problem.Show()
		return
	}
	v.src.table = table
	v.layout(mapping)
}

// preview plans the import off the window's thread and shows it.
func (v *importColumns) preview() {
	opt := data.ImportOptions{Mapping: v.mapping(), Sector: v.sector.code(), OrganisationID: v.orgID, FileName: v.src.name}
	var plan *data.ImportPlan
	readingFile(v.env, v.src.name, func(ctx context.Context) error {
		var err error
		plan, err = v.env.store.PlanImport(ctx, v.src.table.Rows, opt)
		return err
	}, func(err error) {
		var me *data.ImportMappingError
		switch {
		case errors.As(err, &me):
			msgs := make([]string, len(me.Problems))
			for i, p := range me.Problems {
				msgs[i] = fieldMessage(p)
			}
			v.problem.SetText(strings.Join(msgs, "\n"))
			v.problem.Show()
		case err != nil:
			v.problem.SetText(err.Error())
			v.problem.Show()
		default:
			rememberMapping(v.env, v.src.table.Rows[0], opt.Mapping)
			showImportPreview(v.env, plan, v.d)
		}
	})
}

// Mappings are remembered per set of headings, in the user's preferences:
// the next file with the same columns comes with them.
func mappingKey(headings []string) string {
	h := sha256.New()
	for _, x := range headings {
		h.Write([]byte(data.Fold(x) + "\x00"))
	}
	return "import.mapping." + hex.EncodeToString(h.Sum(nil))[:16]
}

func rememberMapping(e *env, headings, mapping []string) {
	if raw, err := json.Marshal(mapping); err == nil {
		e.app.Preferences().SetString(mappingKey(headings), string(raw))
	}
}

// rememberedMapping is the mapping last used for these headings, or the
// one guessed from them.
func rememberedMapping(e *env, headings []string) []string {
	var mapping []string
	if raw := e.app.Preferences().String(mappingKey(headings)); raw != "" {
		if json.Unmarshal([]byte(raw), &mapping) == nil && len(mapping) == len(headings) {
			valid := true
			for _, m := range mapping {
				if _, ok := data.ImportTargetByKey(m); m != "" && !ok {
					valid = false
				}
			}
			if valid {
				return mapping
			}
		}
	}
	return data.GuessMapping(headings)
}
