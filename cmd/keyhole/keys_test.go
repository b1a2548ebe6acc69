package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keyhole-tui/keyhole/ui"
	"github.com/keyhole-tui/keyhole/ui/keys"
)

func TestKeysPrintsEveryBindingFromTheKeymap(t *testing.T) {
	out := string(runKeyhole(t, "keys").mustSucceed(t).stdout)
	table := ui.KeyTable(keys.Default())
	for _, s := range table {
		if !strings.Contains(out, "\n"+s.Name+"\n") && !strings.HasPrefix(out, s.Name+"\n") {
			t.Errorf("no %q section in:\n%s", s.Name, out)
		}
		for i, b := range s.Bindings {
			row := strings.Join(strings.Fields(strings.Join(b.Keys(), " ")+" "+b.Help().Desc+" "+s.Names[i]), " ")
			if !strings.Contains(squeezeSpaces(out), row) {
				t.Errorf("no row %q", row)
			}
		}
	}
	md := string(runKeyhole(t, "keys", "--markdown").mustSucceed(t).stdout)
	if md != keys.Markdown(table) {
		t.Errorf("keys --markdown is not the whole key table:\n%s", md)
	}
}

func TestKeysShowsTheConfigFilesOverrides(t *testing.T) {
	config := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(config, []byte("keys:\n  quit: [ctrl+q, Q]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := squeezeSpaces(string(runKeyhole(t, "keys", "--config", config).mustSucceed(t).stdout))
	if !strings.Contains(out, " ctrl+q Q quit quit ") || strings.Contains(out, " q quit quit ") {
		t.Errorf("quit is not rebound to x:\n%s", out)
	}

	if err := os.WriteFile(config, []byte("keys:\n  quit: [x]\n  nonsense: [y]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := runKeyhole(t, "keys", "--config", config)
	if bad.code == 0 || !strings.Contains(bad.stderr, "line 3") || !strings.Contains(bad.stderr, "nonsense") {
		t.Errorf("a bad key name: exit %d, stderr %q", bad.code, bad.stderr)
	}
}

// squeezeSpaces turns every run of white space into one space.
func squeezeSpaces(s string) string { return " " + strings.Join(strings.Fields(s), " ") + " " }

func TestAKeyBoundToTwoActionsIsRefusedAtLoad(t *testing.T) {
	config := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(config, []byte("theme: dark\nkeys:\n  copy: [y]\n  quit: [v]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"keys"}, {"--demo"}} {
		run := runKeyhole(t, append(args, "--config", config)...)
		if run.code != 2 {
			t.Errorf("keyhole %v: exit %d, want 2", args, run.code)
		}
		for _, want := range []string{"line 4", `key "v"`, "reveal", "quit", "Detail"} {
			if !strings.Contains(run.stderr, want) {
				t.Errorf("keyhole %v: stderr %q lacks %q", args, run.stderr, want)
			}
		}
	}
}
