package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// session runs keyhole in a pseudo-terminal and keeps its screen in a VT
// emulator.
type session struct {
	cmd  *exec.Cmd
	pty  *os.File
	term *vt.Emulator
	done chan struct{} // closed when keyhole's output ends
	// answered is closed when the emulator's answers stop flowing back.
	answered chan struct{}

	mu       sync.Mutex // guards term's screen and lastByte
	lastByte time.Time
}

// sessionConfig says what to run and how the terminal looks.
type sessionConfig struct {
	binary     string
	args       []string
	cols, rows int
	home       string
	theme      theme
}

// childEnv is the environment keyhole runs in: a colour terminal with a
// UTF-8 locale, an empty home and nothing that points at a clipboard or an
// SSH session.
func childEnv(home string) []string {
	return []string{
		"TERM=xterm-256color",
		"COLORTERM=truecolor",
		"LANG=C.UTF-8",
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + home + "/.config",
	}
}

// startSession starts keyhole in a cols×rows pseudo-terminal.
func startSession(cfg sessionConfig) (*session, error) {
	term := vt.NewEmulator(cfg.cols, cfg.rows)
	term.SetDefaultForegroundColor(cfg.theme.fg)
	term.SetDefaultBackgroundColor(cfg.theme.bg)
	cmd := exec.Command(cfg.binary, cfg.args...)
	cmd.Env = childEnv(cfg.home)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cfg.cols), Rows: uint16(cfg.rows)})
	if err != nil {
		return nil, fmt.Errorf("start %s in a pseudo-terminal: %w", cfg.binary, err)
	}
	s := &session{cmd: cmd, pty: f, term: term, done: make(chan struct{}), answered: make(chan struct{}), lastByte: time.Now()}
	go s.pump()
	go func() { // the terminal's answers to queries, such as its background colour
		defer close(s.answered)
		_, _ = io.Copy(f, term)
	}()
	return s, nil
}

// pump feeds everything keyhole writes into the emulator.
func (s *session) pump() {
	defer close(s.done)
	buf := make([]byte, 32*1024)
	for {
		n, err := s.pty.Read(buf)
		if n > 0 {
			s.mu.Lock()
			_, _ = s.term.Write(buf[:n])
			s.lastByte = time.Now()
			s.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// send types keys as a terminal would send them.
func (s *session) send(keys string) error {
	if _, err := s.pty.Write([]byte(keys)); err != nil {
		return fmt.Errorf("type into the pseudo-terminal: %w", err)
	}
	return nil
}

// text is the screen's text, one line per row.
func (s *session) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.term.String()
}

// waitUntil polls the screen until ready holds for its text, failing at
// deadline or when keyhole exits.
func (s *session) waitUntil(what string, ready func(screen string) bool, deadline time.Time) error {
	for {
		screen := s.text()
		if ready(screen) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("wait for %s: timed out; screen:\n%s", what, screen)
		}
		select {
		case <-s.done:
			return fmt.Errorf("wait for %s: keyhole exited; screen:\n%s", what, s.text())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// quiet is how long the output must pause before a frame counts as drawn.
const quiet = 250 * time.Millisecond

// settle waits until keyhole has written nothing for quiet.
func (s *session) settle(deadline time.Time) error {
	for {
		s.mu.Lock()
		idle := time.Since(s.lastByte)
		s.mu.Unlock()
		if idle >= quiet {
			return nil
		}
		if time.Now().After(deadline) {
			return errors.New("the screen did not settle")
		}
		time.Sleep(quiet - idle)
	}
}

// snapshot copies the screen as it is now.
func (s *session) snapshot() *grid {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copyGrid(s.term)
}

// close ends keyhole and releases the terminal. The emulator's answer
// pipe is closed and drained before the emulator itself, which does not
// guard its own closing against a reader.
func (s *session) close() {
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
	_ = s.pty.Close()
	<-s.done
	if answers, ok := s.term.InputPipe().(io.Closer); ok {
		_ = answers.Close()
		<-s.answered
	}
	_ = s.term.Close()
}
