// Command ncm-register is NCM Register, the desktop register of a national
// coordination mechanism against trafficking in persons.
//
//	ncm-register [--data FILE]
//
// Without --data it opens the register used last, or the default one in the
// user's application data folder.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"github.com/ncm-register/ncm-register/ui"
)

func main() {
	dataFile := flag.String("data", "", "the register (data file) to open")
	readOnly := flag.Bool("read-only", false, "open the register without changing it")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "Usage: %s [--data FILE] [--read-only]\n", os.Args[0])
		flag.PrintDefaults()
	}
	flag.Parse()

	a := app.NewWithID(ui.AppID)
	ui.Start(a, ui.StartOptions{DataFile: *dataFile, ReadOnly: *readOnly})
	a.Run()
}
