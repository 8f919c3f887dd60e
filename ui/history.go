package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/export"
	"github.com/ncm-register/ncm-register/locale"
)

// shortTime shows a stored UTC time in the user's local time, as the
// window's language writes a day and a time. It reads the history's times
// and RFC 3339 ones (backups).
func shortTime(stamp string) string { return timeIn(locale.Current(), stamp) }

func timeIn(tr *locale.Translator, stamp string) string {
	t, err := time.Parse("2006-01-02T15:04:05.000Z", stamp)
	if err != nil {
		if t, err = time.Parse(time.RFC3339, stamp); err != nil {
			return stamp
		}
	}
	return tr.DateTime(t.Local())
}

// summaryText says what a change did in tr's language: the template of its
// kind translated and filled with its values, each as the language shows
// it (a kind of record by its name, a day in its format, a code by its
// label, a count with its grouping and plural, the change an Undo or a
// Redo takes back said the same way). A change whose summary is a sentence
// only (written before summaries had structure, of no known kind), or of a
// kind this version does not know (written by a newer one), is shown in
// the English sentence it was written with.
func summaryText(tr *locale.Translator, c data.Change) string {
	if text, ok := sayWhat(tr, c.What); ok {
		return text
	}
	return c.Summary
}

// redoneText says what an Undo took back, for the Edit menu's Redo and the
// status line after Undo or Redo; of any other change, what it did.
func redoneText(tr *locale.Translator, c data.Change) string {
	if c.Action != "undo" {
		return summaryText(tr, c)
	}
	if c.What.Of != nil {
		if text, ok := sayWhat(tr, *c.What.Of); ok {
			return text
		}
	}
	return strings.TrimPrefix(c.Summary, "Undo: ")
}

// sayWhat fills a summary's template in tr's language; ok is false when it
// or a change nested in it is of no kind this version knows, or is empty.
func sayWhat(tr *locale.Translator, s data.Summary) (text string, ok bool) {
	if s.Key == "" {
		return s.Text, s.Text != ""
	}
	if !data.KnownSummary(s.Key) {
		return "", false
	}
	values := make(map[string]any, len(s.Args)+1)
	count := -1
	for name, v := range s.Args {
		switch kind, list := data.SummaryArg(name); kind {
		case data.ArgEntity:
			values[name] = tr.X("entity."+v, data.EntityName(v))
		case data.ArgCount:
			n, err := strconv.Atoi(v)
			if err != nil {
				return "", false
			}
			count = n // written by XN, with the language's grouping
		case data.ArgDay:
			if d, err := time.Parse(time.DateOnly, v); err == nil {
				v = tr.Date(d)
			}
			values[name] = v
		case data.ArgCode:
			values[name] = export.CodeText(tr, list, v)
		default:
			values[name] = v
		}
	}
	if s.Of != nil {
		of, ok := sayWhat(tr, *s.Of)
		if !ok {
			return "", false
		}
		values[data.SummaryChangeArg] = of
	}
	english := data.SummaryTemplate(s.Key)
	if count >= 0 {
		return tr.XN(s.Key, english, count, values), true
	}
	return tr.X(s.Key, english, values), true
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// historyLines renders a record's history as text lines, newest first: when,
// on which laptop, what, and each field's old and new value, labelled and
// shown as the field's metadata says (codes by their labels, references by
// the name of what they point to). names finds what the register calls a
// record of an entity.
func historyLines(changes []data.Change, names func(entity, id string) string) []string {
	var out []string
	for _, c := range changes {
		tr := locale.Current()
		head := fmt.Sprintf("%s · %s · %s", timeIn(tr, c.At), c.Device, summaryText(tr, c))
		if c.Undone {
			head += " (" + locale.L("undone") + ")"
		}
		out = append(out, head)
		for _, it := range c.Items {
			switch it.Kind {
			case "update":
				field := it.Field
				if it.Entity == "setting" {
					field = it.RecordID // a setting's one field is its value
				}
				old, new := shownValue(it.Entity, field, it.Old, names), shownValue(it.Entity, field, it.New, names)
				out = append(out, fmt.Sprintf("    %s: %s → %s", fieldLabel(it.Entity, field), old, new))
			case "merge":
				out = append(out, "    "+locale.L("Merged into this record")+": "+names(it.Entity, it.Old))
			case "resolve": // a conflict decided on receiving changes
				out = append(out, fmt.Sprintf("    %s: %s (%s)", fieldLabel(it.Entity, it.Field),
					shownValue(it.Entity, it.Field, it.New, names), locale.L("chosen in a conflict")))
			case "restore":
				out = append(out, "    "+locale.L("kept, though removed on another laptop"))
			case "drop":
				out = append(out, "    "+locale.L("removed, on the other laptops too"))
			case "create", "delete":
				snapshot := it.New
				if it.Kind == "delete" {
					snapshot = it.Old
					out = append(out, "    "+locale.L("removed"))
				}
				out = append(out, snapshotLines(it.Entity, snapshot, names)...)
			}
		}
	}
	return out
}

// snapshotLines shows the fields a record was created with or removed
// with, in form order, leaving out empty ones and those that only tie it to
// the record the history is about.
func snapshotLines(entity, snapshot string, names func(entity, id string) string) []string {
	var v map[string]string
	if json.Unmarshal([]byte(snapshot), &v) != nil {
		return nil
	}
	fields, _ := data.Fields(entity)
	var out []string
	for _, f := range fields {
		if x := v[f.Name]; x != "" && f.Name != "archived" && !f.Internal {
			out = append(out, fmt.Sprintf("    %s: %s", fieldLabel(entity, f.Name), shownValue(entity, f.Name, x, names)))
		}
	}
	return out
}

// settingValues show a setting's stored value; the country is a code.
var settingValues = map[string]string{"country": "country"}

// shownValue shows a stored value as the forms show it: labels for codes,
// names for references, phone numbers formatted, lists joined.
func shownValue(entity, field, v string, names func(entity, id string) string) string {
	if v == "" {
		return "—"
	}
	f, ok := data.FieldOf(entity, field)
	if entity == "setting" {
		f, ok = data.Field{Kind: data.KindCode, List: settingValues[field]}, settingValues[field] != ""
	}
	if !ok {
		return v
	}
	values := strings.Split(v, "\n")
	for i, x := range values {
		switch f.Kind {
		case data.KindCode, data.KindCodes:
			if list, ok := data.CodeList(f.List); ok {
				x = labelOf(f.List, list, x)
			}
		case data.KindReference, data.KindReferences:
			x = names(f.Refers, x)
		case data.KindPhone, data.KindPhones:
			x = data.FormatPhone(x)
		case data.KindFlag:
			x = map[string]string{"0": locale.L("No"), "1": locale.L("Yes")}[x]
		}
		values[i] = x
	}
	return strings.Join(values, ", ")
}

// fieldLabel names a stored field the way the forms do.
func fieldLabel(entity, field string) string {
	if f, ok := data.FieldOf(entity, field); ok {
		return locale.L(f.Label)
	}
	if entity == "setting" {
		return locale.L("Value")
	}
	return field
}

// recordNames names the records that history values refer to.
func recordNames(s *data.Store) func(entity, id string) string {
	return func(entity, id string) string {
		if name, err := s.RecordName(context.Background(), entity, id); err == nil {
			return name
		}
		return locale.L("a record no longer in the register")
	}
}

// showHistory opens the history of one record.
func showHistory(e *env, name, id string) {
	if id == "" {
		return
	}
	changes, err := e.store.History(context.Background(), id)
	if err != nil {
		showError(e.win, "", err)
		return
	}
	lines := historyLines(changes, recordNames(e.store))
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(lines[i])
			l.TextStyle.Bold = !strings.HasPrefix(lines[i], "    ")
			l.Refresh()
		})
	d := dialog.NewCustom(locale.L("History of {{.Name}}", map[string]any{"Name": name}), locale.L("Close"), container.NewStack(list), e.win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}
