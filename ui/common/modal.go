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

// Slot is the root's one modal slot, handed to every screen so that a
// dialog opens within the update that asks for it, before the next key.
type Slot struct{ modal Modal }

// Open shows m, in place of any dialog open.
func (s *Slot) Open(m Modal) { s.modal = m }

// Modal is the open dialog, or nil.
func (s *Slot) Modal() Modal { return s.modal }
