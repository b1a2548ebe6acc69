package uitest

import (
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// Screen runs one screen's commands the way the root does, without a
// program: for fast tests of a screen against a fake backend.
type Screen struct {
	Page  common.Page
	Tasks *common.Tasks
	// Sent are the messages the screen's commands sent elsewhere: status
	// lines, screens to open, going back.
	Sent []tea.Msg
}

// Do runs cmd and every command it leads to, one after the other: the
// answers of the screen's tasks that it still awaits go to its Update, as
// the root delivers them; every other message is kept in Sent. A command
// that sleeps, as tea.Tick does, holds Do up for its duration.
func (s *Screen) Do(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	if cmds, ok := commands(msg); ok {
		for _, c := range cmds {
			s.Do(c)
		}
		return
	}
	switch msg := msg.(type) {
	case nil:
	case common.TaskMsg:
		if s.Tasks.Accept(msg) {
			s.Update(msg.Msg)
		}
	default:
		s.Sent = append(s.Sent, msg)
	}
}

// Update hands msg to the screen and runs what it asks for.
func (s *Screen) Update(msg tea.Msg) {
	var cmd tea.Cmd
	s.Page, cmd = s.Page.Update(msg)
	s.Do(cmd)
}

// Press presses keys on the screen as the root does: the key of an action
// with a Run runs it; any other key goes to the screen's Update.
func (s *Screen) Press(keys ...string) {
	for _, k := range keys {
		msg := KeyPress(k)
		if act, ok := common.Match(s.Page.Actions(), msg); ok && act.Run != nil && !s.Page.Capturing() {
			s.Do(act.Run())
			continue
		}
		s.Update(msg)
	}
}
