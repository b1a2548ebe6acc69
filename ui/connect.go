package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/list"
)

// connectedMsg carries the answer to a profile or region switch, or to a
// reconnect after a credentials error.
type connectedMsg struct {
	conn common.Connection
	err  error
	// profile is what Connect was asked to open: a profile's name, or empty
	// for the credentials the app started with.
	profile string
	// reconnect is set when the same profile and region were opened again.
	reconnect bool
}

// connect opens the chosen profile and region in a command.
func (a *App) connect(msg common.SwitchMsg) tea.Cmd {
	a.setStatus(common.StatusMsg{Text: "connecting to profile " + model.Sanitize(msg.Profile) + " in " + model.Sanitize(msg.Region) + "…"})
	return a.connectCmd(msg.Profile, msg.Region, false)
}

// reconnect opens the current credentials and region again, from the source
// they came from, so credentials refreshed since are read.
func (a *App) reconnect() tea.Cmd {
	a.setStatus(common.StatusMsg{Text: "reconnecting to profile " + model.Sanitize(a.cfg.Profile) + " in " + model.Sanitize(a.cfg.Region) + "…"})
	return a.connectCmd(a.source, a.cfg.Region, true)
}

// connectCmd calls Connect for profile and region in a command.
func (a *App) connectCmd(profile, region string, reconnect bool) tea.Cmd {
	connect, ctx := a.cfg.Connect, a.ctx
	return func() tea.Msg {
		conn, err := connect(ctx, profile, region)
		return connectedMsg{conn: conn, err: err, profile: profile, reconnect: reconnect}
	}
}

// connected swaps the backend and starts over on the list of the new
// account and region; every screen of the old one, and any value it held,
// is dropped.
func (a *App) connected(msg connectedMsg) tea.Cmd {
	if msg.err != nil {
		what := "switch"
		if msg.reconnect {
			what = "reconnect"
		}
		a.setStatus(common.StatusMsg{Err: fmt.Errorf("%s: %w", what, msg.err)})
		return nil
	}
	c := msg.conn
	a.staleCredentials = false
	a.source = msg.profile
	a.cfg.Profile, a.cfg.Region, a.cfg.Endpoint = c.Profile, c.Region, c.Endpoint
	a.c.Backend = c.Backend
	if root, ok := a.stack[0].page.(*list.Page); ok && msg.reconnect {
		// The same profile and region again: the list keeps its rows
		// until the new listing replaces them, so a reload that fails
		// loses nothing. Screens above it used the old connection and go.
		dropped := closeFrames(a.stack[1:]...)
		a.stack = a.stack[:1]
		a.stack[0].c.Backend = c.Backend
		a.setStatus(common.StatusMsg{Text: "reconnected to profile " + model.Sanitize(c.Profile) + " in " + model.Sanitize(c.Region)})
		return tea.Batch(root.Reconnect(a.stack[0].c), dropped)
	}
	a.identity = model.Identity{}
	a.setStatus(common.StatusMsg{Text: "switched to profile " + model.Sanitize(c.Profile) + " in " + model.Sanitize(c.Region)})
	cmds := []tea.Cmd{a.resetStack()}
	if remember := a.cfg.RememberRegion; remember != nil {
		region := c.Region
		cmds = append(cmds, func() tea.Msg { remember(region); return nil })
	}
	return tea.Batch(cmds...)
}
