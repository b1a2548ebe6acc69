package forms

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/confirm"
)

// Dispatch runs the action msg triggers and reports whether one ran. A
// key that triggers none, or one whose action has no Run, is left to the
// caller, which types it into the focused input.
func Dispatch(actions []common.Action, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	act, ok := common.Match(actions, msg)
	if !ok || act.Run == nil {
		return nil, false
	}
	return act.Run(), true
}

// NonTyping is b without the keys that type a character, such as the k of
// up/k: what moves between fields without taking letters from an input.
func NonTyping(b key.Binding) key.Binding {
	var keys []string
	for _, k := range b.Keys() {
		if utf8.RuneCountInString(k) > 1 && k != "space" {
			keys = append(keys, k)
		}
	}
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(strings.Join(keys, "/"), b.Help().Desc))
}

// Leave goes back from a form, asking first when it holds changes, which
// going back throws away. Every form asks the same way.
func Leave(c common.Common, changed bool) tea.Cmd {
	back := common.Send(common.BackMsg{})
	if !changed {
		return back
	}
	return confirm.Ask(c, "Leave without saving? Your changes are discarded.", back)
}
