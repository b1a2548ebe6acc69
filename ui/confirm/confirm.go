// Package confirm is the dialog every mutation goes through: answered with
// y, or, for destructive ones, by typing the secret's name.
package confirm

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// Dialog asks before a mutation runs. The zero Dialog is closed.
type Dialog struct {
	open   bool
	prompt string
	typed  string
	input  textinput.Model
	yes    tea.Cmd
}

// Ask opens a dialog that runs yes when the user answers y.
func Ask(prompt string, yes tea.Cmd) Dialog {
	return Dialog{open: true, prompt: prompt, yes: yes}
}

// AskTyped opens a dialog that runs yes only when the user types want
// (a secret's name) and presses enter.
func AskTyped(prompt, want string, yes tea.Cmd) (Dialog, tea.Cmd) {
	in := textinput.New()
	in.Prompt = "> "
	in.CharLimit = 512
	focus := in.Focus()
	return Dialog{open: true, prompt: prompt, typed: want, input: in, yes: yes}, focus
}

// Open reports whether the dialog waits for an answer.
func (d Dialog) Open() bool { return d.open }

// Update takes a key press. It returns the closed dialog and the action when
// confirmed, the closed dialog alone when declined.
func (d Dialog) Update(msg tea.KeyPressMsg) (Dialog, tea.Cmd) {
	if d.typed == "" {
		if msg.String() == "y" {
			return Dialog{}, d.yes
		}
		return Dialog{}, nil
	}
	switch msg.String() {
	case "esc":
		return Dialog{}, nil
	case "enter":
		if d.input.Value() == d.typed {
			return Dialog{}, d.yes
		}
		return d, nil
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	return d, cmd
}

// View draws the dialog; st styles it. prompt must already be sanitized.
func (d Dialog) View(st *styles.Styles) string {
	if !d.open {
		return ""
	}
	if d.typed == "" {
		return st.Dialog.Render(st.Warning.Render(d.prompt) + "\n" + st.Muted.Render("y confirms · any other key cancels"))
	}
	hint := "type the secret's name and press enter · esc cancels"
	if v := d.input.Value(); v != "" && v != d.typed {
		hint = "the name does not match yet · esc cancels"
	}
	return st.Dialog.Render(st.Warning.Render(d.prompt) + "\n" + d.input.View() + "\n" + st.Muted.Render(hint))
}
