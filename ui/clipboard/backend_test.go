package clipboard

import (
	"crypto/sha256"
	"errors"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// vars is an environment for envFor.
type vars map[string]string

// get reads one variable, empty when unset.
func (v vars) get(name string) string { return v[name] }

func TestNewPicksBackendForMode(t *testing.T) {
	x11 := vars{"DISPLAY": ":0"}
	tests := []struct {
		name      string
		mode      string
		goos      string
		toolFound bool
		env       vars
		want      string
	}{
		{"auto with X11", ModeAuto, "linux", true, x11, "system clipboard"},
		{"auto with Wayland", ModeAuto, "linux", true, vars{"WAYLAND_DISPLAY": "wayland-0"}, "system clipboard"},
		{"empty mode is auto", "", "linux", true, x11, "system clipboard"},
		{"auto with xclip but no display", ModeAuto, "linux", true, vars{}, "OSC 52"},
		{"auto on BSD with no display", ModeAuto, "freebsd", true, vars{}, "OSC 52"},
		{"auto with a display but no tool", ModeAuto, "linux", false, x11, "OSC 52"},
		{"auto over SSH_TTY", ModeAuto, "linux", true, vars{"DISPLAY": ":0", "SSH_TTY": "/dev/pts/1"}, "OSC 52"},
		{"auto over SSH_CONNECTION", ModeAuto, "linux", true, vars{"DISPLAY": ":0", "SSH_CONNECTION": "10.0.0.1 22 10.0.0.2 22"}, "OSC 52"},
		{"auto on macOS needs no display", ModeAuto, "darwin", true, vars{}, "system clipboard"},
		{"auto on Windows needs no display", ModeAuto, "windows", true, vars{}, "system clipboard"},
		{"auto on macOS over SSH", ModeAuto, "darwin", true, vars{"SSH_TTY": "/dev/ttys001"}, "OSC 52"},
		{"osc52 with a system clipboard at hand", ModeOSC52, "linux", true, x11, "OSC 52"},
		{"system when asked for, display or not", ModeSystem, "linux", true, vars{}, "system clipboard"},
		{"system over SSH when asked for", ModeSystem, "linux", true, vars{"SSH_TTY": "/dev/pts/1"}, "system clipboard"},
		{"off", ModeOff, "linux", true, x11, "off"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := New(tc.mode, envFor(tc.goos, tc.toolFound, tc.env.get))
			if err != nil {
				t.Fatalf("New(%q): %v", tc.mode, err)
			}
			if got := b.Name(); got != tc.want {
				t.Errorf("New(%q) picked %q, want %q", tc.mode, got, tc.want)
			}
		})
	}
}

func TestNewRefusesWhatItCannotDo(t *testing.T) {
	tests := []struct {
		name      string
		mode      string
		toolFound bool
		want      []string
	}{
		{"unknown mode", "clip", true, []string{`unknown clipboard mode "clip"`, "auto, osc52, system or off"}},
		{"modes are exact", "OSC52", true, []string{`unknown clipboard mode "OSC52"`}},
		{"system without a tool", ModeSystem, false, []string{"no system clipboard", "xclip", "--clipboard osc52"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := New(tc.mode, envFor("linux", tc.toolFound, vars{"DISPLAY": ":0"}.get))
			if err == nil {
				t.Fatalf("New(%q) = %s, want an error", tc.mode, b.Name())
			}
			for _, want := range tc.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
		})
	}
}

func TestOSC52WrapsForTmuxAndScreen(t *testing.T) {
	// OSC 52 of "hi" (aGk= in base64): tmux doubles its ESC, screen does not.
	const (
		tmux   = "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
		screen = "\x1bP\x1b]52;c;aGk=\x07\x1b\\"
	)
	tests := []struct {
		name string
		env  vars
		raw  []string
	}{
		{"bare terminal", vars{"TERM": "xterm-256color"}, nil},
		{"tmux", vars{"TMUX": "/tmp/tmux-1000/default,1,0", "TERM": "tmux-256color"}, []string{tmux}},
		{"tmux with a screen TERM", vars{"TMUX": "/tmp/tmux-1000/default,1,0", "TERM": "screen-256color"}, []string{tmux}},
		{"screen", vars{"STY": "1234.pts-0.host", "TERM": "screen.xterm-256color"}, []string{screen}},
		{"screen TERM without STY", vars{"TERM": "screen"}, []string{screen}},
		{"tmux inside screen", vars{"TMUX": "/tmp/tmux-1000/default,1,0", "STY": "1234.pts-0.host"}, []string{tmux, screen}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := New(ModeOSC52, envFor("linux", true, tc.env.get))
			if err != nil {
				t.Fatal(err)
			}
			msgs := messages(b.Write("hi"))
			if len(msgs) == 0 || msgs[0] != tea.SetClipboard("hi")() {
				t.Fatalf("write does not start with tea.SetClipboard: %q", msgs)
			}
			if got := rawSequences(msgs); !slices.Equal(got, tc.raw) {
				t.Errorf("raw sequences %q, want %q", got, tc.raw)
			}
			if last, ok := msgs[len(msgs)-1].(ResultMsg); !ok || last.Err != nil || last.Cleared {
				t.Errorf("write ends in %#v, want a successful ResultMsg", msgs[len(msgs)-1])
			}
		})
	}
}

func TestOSC52ClearOverwritesThroughEveryWrapping(t *testing.T) {
	b, err := New(ModeOSC52, envFor("linux", true, vars{"TMUX": "/tmp/tmux", "STY": "1.pts"}.get))
	if err != nil {
		t.Fatal(err)
	}
	o := b.(osc52)
	o.buffers = (&fakeTmux{}).buffers()
	msgs := messages(o.Clear(sha256.Sum256([]byte("anything"))))
	// tmux ignores an empty OSC 52, so the clear writes one space (IA==).
	if len(msgs) == 0 || msgs[0] != tea.SetClipboard(" ")() {
		t.Fatalf("clear does not start with tea.SetClipboard of a space: %q", msgs)
	}
	want := []string{"\x1bPtmux;\x1b\x1b]52;c;IA==\x07\x1b\\", "\x1bP\x1b]52;c;IA==\x07\x1b\\"}
	if got := rawSequences(msgs); !slices.Equal(got, want) {
		t.Errorf("raw sequences %q, want %q", got, want)
	}
	if last := msgs[len(msgs)-1]; last != (ResultMsg{Cleared: true}) {
		t.Errorf("clear ends in %#v, want Cleared", last)
	}
}

func TestOSC52ClearDeletesTheTmuxBuffersHoldingTheValue(t *testing.T) {
	tmux := &fakeTmux{buffers0: map[string]string{"buffer0": "s3cret", "buffer1": "a shopping list", "buffer2": "s3cret"}}
	o := newOSC52(envFor("linux", true, vars{"TMUX": "/tmp/tmux-0/default,1,0"}.get))
	o.buffers = tmux.buffers()
	msgs := messages(o.Clear(sha256.Sum256([]byte("s3cret"))))
	if last := msgs[len(msgs)-1]; last != (ResultMsg{Cleared: true}) {
		t.Fatalf("clear ends in %#v, want Cleared", last)
	}
	if want := map[string]string{"buffer1": "a shopping list"}; !reflect.DeepEqual(tmux.buffers0, want) {
		t.Errorf("tmux buffers after the clear %q, want only %q", tmux.buffers0, want)
	}
}

func TestOSC52ClearNeverClaimsWhatTmuxRefused(t *testing.T) {
	tmux := &fakeTmux{buffers0: map[string]string{"buffer0": "s3cret"}, deleteErr: errors.New("exit status 1")}
	o := newOSC52(envFor("linux", true, vars{"TMUX": "/tmp/tmux-0/default,1,0"}.get))
	o.buffers = tmux.buffers()
	msg := messages(o.Clear(sha256.Sum256([]byte("s3cret"))))
	last := msg[len(msg)-1].(ResultMsg)
	if last.Cleared || last.Err == nil || !strings.Contains(last.Err.Error(), "tmux delete-buffer") {
		t.Errorf("clear ends in %#v, want an error that says how to clear tmux", last)
	}
}

func TestOSC52BehindAnUnreachableTmuxSaysHowToClearIt(t *testing.T) {
	for _, term := range []string{"tmux-256color", "screen-256color"} {
		t.Run(term, func(t *testing.T) {
			env := envFor("linux", true, vars{"TERM": term, "SSH_TTY": "/dev/pts/3"}.get)
			if !env.TmuxAfar || env.Tmux {
				t.Fatalf("env %+v: want a tmux out of reach", env)
			}
			o := newOSC52(env)
			o.buffers = (&fakeTmux{listErr: errors.New("tmux must not run")}).buffers()
			write := messages(o.Write("s3cret"))
			if last := write[len(write)-1].(ResultMsg); !strings.Contains(last.Note, "tmux delete-buffer") {
				t.Errorf("write ends in %#v, want a note on clearing tmux", last)
			}
			clear := messages(o.Clear(sha256.Sum256([]byte("s3cret"))))
			last := clear[len(clear)-1].(ResultMsg)
			if last.Cleared || last.Err != nil || !strings.Contains(last.Note, "tmux delete-buffer") {
				t.Errorf("clear ends in %#v, want no claim of a clear and a note on tmux", last)
			}
		})
	}
	if env := envFor("linux", true, vars{"TERM": "screen", "STY": "1.pts"}.get); env.TmuxAfar {
		t.Error("GNU screen is taken for a tmux")
	}
}

func TestOSC52ClearOnExitWritesToTheTerminalOnce(t *testing.T) {
	tmux := &fakeTmux{buffers0: map[string]string{"buffer0": "s3cret"}}
	o := newOSC52(envFor("linux", true, vars{"TMUX": "/tmp/tmux-0/default,1,0"}.get))
	o.buffers = tmux.buffers()
	fp := sha256.Sum256([]byte("s3cret"))

	var tty strings.Builder
	if err := o.ClearOnExit(&tty, fp, false); err != nil {
		t.Fatal(err)
	}
	want := "\x1b]52;c;IA==\x07" + "\x1bPtmux;\x1b\x1b]52;c;IA==\x07\x1b\\"
	if tty.String() != want {
		t.Errorf("wrote %q, want %q", tty.String(), want)
	}
	if len(tmux.buffers0) != 0 {
		t.Errorf("tmux still holds %q", tmux.buffers0)
	}

	// A clear already sent is not sent again: the user may have copied
	// something of their own since.
	tty.Reset()
	if err := o.ClearOnExit(&tty, fp, true); err != nil || tty.Len() != 0 {
		t.Errorf("after a clear was sent: wrote %q, err %v", tty.String(), err)
	}
}

func TestSystemClearOnExitChecksEvenAfterAClear(t *testing.T) {
	tools := &fakeTools{content: "s3cret"}
	if err := newFakeSystem(tools).ClearOnExit(nil, sha256.Sum256([]byte("s3cret")), true); err != nil {
		t.Fatal(err)
	}
	if tools.content != "" {
		t.Errorf("clipboard holds %q after exit", tools.content)
	}
	tools.content = "a shopping list"
	_ = newFakeSystem(tools).ClearOnExit(nil, sha256.Sum256([]byte("s3cret")), false)
	if tools.content != "a shopping list" {
		t.Errorf("exit cleared the user's own copy: %q", tools.content)
	}
}

func TestSystemWriteGoesThroughTheTools(t *testing.T) {
	tools := &fakeTools{}
	if msg := newFakeSystem(tools).Write("s3cret")(); msg != (ResultMsg{}) {
		t.Fatalf("write = %#v, want success", msg)
	}
	if tools.content != "s3cret" {
		t.Errorf("clipboard holds %q, want the copied text", tools.content)
	}
}

func TestSystemWriteReportsAFailure(t *testing.T) {
	tools := &fakeTools{writeErr: errors.New("Error: Can't open display: (null)")}
	msg := newFakeSystem(tools).Write("s3cret")().(ResultMsg)
	if msg.Err == nil || !strings.Contains(msg.Err.Error(), "write clipboard") {
		t.Fatalf("write = %#v, want a write clipboard error", msg)
	}
	if strings.Contains(msg.Err.Error(), "s3cret") {
		t.Errorf("the error %q shows the value", msg.Err)
	}
}

func TestSystemClearOnlyEmptiesItsOwnValue(t *testing.T) {
	ours := sha256.Sum256([]byte("s3cret"))
	tests := []struct {
		name  string
		holds string
		want  ResultMsg
		after string
	}{
		{"still ours", "s3cret", ResultMsg{Cleared: true}, ""},
		{"replaced by the user", "a shopping list", ResultMsg{}, "a shopping list"},
		{"already empty", "", ResultMsg{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tools := &fakeTools{content: tc.holds}
			if got := newFakeSystem(tools).Clear(ours)(); got != tc.want {
				t.Errorf("clear = %#v, want %#v", got, tc.want)
			}
			if tools.content != tc.after {
				t.Errorf("clipboard holds %q, want %q", tools.content, tc.after)
			}
		})
	}
}

func TestSystemClearLeavesAnUnreadableClipboard(t *testing.T) {
	tools := &fakeTools{content: "s3cret", readErr: errors.New("exit status 1")}
	msg := newFakeSystem(tools).Clear(sha256.Sum256([]byte("s3cret")))().(ResultMsg)
	if msg.Err == nil || !strings.Contains(msg.Err.Error(), "read clipboard") || msg.Cleared {
		t.Errorf("clear = %#v, want a read clipboard error", msg)
	}
	if tools.content != "s3cret" {
		t.Errorf("clipboard holds %q, want it untouched", tools.content)
	}
}

// fakeTools stands in for the local clipboard tools.
type fakeTools struct {
	content  string
	readErr  error
	writeErr error
}

// read returns the content or the read error.
func (f *fakeTools) read() (string, error) { return f.content, f.readErr }

// write replaces the content unless writing fails.
func (f *fakeTools) write(text string) error {
	if f.writeErr != nil {
		return f.writeErr
	}
	f.content = text
	return nil
}

// newFakeSystem is the system backend over fake tools.
func newFakeSystem(f *fakeTools) system { return system{read: f.read, write: f.write} }

// messages runs cmd, and every command it batches or sequences in order, and
// returns the messages they end in.
func messages(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	nested, ok := commands(msg)
	if !ok {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for _, c := range nested {
		out = append(out, messages(c)...)
	}
	return out
}

// commands unpacks tea.Batch and tea.Sequence messages into their commands;
// tea keeps the sequence type unexported.
func commands(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// rawSequences are the strings of the tea.RawMsg among msgs.
func rawSequences(msgs []tea.Msg) []string {
	var raw []string
	for _, m := range msgs {
		if r, ok := m.(tea.RawMsg); ok {
			raw = append(raw, r.Msg.(string))
		}
	}
	return raw
}

// fakeTmux stands in for the tmux server's paste buffers.
type fakeTmux struct {
	buffers0  map[string]string
	listErr   error
	deleteErr error
}

// buffers is tmuxBuffers running the fake.
func (f *fakeTmux) buffers() tmuxBuffers {
	return tmuxBuffers{run: func(args ...string) ([]byte, error) {
		switch args[0] {
		case "list-buffers":
			if f.listErr != nil {
				return nil, f.listErr
			}
			names := slices.Sorted(maps.Keys(f.buffers0))
			return []byte(strings.Join(names, "\n") + "\n"), nil
		case "show-buffer":
			return []byte(f.buffers0[args[2]]), nil
		case "delete-buffer":
			if f.deleteErr != nil {
				return nil, f.deleteErr
			}
			delete(f.buffers0, args[2])
			return nil, nil
		}
		return nil, errors.New("unexpected tmux " + args[0])
	}}
}
