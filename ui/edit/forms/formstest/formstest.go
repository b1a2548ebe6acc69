// Package formstest drives a form screen in its unit tests without the
// root: keys reach an open dialog first, then the screen as the root
// hands them, task answers come back to the screen, and what the screen
// says to the root is kept.
package formstest

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
)

// settle is how long a command may take before it counts as a timer
// (a cursor blink, an idle tick) and is dropped; fakes answer at once.
const settle = 20 * time.Millisecond

// Driver runs one screen.
type Driver struct {
	t    testing.TB
	C    common.Common
	Page common.Page
	// Sent are the messages for the root, in order: status lines, back,
	// changes.
	Sent []tea.Msg
}

// New drives the screen open makes with c, from its Init.
func New(t testing.TB, c common.Common, open func(c common.Common) common.Page) *Driver {
	t.Helper()
	d := &Driver{t: t, C: c, Page: open(c)}
	d.Page.SetSize(100, 30)
	d.run(d.Page.Init())
	return d
}

// Press presses keys, named as uitest.KeyPress names them.
func (d *Driver) Press(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		d.Send(uitest.KeyPress(k))
	}
}

// Type types s, one key per character.
func (d *Driver) Type(s string) {
	for _, r := range s {
		d.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// Send hands a key press to the dialog or the screen, as the root does
// (without the keys of every screen), and runs what follows.
func (d *Driver) Send(msg tea.KeyPressMsg) {
	if m := d.C.Slot.Modal(); m != nil {
		m, cmd := m.Update(msg)
		d.C.Slot.Open(m)
		d.run(cmd)
		return
	}
	if act, ok := common.Match(d.Page.Actions(), msg); ok && act.Run != nil && !d.Page.Capturing() {
		d.run(act.Run())
		return
	}
	d.update(msg)
}

func (d *Driver) update(msg tea.Msg) {
	var cmd tea.Cmd
	d.Page, cmd = d.Page.Update(msg)
	d.run(cmd)
}

// run runs cmd and every command it leads to: task answers go to the
// screen when it awaits them, batches run each command, messages for the
// root are kept. A command slower than settle is a timer and is dropped.
func (d *Driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(settle):
		return
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case common.TaskMsg:
		if d.C.Tasks.Accept(msg) {
			d.update(msg.Msg)
		}
	case common.StatusMsg, common.BackMsg, common.ChangedMsg:
		d.Sent = append(d.Sent, msg)
	default:
		d.update(msg)
	}
}

// Status is the last status line the screen sent, or "".
func (d *Driver) Status() string {
	for i := len(d.Sent) - 1; i >= 0; i-- {
		if s, ok := d.Sent[i].(common.StatusMsg); ok {
			return s.Text
		}
	}
	return ""
}

// WentBack reports whether the screen asked to close.
func (d *Driver) WentBack() bool {
	for _, m := range d.Sent {
		if _, ok := m.(common.BackMsg); ok {
			return true
		}
	}
	return false
}

// Screen is the screen's view, with the open dialog under it, without
// colours.
func (d *Driver) Screen() string {
	s := d.Page.View()
	if m := d.C.Slot.Modal(); m != nil {
		s += "\n" + m.View(100)
	}
	return ansi.Strip(s)
}
