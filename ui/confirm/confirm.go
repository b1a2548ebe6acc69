// Package confirm is the dialog every mutation goes through: the root
// shows it in its modal slot, the confirm key runs the mutation and any
// other key cancels it.
package confirm

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// Dialog asks before a mutation runs.
type Dialog struct {
	c      common.Common
	prompt string
	// yes starts what the user confirms.
	yes func() tea.Cmd
}

// Ask opens, in the root's modal slot, a dialog that runs yes when the user
// presses the confirm key (y unless rebound). prompt must already be
// sanitized. It returns no command, so a caller can return it as its own.
func Ask(c common.Common, prompt string, yes tea.Cmd) tea.Cmd {
	c.Slot.Open(Dialog{c: c, prompt: prompt, yes: func() tea.Cmd { return yes }})
	return nil
}

// AskTask is Ask for AWS work: once confirmed, run starts as the screen's
// task of kind, so its answer comes back to the screen that asked, and the
// screen waits for it only from then on.
func AskTask(c common.Common, prompt, kind string, run func(ctx context.Context) tea.Msg) tea.Cmd {
	tasks := c.Tasks
	c.Slot.Open(Dialog{c: c, prompt: prompt, yes: func() tea.Cmd { return tasks.Start(kind, run) }})
	return nil
}

// Update closes the dialog on any key: with the action on the confirm key.
func (d Dialog) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	if key.Matches(k, d.c.Keys.Confirm) {
		return nil, d.yes()
	}
	return nil, nil
}

// View draws the dialog, its prompt and hint wrapped to fit width.
func (d Dialog) View(width int) string {
	st := d.c.Styles
	inner := widget.Inner(st.Dialog, width)
	hint := d.c.Keys.Confirm.Help().Key + " confirms · any other key cancels"
	return widget.Box(st.Dialog, width, d.c.Ellipsis(), widget.WrapIn(st.Warning, d.prompt, inner), widget.WrapIn(st.Muted, hint, inner))
}
