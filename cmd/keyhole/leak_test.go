package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/clipboard"
)

// The canaries are values the leak session reveals, copies, types and
// edits; none may be found anywhere but in the emulator and the clipboard.
const (
	leakCanary       = "canary-leak-7c1e-Q9zz"
	leakTypedCanary  = "canary-typed-53b0-Kk2"
	leakEditorCanary = "canary-editor-e41a-Zu"
)

var leakCanaries = []string{leakCanary, leakTypedCanary, leakEditorCanary}

// leakSeed holds one secret whose password is the first canary, with an
// older version to diff against.
func leakSeed() emulator.Seed {
	old := `{"user":"app","password":"previous"}`
	current := `{"user":"app","password":"` + leakCanary + `"}`
	return emulator.Seed{
		Identities: map[string]string{"AKIALEAK": "arn:aws:iam::123456789012:user/leak"},
		Secrets: []emulator.SeedSecret{{
			Name: "leak/db", Description: "leak test",
			Versions: []emulator.SeedVersion{
				{String: &old, Stages: []string{"AWSPREVIOUS"}, Created: emulator.Relative(-48 * time.Hour)},
				{String: &current, Stages: []string{"AWSCURRENT"}, Created: emulator.Relative(-time.Hour)},
			},
		}},
	}
}

// editorScript is a stand-in for $EDITOR: it notes the file it was handed,
// records its own command line and environment, and swaps the typed
// canary for the editor canary.
func editorScript(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "editor.sh")
	script := "#!/bin/sh\n" +
		"printf '%s\\n' \"$1\" > " + filepath.Join(dir, "edited-path") + "\n" +
		"tr '\\0' '\\n' < /proc/$$/environ > " + filepath.Join(dir, "editor-environ") + "\n" +
		"tr '\\0' '\\n' < /proc/$$/cmdline > " + filepath.Join(dir, "editor-cmdline") + "\n" +
		"sed -i 's/" + leakTypedCanary + "/" + leakEditorCanary + "/' \"$1\"\n"
	if err := os.WriteFile(path, []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}

// snapshot lists the files under dirs, leaving out the tree at skip, to
// tell what a session created.
func snapshot(skip string, dirs ...string) map[string]bool {
	files := map[string]bool{}
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
			switch {
			case err != nil:
				return nil
			case path == skip:
				return filepath.SkipDir
			case !e.IsDir():
				files[path] = true
			}
			return nil
		})
	}
	return files
}

// entries lists what is directly in dirs; they are shared with other
// programs, so only names that say keyhole count.
func entries(dirs ...string) map[string]bool {
	names := map[string]bool{}
	for _, dir := range dirs {
		list, _ := os.ReadDir(dir)
		for _, e := range list {
			names[filepath.Join(dir, e.Name())] = true
		}
	}
	return names
}

// containsCanary names the canary text holds, or "".
func containsCanary(text []byte) string {
	for _, c := range leakCanaries {
		if bytes.Contains(text, []byte(c)) {
			return c
		}
	}
	return ""
}

// TestValuesLeaveNoTrace reveals, copies, edits in place, edits in
// $EDITOR and diffs a secret in the real binary with --debug and --rw, and
// then looks for its values everywhere they must not be: the debug log,
// temporary files, stderr, the terminal's main screen after exit, and the
// process's command line and environment while it runs.
func TestValuesLeaveNoTrace(t *testing.T) {
	emu := emulator.New(emulator.Options{})
	if err := emu.Load(leakSeed()); err != nil {
		t.Fatalf("load seed: %v", err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(func() {
		srv.Close()
		emu.Close()
	})
	work := t.TempDir()
	testRoot := filepath.Dir(work) // the test's own files, HOME among them
	runtimeDir, tmpDir := privateDir(t, "keyhole-leak-runtime-"), privateDir(t, "keyhole-leak-tmp-")
	debugLog := filepath.Join(work, "debug.log")
	shared := []string{os.TempDir(), "/dev/shm"}
	sharedBefore := entries(shared...)
	ownBefore := snapshot("", testRoot)

	env := append(emulatorEnv("AKIALEAK"), "XDG_RUNTIME_DIR="+runtimeDir, "TMPDIR="+tmpDir, "EDITOR="+editorScript(t, work))
	tm := startTerm(t, 120, 30, env,
		"--endpoint-url", srv.URL, "--region", "us-east-1", "--rw", "--debug", debugLog,
		"--clipboard", "osc52", "--clipboard-timeout", "1s", "--reveal-timeout", "0")
	tm.WaitForText("1 of 1 secrets")

	// Reveal and copy the password.
	tm.Send("\r")
	tm.WaitForText("not loaded")
	tm.Send("v")
	tm.WaitForText("pick a field")
	tm.Send("v")
	tm.WaitForText("user      app")
	tm.Send("jv")
	tm.WaitForText(leakCanary)
	checkProcess(t, tm.cmd.Process.Pid)
	tm.Send("c")
	tm.WaitForText("copied")
	tm.WaitForText("clipboard cleared")

	// Edit in place: type a new password and save it.
	tm.Send("e")
	tm.WaitForText("base version ")
	tm.Send("j\r\x15" + leakTypedCanary + "\r")
	tm.Send("\x13")
	tm.WaitForText("Save a new version of leak/db?")
	tm.Send("y")
	tm.WaitForText("saved as version ") // and back to the detail
	tm.WaitForText("Value · AWSCURRENT")

	// Edit in $EDITOR: the editor swaps the typed canary for another.
	tm.Send("E")
	tm.WaitForText("Save a new version of leak/db?")
	tm.Send("y")
	tm.WaitForText("saved as version ")
	tm.WaitForText("Value · AWSCURRENT")
	tm.Send("v")
	tm.WaitForText("pick a field")
	tm.Send("v")
	tm.WaitForText("user      app")
	tm.Send("jv")
	tm.WaitForText(leakEditorCanary)
	checkProcess(t, tm.cmd.Process.Pid)

	// Diff the two newest versions, masked.
	tm.Send("h")
	tm.WaitForText("Versions · leak/db")
	tm.Send(" j=")
	tm.WaitForText("Diff · leak/db")
	tm.WaitForText("password")
	if c := containsCanary([]byte(tm.Screen())); c != "" {
		t.Errorf("the masked diff shows %s", c)
	}

	tm.Send("q")
	if err := tm.Wait(); err != nil {
		t.Fatalf("keyhole exited with %v", err)
	}
	if c := containsCanary([]byte(tm.Screen())); c != "" {
		t.Errorf("the main screen after exit shows %s:\n%s", c, tm.Screen())
	}
	if tm.altScreen() {
		t.Error("keyhole left the terminal in the alternate screen")
	}

	log, err := os.ReadFile(debugLog)
	if err != nil || len(log) == 0 {
		t.Fatalf("no debug log: %v", err)
	}
	if c := containsCanary(log); c != "" {
		t.Errorf("the debug log holds %s", c)
	}
	edited, err := os.ReadFile(filepath.Join(work, "edited-path"))
	if err != nil {
		t.Fatalf("the editor never ran: %v", err)
	}
	editedPath := strings.TrimSpace(string(edited))
	if !strings.HasPrefix(editedPath, runtimeDir) {
		t.Errorf("the editor's file %s is not under $XDG_RUNTIME_DIR", editedPath)
	}
	if _, err := os.Stat(filepath.Dir(editedPath)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the editor's directory outlived the edit: %v", err)
	}
	for _, name := range []string{"editor-environ", "editor-cmdline"} {
		text, _ := os.ReadFile(filepath.Join(work, name))
		if c := containsCanary(text); c != "" {
			t.Errorf("the editor's %s holds %s", strings.TrimPrefix(name, "editor-"), c)
		}
	}
	for path := range snapshot(testRoot, runtimeDir, tmpDir) {
		t.Errorf("the session left %s behind", path)
	}
	for path := range entries(shared...) {
		if !sharedBefore[path] && strings.Contains(filepath.Base(path), "keyhole") && !strings.HasPrefix(path, testRoot) {
			t.Errorf("the session left %s behind", path)
		}
	}
	for path := range snapshot("", testRoot) {
		if ownBefore[path] || filepath.Base(path) == "editor.sh" {
			continue
		}
		if text, err := os.ReadFile(path); err == nil && containsCanary(text) != "" {
			t.Errorf("%s holds a value", path)
		}
	}
}

// privateDir makes a directory outside the test's own tree, removed at the
// end of the test.
func privateDir(t *testing.T, prefix string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	return dir
}

// checkProcess fails if a canary is in the command line or environment of
// the process pid.
func checkProcess(t *testing.T, pid int) {
	t.Helper()
	for _, name := range []string{"cmdline", "environ"} {
		text, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), name))
		if err != nil {
			t.Fatalf("read the process's %s: %v", name, err)
		}
		if c := containsCanary(text); c != "" {
			t.Errorf("the process's %s holds %s", name, c)
		}
	}
}

// panicOn is the app with a defect planted: the key ! panics with a
// message that formats the secret's version, value included.
type panicOn struct {
	tea.Model
	version model.SecretVersion
}

func (m panicOn) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "!" {
		panic(fmt.Sprintf("planted defect: version %+v, value %v, %#v", m.version, m.version.Value, m.version.Value))
	}
	next, cmd := m.Model.Update(msg)
	m.Model = next
	return m, cmd
}

// TestAPanicRestoresTheTerminalAndPrintsNoValue runs the app as the binary
// does, with a planted panic in Update, and checks that Bubble Tea leaves
// the alternate screen and that the trace on stderr shows the value only
// as [redacted].
func TestAPanicRestoresTheTerminalAndPrintsNoValue(t *testing.T) {
	emu := emulator.New(emulator.Options{})
	if err := emu.Load(leakSeed()); err != nil {
		t.Fatalf("load seed: %v", err)
	}
	t.Cleanup(emu.Close)
	client, err := awsx.New(context.Background(), awsx.Options{
		Region: "us-east-1", EndpointURL: "http://leak.invalid", HTTPClient: &http.Client{Transport: emu.Transport()},
		Credentials: credentials.NewStaticCredentialsProvider("AKIALEAK", "secret", ""),
	})
	if err != nil {
		t.Fatalf("client: %v", err)
	}
	version, err := client.GetSecretValue(t.Context(), model.ValueRef{SecretID: "leak/db", Stage: model.StageCurrent})
	if err != nil {
		t.Fatalf("read the value: %v", err)
	}
	clip, err := clipboard.New("off", clipboard.EnvFrom(os.Getenv))
	if err != nil {
		t.Fatalf("clipboard: %v", err)
	}

	stderr := captureStderr(t)
	in, keys := io.Pipe()
	screen := vt.NewSafeEmulator(80, 24)
	go func() { _, _ = io.Copy(io.Discard, screen) }() // the terminal's answers to queries
	app := ui.New(t.Context(), client, ui.Config{Region: "us-east-1", Clipboard: clip})
	p := tea.NewProgram(panicOn{Model: app, version: version},
		tea.WithInput(in), tea.WithOutput(screen), tea.WithWindowSize(80, 24), tea.WithoutSignals())
	ended := make(chan struct{})
	go func() {
		deadline := time.Now().Add(15 * time.Second)
		for !strings.Contains(ansi.Strip(screen.Render()), "1 of 1 secrets") && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		_, _ = keys.Write([]byte("!"))
		select {
		case <-ended:
		case <-time.After(15 * time.Second):
			p.Kill() // the panic was not caught: end the test rather than hang
		}
	}()
	_, err = p.Run()
	close(ended)
	trace := stderr()
	_ = keys.Close()

	if !errors.Is(err, tea.ErrProgramPanic) {
		t.Fatalf("Run returned %v, want a caught panic", err)
	}
	if !strings.Contains(trace, "Caught panic") || !strings.Contains(trace, "planted defect") {
		t.Fatalf("stderr has no panic trace:\n%s", trace)
	}
	if !strings.Contains(trace, model.Redacted) {
		t.Errorf("the value does not print as %s in the trace:\n%s", model.Redacted, trace)
	}
	if c := containsCanary([]byte(trace)); c != "" {
		t.Errorf("the panic trace holds %s:\n%s", c, trace)
	}
	if screen.IsAltScreen() {
		t.Error("the panic left the terminal in the alternate screen")
	}
	if strings.Contains(ansi.Strip(screen.Render()), "leak/db") {
		t.Errorf("the main screen after the panic shows the app:\n%s", ansi.Strip(screen.Render()))
	}
}

// captureStderr points os.Stderr at a pipe until the returned function is
// called, which gives back what was written.
func captureStderr(t *testing.T) func() string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stderr
	os.Stderr = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	restored := false
	restore := func() string {
		if restored {
			return ""
		}
		restored = true
		os.Stderr = saved
		_ = w.Close()
		return <-done
	}
	t.Cleanup(func() { restore() })
	return restore
}
