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
