package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// key routes a key press: the interrupt key always quits; an open dialog
// takes every key; then help; then a screen that is typing; then the
// actions of every screen and those of the top screen, which the root
// refuses where they cannot run; anything else goes to the top screen.
func (a *App) key(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, a.keys.Interrupt):
		return a.quit()
	case a.slot.Modal() != nil:
		return a.updateModal(msg)
	case a.showHelp:
		return a.helpKey(msg)
	case a.top().Capturing():
		return a.updateTop(msg)
	}
	if act, ok := common.Match(a.globalActions(), msg); ok {
		return act.Run()
	}
	a.status, a.statusErr, a.retry = "", false, ""
	if act, ok := common.Match(a.top().Actions(), msg); ok {
		return a.run(act, msg)
	}
	return a.updateTop(msg)
}

// updateModal hands msg to the open dialog, if any, and closes it when it
// says so.
func (a *App) updateModal(msg tea.Msg) tea.Cmd {
	m := a.slot.Modal()
	if m == nil {
		return nil
	}
	m, cmd := m.Update(msg)
	a.slot.Open(m)
	return cmd
}

// run runs a screen's action, or refuses it when it needs --rw.
func (a *App) run(act common.Action, msg tea.KeyPressMsg) tea.Cmd {
	if act.Needs&common.NeedsReadWrite != 0 && !a.cfg.ReadWrite {
		return common.ReadOnlyMsg(act.What)
	}
	if act.Run == nil {
		return a.updateTop(msg)
	}
	return act.Run()
}

// globalActions work on every screen, before the screen's own.
func (a *App) globalActions() []common.Action {
	k := &a.keys
	actions := []common.Action{
		{Key: &k.Help, Short: true, Run: a.openHelp},
		{Key: &k.Quit, Short: true, Run: a.quit},
		{Key: &k.Switch, Run: a.openSwitcher},
		{Key: &k.Suspend, Run: a.suspend},
	}
	if a.staleCredentials && a.cfg.Connect != nil {
		// After a credentials error a reload reconnects first, so
		// credentials refreshed meanwhile are read.
		reconnect := []common.Action{{Key: &k.Reload, Run: a.reconnect}, {Key: &k.Retry, Run: a.reconnect}}
		actions = append(reconnect, actions...)
	}
	return actions
}

// openHelp shows the keys of the top screen and of every screen.
func (a *App) openHelp() tea.Cmd {
	a.showHelp, a.helpScroll = true, widget.ScrollView{}
	return nil
}

// openSwitcher opens the profile and region switcher.
func (a *App) openSwitcher() tea.Cmd {
	if a.cfg.Connect == nil {
		return common.Send(common.StatusMsg{Text: "switching profile or region needs your AWS config: not with --demo"})
	}
	return a.open(common.OpenMsg{Screen: common.ScreenSwitcher})
}

// suspend masks every value and clears the clipboard, then stops keyhole:
// no countdown runs while it is stopped, so the clipboard is cleared before
// rather than late.
func (a *App) suspend() tea.Cmd {
	return tea.Sequence(a.broadcast(common.RemaskMsg{}), a.clip.ClearNow(), tea.Suspend)
}

// quit clears a clipboard that still counts down, then ends the program.
func (a *App) quit() tea.Cmd {
	if clear := a.clip.ClearNow(); clear != nil {
		return tea.Sequence(clear, tea.Quit)
	}
	return tea.Quit
}
