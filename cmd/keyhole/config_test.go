package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

func TestConfigFileSetsDefaultsThatFlagsOverride(t *testing.T) {
	s, err := parseConfig("c.yaml", []byte(`
reveal_timeout: 10s
clipboard_timeout: 0
clipboard: osc52
theme: light
read_only: false
mouse: true
columns: [rotation, tags]
keys:
  quit: [Q]
  copy_as: [Y]
`))
	if err != nil {
		t.Fatal(err)
	}
	var tf tuiFlags
	tf.revealTimeout, tf.clipboard = 30*time.Second, "auto"
	tf.apply(s, func(name string) bool { return name == "clipboard" })
	if tf.revealTimeout != 10*time.Second || tf.clipboardTimeout != 0 || !tf.readWrite || !tf.mouse || tf.theme != "light" {
		t.Fatalf("config not applied: %+v", tf)
	}
	if tf.clipboard != "auto" {
		t.Fatal("a flag given on the command line must win over the file")
	}
	if strings.Join(tf.columns, ",") != "rotation,tags" {
		t.Fatalf("columns = %v", tf.columns)
	}
	if !key.Matches(tea.KeyPressMsg{Code: 'Q', Text: "Q"}, tf.keys.Quit) || key.Matches(tea.KeyPressMsg{Code: 'q', Text: "q"}, tf.keys.Quit) {
		t.Fatal("keys: quit not rebound")
	}
}

func TestBadConfigSaysWhichLine(t *testing.T) {
	tests := []struct {
		name, file string
		line       int
		want       string
	}{
		{"bad duration", "theme: dark\nreveal_timeout: soon\n", 2, "reveal_timeout: want a duration"},
		{"bad clipboard", "clipboard: xclip\n", 1, "clipboard: want auto, osc52, system or off"},
		{"bad theme", "theme: pink\n", 1, "theme: want auto, dark or light"},
		{"unknown column", "mouse: true\ncolumns: [name, owner]\n", 2, `columns: unknown column "name"`},
		{"misspelt key", "theme: dark\nrevael: 10s\n", 2,
			`unknown key "revael" (known: reveal_timeout, clipboard_timeout, clipboard, theme, read_only, mouse, columns, keys, hygiene, fleet)`},
		{"unknown key", "mouse: true\nmoose: true\n", 2, `unknown key "moose"`},
		{"key given twice", "theme: dark\nmouse: true\ntheme: light\n", 3, "theme: already given on line 1"},
		{"unknown binding", "keys:\n  nosuch: [z]\n", 2, `keys: unknown key binding "nosuch"`},
		{"unknown binding after a good one", "theme: dark\nkeys:\n  quit: [Q]\n  nosuch: [z]\n", 4, `keys: unknown key binding "nosuch"`},
		{"binding with no keys", "keys:\n  quit: [Q]\n  copy: []\n", 3, `keys: key binding "copy": give at least one key`},
		{"binding not a list", "keys:\n  quit: Q\n", 2, `keys: quit: want a list such as [a, b], not "Q"`},
		{"binding given twice", "keys:\n  quit: [Q]\n  quit: [x]\n", 3, "keys: quit: already given on line 2"},
		{"keys not a mapping", "keys: [quit]\n", 1, "keys: want entries of the form name: value, not a list"},
		{"mouse not a bool", "mouse: maybe\n", 1, `mouse: want true or false, not "maybe"`},
		{"read_only a list", "theme: dark\nmouse: true\nread_only: [yes]\n", 3, "read_only: want true or false, not a list"},
		{"columns a word", "columns: name\n", 1, `columns: want a list such as [a, b], not "name"`},
		{"theme a list", "\ntheme: [dark]\n", 2, "theme: want a single value, not a list"},
		{"file a list", "- theme\n", 1, "want keys such as theme: dark, not a list"},
		{"broken yaml", "theme: dark\nmouse: [\n", 2, "did not find expected node content"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseConfig("c.yaml", []byte(tt.file))
			if err == nil {
				t.Fatalf("%q loaded without error", tt.file)
			}
			prefix := fmt.Sprintf("config c.yaml: line %d: ", tt.line)
			if !strings.HasPrefix(err.Error(), prefix) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%q: err = %v, want %q then %q", tt.file, err, prefix, tt.want)
			}
			message := strings.TrimPrefix(err.Error(), "config c.yaml: ")
			for _, leak := range []string{"main.", "fileConfig", "[]string", "*bool", "map[", "!!", "yaml:"} {
				if strings.Contains(message, leak) {
					t.Errorf("%q: err = %v, which shows %q", tt.file, err, leak)
				}
			}
		})
	}
}

func TestConfigAcceptsEmptyAndNullFiles(t *testing.T) {
	for _, file := range []string{"", "# nothing yet\n", "---\n", "~\n", "mouse:\nkeys:\nhygiene:\n"} {
		s, err := parseConfig("c.yaml", []byte(file))
		if err != nil {
			t.Errorf("%q: %v", file, err)
		}
		if s.mouse != nil || s.columns != nil || s.hygiene.RequiredTags != nil || s.hygiene.UnusedDays != 0 {
			t.Errorf("%q set something: %+v", file, s)
		}
	}
}

func TestConfigPathAndMissingFiles(t *testing.T) {
	env := map[string]string{"XDG_CONFIG_HOME": "/x", "HOME": "/h"}
	if p, explicit := configPath("", func(k string) string { return env[k] }); p != "/x/keyhole/config.yaml" || explicit {
		t.Fatalf("path %q explicit %v", p, explicit)
	}
	delete(env, "XDG_CONFIG_HOME")
	if p, _ := configPath("", func(k string) string { return env[k] }); p != "/h/.config/keyhole/config.yaml" {
		t.Fatalf("path %q", p)
	}
	missing := filepath.Join(t.TempDir(), "none.yaml")
	if _, err := loadConfig(missing, false); err != nil {
		t.Fatalf("a missing default file is fine: %v", err)
	}
	if _, err := loadConfig(missing, true); err == nil {
		t.Fatal("a missing --config file is an error")
	}
	empty := filepath.Join(t.TempDir(), "empty.yaml")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := loadConfig(empty, true); err != nil {
		t.Fatalf("an empty file is fine: %v", err)
	}
}
