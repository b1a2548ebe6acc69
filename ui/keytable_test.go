package ui

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/ui/keys"
)

func TestDefaultKeysHaveNoClash(t *testing.T) {
	if err := CheckKeys(keys.Default()); err != nil {
		t.Fatal(err)
	}
}

func TestAKeyBoundToTwoActionsOfOneScreenIsRefused(t *testing.T) {
	km := keys.Default()
	if err := km.Rebind("quit", []string{"v"}); err != nil {
		t.Fatal(err)
	}
	err := CheckKeys(km)
	var clash *keys.ClashError
	if !errors.As(err, &clash) {
		t.Fatalf("CheckKeys = %v, want a clash", err)
	}
	if clash.Key != "v" || clash.Screen != "Detail" {
		t.Errorf("clash %+v, want key v on the Detail screen", clash)
	}
	if names := clash.Names; !(names[0] == "reveal" && names[1] == "quit" || names[0] == "quit" && names[1] == "reveal") {
		t.Errorf("clash names %v, want reveal and quit", names)
	}
}

// TestReadmeKeyTableMatchesTheActions fails when the README's short key
// table drifts from the actions the screens declare; run with
// KEYHOLE_UPDATE_README=1 to rewrite it. The README shows a newcomer the
// keys named here; keyhole keys --markdown prints them all.
func TestReadmeKeyTableMatchesTheActions(t *testing.T) {
	readmeKeys := []string{
		"filter", "open", "back", "sort", "rotation", "audit",
		"reveal", "reveal_all", "copy", "copy_as", "versions", "edit", "hygiene",
		"help", "quit", "switch",
	}
	const path, begin, end = "../README.md", "<!-- keys:begin -->\n", "<!-- keys:end -->"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	i, j := strings.Index(readme, begin), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README lacks the %q … %q markers", begin, end)
	}
	short := KeysNamed(KeyTable(keys.Default()), readmeKeys...)
	rows := 0
	for _, s := range short {
		rows += len(s.Names)
	}
	if rows != len(readmeKeys) {
		t.Fatalf("the README's short table has %d of the %d keys %v: was one renamed?", rows, len(readmeKeys), readmeKeys)
	}
	want := keys.Markdown(short)
	if got := readme[i+len(begin) : j]; got != want {
		if os.Getenv("KEYHOLE_UPDATE_README") == "1" {
			if err := os.WriteFile(path, []byte(readme[:i+len(begin)]+want+readme[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Fatalf("README key table is stale; run KEYHOLE_UPDATE_README=1 go test ./ui -run TestReadmeKeyTable\n got:\n%s\nwant:\n%s", got, want)
	}
}

func TestKeysNamedKeepsTheFirstBindingOfEachName(t *testing.T) {
	short := KeysNamed(KeyTable(keys.Default()), "quit", "back", "reveal")
	var got []string
	for _, s := range short {
		for _, n := range s.Names {
			got = append(got, s.Name+"/"+n)
		}
	}
	want := []string{"List/back", "Detail/reveal", "Everywhere/quit"}
	if !slices.Equal(got, want) {
		t.Errorf("KeysNamed = %v, want %v", got, want)
	}
}

func TestEveryBindingIsAnActionOfSomeScreen(t *testing.T) {
	km := keys.Default()
	listed := map[string]bool{}
	for _, s := range KeyTable(km) {
		for _, n := range s.Names {
			listed[n] = true
		}
	}
	for _, n := range km.Names() {
		if !listed[n] {
			t.Errorf("binding %q is no screen's action", n)
		}
	}
}
