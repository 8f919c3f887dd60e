package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/locale"
)

// readingFile reads a file from outside off the window's thread: a large
// or hostile file takes seconds, and the window stays alive meanwhile,
// with a busy indicator and a Cancel. land gets work's error on the
// window's thread; a cancelled read changes nothing and only says so.
func readingFile(e *env, name string, work func(ctx context.Context) error, land func(err error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBarInfinite()
	stop := widget.NewButton(locale.L("Cancel"), cancel)
	d := dialog.NewCustomWithoutButtons(locale.L("Reading the file"), container.NewVBox(
		widget.NewLabel(locale.L("Reading {{.File}}…", map[string]any{"File": name})), bar, container.NewHBox(layoutSpacer(), stop)), e.win)
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	var err error
	runAsync(func() { err = work(ctx) }, func() {
		bar.Stop()
		d.Hide()
		cancel()
		if errors.Is(err, context.Canceled) {
			e.status(locale.L("Reading {{.File}} was cancelled; nothing was changed", map[string]any{"File": name}))
			return
		}
		land(err)
	})
}
