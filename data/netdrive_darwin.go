package data

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

var networkFilesystems = map[string]bool{"smbfs": true, "nfs": true, "afpfs": true, "webdav": true, "cifs": true, "ftp": true}

func onNetworkDrive(path string) (string, bool) {
	var st unix.Statfs_t
	if err := unix.Statfs(filepath.Dir(path), &st); err != nil {
		return "", false
	}
	kind := unix.ByteSliceToString(st.Fstypename[:])
	return kind, networkFilesystems[kind]
}
