package ui

import (
	"context"
	"errors"
	"os"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// env is what every screen of an open register needs.
type env struct {
	app   fyne.App
	win   fyne.Window
	store *data.Store
	// status shows a short message in the status bar.
	status func(string)
	// changed tells the window that the register changed (menus, counts, lists).
	changed func()
	// dialogSave saves the record of the dialog that is open, if any, so
	// that Ctrl+S saves what the user is looking at.
	dialogSave func() bool
	// shown are the dialogs opened last.
	shown shownDialogs
	// guarded is the dialog whose closing asks first when there is typing
	// to lose; Escape, which hides the dialog on top, asks it instead.
	guarded guardedDialog
}

// guardedDialog is a dialog's overlay and what closing it does.
type guardedDialog struct {
	overlay fyne.CanvasObject
	close   func()
}

// area is one entry of the navigation sidebar.
type area struct {
	name    string
	icon    fyne.Resource
	build   func() // makes the area's screen, when it is first opened
	built   bool
	content func() fyne.CanvasObject
	refresh func() // reads the area again after a change of the register
	stale   bool   // changed while not shown: refresh when shown
	// save saves what is edited in the area (Ctrl+S); newRecord starts a
	// new record of the area (Ctrl+N), named newLabel in the File menu.
	// Areas without records leave newRecord nil: Ctrl+N adds an organisation.
	save      func() bool
	newRecord func()
	newLabel  string
}

// workspace is the window's content while a register is open.
type workspace struct {
	env        *env
	overview   *overviewScreen
	register   *registerScreen
	trainings  *trainingsScreen
	statistics *statisticsScreen
	agreements *agreementsScreen
	plan       *planScreen
	campaigns  *campaignsScreen
	body       *bodyScreen
	questions  *questionnaireScreen
	settings   *settingsScreen
	areas      []area
	nav        *widget.List
	current    int // the area shown
	newItem    *fyne.MenuItem
	center     *fyne.Container
	message    *widget.Label
	counts     *widget.Label
	undoItem   *fyne.MenuItem
	redoItem   *fyne.MenuItem
	menu       *fyne.MainMenu
	content    fyne.CanvasObject
}

func newWorkspace(w *window, st *data.Store) *workspace {
	ws := &workspace{}
	ws.message = widget.NewLabel("")
	ws.message.Truncation = fyne.TextTruncateEllipsis
	ws.counts = widget.NewLabel("")
	ws.counts.Importance = widget.LowImportance
	ws.env = &env{app: w.app, win: w.win, store: st, status: ws.message.SetText, changed: ws.changed}
	ws.register = newRegisterScreen(ws.env)
	// Only the Register is built before the window shows; every other area
	// is built when first opened (on the large register building them all
	// took 1.5 s, the Questionnaire's reply alone 0.9 s, before the first
	// frame). An area not built yet has nothing to refresh.
	ws.overview = newOverviewScreen(ws.env)
	ws.overview.open = ws.openRecord
	ws.overview.showList = ws.showCounted
	ws.overview.showBar = ws.showBar
	ws.areas = []area{
		{name: locale.L("Overview"), icon: theme.VisibilityIcon(), build: func() {},
			content: func() fyne.CanvasObject { return ws.overview.content },
			refresh: ws.overview.refresh},
		{name: locale.L("Register"), icon: theme.ListIcon(), build: func() {},
			content: func() fyne.CanvasObject { return ws.register.content },
			refresh: ws.register.refresh, save: func() bool { return ws.register.form != nil && ws.register.form.Save() }, newRecord: ws.register.startNew, newLabel: locale.L("New organisation")},
		{name: locale.L("Trainings"), icon: theme.CalendarIcon(),
			build:   func() { ws.trainings = newTrainingsScreen(ws.env) },
			content: func() fyne.CanvasObject { return ws.trainings.content },
			refresh: func() { ws.trainings.refresh() }, save: func() bool { return ws.trainings.form.Save() },
			newRecord: func() { ws.trainings.startNew() }, newLabel: locale.L("New course")},
		{name: locale.L("Coordination body"), icon: theme.HomeIcon(),
			build:   func() { ws.body = newBodyScreen(ws.env) },
			content: func() fyne.CanvasObject { return ws.body.content },
			refresh: func() { ws.body.refresh() }, save: func() bool { return ws.body.Save() }},
		{name: locale.L("Campaigns"), icon: theme.MailSendIcon(),
			build:   func() { ws.campaigns = newCampaignsScreen(ws.env) },
			content: func() fyne.CanvasObject { return ws.campaigns.content },
			refresh: func() { ws.campaigns.refresh() }, save: func() bool { return ws.campaigns.Save() },
			newRecord: func() { ws.campaigns.startNew() }, newLabel: locale.L("New campaign")},
		{name: locale.L("Plan of action"), icon: theme.ListIcon(),
			build:   func() { ws.plan = newPlanScreen(ws.env) },
			content: func() fyne.CanvasObject { return ws.plan.content },
			refresh: func() { ws.plan.refresh() }, save: func() bool { return ws.plan.Save() },
			newRecord: func() { ws.plan.startNew() }, newLabel: locale.L("New action")},
		{name: locale.L("Agreements"), icon: theme.DocumentIcon(),
			build:   func() { ws.agreements = newAgreementsScreen(ws.env) },
			content: func() fyne.CanvasObject { return ws.agreements.content },
			refresh: func() { ws.agreements.refresh() }, save: func() bool { return ws.agreements.Save() },
			newRecord: func() { ws.agreements.startNew() }, newLabel: locale.L("New agreement")},
		{name: locale.L("Statistics"), icon: theme.GridIcon(),
			build:   func() { ws.statistics = newStatisticsScreen(ws.env) },
			content: func() fyne.CanvasObject { return ws.statistics.content },
			refresh: func() { ws.statistics.refresh() }, save: func() bool { return ws.statistics.Save() }},
		{name: locale.L("Questionnaire"), icon: theme.DocumentCreateIcon(),
			build:   func() { ws.questions = newQuestionnaireScreen(ws.env) },
			content: func() fyne.CanvasObject { return ws.questions.content },
			refresh: func() { ws.questions.refresh() }, save: func() bool { return ws.questions.Save() },
			newRecord: func() { ws.questions.startNew() }, newLabel: locale.L("New reply")},
		{name: locale.L("Settings"), icon: theme.SettingsIcon(),
			build:   func() { ws.settings = newSettingsScreen(ws.env, w) },
			content: func() fyne.CanvasObject { return ws.settings.content },
			refresh: func() { ws.settings.refresh() }},
	}
	ws.areas[areaOverview].built, ws.areas[areaRegister].built = true, true
	ws.center = container.NewStack()
	widest := "" // the sidebar is as wide as the longest area's name in the window's language
	for _, a := range ws.areas {
		if len([]rune(a.name)) > len([]rune(widest)) {
			widest = a.name
		}
	}
	ws.nav = widget.NewList(func() int { return len(ws.areas) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.ListIcon()), widget.NewLabel(widest))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Icon).SetResource(ws.areas[i].icon)
			c.Objects[1].(*widget.Label).SetText(ws.areas[i].name)
		})
	ws.nav.OnSelected = func(i widget.ListItemID) {
		ws.current = i
		if !ws.areas[i].built {
			ws.areas[i].built, ws.areas[i].stale = true, false
			ws.areas[i].build()
		}
		if ws.areas[i].stale {
			ws.areas[i].stale = false
			ws.areas[i].refresh()
		}
		// On a screen smaller than the area needs (1024×600, 1366×768 with
		// large text), the area scrolls rather than pushing the window past
		// the screen's edges and its buttons out of reach.
		ws.center.Objects = []fyne.CanvasObject{container.NewScroll(ws.areas[i].content())}
		ws.center.Refresh()
		if ws.newItem != nil { // Ctrl+N makes a record of the area shown
			ws.newItem.Label = ws.areas[areaRegister].newLabel
			if ws.areas[i].newRecord != nil {
				ws.newItem.Label = ws.areas[i].newLabel
			}
			ws.menu.Refresh()
		}
	}
	ws.nav.Select(areaOverview)
	// The Overview counts once the window is up: its first frame never
	// waits for the figures.
	afterFirstFrame(w.frame, func() { fyne.Do(func() { ws.overview.period.choose(periodThisYear) }) })

	var top fyne.CanvasObject
	if st.ReadOnly() {
		banner := widget.NewLabel(locale.L("Read-only: this register can be read and searched, but nothing can be changed or saved."))
		banner.Importance = widget.WarningImportance
		banner.Wrapping = fyne.TextWrapWord
		top = banner
	}
	bottom := container.NewBorder(widget.NewSeparator(), nil, nil, ws.counts, ws.message)
	ws.content = container.NewBorder(top, bottom, container.NewHBox(ws.nav, widget.NewSeparator()), nil, ws.center)
	ws.menu = ws.mainMenu(w)
	ws.updateUndo()
	afterFirstFrame(w.frame, ws.updateCounts)
	return ws
}

func (ws *workspace) mainMenu(w *window) *fyne.MainMenu {
	ctrl := fyne.KeyModifierShortcutDefault
	newOrg := fyne.NewMenuItem(locale.L("New organisation"), ws.newRecord)
	ws.newItem = newOrg
	newOrg.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl}
	save := fyne.NewMenuItem(locale.L("Save"), ws.save)
	save.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl}
	find := fyne.NewMenuItem(locale.L("Find"), func() { ws.nav.Select(areaRegister); ws.register.focusSearch() })
	find.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl}
	ws.undoItem = fyne.NewMenuItem(locale.L("Undo"), ws.undo)
	ws.undoItem.Shortcut = &fyne.ShortcutUndo{}
	ws.redoItem = fyne.NewMenuItem(locale.L("Redo"), ws.redo)
	ws.redoItem.Shortcut = &fyne.ShortcutRedo{}
	if ws.env.store.ReadOnly() {
		newOrg.Disabled, save.Disabled, ws.undoItem.Disabled, ws.redoItem.Disabled = true, true, true, true
	}
	importItem := fyne.NewMenuItem(locale.L("Import organisations and focal points…"), func() { chooseImport(ws.env) })
	sendItem := fyne.NewMenuItem(locale.L("Send changes…"), func() { showSend(ws.env) })
	receiveItem := fyne.NewMenuItem(locale.L("Receive changes…"), func() { chooseReceive(ws.env) })
	importItem.Disabled = ws.env.store.ReadOnly()
	receiveItem.Disabled = ws.env.store.ReadOnly()
	file := fyne.NewMenu(locale.L("File"), newOrg, save, fyne.NewMenuItemSeparator(),
		importItem, ws.register.directoryMenu(),
		fyne.NewMenuItemSeparator(), sendItem, receiveItem,
		fyne.NewMenuItem(locale.L("Open a course taken out…"), w.chooseCourseOut),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(locale.L("New register…"), w.chooseNewFile),
		fyne.NewMenuItem(locale.L("Open register…"), w.chooseFile))
	duplicates := fyne.NewMenuItem(locale.L("Find duplicates…"), func() { showDuplicates(ws.env) })
	edit := fyne.NewMenu(locale.X("menu.edit", "Edit"), ws.undoItem, ws.redoItem, fyne.NewMenuItemSeparator(), find, duplicates)
	view := fyne.NewMenu(locale.L("View"))
	for i, a := range ws.areas {
		view.Items = append(view.Items, fyne.NewMenuItem(a.name, func() { ws.nav.Select(i) }))
	}
	help := fyne.NewMenu(locale.L("Help"), fyne.NewMenuItem(locale.L("About NCM Register"), func() {
		dialog.ShowInformation(locale.L("About NCM Register"), locale.L("NCM Register keeps, offline on this computer, the register of a national coordination mechanism against trafficking in persons: its agencies and focal points, and the history of every change.")+
			"\n\n"+locale.L("Version {{.Version}}", map[string]any{"Version": w.app.Metadata().Version}), w.win)
	}), fyne.NewMenuItem(locale.L("Show log folder"), func() {
		dir := logFolder()
		_ = os.MkdirAll(dir, 0o700)
		openFile(ws.env, dir)
	}))
	return fyne.NewMainMenu(file, edit, view, help)
}

// newRecord starts a new record of the area shown (Ctrl+N); in an area
// without records of its own, a new organisation in the Register.
func (ws *workspace) newRecord() {
	if a := ws.areas[ws.current]; a.newRecord != nil {
		a.newRecord()
		return
	}
	ws.nav.Select(areaRegister)
	ws.register.startNew()
}

// save saves what the user is editing: the open dialog's record, or the
// record of the area shown (Ctrl+S).
func (ws *workspace) save() {
	if ws.env.dialogSave != nil {
		ws.env.dialogSave()
		return
	}
	if a := ws.areas[ws.current]; a.save != nil {
		a.save()
	}
}

// undo takes back the last change of the register. While the user is
// typing in a form that is not saved yet, Ctrl+Z undoes the typing instead,
// as in any text field.
func (ws *workspace) undo() {
	if e, ok := ws.env.win.Canvas().Focused().(*formEntry); ok && e.hasUnsavedTyping != nil && e.hasUnsavedTyping() {
		e.Entry.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	if ws.env.store.ReadOnly() || ws.env.dialogSave != nil {
		return
	}
	c, ok, err := ws.env.store.LastUndoable(context.Background())
	switch {
	case err != nil:
		showError(ws.env.win, "", err)
		return
	case !ok:
		ws.env.status(locale.L("Nothing to undo"))
		return
	}
	ws.askIfElsewhere(c, false, func() {
		c, err := ws.env.store.Undo(context.Background())
		ws.afterUndoOrRedo(false, c, err)
	})
}

func (ws *workspace) redo() {
	if ws.env.store.ReadOnly() || ws.env.dialogSave != nil {
		return
	}
	c, ok, err := ws.env.store.LastRedoable(context.Background())
	switch {
	case err != nil:
		showError(ws.env.win, "", err)
		return
	case !ok:
		ws.env.status(locale.L("Nothing to redo"))
		return
	}
	ws.askIfElsewhere(c, true, func() {
		c, err := ws.env.store.Redo(context.Background())
		ws.afterUndoOrRedo(true, c, err)
	})
}

// afterUndoOrRedo says what Undo (or Redo, when redo) did.
func (ws *workspace) afterUndoOrRedo(redo bool, c data.Change, err error) {
	switch {
	case !redo && errors.Is(err, data.ErrNothingToUndo):
		ws.env.status(locale.L("Nothing to undo"))
		return
	case redo && errors.Is(err, data.ErrNothingToRedo):
		ws.env.status(locale.L("Nothing to redo"))
		return
	case err != nil:
		showError(ws.env.win, "", err)
		return
	}
	change := map[string]any{"Change": redoneText(locale.Current(), c)}
	if redo {
		ws.env.status(locale.L("Redone: {{.Change}}", change))
	} else {
		ws.env.status(locale.L("Undone: {{.Change}}", change))
	}
	ws.changed()
}

// The areas of the sidebar, in its order.
const (
	areaOverview = iota
	areaRegister
	areaTrainings
	areaBody
	areaCampaigns
	areaPlan
	areaAgreements
	areaStatistics
	areaQuestionnaire
	areaSettings
)

// areaEntities are the kinds of record each area (in sidebar order) edits.
var areaEntities = [][]string{{}, {"organisation", "contact"}, {"course", "participant", "attendance", "certificate"},
	{"body", "meeting", "working_group"}, {"campaign"}, {"plan", "plan_action", "progress_note"}, {"agreement"},
	{"statistic"}, {"reply", "answer", "contribution", "questionnaire"}, {"setting"}}

func areaOf(entity string) int {
	for i, es := range areaEntities {
		if slices.Contains(es, entity) {
			return i
		}
	}
	return -1
}

// askIfElsewhere does what Undo or Redo would do at once when the change
// was made in the area shown; otherwise, or for a package received, it
// first names the change and asks (a Ctrl+Z in the
// Register once took back a questionnaire answer without a word).
func (ws *workspace) askIfElsewhere(c data.Change, redo bool, do func()) {
	area := areaOf(c.Entity)
	whole := c.Action == "receive" // another laptop's changes, all at once
	if !whole && (area < 0 || area == ws.current) {
		do()
		return
	}
	where := locale.L("another area")
	if area >= 0 && area < len(ws.areas) {
		where = ws.areas[area].name
	}
	// Undo and Redo are whole questions each: a language may not say "Undo
	// it?" by putting the menu's word before "it".
	words := map[string]any{"Area": where, "Change": summaryText(locale.Current(), c)}
	title, text := locale.L("Undo?"), locale.L("The last change was made in {{.Area}}: “{{.Change}}”. Undo it?", words)
	switch {
	case whole && redo:
		title, text = locale.L("Redo?"), locale.L("The last change is “{{.Change}}”, all of it at once. Redo it?", words)
	case whole:
		text = locale.L("The last change is “{{.Change}}”, all of it at once. Undo it?", words)
	case redo:
		title, text = locale.L("Redo?"), locale.L("The last change was made in {{.Area}}: “{{.Change}}”. Redo it?", words)
	}
	dialog.ShowConfirm(title, text, func(yes bool) {
		if yes {
			do()
		}
	}, ws.env.win)
}

// changed brings every view in step with the register after a change.
// Only the area shown is read again at once; the others when next shown,
// so that a keystroke in the attendance grid does not query every area.
func (ws *workspace) changed() {
	for i := range ws.areas {
		if i == ws.current {
			ws.areas[i].refresh()
		} else if ws.areas[i].built {
			ws.areas[i].stale = true
		}
	}
	ws.updateUndo()
	ws.updateCounts()
}

func (ws *workspace) updateUndo() {
	c, ok, err := ws.env.store.LastUndoable(context.Background())
	label := locale.L("Undo")
	if err == nil && ok {
		label = locale.L("Undo: {{.Change}}", map[string]any{"Change": summaryText(locale.Current(), c)})
	}
	ws.undoItem.Label = label
	ws.undoItem.Disabled = !ok || ws.env.store.ReadOnly()
	r, ok, err := ws.env.store.LastRedoable(context.Background())
	label = locale.L("Redo")
	if err == nil && ok {
		label = locale.L("Redo: {{.Change}}", map[string]any{"Change": redoneText(locale.Current(), r)})
	}
	ws.redoItem.Label = label
	ws.redoItem.Disabled = !ok || ws.env.store.ReadOnly()
	ws.menu.Refresh()
}

// updateCounts counts the register off the UI thread (counting 100,000
// contacts reads them all).
func (ws *workspace) updateCounts() {
	var c data.Counts
	var err error
	runAsync(func() { c, err = ws.env.store.Count(context.Background()) }, func() {
		if err != nil {
			ws.counts.SetText("")
			return
		}
		ws.counts.SetText(locale.N("{{.Count}} organisation", c.Organisations) + " · " + locale.N("{{.Count}} contact", c.Contacts))
	})
}
