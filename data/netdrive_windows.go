package data

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

func onNetworkDrive(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	if strings.HasPrefix(abs, `\\`) {
		return "network share", true // \\server\share\…
	}
	root := filepath.VolumeName(abs) + `\`
	p, err := windows.UTF16PtrFromString(root)
	if err != nil {
		return "", false
	}
	if windows.GetDriveType(p) == windows.DRIVE_REMOTE {
		return "network drive", true
	}
	return "", false
}
