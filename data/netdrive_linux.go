package data

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// networkFilesystems are the statfs(2) magic numbers of the file systems
// reached over a network. 9P is left out: WSL shows the Windows disks
// through it.
var networkFilesystems = map[int64]string{
	0x6969:     "NFS",
	0x517B:     "SMB",
	0xFF534D42: "CIFS",
	0xFE534D42: "SMB2",
	0x5346414F: "AFS",
	0x73757245: "Coda",
	0x564C:     "NCP",
	0x00C36400: "Ceph",
	0x47504653: "GPFS",
}

func onNetworkDrive(path string) (string, bool) {
	var st unix.Statfs_t
	if err := unix.Statfs(filepath.Dir(path), &st); err != nil {
		return "", false
	}
	kind, ok := networkFilesystems[int64(st.Type)]
	return kind, ok
}
