package edit

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fakeEditor writes a shell script that stands in for $EDITOR and returns
// a session that runs it with its temporary files under base.
func fakeEditor(t *testing.T, script string) (*editorSession, string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "editor.sh")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+script+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	base := t.TempDir()
	env := map[string]string{"EDITOR": path, "XDG_RUNTIME_DIR": base}
	return &editorSession{getenv: func(k string) string { return env[k] }, name: "value.txt", content: []byte("old value\n")}, base
}

func TestEditorSessionReadsTheEditAndRemovesTheFile(t *testing.T) {
	marks := filepath.Join(t.TempDir(), "marks")
	s, base := fakeEditor(t, `stat -c '%a' "$1" "$(dirname "$1")" > `+marks+`
sed -i 's/old/new/' "$1"`)
	if err := s.Run(); err != nil {
		t.Fatal(err)
	}
	if string(s.edited) != "new value\n" {
		t.Fatalf("edited = %q", s.edited)
	}
	modes, err := os.ReadFile(marks)
	if err != nil || strings.Fields(string(modes))[0] != "600" || strings.Fields(string(modes))[1] != "700" {
		t.Fatalf("file and directory modes %q, %v", modes, err)
	}
	assertEmpty(t, base)
}

func TestEditorSessionCleansUpWhenTheEditorFails(t *testing.T) {
	s, base := fakeEditor(t, `echo "old value" >&2; exit 3`)
	err := s.Run()
	if err == nil || err.Error() != "the editor exited with status 3" {
		t.Fatalf("err = %v", err)
	}
	if s.edited != nil {
		t.Fatal("a failed edit was read back")
	}
	assertEmpty(t, base)
}

func TestEditorSessionCleansUpWhenTheEditorIsInterrupted(t *testing.T) {
	s, base := fakeEditor(t, `sed -i 's/old/new/' "$1"; kill -INT $$; sleep 5`)
	err := s.Run()
	if err == nil || !strings.Contains(err.Error(), "stopped by interrupt") {
		t.Fatalf("err = %v", err)
	}
	assertEmpty(t, base)
}

func TestEditorSessionStopsTheEditorAndCleansUpOnSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT} {
		t.Run(sig.String(), func(t *testing.T) {
			ready := filepath.Join(t.TempDir(), "ready")
			s, base := fakeEditor(t, `echo > `+ready+`; exec sleep 30`)
			done := make(chan error, 1)
			go func() { done <- s.Run() }()
			deadline := time.Now().Add(5 * time.Second)
			for {
				if _, err := os.Stat(ready); err == nil {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("the editor did not start")
				}
				time.Sleep(10 * time.Millisecond)
			}
			if err := syscall.Kill(os.Getpid(), sig); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				if err == nil || s.terminated != sig {
					t.Fatalf("err = %v, terminated = %v", err, s.terminated)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the session did not stop the editor")
			}
			assertEmpty(t, base)
		})
	}
}

func TestEditorCommandPrefersVisualThenEditorThenVi(t *testing.T) {
	env := map[string]string{}
	get := func(k string) string { return env[k] }
	if got := editorCommand(get); len(got) != 1 || got[0] != "vi" {
		t.Fatalf("fallback %q", got)
	}
	env["EDITOR"] = "nano"
	if got := editorCommand(get); got[0] != "nano" {
		t.Fatalf("EDITOR %q", got)
	}
	env["VISUAL"] = "code --wait"
	if got := editorCommand(get); len(got) != 2 || got[0] != "code" || got[1] != "--wait" {
		t.Fatalf("VISUAL %q", got)
	}
}
