package scratch

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestHelperProgram is the program that dies: run by the test below with
// NCM_SCRATCH_ROOT set, it starts writing a document and a spill file,
// says so, and waits to be killed.
func TestHelperProgram(t *testing.T) {
	r := os.Getenv("NCM_SCRATCH_ROOT")
	if r == "" {
		t.Skip("run by TestFilesOfAKilledProgramAreRemovedAtTheNextStart")
	}
	SetRoot(r)
	dir, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(os.Getenv("NCM_DOC_DIR"), ".reply.xlsx.1234.tmp")
	Track(doc)
	os.WriteFile(doc, []byte("half a reply with names in it"), 0o600)
	os.WriteFile(filepath.Join(dir, "excelize-spill"), []byte("rows of names"), 0o600)
	os.Stdout.WriteString("ready\n")
	time.Sleep(time.Minute)
}

func TestFilesOfAKilledProgramAreRemovedAtTheNextStart(t *testing.T) {
	r, docs := t.TempDir(), t.TempDir()
	keep := filepath.Join(docs, "reply.xlsx") // a finished document beside it
	os.WriteFile(keep, []byte("whole"), 0o600)

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProgram$")
	cmd.Env = append(os.Environ(), "NCM_SCRATCH_ROOT="+r, "NCM_DOC_DIR="+docs)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "ready\n" {
		t.Fatalf("the helper said %q, %v", line, err)
	}
	// While it runs, its files are its own.
	SetRoot(r)
	if n, err := Clean(); err != nil || n != 0 {
		t.Errorf("Clean beside a running program removed %d files (%v)", n, err)
	}
	cmd.Process.Kill()
	cmd.Wait()

	n, err := Clean()
	if err != nil || n != 2 {
		t.Errorf("Clean after the kill removed %d files (%v), want the document being written and the spill file", n, err)
	}
	if _, err := os.Stat(filepath.Join(docs, ".reply.xlsx.1234.tmp")); !os.IsNotExist(err) {
		t.Errorf("the half-written document is still there: %v", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("the finished document was removed: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(r, "session-*"))
	if len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

func TestOwnFolderIsPrivateAndKept(t *testing.T) {
	SetRoot(t.TempDir())
	dir, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("%s: %v, %v; want a folder private to the user", dir, info.Mode().Perm(), err)
	}
	os.WriteFile(filepath.Join(dir, "spill"), []byte("x"), 0o600)
	if n, _ := Clean(); n != 0 {
		t.Errorf("Clean removed %d files of the running program", n)
	}
	done := Track(filepath.Join(t.TempDir(), ".a.xlsx.1.tmp"))
	if markers, _ := filepath.Glob(filepath.Join(dir, "writing-*.path")); len(markers) != 1 {
		t.Errorf("%d markers while writing, want 1", len(markers))
	}
	done()
	if markers, _ := filepath.Glob(filepath.Join(dir, "writing-*.path")); len(markers) != 0 {
		t.Errorf("%d markers after writing, want 0", len(markers))
	}
}
