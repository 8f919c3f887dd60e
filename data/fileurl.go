package data

import (
	"net/url"
	"path/filepath"
	"strings"
)

// FileURL is the file: address of a path on this system. On Windows a path
// starts with its drive ("C:\Users\…"), which must follow a slash
// ("file:///C:/Users/…"): written after "file://" alone, SQLite reads the
// drive as a host and refuses the address, and the shell opens nothing.
func FileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}

// sqliteAddress is the address SQLite opens a register at, with its options.
func sqliteAddress(path string, q url.Values) string {
	u := FileURL(path)
	u.RawQuery = q.Encode()
	return u.String()
}
