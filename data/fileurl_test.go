package data

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"testing"
)

func TestFileURLKeepsTheDriveInThePath(t *testing.T) {
	for _, c := range []struct{ path, want string }{
		{"/home/ana/register.db", "file:///home/ana/register.db"},
		// A Windows path after filepath.ToSlash: the drive must not become a host.
		{"C:/Users/ana/register.db", "file:///C:/Users/ana/register.db"},
		{"/tmp/a b/#1?.db", "file:///tmp/a%20b/%231%3F.db"},
	} {
		got := FileURL(c.path).String()
		if got != c.want {
			t.Errorf("FileURL(%q) = %q, want %q", c.path, got, c.want)
		}
		u, err := url.Parse(sqliteAddress(c.path, url.Values{"mode": {"ro"}}))
		if err != nil {
			t.Fatal(err)
		}
		if u.Host != "" || u.Query().Get("mode") != "ro" {
			t.Errorf("sqliteAddress(%q) has host %q and query %q", c.path, u.Host, u.RawQuery)
		}
	}
}

func TestRegisterOpensInAFolderWithAddressCharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "NCM #2 ?draft% 100")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "register.db")
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the register was not made where asked: %v", err)
	}
}
