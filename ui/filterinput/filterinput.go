// Package filterinput is the "/" filter line screens share: it follows
// every keystroke, keeps the filter on enter and clears it on esc.
package filterinput

import (
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/keys"
)

// Result says what a key did to the filter.
type Result int

// What a key can do.
const (
	// Typed: the key went into the input; Changed tells whether the text moved.
	Typed Result = iota
	// Kept: enter closed the input and kept the filter.
	Kept
	// Cleared: esc closed the input and emptied the filter.
	Cleared
	// Left: a movement key that types nothing, such as up or down,
	// closed the input; the screen should handle the key.
	Left
)

// Input is a filter line.
type Input struct {
	ti     textinput.Model
	active bool
	keep   key.Binding
	clear  key.Binding
	leave  key.Binding
}

// New makes a filter line with a placeholder hint, answering to km's open
// key (keep), back key (clear), and its up and down keys that type no
// character (leave).
func New(km *keys.KeyMap, placeholder string) Input {
	ti := textinput.New()
	ti.Prompt = "/"
	ti.Placeholder = placeholder
	leave := key.NewBinding(key.WithKeys(append(untyped(km.Up), untyped(km.Down)...)...))
	return Input{ti: ti, keep: km.Open, clear: km.Back, leave: leave}
}

// untyped are the keys of b that type no character, as "up" and not "k".
func untyped(b key.Binding) []string {
	var out []string
	for _, k := range b.Keys() {
		if utf8.RuneCountInString(k) > 1 {
			out = append(out, k)
		}
	}
	return out
}

// Open focuses the input.
func (i *Input) Open() tea.Cmd {
	i.active = true
	return i.ti.Focus()
}

// Active reports whether the input has the keys.
func (i Input) Active() bool { return i.active }

// Value is the filter text.
func (i Input) Value() string { return i.ti.Value() }

// SetValue replaces the filter text.
func (i *Input) SetValue(s string) { i.ti.SetValue(s) }

// SetWidth fits the input to the screen.
func (i *Input) SetWidth(w int) { i.ti.SetWidth(w) }

// View draws the line.
func (i Input) View() string { return i.ti.View() }

// Update takes a key while the input is active and says what it did;
// changed reports whether the text is different now.
func (i *Input) Update(msg tea.KeyPressMsg) (r Result, changed bool, cmd tea.Cmd) {
	switch {
	case key.Matches(msg, i.keep):
		i.close()
		return Kept, false, nil
	case key.Matches(msg, i.clear):
		i.close()
		changed = i.ti.Value() != ""
		i.ti.SetValue("")
		return Cleared, changed, nil
	case key.Matches(msg, i.leave):
		i.close()
		return Left, false, nil
	}
	before := i.ti.Value()
	i.ti, cmd = i.ti.Update(msg)
	return Typed, i.ti.Value() != before, cmd
}

func (i *Input) close() {
	i.active = false
	i.ti.Blur()
}
