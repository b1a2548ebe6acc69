// Package common holds what every screen is handed: the backend, styles,
// keys, size and clock, and the messages screens send to the root.
package common

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/keys"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// Common is handed to every screen's constructor in place of globals.
type Common struct {
	// Ctx is the screen's own context, cancelled when it closes.
	Ctx     context.Context
	Backend Backend
	// Tasks runs the screen's AWS work and tags its answers.
	Tasks *Tasks
	// Slot is the root's modal slot, where a screen opens its dialogs.
	Slot   *Slot
	Styles *styles.Styles
	Keys   *keys.KeyMap
	// Now is the clock, so renders can be repeated in tests.
	Now func() time.Time
	// ASCII draws with ASCII only, for terminals without UTF-8.
	ASCII bool
	// RevealTimeout re-masks revealed values after this much idle time.
	RevealTimeout time.Duration
	// ReadWrite allows mutations (--rw).
	ReadWrite bool
	// ClipboardOff is set by --clipboard off: screens refuse to copy
	// before reading anything.
	ClipboardOff bool
	// Columns lists the optional list columns to show; nil shows all.
	Columns []string
	// Shares holds fingerprints of the values read this session, never
	// the values, to tell which secrets share one.
	Shares *model.Shares
}

// Send wraps a message in a command.
func Send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// ReadOnlyMsg is the status line for a mutation key pressed without --rw.
func ReadOnlyMsg(what string) tea.Cmd {
	return Send(StatusMsg{Text: what + " needs --rw: keyhole is read-only unless started with --rw"})
}

// ClipboardOffStatus is the status line of a copy refused because the
// clipboard is off.
func ClipboardOffStatus() StatusMsg {
	return StatusMsg{Err: errors.New("not copied: the clipboard is off (--clipboard off)")}
}

// Mask is the fixed-width mask drawn in place of a hidden value. Its width
// never depends on the value.
func (c Common) Mask() string {
	if c.ASCII {
		return "********"
	}
	return "••••••••"
}

// Ellipsis marks cut text.
func (c Common) Ellipsis() string {
	if c.ASCII {
		return "~"
	}
	return "…"
}

// wheelLines is how many rows one notch of the mouse wheel moves.
const wheelLines = 3

// WheelStep is how far a wheel notch moves, up negative; ok is false for
// anything but the wheel turning up or down.
func WheelStep(msg tea.MouseWheelMsg) (step int, ok bool) {
	switch msg.Button {
	case tea.MouseWheelUp:
		return -wheelLines, true
	case tea.MouseWheelDown:
		return wheelLines, true
	}
	return 0, false
}
