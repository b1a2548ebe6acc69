package keys

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeKeyTableMatchesTheKeymap fails when the README's key table
// drifts from the bindings; run with KEYHOLE_UPDATE_README=1 to rewrite it.
func TestReadmeKeyTableMatchesTheKeymap(t *testing.T) {
	const path, begin, end = "../../README.md", "<!-- keys:begin -->\n", "<!-- keys:end -->"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	i, j := strings.Index(readme, begin), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README lacks the %q … %q markers", begin, end)
	}
	want := Default().Markdown()
	if got := readme[i+len(begin) : j]; got != want {
		if os.Getenv("KEYHOLE_UPDATE_README") == "1" {
			if err := os.WriteFile(path, []byte(readme[:i+len(begin)]+want+readme[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Fatalf("README key table is stale; run KEYHOLE_UPDATE_README=1 go test ./ui/keys\n got:\n%s\nwant:\n%s", got, want)
	}
}

func TestEveryBindingHasKeysAndHelpAndGlobalKeysAreNotReused(t *testing.T) {
	sections := Default().Sections()
	global := map[string]bool{}
	for _, b := range sections[0].Bindings {
		for _, k := range b.Keys() {
			global[k] = true
		}
	}
	for _, s := range sections {
		for _, b := range s.Bindings {
			if len(b.Keys()) == 0 || b.Help().Desc == "" {
				t.Errorf("%s: binding without keys or help: %+v", s.Name, b.Help())
			}
			for _, k := range b.Keys() {
				if s.Name != sections[0].Name && global[k] {
					t.Errorf("%s: %q is a global key", s.Name, k)
				}
			}
		}
	}
}

func TestEveryBindingIsInASection(t *testing.T) {
	k := Default()
	listed := map[string]bool{}
	for _, s := range k.Sections() {
		for _, n := range s.Names {
			listed[n] = true
		}
	}
	for _, n := range k.Names() {
		if !listed[n] {
			t.Errorf("binding %q is in no help section", n)
		}
	}
}
