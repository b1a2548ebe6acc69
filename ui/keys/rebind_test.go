package keys

import (
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

func TestRebindChangesKeysAndHelp(t *testing.T) {
	k := Default()
	if err := k.Rebind("copy_as", []string{"Y", "ctrl+y"}); err != nil {
		t.Fatal(err)
	}
	if !key.Matches(tea.KeyPressMsg{Code: 'y', Mod: tea.ModCtrl}, k.CopyAs) || key.Matches(tea.KeyPressMsg{Code: 'C', Text: "C"}, k.CopyAs) {
		t.Fatal("the new keys must match and the old must not")
	}
	if h := k.CopyAs.Help(); h.Key != "Y/ctrl+y" || h.Desc != "copy as…" {
		t.Fatalf("help = %+v", h)
	}
	if err := k.Rebind("nope", []string{"x"}); err == nil || !strings.Contains(err.Error(), "copy_as") {
		t.Fatalf("unknown names must list the known ones: %v", err)
	}
	if err := k.Rebind("quit", nil); err == nil {
		t.Fatal("an empty key list must be refused")
	}
}

func TestNamesCoverEveryBinding(t *testing.T) {
	names := Default().Names()
	for _, want := range []string{"quit", "filter", "reveal_all", "account_audit", "edit_external", "next_field"} {
		if !slices.Contains(names, want) {
			t.Errorf("Names lacks %q", want)
		}
	}
}

func TestStepReadsMovementKeys(t *testing.T) {
	k := Default()
	for _, tt := range []struct {
		msg  tea.KeyPressMsg
		want int
	}{
		{tea.KeyPressMsg{Code: 'j', Text: "j"}, 1},
		{tea.KeyPressMsg{Code: tea.KeyUp}, -1},
		{tea.KeyPressMsg{Code: tea.KeyPgDown}, 20},
		{tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}, -20},
		{tea.KeyPressMsg{Code: 'G', Text: "G"}, 500},
		{tea.KeyPressMsg{Code: tea.KeyHome}, -500},
	} {
		if got, ok := k.Step(tt.msg, 20, 500); !ok || got != tt.want {
			t.Errorf("%s: Step = %d, %v; want %d", tt.msg, got, ok, tt.want)
		}
	}
	if _, ok := k.Step(tea.KeyPressMsg{Code: 'v', Text: "v"}, 20, 500); ok {
		t.Error("v is no movement key")
	}
}
