package edit

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// editorGrace is how long an editor told to stop gets before it is killed.
const editorGrace = 3 * time.Second

// editorSession runs an editor on a value written to a private temporary
// file and reads the result back. The file is wiped and removed before Run
// returns, whatever happened: the editor failed, was interrupted, keyhole
// got SIGTERM, SIGHUP or SIGQUIT (the editor is then stopped first), or a
// panic. It
// implements tea.ExecCommand, so Bubble Tea gives it the terminal.
type editorSession struct {
	getenv  func(string) string
	name    string
	content []byte

	stdin          io.Reader
	stdout, stderr io.Writer

	// edited and terminated are set by Run and read after it returns.
	edited     []byte
	terminated os.Signal
}

// SetStdin sets the editor's input.
func (s *editorSession) SetStdin(r io.Reader) { s.stdin = r }

// SetStdout sets the editor's output.
func (s *editorSession) SetStdout(w io.Writer) { s.stdout = w }

// SetStderr sets the editor's error output. It goes to the terminal and is
// never captured, so nothing the editor prints can end up in an error.
func (s *editorSession) SetStderr(w io.Writer) { s.stderr = w }

// editorCommand is $VISUAL, else $EDITOR, else vi, split on spaces so it
// may carry arguments such as "code --wait". It is run without a shell.
func editorCommand(getenv func(string) string) []string {
	for _, name := range []string{"VISUAL", "EDITOR"} {
		if f := strings.Fields(getenv(name)); len(f) > 0 {
			return f
		}
	}
	return []string{"vi"}
}

// Run writes the file, runs the editor on it and reads it back.
func (s *editorSession) Run() (err error) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT)
	defer signal.Stop(signals)

	file, err := createTempFile(tempBase(s.getenv), s.name, s.content)
	if err != nil {
		return err
	}
	defer func() {
		if rmErr := file.remove(); rmErr != nil && err == nil {
			err = rmErr
		}
	}()

	argv := editorCommand(s.getenv)
	cmd := exec.Command(argv[0], append(argv[1:], file.path)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = s.stdin, s.stdout, s.stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start the editor %s: %w", argv[0], err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var kill <-chan time.Time
	for {
		select {
		case waitErr := <-done:
			if s.terminated != nil {
				return fmt.Errorf("keyhole was asked to stop (%v) while the editor ran", s.terminated)
			}
			if waitErr != nil {
				return editorFailure(waitErr)
			}
			s.edited, err = file.read()
			return err
		case sig := <-signals:
			// ^C reaches the editor too, from the terminal: it decides.
			if sig == syscall.SIGINT || s.terminated != nil {
				continue
			}
			s.terminated = sig
			_ = cmd.Process.Signal(syscall.SIGTERM)
			kill = time.After(editorGrace)
		case <-kill:
			_ = cmd.Process.Kill()
		}
	}
}

// editorFailure says how the editor ended, never with what it printed.
func editorFailure(err error) error {
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		return fmt.Errorf("run the editor: %w", err)
	}
	if status, ok := exit.Sys().(syscall.WaitStatus); ok && status.Signaled() {
		return fmt.Errorf("the editor was stopped by %v", status.Signal())
	}
	return fmt.Errorf("the editor exited with status %d", exit.ExitCode())
}
