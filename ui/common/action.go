package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/keys"
)

// Needs is what an action needs before the root lets it run.
type Needs uint8

const (
	// NeedsReadWrite marks an action that changes something in AWS: it is
	// refused without --rw.
	NeedsReadWrite Needs = 1 << iota
)

// Action is one thing a screen does on a key. Screens declare their
// actions; the root matches keys against them, refuses what cannot run,
// and builds the status bar's hints and the help screen from them, so
// what is shown and what is done cannot drift.
type Action struct {
	// Key is the binding in the KeyMap that triggers the action; never a
	// key of its own.
	Key *key.Binding
	// Needs is checked by the root before the action runs.
	Needs Needs
	// What names the action in a refusal, such as "deleting a secret".
	What string
	// Short shows the action in the status bar's hints.
	Short bool
	// Run does the action. Nil hands the key to the screen's Update, for
	// keys a widget of the screen answers (movement, typing).
	Run func() tea.Cmd
}

// Actor is a page that declares its actions.
type Actor interface {
	// Actions lists what the page does now, in the order help lists them.
	Actions() []Action
}

// Match finds the action msg triggers.
func Match(actions []Action, msg tea.KeyPressMsg) (Action, bool) {
	for _, a := range actions {
		if a.Key != nil && key.Matches(msg, *a.Key) {
			return a, true
		}
	}
	return Action{}, false
}

// Bindings are the actions' bindings, the short ones only when short is set.
func Bindings(actions []Action, short bool) []key.Binding {
	var out []key.Binding
	for _, a := range actions {
		if a.Key != nil && (a.Short || !short) {
			out = append(out, *a.Key)
		}
	}
	return out
}

// MoveActions are the movement keys a screen's widget answers itself.
func MoveActions(k *keys.KeyMap) []Action {
	return []Action{{Key: &k.Up}, {Key: &k.Down}, {Key: &k.PageUp}, {Key: &k.PageDown}, {Key: &k.Top}, {Key: &k.Bottom}}
}

// RW marks a screen's action that changes something in AWS; what names it
// in the refusal without --rw, such as "deleting a secret".
func RW(b *key.Binding, what string) Action {
	return Action{Key: b, Needs: NeedsReadWrite, What: what}
}

// Then makes each action that runs by itself run after once it ran, such
// as laying the screen out again, and batches the commands of both.
// Actions without Run reach the screen's Update, which does that there.
func Then(actions []Action, after func() tea.Cmd) []Action {
	for i, a := range actions {
		if run := a.Run; run != nil {
			actions[i].Run = func() tea.Cmd {
				cmd := run()
				return tea.Batch(cmd, after())
			}
		}
	}
	return actions
}
