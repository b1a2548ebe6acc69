package confirm

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

type doneMsg struct{}

func yes() tea.Msg { return doneMsg{} }

func press(d Dialog, keys ...string) (Dialog, tea.Cmd) {
	var cmd tea.Cmd
	for _, k := range keys {
		msg := tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		}
		d, cmd = d.Update(msg)
	}
	return d, cmd
}

func TestAskRunsOnlyOnY(t *testing.T) {
	d, cmd := press(Ask("rotate?", yes), "y")
	if d.Open() || cmd == nil || cmd() != (doneMsg{}) {
		t.Fatal("y must confirm")
	}
	d, cmd = press(Ask("rotate?", yes), "n")
	if d.Open() || cmd != nil {
		t.Fatal("any other key must cancel without running")
	}
}

func TestAskTypedNeedsTheExactName(t *testing.T) {
	d, _ := AskTyped("delete prod/db?", "prod/db", yes)
	d, cmd := press(d, "p", "r", "o", "d", "enter")
	if !d.Open() || cmd != nil {
		t.Fatal("a partial name must not confirm")
	}
	d, cmd = press(d, "/", "d", "b", "enter")
	if d.Open() || cmd == nil || cmd() != (doneMsg{}) {
		t.Fatal("the exact name must confirm")
	}
	d, _ = AskTyped("delete prod/db?", "prod/db", yes)
	d, cmd = press(d, "esc")
	if d.Open() || cmd != nil {
		t.Fatal("esc must cancel")
	}
}
