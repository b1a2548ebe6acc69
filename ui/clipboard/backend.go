// Package clipboard puts values on the user's clipboard, locally through the
// system clipboard or over SSH through OSC 52, and clears them again.
package clipboard

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
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
	// TmuxAfar is set when TERM says tmux (or a screen TERM outside screen,
	// which is how tmux presents itself) but TMUX is not set: a tmux on
	// the user's side of an SSH session, whose paste buffers keyhole
	// cannot reach.
	TmuxAfar bool
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
	tmux, sty, term := getenv("TMUX") != "", getenv("STY") != "", getenv("TERM")
	return Env{
		SSH:             getenv("SSH_TTY") != "" || getenv("SSH_CONNECTION") != "",
		Tmux:            tmux,
		Screen:          sty || !tmux && strings.HasPrefix(term, "screen"),
		TmuxAfar:        !tmux && (strings.HasPrefix(term, "tmux") || !sty && strings.HasPrefix(term, "screen")),
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
	// ClearOnExit empties the clipboard as keyhole exits, when the program
	// no longer draws: it runs at once and writes any terminal sequence to
	// tty. sent says a clear was already sent, so a clipboard that cannot
	// be read back is left alone rather than cleared over the user's own
	// later copy.
	ClearOnExit(tty io.Writer, fingerprint [sha256.Size]byte, sent bool) error
}

// New picks the backend for mode. auto uses OSC 52 in an SSH session (never
// the remote host's clipboard tools), where no system clipboard tool exists
// or where it has no display to reach, and the system clipboard otherwise.
func New(mode string, env Env) (Backend, error) {
	switch mode {
	case ModeAuto, "":
		if env.SSH || !env.SystemAvailable || !env.Display {
			return newOSC52(env), nil
		}
		return newSystem(), nil
	case ModeOSC52:
		return newOSC52(env), nil
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

// ResultMsg reports how a clipboard write or clear went. Note, when set,
// is what the user must know instead of a plain "cleared".
type ResultMsg struct {
	Cleared bool
	Note    string
	Err     error
}

// clearPayload replaces a value on an OSC 52 clipboard. It is not empty:
// tmux ignores an empty OSC 52, and so do some terminals.
const clearPayload = " "

// tmuxAfarNote is said where a tmux keyhole cannot reach may keep the
// value in its paste buffers.
const tmuxAfarNote = "copied through tmux: clear it with tmux delete-buffer (prefix = lists the buffers)"

// osc52 writes through the terminal with OSC 52, wrapped for tmux and screen
// so the sequence reaches the outer terminal. Inside tmux it also removes
// the paste buffers tmux made of the value.
type osc52 struct {
	tmux, screen, afar bool
	buffers            tmuxBuffers
}

// newOSC52 is the OSC 52 backend for env.
func newOSC52(env Env) osc52 {
	return osc52{tmux: env.Tmux, screen: env.Screen, afar: env.TmuxAfar, buffers: newTmuxBuffers()}
}

func (o osc52) Name() string { return "OSC 52" }

func (o osc52) Write(text string) tea.Cmd {
	result := ResultMsg{}
	if o.afar {
		result.Note = tmuxAfarNote
	}
	return tea.Sequence(append(o.sequences(text), func() tea.Msg { return result })...)
}

// Clear overwrites the clipboard: OSC 52 cannot be read back reliably, so
// it does so unconditionally. Inside tmux it then deletes the paste
// buffers that still hold the value, and says so when it could not.
func (o osc52) Clear(fp [sha256.Size]byte) tea.Cmd {
	return tea.Sequence(append(o.sequences(clearPayload), func() tea.Msg { return o.clearBuffers(fp) })...)
}

// clearBuffers deletes tmux's copies of the value and reports the clear.
func (o osc52) clearBuffers(fp [sha256.Size]byte) ResultMsg {
	switch {
	case o.afar:
		return ResultMsg{Note: "clipboard overwritten; " + tmuxAfarNote}
	case !o.tmux:
		return ResultMsg{Cleared: true}
	}
	if err := o.buffers.deleteMatching(fp); err != nil {
		return ResultMsg{Err: fmt.Errorf("clipboard overwritten, but tmux may still hold the value (clear it with tmux delete-buffer): %w", err)}
	}
	return ResultMsg{Cleared: true}
}

// ClearOnExit writes the overwriting sequences straight to the terminal,
// unless a clear was sent already, and deletes tmux's copies.
func (o osc52) ClearOnExit(tty io.Writer, fp [sha256.Size]byte, sent bool) error {
	var errs []error
	if !sent {
		for _, seq := range o.raw(clearPayload) {
			if _, err := io.WriteString(tty, seq); err != nil {
				errs = append(errs, fmt.Errorf("clear clipboard: %w", err))
				break
			}
		}
	}
	if o.tmux {
		errs = append(errs, o.buffers.deleteMatching(fp))
	}
	return errors.Join(errs...)
}

// sequences puts text on the clipboard through the program: the plain
// sequence, then the wrapped ones.
func (o osc52) sequences(text string) []tea.Cmd {
	cmds := []tea.Cmd{tea.SetClipboard(text)}
	for _, seq := range o.raw(text)[1:] {
		cmds = append(cmds, tea.Raw(seq))
	}
	return cmds
}

// raw is every sequence that puts text on the clipboard: plain, then
// wrapped for tmux and screen where they run.
func (o osc52) raw(text string) []string {
	seq := ansi.SetSystemClipboard(text)
	out := []string{seq}
	if o.tmux {
		out = append(out, ansi.TmuxPassthrough(seq))
	}
	if o.screen {
		out = append(out, ansi.ScreenPassthrough(seq, 768))
	}
	return out
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
		cleared, err := s.clear(fp)
		return ResultMsg{Cleared: cleared, Err: err}
	}
}

// ClearOnExit clears the system clipboard if it still holds the value,
// whether or not a clear was sent before: it can be checked.
func (s system) ClearOnExit(_ io.Writer, fp [sha256.Size]byte, _ bool) error {
	_, err := s.clear(fp)
	return err
}

// clear empties the clipboard if it holds text with fingerprint fp.
func (s system) clear(fp [sha256.Size]byte) (bool, error) {
	current, err := s.read()
	if err != nil {
		return false, fmt.Errorf("read clipboard: %w", err)
	}
	if sha256.Sum256([]byte(current)) != fp {
		return false, nil
	}
	if err := s.write(""); err != nil {
		return false, fmt.Errorf("clear clipboard: %w", err)
	}
	return true, nil
}

// off refuses to copy.
type off struct{}

func (off) Name() string { return "off" }

func (off) Write(string) tea.Cmd {
	return func() tea.Msg { return ResultMsg{Err: errors.New("the clipboard is off (--clipboard off)")} }
}

func (off) Clear([sha256.Size]byte) tea.Cmd { return nil }

func (off) ClearOnExit(io.Writer, [sha256.Size]byte, bool) error { return nil }
