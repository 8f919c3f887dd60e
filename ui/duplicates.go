package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// duplicatesView is Edit → Find duplicates: the pairs of people and of
// organisations that are probably one record, each with its reasons, and
// the way to compare and merge them.
type duplicatesView struct {
	env   *env
	kinds []*duplicateList // people, then organisations
	tabs  *container.AppTabs
	note  *widget.Label
	d     dialog.Dialog
}

// duplicateList is the pairs of one kind of record.
type duplicateList struct {
	entity   string
	pairs    []data.Match
	names    map[string]string // record id → name as listed
	list     *widget.List
	selected int
	merge    *widget.Button
	skip     *widget.Button
	tab      *container.TabItem
}

func showDuplicates(e *env) {
	v := &duplicatesView{env: e}
	e.shown.duplicates = v
	v.note = widget.NewLabel(locale.L("Looking for records that are probably one…"))
	v.note.Wrapping = fyne.TextWrapWord
	for _, entity := range []string{"contact", "organisation"} {
		v.kinds = append(v.kinds, v.newList(entity))
	}
	v.tabs = container.NewAppTabs(v.kinds[0].tab, v.kinds[1].tab)
	v.d = dialog.NewCustom(locale.L("Find duplicates"), locale.L("Close"), container.NewBorder(v.note, nil, nil, nil, v.tabs), e.win)
	v.d.Resize(fyne.NewSize(820, 560))
	v.d.Show()
	v.load()
}

func (v *duplicatesView) newList(entity string) *duplicateList {
	l := &duplicateList{entity: entity, selected: -1, names: map[string]string{}}
	l.list = widget.NewList(func() int { return len(l.pairs) }, newListRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(l.pairs) {
				p := l.pairs[i]
				setListRow(o, l.names[p.A]+"  ↔  "+l.names[p.B], reasonsText(p))
			}
		})
	l.merge = widget.NewButtonWithIcon(locale.L("Compare and merge…"), theme.ContentCopyIcon(), func() { v.compare(l) })
	l.merge.Importance = widget.HighImportance
	l.skip = widget.NewButton(locale.L("Not the same"), func() { v.drop(l, l.selected) })
	l.merge.Disable()
	l.skip.Disable()
	l.list.OnSelected = func(i widget.ListItemID) {
		l.selected = i
		l.merge.Enable()
		l.skip.Enable()
	}
	if v.env.store.ReadOnly() {
		l.merge.Hide()
	}
	buttons := container.NewHBox(layoutSpacer(), l.skip, l.merge)
	title := locale.L("People")
	if entity == "organisation" {
		title = locale.L("Organisations")
	}
	l.tab = container.NewTabItem(title, container.NewBorder(nil, buttons, nil, nil, l.list))
	return l
}

// load finds the pairs off the window's thread: over a large register it
// takes a second or two.
func (v *duplicatesView) load() {
	type found struct {
		pairs []data.Match
		names map[string]string
	}
	results := make([]found, len(v.kinds))
	var err error
	runAsync(func() {
		ctx := context.Background()
		for i, l := range v.kinds {
			var pairs []data.Match
			if pairs, err = v.env.store.Duplicates(ctx, l.entity == "contact"); err != nil {
				return
			}
			ids := make([]string, 0, 2*len(pairs))
			for _, p := range pairs {
				ids = append(ids, p.A, p.B)
			}
			listed, lerr := v.env.store.ListedNames(ctx, l.entity == "contact", ids)
			if lerr != nil {
				err = lerr
				return
			}
			names := make(map[string]string, len(listed))
			for id, n := range listed {
				names[id] = listedText(l.entity, n)
			}
			results[i] = found{pairs, names}
		}
	}, func() {
		if err != nil {
			v.note.SetText(err.Error())
			return
		}
		for i, l := range v.kinds {
			l.pairs, l.names = results[i].pairs, results[i].names
			l.list.Refresh()
		}
		v.retitle()
	})
}

// listedText is a record as the finder lists it: a person with their
// organisation, an organisation with its sector.
func listedText(entity string, n data.Listed) string {
	if entity == "contact" {
		return n.Name + " (" + n.Organisation + ")"
	}
	return n.Name + " (" + sectorLabel(n.Sector) + ")"
}

// retitle says how many pairs each tab holds, and what to do with them.
func (v *duplicatesView) retitle() {
	total := 0
	for _, l := range v.kinds {
		base := locale.L("People")
		if l.entity == "organisation" {
			base = locale.L("Organisations")
		}
		l.tab.Text = fmt.Sprintf("%s (%d)", base, len(l.pairs))
		total += len(l.pairs)
	}
	v.tabs.Refresh()
	if total == 0 {
		v.note.SetText(locale.L("No two records look like one. Records are compared by name (in any order, case, accents or script), e-mail, phone, acronym and organisation."))
		return
	}
	v.note.SetText(locale.L("Each pair below is probably one person or one organisation entered twice. Compare them and merge, or mark them as not the same."))
}

// reasonsText says why two records look like one, and how sure the finder is.
func reasonsText(m data.Match) string {
	parts := make([]string, 0, len(m.Reasons)+1)
	for _, r := range m.Reasons {
		parts = append(parts, reasonText(r))
	}
	parts = append(parts, locale.L("{{.Percent}}% sure", map[string]any{"Percent": int(m.Score*100 + 0.5)}))
	return strings.Join(parts, " · ")
}

func reasonText(r data.MatchReason) string {
	switch r.Kind {
	case "same_name":
		return locale.L("same name")
	case "similar_name":
		return locale.X("reason.similar_name", "similar name ({{.Percent}}%)", map[string]any{"Percent": r.Value})
	case "same_email":
		return locale.X("reason.same_email", "same e-mail {{.Email}}", map[string]any{"Email": r.Value})
	case "same_phone":
		return locale.X("reason.same_phone", "same phone {{.Phone}}", map[string]any{"Phone": data.FormatPhone(r.Value)})
	case "same_acronym":
		return locale.X("reason.same_acronym", "same acronym {{.Acronym}}", map[string]any{"Acronym": r.Value})
	case "same_organisation":
		return locale.L("same organisation")
	case "other_sector":
		return locale.X("reason.other_sector", "but the other is listed under {{.Sector}}", map[string]any{"Sector": sectorLabel(r.Value)})
	}
	return r.Kind
}

// compare opens the merge review of the selected pair.
func (v *duplicatesView) compare(l *duplicateList) {
	if l.selected < 0 || l.selected >= len(l.pairs) {
		return
	}
	p := l.pairs[l.selected]
	showMerge(v.env, l.entity, p.A, p.B, func(kept, merged string) {
		// Pairs with the merged record are settled: it is archived now.
		var left []data.Match
		for _, q := range l.pairs {
			if q.A != merged && q.B != merged {
				left = append(left, q)
			}
		}
		l.pairs = left
		v.unselect(l)
		v.retitle()
	})
}

// drop takes one pair off the list: the register remembers that they are
// two records (a read-only register, for this session only).
func (v *duplicatesView) drop(l *duplicateList, i int) {
	if i < 0 || i >= len(l.pairs) {
		return
	}
	if !v.env.store.ReadOnly() {
		p := l.pairs[i]
		if err := v.env.store.MarkDistinct(context.Background(), l.entity, p.A, p.B); err != nil {
			showError(v.env.win, "", err)
			return
		}
	}
	l.pairs = append(l.pairs[:i:i], l.pairs[i+1:]...)
	v.unselect(l)
	v.retitle()
}

func (v *duplicatesView) unselect(l *duplicateList) {
	l.selected = -1
	l.list.UnselectAll()
	l.list.Refresh()
	l.merge.Disable()
	l.skip.Disable()
}
