package main

import (
	"encoding/base64"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// signalSecret is the demo secret the signal tests copy.
const signalSecret = "prod/payments/stripe-api-key"

// fakeXclip puts a stand-in for xclip first on PATH: it keeps the
// clipboard in a file, which it returns.
func fakeXclip(t *testing.T) (pathEnv, clip string) {
	t.Helper()
	dir := t.TempDir()
	clip = filepath.Join(dir, "clipboard")
	script := "#!/bin/sh\n" +
		"for a in \"$@\"; do case $a in -o|-out) exec cat " + clip + " 2>/dev/null;; esac; done\n" +
		"cat > " + clip + "\n"
	if err := os.WriteFile(filepath.Join(dir, "xclip"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	return "PATH=" + dir + ":" + os.Getenv("PATH"), clip
}

// copyDemoSecret opens the demo's Stripe key and copies its value.
func copyDemoSecret(tm *term) {
	tm.t.Helper()
	tm.WaitForText("secrets · sorted by name")
	tm.Send("/prod/payments/stripe")
	tm.WaitFor("the filter applied", func(s string) bool { return !strings.Contains(s, "60 of 60") })
	tm.Send("\r\r")
	tm.WaitForText("not loaded")
	tm.Send("c")
	tm.WaitForText("copied")
}

// waitClipboard waits until the fake xclip holds want: the status bar says
// "copied" as the write starts.
func waitClipboard(t *testing.T, clip, want string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		if held, _ := os.ReadFile(clip); string(held) == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the copy never reached the fake xclip")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// exitStatus is how the process ended: its exit code, or -1 when a
// signal killed it.
func exitStatus(t *testing.T, err error) int {
	t.Helper()
	var exit *exec.ExitError
	if err == nil {
		return 0
	}
	if !errors.As(err, &exit) {
		t.Fatalf("wait: %v", err)
	}
	return exit.ExitCode()
}

func TestSignalsClearTheSystemClipboardAndRestoreTheTerminal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT} {
		t.Run(signalName(sig), func(t *testing.T) {
			t.Parallel()
			path, clip := fakeXclip(t)
			tm := startTerm(t, 100, 30, []string{path, "DISPLAY=:0"},
				"--demo", "--clipboard", "system", "--clipboard-timeout", "1h")
			copyDemoSecret(tm)
			waitClipboard(t, clip, demoValue(t, signalSecret))

			if err := tm.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if code := exitStatus(t, tm.Wait()); code != 128+int(sig) {
				t.Errorf("exit status %d, want %d", code, 128+int(sig))
			}
			if held, _ := os.ReadFile(clip); len(held) != 0 {
				t.Errorf("the clipboard still holds %d bytes after %v", len(held), sig)
			}
			if tm.altScreen() {
				t.Error("the terminal was left on the alternate screen")
			}
			if !strings.HasSuffix(cursorState(tm.Raw()), "\x1b[?25h") {
				t.Error("the cursor was left hidden")
			}
			if strings.Contains(tm.Screen(), signalSecret) {
				t.Errorf("the main screen shows keyhole's content:\n%s", tm.Screen())
			}
		})
	}
}

func TestSignalsClearAnOSC52Clipboard(t *testing.T) {
	copied := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(demoValue(t, signalSecret)))
	cleared := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(" ")) + "\x07"
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(signalName(sig), func(t *testing.T) {
			t.Parallel()
			tm := startTerm(t, 100, 30, []string{"SSH_TTY=/dev/pts/7"},
				"--demo", "--clipboard", "osc52", "--clipboard-timeout", "1h")
			copyDemoSecret(tm)
			if err := tm.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if code := exitStatus(t, tm.Wait()); code != 128+int(sig) {
				t.Errorf("exit status %d, want %d", code, 128+int(sig))
			}
			raw := tm.Raw()
			at := strings.LastIndex(raw, copied)
			if at < 0 || !strings.Contains(raw[at:], cleared) {
				t.Errorf("no OSC 52 clear after the copy; the stream ends %q", tail(raw, 200))
			}
			if tm.altScreen() {
				t.Error("the terminal was left on the alternate screen")
			}
		})
	}
}

func TestSuspendClearsTheClipboardFirst(t *testing.T) {
	path, clip := fakeXclip(t)
	tm := startTerm(t, 100, 30, []string{path, "DISPLAY=:0"},
		"--demo", "--clipboard", "system", "--clipboard-timeout", "1h")
	copyDemoSecret(tm)
	waitClipboard(t, clip, demoValue(t, signalSecret))
	tm.Send("\x1a") // ctrl+z
	deadline := time.Now().Add(15 * time.Second)
	for {
		held, _ := os.ReadFile(clip)
		if len(held) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the clipboard still holds the value while keyhole is suspended")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Let it go on, then quit.
	_ = tm.cmd.Process.Signal(syscall.SIGCONT)
	tm.WaitForText("secrets")
}

// cursorState is the last cursor show or hide sequence in raw.
func cursorState(raw string) string {
	show, hide := strings.LastIndex(raw, "\x1b[?25h"), strings.LastIndex(raw, "\x1b[?25l")
	if show > hide {
		return "\x1b[?25h"
	}
	return "\x1b[?25l"
}

// tail is the last n bytes of s.
func tail(s string, n int) string { return s[max(len(s)-n, 0):] }

// waitFile waits until path exists and returns its content.
func waitFile(t *testing.T, path string) string {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return strings.TrimSpace(string(b))
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never appeared", path)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestQuitKeyInALineModeEditorRemovesTheFile types ctrl+\ and ctrl+c to an
// $EDITOR that leaves the terminal in line mode, where the terminal turns
// them into SIGQUIT and SIGINT for keyhole too. ctrl+\ ends keyhole with
// 131 and the value's file removed; ctrl+c is the editor's business and
// keyhole goes on.
func TestQuitKeyInALineModeEditorRemovesTheFile(t *testing.T) {
	for _, tc := range []struct {
		name, key string
		quits     bool
	}{{"ctrl+backslash", "\x1c", true}, {"ctrl+c", "\x03", false}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			work := t.TempDir()
			runtimeDir := privateDir(t, "keyhole-sigquit-")
			editor := filepath.Join(work, "editor.sh")
			script := "#!/bin/sh\nprintf '%s\\n' \"$1\" > " + filepath.Join(work, "file") + "\nexec sleep 30\n"
			if err := os.WriteFile(editor, []byte(script), 0o700); err != nil {
				t.Fatal(err)
			}
			tm := startTerm(t, 100, 30, []string{"EDITOR=" + editor, "XDG_RUNTIME_DIR=" + runtimeDir},
				"--demo", "--rw")
			tm.WaitForText("secrets · sorted by name")
			tm.Send("/prod/payments/stripe")
			tm.WaitFor("the filter applied", func(s string) bool { return !strings.Contains(s, "60 of 60") })
			tm.Send("\r\r")
			tm.WaitForText("not loaded")
			tm.Send("E")
			file := waitFile(t, filepath.Join(work, "file"))
			if _, err := os.Stat(file); err != nil {
				t.Fatalf("the editor's file: %v", err)
			}

			tm.Send(tc.key)
			if tc.quits {
				if code := exitStatus(t, tm.Wait()); code != 131 {
					t.Errorf("exit status %d, want 131", code)
				}
				if tm.altScreen() {
					t.Error("the terminal was left on the alternate screen")
				}
			} else {
				tm.WaitForText("the editor was stopped by interrupt")
			}
			if _, err := os.Stat(filepath.Dir(file)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the editor's directory is still there: %v", err)
			}
		})
	}
}

// tmuxServer runs a private tmux server with set-clipboard on.
type tmuxServer struct {
	t      *testing.T
	socket string
}

// startTmux starts a tmux server of its own running command in an 80×24
// window, or skips when tmux is not installed.
func startTmux(t *testing.T, command string) *tmuxServer {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	s := &tmuxServer{t: t, socket: "keyhole-test-" + strings.ReplaceAll(t.Name(), "/", "-")}
	s.run("-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "sh")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.run("set-option", "-g", "set-clipboard", "on")
	s.run("send-keys", command, "Enter")
	return s
}

// run runs a tmux command on the server and returns its output.
func (s *tmuxServer) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v: %s", args[0], err, out)
	}
	return string(out)
}

// waitFor polls the pane until it shows text.
func (s *tmuxServer) waitFor(text string) {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(s.run("capture-pane", "-p"), text) {
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out waiting for %q; pane:\n%s", text, s.run("capture-pane", "-p"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// buffers is the text of every paste buffer.
func (s *tmuxServer) buffers() []string {
	var texts []string
	for name := range strings.FieldsSeq(s.run("list-buffers", "-F", "#{buffer_name}")) {
		texts = append(texts, s.run("show-buffer", "-b", name))
	}
	return texts
}

// TestTmuxPasteBuffersAreCleared copies in tmux with set-clipboard on,
// where tmux keeps every OSC 52 copy in a paste buffer and ignores an
// empty one, and checks that no buffer holds the value after the
// countdown, after quitting, and after SIGTERM.
func TestTmuxPasteBuffersAreCleared(t *testing.T) {
	secret := demoValue(t, signalSecret)
	for _, how := range []string{"countdown", "quit", "SIGTERM"} {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			timeout := "1h"
			if how == "countdown" {
				timeout = "1s"
			}
			pidFile := filepath.Join(t.TempDir(), "pid")
			s := startTmux(t, "sh -c 'echo $$ > "+pidFile+"; exec env LANG=C.UTF-8 "+binary+
				" --demo --clipboard osc52 --clipboard-timeout "+timeout+"'; echo keyhole \"ended\"")
			s.waitFor("sorted by name")
			s.run("send-keys", "-l", "/prod/payments/stripe")
			s.waitFor("1 of 60")
			s.run("send-keys", "Enter", "Enter")
			s.waitFor("not loaded")
			s.run("send-keys", "c")
			s.waitFor("copied")
			held := false
			for _, b := range s.buffers() {
				held = held || b == secret
			}
			if !held {
				t.Fatalf("tmux made no paste buffer of the copy: %q", s.buffers())
			}

			switch how {
			case "countdown":
				s.waitFor("clipboard cleared")
			case "quit":
				s.run("send-keys", "q")
				s.waitFor("\nkeyhole ended")
			case "SIGTERM":
				pid := waitFile(t, pidFile)
				if err := exec.Command("kill", "-TERM", pid).Run(); err != nil {
					t.Fatal(err)
				}
				s.waitFor("\nkeyhole ended")
			}
			for _, b := range s.buffers() {
				if b == secret {
					t.Fatalf("a tmux paste buffer still holds the value after the %s", how)
				}
			}
		})
	}
}
