package data

// A register kept on a network drive (a shared folder of SMB/CIFS, NFS
// and the like) is refused: SQLite's locking does not work over those,
// and two laptops writing one file would damage it. Registers are shared
// by exchange packages (docs/exchange.md), which may travel through such
// a folder.

// networkDrive reports whether the folder holding path is on a network
// drive, naming its kind; tests replace it.
var networkDrive = onNetworkDrive
