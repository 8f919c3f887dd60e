package ui

import (
	"context"
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// File → Receive changes…: a package from another laptop is opened with
// its passphrase and shown before anything is written: the questions (the
// same field changed on both laptops, a record removed on one and edited
// on the other, archived on one and edited on the other), what is new,
// what changed only there, the records entered on both, the probable
// duplicates. Receiving is one change, which Undo takes back.

func chooseReceive(e *env) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		askPackagePassphrase(e, r.URI().Path())
	}, e.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{data.PackageExtension}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// packageOpen is the passphrase dialog.
type packageOpen struct {
	pass    *widget.Entry
	problem *widget.Label
	open    *widget.Button
	d       dialog.Dialog
}

func askPackagePassphrase(e *env, path string) {
	askPassphraseFor(e, path, locale.L("Receive changes"), func(v *packageOpen) { openPackage(e, path, v, false) })
}

// askPassphraseFor asks for a package's passphrase; open reads the package
// with it (and says in v.problem what went wrong).
func askPassphraseFor(e *env, path, title string, open func(v *packageOpen)) {
	v := &packageOpen{}
	e.shown.packageOpen = v
	v.pass = widget.NewPasswordEntry()
	v.pass.SetPlaceHolder(locale.L("The passphrase the sender gave you, or your age secret key"))
	v.problem = newErrorLabel()
	v.open = widget.NewButton(locale.L("Open…"), func() { open(v) })
	v.open.Importance = widget.HighImportance
	v.pass.OnSubmitted = func(string) { open(v) }
	cancel := widget.NewButton(locale.L("Cancel"), func() { v.d.Hide() })
	name := widget.NewLabel(filepath.Base(path))
	name.Wrapping = fyne.TextWrapBreak
	body := container.NewVBox(name, v.pass, v.problem,
		help(locale.L("The package is opened and shown first; nothing changes in this register before you confirm.")),
		container.NewHBox(layoutSpacer(), cancel, v.open))
	v.d = dialog.NewCustomWithoutButtons(title, body, e.win)
	v.d.Resize(fyne.NewSize(600, 280))
	v.d.Show()
	e.win.Canvas().Focus(v.pass)
}

// openPackage reads and plans the package off the window's thread.
func openPackage(e *env, path string, v *packageOpen, separate bool) {
	secret := v.pass.Text
	var plan *data.ReceivePlan
	v.open.Disable()
	readingFile(e, filepath.Base(path), func(ctx context.Context) error {
		p, err := data.ReadPackage(path, secret)
		if err != nil {
			return err
		}
		plan, err = e.store.PlanReceive(ctx, p, separate)
		return err
	}, func(err error) {
		v.open.Enable()
		switch {
		case err == nil:
			v.d.Hide()
			showReceive(e, plan)
		case errors.Is(err, data.ErrOtherRegister):
			dialog.ShowConfirm(locale.L("Another register"),
				locale.L("This package comes from a register that is not a copy of this one. Take its records into this register as well? Records that are probably the same are shown for merging."),
				func(yes bool) {
					if yes {
						openPackage(e, path, v, true)
					}
				}, e.win)
		default:
			v.problem.SetText(packageProblem(err))
			v.problem.Show()
		}
	})
}

// packageProblem says why a package cannot be received.
func packageProblem(err error) string {
	var pe *data.PackageError
	switch {
	case errors.Is(err, data.ErrWrongPassphrase):
		return locale.L("This passphrase does not open the package.")
	case errors.Is(err, data.ErrPackageGap):
		return locale.L("The package lacks earlier changes this register does not have either (was this register restored from an older backup?). Ask the sender for a package for any laptop.") +
			" " + locale.L("Nothing was changed.")
	case errors.Is(err, data.ErrCoursePackage):
		return locale.L("This package holds a course taken out: open it with File → Open a course taken out.")
	case errors.Is(err, data.ErrNotCoursePackage):
		return locale.L("This package holds changes, not a course: receive it with File → Receive changes.")
	case errors.As(err, &pe):
		return pe.Reason + ". " + locale.L("Nothing was changed.")
	}
	return err.Error() + ". " + locale.L("Nothing was changed.")
}

// receiveView is the preview of a package.
type receiveView struct {
	env      *env
	plan     *data.ReceivePlan
	choices  data.ReceiveChoices
	radios   []*widget.RadioGroup
	merges   []*widget.Check
	summary  *widget.Label
	progress *widget.Label
	apply    *widget.Button
	tabs     *container.AppTabs
	d        dialog.Dialog
	names    func(entity, id string) string
}

func showReceive(e *env, plan *data.ReceivePlan) *receiveView {
	v := &receiveView{env: e, plan: plan}
	e.shown.receive = v
	v.names = v.recordName
	v.choices.Sides = make([]int, len(plan.Conflicts))
	for i := range v.choices.Sides {
		v.choices.Sides[i] = -1
	}
	v.choices.Merge = make([]bool, len(plan.Duplicates))
	p := plan.Package
	v.summary = widget.NewLabel(locale.L("From “{{.Laptop}}”, written on {{.When}}: {{.NewChanges}} new here, {{.KnownChanges}} already here.",
		map[string]any{"Laptop": p.Device, "When": shortTime(p.Made), "NewChanges": countChanges(plan.Fresh), "KnownChanges": countChanges(plan.Already)}))
	v.summary.Wrapping = fyne.TextWrapWord
	v.progress = widget.NewLabel("")
	v.apply = widget.NewButton(locale.L("Receive"), v.receive)
	v.apply.Importance = widget.HighImportance
	cancel := widget.NewButton(locale.L("Cancel"), func() { v.d.Hide() })

	v.tabs = container.NewAppTabs()
	if len(plan.Conflicts) > 0 {
		v.tabs.Append(container.NewTabItem(locale.L("Questions ({{.Count}})", map[string]any{"Count": grouped(len(plan.Conflicts))}), v.conflictsTab()))
	}
	if len(plan.Duplicates) > 0 {
		v.tabs.Append(container.NewTabItem(locale.L("Probably the same ({{.Count}})", map[string]any{"Count": grouped(len(plan.Duplicates))}), v.duplicatesTab()))
	}
	v.tabs.Append(container.NewTabItem(locale.L("New ({{.Count}})", map[string]any{"Count": grouped(len(plan.New))}), v.recordList(plan.New, "")))
	v.tabs.Append(container.NewTabItem(locale.L("Changed there ({{.Count}})", map[string]any{"Count": grouped(len(plan.Taken))}), v.takenList()))
	if len(plan.Removed) > 0 {
		v.tabs.Append(container.NewTabItem(locale.L("Removed there ({{.Count}})", map[string]any{"Count": grouped(len(plan.Removed))}), v.recordList(plan.Removed, "")))
	}
	if len(plan.Same) > 0 {
		var same []data.PlannedRecord
		for _, s := range plan.Same {
			same = append(same, data.PlannedRecord{Entity: s.Entity, Record: s.Keep, Name: s.Name})
		}
		v.tabs.Append(container.NewTabItem(locale.L("Entered on both ({{.Count}})", map[string]any{"Count": grouped(len(plan.Same))}),
			v.recordList(same, locale.L("entered on both laptops: kept as one record"))))
	}
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(cancel, v.apply), v.progress)
	body := container.NewBorder(v.summary, bottom, nil, nil, v.tabs)
	v.d = dialog.NewCustomWithoutButtons(locale.L("Receive changes"), body, e.win)
	v.d.Resize(fyne.NewSize(960, 560)) // within a 1024×600 screen
	v.update()
	v.d.Show()
	return v
}

func countChanges(n int) string {
	return locale.N("{{.Count}} change", n)
}

// recordName names a record here, or as the package brings it.
func (v *receiveView) recordName(entity, id string) string {
	if name, err := v.env.store.RecordName(context.Background(), entity, id); err == nil {
		return name
	}
	for _, r := range v.plan.New {
		if r.Entity == entity && r.Record == id {
			return r.Name
		}
	}
	return locale.L("a record no longer in the register")
}

// conflictsTab asks each question, with a choice for all at once.
func (v *receiveView) conflictsTab() fyne.CanvasObject {
	list := container.NewVBox()
	for i, c := range v.plan.Conflicts {
		var options []string
		for _, s := range c.Sides {
			options = append(options, v.sideText(c, s))
		}
		radio := widget.NewRadioGroup(options, nil)
		i := i
		radio.OnChanged = func(chosen string) {
			v.choices.Sides[i] = -1
			for j, o := range radio.Options {
				if o == chosen {
					v.choices.Sides[i] = j
				}
			}
			v.update()
		}
		v.radios = append(v.radios, radio)
		title := widget.NewLabelWithStyle(v.questionText(c), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		list.Add(container.NewVBox(title, radio, widget.NewSeparator()))
	}
	mine := widget.NewButton(locale.L("Keep this laptop's version everywhere"), func() { v.chooseAll(false) })
	theirs := widget.NewButton(locale.L("Take the other laptop's version everywhere"), func() { v.chooseAll(true) })
	top := container.NewVBox(help(locale.L("Changed on both laptops since they last exchanged: choose what to keep. The other laptop follows your choice.")),
		container.NewHBox(mine, theirs))
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(list))
}

// chooseAll picks this laptop's side, or the other's (the last), everywhere.
func (v *receiveView) chooseAll(theirs bool) {
	for i, r := range v.radios {
		j := 0
		if theirs {
			j = len(r.Options) - 1
		}
		r.SetSelected(r.Options[j])
		v.choices.Sides[i] = j
	}
	v.update()
}

// questionText is what a question is about.
func (v *receiveView) questionText(c data.Conflict) string {
	what := locale.L("{{.Kind}} “{{.Name}}”", map[string]any{"Kind": entityLabel(c.Entity), "Name": c.Name})
	switch c.Kind {
	case data.ConflictField:
		return what + " · " + fieldLabel(c.Entity, c.Field)
	case data.ConflictArchived:
		return what + " · " + locale.L("archived on one laptop, changed on the other")
	case data.ConflictDeletedThere:
		return what + " · " + locale.L("removed on the other laptop, changed on this one")
	}
	return what + " · " + locale.L("removed on this laptop, changed on the other")
}

// sideText is one answer: the value, and who wrote it where and when.
func (v *receiveView) sideText(c data.Conflict, s data.Side) string {
	where := locale.L("on “{{.Laptop}}”", map[string]any{"Laptop": s.Device})
	switch {
	case s.Here && s.At != "":
		where = locale.L("on this laptop, {{.When}}", map[string]any{"When": shortTime(s.At)})
	case s.Here:
		where = locale.L("on this laptop")
	case s.At != "":
		where = locale.L("on “{{.Laptop}}”, {{.When}}", map[string]any{"Laptop": s.Device, "When": shortTime(s.At)})
	}
	var value string
	switch c.Kind {
	case data.ConflictField:
		value = shownValue(c.Entity, c.Field, s.Value, v.names)
	case data.ConflictArchived:
		value = map[string]string{"0": locale.L("In use"), "1": locale.L("Archived")}[s.Value]
	default:
		value = map[string]string{data.SideKept: locale.L("Keep it, with its changes"), data.SideRemoved: locale.L("Remove it")}[s.Value]
	}
	return value + " — " + where
}

// duplicatesTab offers to merge each new record into the one here it is
// probably one with.
func (v *receiveView) duplicatesTab() fyne.CanvasObject {
	list := container.NewVBox()
	for i, d := range v.plan.Duplicates {
		i := i
		names := map[string]any{"New": v.names(d.Entity, d.Incoming), "Here": v.names(d.Entity, d.Here)}
		text := locale.L("Merge the new person “{{.New}}” into “{{.Here}}” here", names)
		if d.Entity == "organisation" {
			text = locale.L("Merge the new organisation “{{.New}}” into “{{.Here}}” here", names)
		}
		check := widget.NewCheck(text, func(on bool) { v.choices.Merge[i] = on })
		v.merges = append(v.merges, check)
		why := help(reasonsText(d.Match))
		list.Add(container.NewVBox(check, why))
	}
	top := help(locale.L("These records came new from the other laptop and look like records already here. Tick those that are one person or one organisation; the others are kept apart. Merging can also be done later, from Edit → Find duplicates."))
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(list))
}

// recordList lists records with their kind; note follows each name.
func (v *receiveView) recordList(records []data.PlannedRecord, note string) fyne.CanvasObject {
	if len(records) == 0 {
		return help(locale.L("None."))
	}
	l := widget.NewList(func() int { return len(records) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := records[i]
			text := entityLabel(r.Entity) + " · " + r.Name
			if note != "" {
				text += " — " + note
			}
			o.(*widget.Label).SetText(text)
		})
	return l
}

// takenList lists the fields changed only on the other laptop.
func (v *receiveView) takenList() fyne.CanvasObject {
	taken := v.plan.Taken
	if len(taken) == 0 {
		return help(locale.L("None."))
	}
	return widget.NewList(func() int { return len(taken) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		t := taken[i]
		o.(*widget.Label).SetText(entityLabel(t.Entity) + " · " + t.Name + " · " + labelled(fieldLabel(t.Entity, t.Field),
			shownValue(t.Entity, t.Field, t.Old, v.names)+" → "+shownValue(t.Entity, t.Field, t.New, v.names)))
	})
}

// update says how many questions are answered; Receive waits for all.
func (v *receiveView) update() {
	answered := 0
	for _, s := range v.choices.Sides {
		if s >= 0 {
			answered++
		}
	}
	n := len(v.choices.Sides)
	switch {
	case n == 0:
		v.progress.SetText(locale.L("Nothing to choose: nothing was changed on both laptops."))
	default:
		v.progress.SetText(locale.N("{{.Answered}} of {{.Count}} question answered.", n, map[string]any{"Answered": grouped(answered)}))
	}
	if answered == n {
		v.apply.Enable()
	} else {
		v.apply.Disable()
	}
}

// receive applies the package with the choices made, off the window's thread.
func (v *receiveView) receive() {
	v.apply.Disable()
	var err error
	plan, ch := v.plan, v.choices
	runAsync(func() { err = v.env.store.ApplyReceive(context.Background(), plan, ch) }, func() {
		if err != nil {
			v.apply.Enable()
			if errors.Is(err, data.ErrPlanStale) {
				v.d.Hide()
			}
			showError(v.env.win, locale.L("The changes were not received"), err, locale.L("Nothing was changed."))
			return
		}
		v.d.Hide()
		v.env.changed()
		v.env.status(locale.N("Received {{.Count}} change from “{{.Laptop}}”. Edit → Undo takes it back.", plan.Fresh, map[string]any{"Laptop": plan.Package.Device}))
	})
}

// entityLabel names a kind of record (each a literal, for the translation files).
func entityLabel(entity string) string {
	switch entity {
	case "organisation":
		return locale.L("Organisation")
	case "contact":
		return locale.L("Person")
	case "course":
		return locale.L("Course")
	case "participant":
		return locale.L("Participant")
	case "attendance":
		return locale.L("Attendance")
	case "certificate":
		return locale.L("Certificate")
	case "statistic":
		return locale.L("Statistic")
	case "agreement":
		return locale.L("Agreement")
	case "plan":
		return locale.L("Plan")
	case "plan_action":
		return locale.L("Plan action")
	case "progress_note":
		return locale.L("Progress note")
	case "campaign":
		return locale.L("Campaign")
	case "body":
		return locale.L("Coordination body")
	case "meeting":
		return locale.L("Meeting")
	case "working_group":
		return locale.L("Working group")
	case "reply":
		return locale.L("Reply")
	case "answer":
		return locale.L("Answer")
	case "contribution":
		return locale.L("Contribution")
	case "questionnaire":
		return locale.L("Questionnaire")
	case "setting":
		return locale.L("Setting")
	}
	return entity
}
