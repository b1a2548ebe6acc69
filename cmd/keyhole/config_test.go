package main

import (
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
	tests := []struct{ file, want string }{
		{"theme: dark\nreveal_timeout: soon\n", "line 2: reveal_timeout: want a duration"},
		{"clipboard: xclip\n", "line 1: clipboard: want auto, osc52, system or off"},
		{"theme: pink\n", "line 1: theme: want auto, dark or light"},
		{"mouse: true\ncolumns: [name, owner]\n", "line 2: columns: unknown column \"name\""},
		{"keys:\n  launch: [x]\n", "line 1: keys: unknown key binding \"launch\""},
		{"mouse: true\nmoose: true\n", "line 2: field moose not found"},
		{"mouse: [\n", "yaml: line"},
	}
	for _, tt := range tests {
		_, err := parseConfig("c.yaml", []byte(tt.file))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %q", tt.file, err, tt.want)
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
