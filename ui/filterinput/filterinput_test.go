package filterinput

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/keys"
)

func TestFilterInputKeys(t *testing.T) {
	km := keys.Default()
	in := New(&km, "name")
	in.Open()
	for _, r := range "pay" {
		if res, changed, _ := in.Update(tea.KeyPressMsg{Code: r, Text: string(r)}); res != Typed || !changed {
			t.Fatalf("typing %q: %v %v", r, res, changed)
		}
	}
	if in.Value() != "pay" || !in.Active() {
		t.Fatalf("value %q active %v", in.Value(), in.Active())
	}
	if res, _, _ := in.Update(tea.KeyPressMsg{Code: tea.KeyEnter}); res != Kept || in.Active() || in.Value() != "pay" {
		t.Fatal("enter must keep the filter and close the input")
	}
	in.Open()
	if res, _, _ := in.Update(tea.KeyPressMsg{Code: tea.KeyDown}); res != Left || in.Active() {
		t.Fatal("down must leave the input for the screen")
	}
	in.Open()
	if res, changed, _ := in.Update(tea.KeyPressMsg{Code: tea.KeyEscape}); res != Cleared || !changed || in.Value() != "" || in.Active() {
		t.Fatal("esc must clear and close")
	}
}

func TestFilterInputTypesTheLettersOfMovementKeys(t *testing.T) {
	km := keys.Default()
	in := New(&km, "name")
	in.Open()
	for _, r := range "jk" {
		if res, _, _ := in.Update(tea.KeyPressMsg{Code: r, Text: string(r)}); res != Typed {
			t.Fatalf("%q left the input", r)
		}
	}
	if in.Value() != "jk" {
		t.Errorf("value %q, want jk", in.Value())
	}
	if res, _, _ := in.Update(tea.KeyPressMsg{Code: tea.KeyUp}); res != Left {
		t.Error("up must leave the input for the screen")
	}
}
