package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// binary is the keyhole binary built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "keyhole-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "keyhole")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		panic("build keyhole: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// term runs the keyhole binary in a pseudo-terminal and reads its screen
// through a VT emulator; it also keeps every byte the program wrote.
type term struct {
	t    testing.TB
	cmd  *exec.Cmd
	pty  *os.File
	done chan struct{}

	mu  sync.Mutex // guards raw and vt, which pump writes while tests read
	raw bytes.Buffer
	vt  *vt.Emulator
}

// startTerm runs keyhole with args in a width×height terminal. env adds to a
// bare environment (TERM and a UTF-8 locale unless overridden).
func startTerm(t testing.TB, width, height int, env []string, args ...string) *term {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append([]string{"TERM=xterm-256color", "LANG=C.UTF-8", "HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(width), Rows: uint16(height)})
	if err != nil {
		t.Fatalf("start keyhole: %v", err)
	}
	tm := &term{t: t, cmd: cmd, pty: f, vt: vt.NewEmulator(width, height), done: make(chan struct{})}
	go tm.pump()
	go func() { _, _ = io.Copy(f, tm.vt) }() // the terminal's answers to queries
	t.Cleanup(tm.close)
	return tm
}

func (tm *term) pump() {
	defer close(tm.done)
	buf := make([]byte, 32*1024)
	for {
		n, err := tm.pty.Read(buf)
		if n > 0 {
			tm.mu.Lock()
			tm.raw.Write(buf[:n])
			_, _ = tm.vt.Write(buf[:n])
			tm.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

func (tm *term) close() {
	_ = tm.cmd.Process.Kill()
	_ = tm.cmd.Wait()
	_ = tm.pty.Close()
	<-tm.done
	// The emulator is left open: its Close races with the goroutine still
	// blocked in its Read, which ends with the test binary.
}

// Raw is everything the program wrote so far.
func (tm *term) Raw() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.raw.String()
}

// Screen is the text on the emulated screen.
func (tm *term) Screen() string {
	var text string
	tm.withScreen(func(screen *vt.Emulator) { text = ansi.Strip(screen.Render()) })
	return text
}

// altScreen reports whether the terminal shows its alternate screen.
func (tm *term) altScreen() bool {
	var alt bool
	tm.withScreen(func(screen *vt.Emulator) { alt = screen.IsAltScreen() })
	return alt
}

// withScreen runs read on the emulated screen while no output is applied
// to it. The emulator's cells are pointers into its buffer, so every read
// of them must happen inside read.
func (tm *term) withScreen(read func(screen *vt.Emulator)) {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	read(tm.vt)
}

// Send types raw input.
func (tm *term) Send(s string) {
	tm.t.Helper()
	if _, err := tm.pty.Write([]byte(s)); err != nil {
		tm.t.Fatalf("write to pty: %v", err)
	}
}

// WaitFor polls the screen until cond holds, failing after 15 seconds.
func (tm *term) WaitFor(what string, cond func(screen string) bool) {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if cond(tm.Screen()) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.t.Fatalf("timed out waiting for %s; screen:\n%s", what, tm.Screen())
}

// WaitForText waits until the screen shows text.
func (tm *term) WaitForText(text string) {
	tm.t.Helper()
	tm.WaitFor(text, func(s string) bool { return strings.Contains(s, text) })
}

// Wait waits for the program to exit and returns its error.
func (tm *term) Wait() error {
	select {
	case <-tm.done:
	case <-time.After(15 * time.Second):
		tm.t.Fatal("keyhole did not exit")
	}
	return tm.cmd.Wait()
}
