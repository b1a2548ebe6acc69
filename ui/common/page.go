package common

import (
	"runtime/debug"

	tea "charm.land/bubbletea/v2"
)

// Waiter is a page that can be waiting on AWS, which the root shows with a
// spinner in the status bar while it is on top.
type Waiter interface {
	Waiting() bool
}

// Page is one screen on the root's stack. Key presses go to the top page
// only; every other message goes to every page, which drops what is not
// its own.
type Page interface {
	Init() tea.Cmd
	Update(msg tea.Msg) (Page, tea.Cmd)
	View() string
	SetSize(width, height int)
	Actor
	// Capturing reports whether the page takes every key itself, as while
	// typing a filter, so global keys must not fire.
	Capturing() bool
}

// Holder is a page that may hold secret values.
type Holder interface {
	// Forget drops every value the page holds and overwrites its bytes; it
	// reports whether there was one.
	Forget() bool
}

// ScrubCmd collects garbage and hands free memory back to the system, so
// that copies of a value that was just dropped (rendered frames, decoded
// responses) stop lying in freed memory. It runs off the event loop.
func ScrubCmd() tea.Msg {
	debug.FreeOSMemory()
	return nil
}
