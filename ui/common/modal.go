package common

import tea "charm.land/bubbletea/v2"

// Modal is a dialog the root shows over the top screen, in its one modal
// slot. While it is open it takes every key; other messages reach it and
// the screens alike.
type Modal interface {
	// Update takes a message; it returns nil when the dialog closes.
	Update(msg tea.Msg) (Modal, tea.Cmd)
	// View draws the dialog at most width cells wide.
	View(width int) string
}

// ShowModalMsg asks the root to open a dialog.
type ShowModalMsg struct{ Modal Modal }

// ShowModal opens m over the top screen.
func ShowModal(m Modal) tea.Cmd { return Send(ShowModalMsg{Modal: m}) }
