// Package clipboard puts values on the user's clipboard, locally through the
// system clipboard or over SSH through OSC 52, and clears them again.
package clipboard

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/atotto/clipboard"
	"github.com/charmbracelet/x/ansi"
)

// Modes a user can ask for with --clipboard.
const (
	ModeAuto   = "auto"
	ModeOSC52  = "osc52"
	ModeSystem = "system"
	ModeOff    = "off"
)

// Env is what backend selection reads from the environment.
type Env struct {
	// SSH is set when SSH_TTY or SSH_CONNECTION is.
	SSH bool
	// Tmux is set inside tmux (TMUX), Screen inside GNU screen (STY). A
	// TERM of screen* outside tmux is taken as screen too, a guess that
	// also catches screen running the SSH client; when it is wrong (a
	// local tmux with that TERM), the wrapped copy is ignored and the plain
	// sequence, always sent, still works.
	Tmux   bool
	Screen bool
	// SystemAvailable reports whether a system clipboard tool exists.
	SystemAvailable bool
	// Display reports whether the system clipboard tools have a display to
	// reach: always on macOS and Windows, elsewhere only when DISPLAY or
	// WAYLAND_DISPLAY is set, since xclip, xsel and wl-copy need one.
	Display bool
}

// EnvFrom reads Env through getenv on this platform.
func EnvFrom(getenv func(string) string) Env {
	return envFor(runtime.GOOS, !clipboard.Unsupported, getenv)
}

// envFor reads Env through getenv on platform goos, where toolFound tells
// whether a system clipboard tool was found.
func envFor(goos string, toolFound bool, getenv func(string) string) Env {
	tmux := getenv("TMUX") != ""
	return Env{
		SSH:             getenv("SSH_TTY") != "" || getenv("SSH_CONNECTION") != "",
		Tmux:            tmux,
		Screen:          getenv("STY") != "" || !tmux && strings.HasPrefix(getenv("TERM"), "screen"),
		SystemAvailable: toolFound,
		Display:         hasDisplay(goos, getenv),
	}
}

// hasDisplay reports whether the clipboard tools of platform goos can reach
// a display: macOS and Windows need none, X11 and Wayland tools do.
func hasDisplay(goos string, getenv func(string) string) bool {
	switch goos {
	case "darwin", "windows":
		return true
	}
	return getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != ""
}

// Backend writes to one clipboard.
type Backend interface {
	// Name names the backend for the status bar.
	Name() string
	// Write returns a command that puts text on the clipboard.
	Write(text string) tea.Cmd
	// Clear returns a command that empties the clipboard if it still holds
	// text with the given fingerprint, where that can be checked.
	Clear(fingerprint [sha256.Size]byte) tea.Cmd
}

// New picks the backend for mode. auto uses OSC 52 in an SSH session (never
// the remote host's clipboard tools), where no system clipboard tool exists
// or where it has no display to reach, and the system clipboard otherwise.
func New(mode string, env Env) (Backend, error) {
	switch mode {
	case ModeAuto, "":
		if env.SSH || !env.SystemAvailable || !env.Display {
			return osc52{tmux: env.Tmux, screen: env.Screen}, nil
		}
		return newSystem(), nil
	case ModeOSC52:
		return osc52{tmux: env.Tmux, screen: env.Screen}, nil
	case ModeSystem:
		if !env.SystemAvailable {
			return nil, errors.New("no system clipboard: install xclip, xsel or wl-clipboard, or use --clipboard osc52")
		}
		return newSystem(), nil
	case ModeOff:
		return off{}, nil
	}
	return nil, fmt.Errorf("unknown clipboard mode %q: want auto, osc52, system or off", mode)
}

// ResultMsg reports how a clipboard write or clear went.
type ResultMsg struct {
	Cleared bool
	Err     error
}

// osc52 writes through the terminal with OSC 52, wrapped for tmux and screen
// so the sequence reaches the outer terminal.
type osc52 struct{ tmux, screen bool }

func (o osc52) Name() string { return "OSC 52" }

func (o osc52) Write(text string) tea.Cmd { return o.send(text, false) }

// Clear empties the clipboard: OSC 52 cannot be read back reliably, so it
// clears unconditionally.
func (o osc52) Clear([sha256.Size]byte) tea.Cmd { return o.send("", true) }

func (o osc52) send(text string, cleared bool) tea.Cmd {
	cmds := []tea.Cmd{tea.SetClipboard(text)}
	seq := ansi.SetSystemClipboard(text)
	if o.tmux {
		cmds = append(cmds, tea.Raw(ansi.TmuxPassthrough(seq)))
	}
	if o.screen {
		cmds = append(cmds, tea.Raw(ansi.ScreenPassthrough(seq, 768)))
	}
	cmds = append(cmds, func() tea.Msg { return ResultMsg{Cleared: cleared} })
	return tea.Sequence(cmds...)
}

// system uses the local clipboard tools (pbcopy, xclip, xsel, wl-copy,
// Windows) through read and write.
type system struct {
	read  func() (string, error)
	write func(string) error
}

// newSystem reaches the local clipboard tools through atotto/clipboard.
func newSystem() system {
	return system{read: clipboard.ReadAll, write: clipboard.WriteAll}
}

func (system) Name() string { return "system clipboard" }

func (s system) Write(text string) tea.Cmd {
	return func() tea.Msg {
		if err := s.write(text); err != nil {
			return ResultMsg{Err: fmt.Errorf("write clipboard: %w", err)}
		}
		return ResultMsg{}
	}
}

func (s system) Clear(fp [sha256.Size]byte) tea.Cmd {
	return func() tea.Msg {
		current, err := s.read()
		if err != nil {
			return ResultMsg{Err: fmt.Errorf("read clipboard: %w", err)}
		}
		if sha256.Sum256([]byte(current)) != fp {
			return ResultMsg{}
		}
		if err := s.write(""); err != nil {
			return ResultMsg{Err: fmt.Errorf("clear clipboard: %w", err)}
		}
		return ResultMsg{Cleared: true}
	}
}

// off refuses to copy.
type off struct{}

func (off) Name() string { return "off" }

func (off) Write(string) tea.Cmd {
	return func() tea.Msg { return ResultMsg{Err: errors.New("the clipboard is off (--clipboard off)")} }
}

func (off) Clear([sha256.Size]byte) tea.Cmd { return nil }
