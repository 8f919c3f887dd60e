package ui

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/ncm-register/ncm-register/data"
	"github.com/ncm-register/ncm-register/locale"
)

// File → Send changes…: the changes another laptop has not got, as one
// encrypted file to carry by USB stick, e-mail or a shared folder. The
// program only writes the file; the other laptop reads it with Receive
// changes…, and nothing is recorded here until a package comes back.

// sendView is the Send changes dialog.
type sendView struct {
	env    *env
	course data.Course // a course taken out; empty for changes
	peers  []data.Peer
	to     *widget.Select
	pass   *widget.Entry
	again  *widget.Entry
	key    *widget.Entry // the receiver's age public key, if any
	fields *fieldSet
	save   *widget.Button
	d      dialog.Dialog
}

func showSend(e *env) { showSendFor(e, data.Course{}) }

// showTakeOut sends one course, its participants and what they need, for a
// trainer to open as a register of its own and send back.
func showTakeOut(e *env, c data.Course) { showSendFor(e, c) }

func showSendFor(e *env, course data.Course) {
	v := &sendView{env: e, fields: newFieldSet(), course: course}
	e.shown.send = v
	peers, err := e.store.Peers(context.Background())
	if err != nil {
		showError(e.win, "", err)
		return
	}
	v.peers = peers
	options := []string{locale.L("Any laptop: every change of this register")}
	for _, p := range peers {
		options = append(options, locale.L("{{.Laptop}} (heard from on {{.When}}): what it has not got", map[string]any{"Laptop": p.Device, "When": shortTime(p.LastSeen)}))
	}
	v.to = widget.NewSelect(options, nil)
	v.to.SetSelectedIndex(0)
	if len(peers) > 0 {
		v.to.SetSelectedIndex(1)
	}
	v.pass, v.again = widget.NewPasswordEntry(), widget.NewPasswordEntry()
	title, intro := locale.L("Send changes"), locale.L("The package holds the register's changes, encrypted: only the passphrase (or the receiver's secret key) opens it. Nothing in this register changes when you send.")
	if course.ID != "" {
		title = locale.L("Take the course out for a trainer")
		intro = locale.L("The package holds “{{.Course}}”, its participants, their attendance and the organisations and people they need, encrypted. On the trainer's laptop, File → Open a course taken out makes a register of it; attendance is recorded there offline, and File → Send changes sends it back.", map[string]any{"Course": course.Title})
	} else {
		v.fields.add("to", locale.L("For"), true, container.NewVBox(v.to,
			help(locale.L("A laptop this register has received changes from gets only what it lacks; any other gets every change, and takes only what it lacks."))))
	}
	v.fields.add("passphrase", locale.L("Passphrase"), false, container.NewVBox(v.pass,
		help(locale.L("At least 10 characters. Tell it to the person receiving the file another way than the file itself (by phone, not in the same e-mail)."))))
	v.fields.add("again", locale.L("Passphrase again"), false, v.again)
	v.key = widget.NewEntry()
	v.key.SetPlaceHolder("age1…")
	v.fields.add("key", locale.L("Receiver's key (optional)"), false, container.NewVBox(v.key,
		help(locale.L("An age public key the receiver gave you: their secret key opens the package, with or without the passphrase."))))
	v.save = widget.NewButton(locale.L("Save the package…"), v.choose)
	v.save.Importance = widget.HighImportance
	cancel := widget.NewButton(locale.L("Cancel"), func() { v.d.Hide() })
	body := container.NewBorder(help(intro), container.NewHBox(layoutSpacer(), cancel, v.save), nil, nil,
		container.NewVScroll(v.fields.grid))
	v.d = dialog.NewCustomWithoutButtons(title, body, e.win)
	v.d.Resize(fyne.NewSize(720, 460))
	v.d.Show()
	e.win.Canvas().Focus(v.pass)
}

// recipient is the replica the package is for; "" for any laptop.
func (v *sendView) recipient() string {
	i := v.to.SelectedIndex()
	if i <= 0 || i > len(v.peers) {
		return ""
	}
	return v.peers[i-1].Replica
}

func (v *sendView) choose() {
	if err := data.CheckPackageSecrets(v.pass.Text, v.again.Text, v.key.Text); err != nil {
		v.fields.show(err)
		return
	}
	v.fields.show(nil)
	to, pass, course := v.recipient(), v.pass.Text, v.course.ID
	var keys []string
	if k := strings.TrimSpace(v.key.Text); k != "" {
		keys = append(keys, k)
	}
	name := fileName(fmt.Sprintf("changes from %s %s", v.env.store.Device(), time.Now().Format("2006-01-02")), data.PackageExtension)
	if course != "" {
		name = fileName("course "+v.course.Title, data.PackageExtension)
	}
	v.d.Hide()
	store := v.env.store
	saveDocument(v.env, name, func(w io.Writer) error {
		var p *data.Package
		var err error
		if course != "" {
			p, err = store.TakeCourseOut(context.Background(), course)
		} else {
			p, err = store.MakePackage(context.Background(), to)
		}
		if err != nil {
			return err
		}
		return data.EncodePackage(w, p, pass, keys...)
	})
}
