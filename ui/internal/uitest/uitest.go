// Package uitest drives the keyhole app in tests: a real awsx client
// against the emulator, and a message loop that runs commands the way Bubble
// Tea does, so a test can press keys and wait for what the screen shows.
package uitest

import (
	"cmp"
	"context"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/awsx"
	"github.com/keyhole-tui/keyhole/awsx/emulator"
)

// Clock returns the fixed time every test runs at.
func Clock() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) }

// ManualClock is a clock a test moves by hand; it starts at Clock().
type ManualClock struct {
	mu     sync.Mutex
	offset time.Duration
}

// Now is the clock's time.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return Clock().Add(c.offset)
}

// Advance moves the clock forward.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}

// Backend starts the emulator with seed on an httptest server and returns it
// with a client through the real SDK.
func Backend(t testing.TB, seed emulator.Seed) (*emulator.Server, *awsx.Client) {
	t.Helper()
	return BackendWith(t, seed, emulator.Options{Clock: Clock})
}

// BackendWith is Backend with emulator options of the test's choosing.
func BackendWith(t testing.TB, seed emulator.Seed, opts emulator.Options) (*emulator.Server, *awsx.Client) {
	t.Helper()
	emu := emulator.New(opts)
	if err := emu.Load(seed); err != nil {
		t.Fatalf("load seed: %v", err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(func() {
		srv.Close()
		emu.Close()
	})
	client, err := awsx.New(context.Background(), awsx.Options{
		Region:           cmp.Or(seed.Region, opts.Region, "us-east-1"),
		EndpointURL:      srv.URL,
		Credentials:      credentials.NewStaticCredentialsProvider("AKIATEST", "secret", ""),
		RetryMaxAttempts: 1,
	})
	if err != nil {
		t.Fatalf("client: %v", err)
	}
	return emu, client
}

// Driver runs a model's message loop in a test.
type Driver struct {
	t     testing.TB
	model tea.Model
	msgs  chan tea.Msg
	// Sent records every message handed to the model, for assertions.
	Sent []tea.Msg

	// running counts the commands still running; closed tells them to
	// drop their message rather than wait for the loop.
	running   sync.WaitGroup
	closed    chan struct{}
	closeOnce sync.Once
}

// NewDriver starts the model: Init, then a window of the given size.
func NewDriver(t testing.TB, m tea.Model, width, height int) *Driver {
	d := &Driver{t: t, model: m, msgs: make(chan tea.Msg, 64), closed: make(chan struct{})}
	d.run(m.Init())
	d.Send(tea.WindowSizeMsg{Width: width, Height: height})
	return d
}

// Send hands msg to the model and runs the command it returns.
func (d *Driver) Send(msg tea.Msg) {
	if cmds, ok := msg.(tea.BatchMsg); ok {
		for _, c := range cmds {
			d.run(c)
		}
		return
	}
	if cmds, ok := commands(msg); ok {
		d.runInOrder(cmds)
		return
	}
	d.Sent = append(d.Sent, msg)
	var cmd tea.Cmd
	d.model, cmd = d.model.Update(msg)
	d.run(cmd)
}

// Press sends key presses: "j", "enter", "ctrl+r", "/".
func (d *Driver) Press(keys ...string) {
	for _, k := range keys {
		d.Send(KeyPress(k))
	}
}

// Type sends each rune of s as a key press.
func (d *Driver) Type(s string) {
	for _, r := range s {
		d.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// Screen is the current view without ANSI styling.
func (d *Driver) Screen() string { return ansi.Strip(d.model.View().Content) }

// View is the current tea.View.
func (d *Driver) View() tea.View { return d.model.View() }

// WaitFor processes messages until cond holds for the screen, failing the
// test after ten seconds.
func (d *Driver) WaitFor(what string, cond func(screen string) bool) {
	d.t.Helper()
	deadline := time.After(10 * time.Second)
	for !cond(d.Screen()) {
		select {
		case msg := <-d.msgs:
			d.Send(msg)
		case <-deadline:
			d.t.Fatalf("timed out waiting for %s; screen:\n%s", what, d.Screen())
		}
	}
}

// WaitUntil processes messages until cond holds, failing the test after
// ten seconds.
func (d *Driver) WaitUntil(what string, cond func() bool) {
	d.t.Helper()
	d.WaitFor(what, func(string) bool { return cond() })
}

// WaitForText waits until the screen contains text.
func (d *Driver) WaitForText(text string) {
	d.t.Helper()
	d.WaitFor("text "+text, func(s string) bool { return strings.Contains(s, text) })
}

// WaitForMsg processes messages until one satisfies match and returns it.
func (d *Driver) WaitForMsg(what string, match func(tea.Msg) bool) tea.Msg {
	d.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case msg := <-d.msgs:
			d.Send(msg)
			if match(msg) {
				return msg
			}
		case <-deadline:
			d.t.Fatalf("timed out waiting for %s; screen:\n%s", what, d.Screen())
		}
	}
}

// Drain processes the messages that arrive within wait.
func (d *Driver) Drain(wait time.Duration) {
	timeout := time.After(wait)
	for {
		select {
		case msg := <-d.msgs:
			d.Send(msg)
		case <-timeout:
			return
		}
	}
}

// Close stops the loop and waits for every running command to end; a
// command that sleeps, as tea.Tick does, holds it up for its duration.
// Messages that arrive after Close are dropped.
func (d *Driver) Close() {
	d.closeOnce.Do(func() { close(d.closed) })
	d.running.Wait()
}

func (d *Driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	d.running.Add(1)
	go func() {
		defer d.running.Done()
		msg := cmd()
		if msg == nil {
			return
		}
		select {
		case d.msgs <- msg:
		case <-d.closed:
		}
	}()
}

// runInOrder runs a sequence's commands one after the other, their
// messages handed to the loop in that order, as Bubble Tea does.
func (d *Driver) runInOrder(cmds []tea.Cmd) {
	d.running.Add(1)
	go func() {
		defer d.running.Done()
		for _, cmd := range cmds {
			if cmd == nil {
				continue
			}
			msg := cmd()
			if msg == nil {
				continue
			}
			select {
			case d.msgs <- msg:
			case <-d.closed:
				return
			}
		}
	}()
}

// commands unpacks tea.Batch and tea.Sequence messages into their commands.
func commands(msg tea.Msg) ([]tea.Cmd, bool) {
	if b, ok := msg.(tea.BatchMsg); ok {
		return b, true
	}
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

// KeyPress builds the key press message for a key name.
func KeyPress(k string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
		"backspace": tea.KeyBackspace, "tab": tea.KeyTab, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"home": tea.KeyHome, "end": tea.KeyEnd,
	}
	if r, ok := special[k]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	if rest, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(rest[0]), Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	if r >= 'A' && r <= 'Z' {
		return tea.KeyPressMsg{Code: r + ('a' - 'A'), ShiftedCode: r, Text: k, Mod: tea.ModShift}
	}
	return tea.KeyPressMsg{Code: r, Text: k}
}
