package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/keyhole-tui/keyhole/ui/clipboard"
	"github.com/keyhole-tui/keyhole/ui/keys"
	"github.com/keyhole-tui/keyhole/ui/render"
	"go.yaml.in/yaml/v3"
)

// fileConfig is config.yaml. Every field is optional; flags given on the
// command line win over it.
type fileConfig struct {
	RevealTimeout    string              `yaml:"reveal_timeout"`
	ClipboardTimeout string              `yaml:"clipboard_timeout"`
	Clipboard        string              `yaml:"clipboard"`
	Theme            string              `yaml:"theme"`
	ReadOnly         *bool               `yaml:"read_only"`
	Mouse            *bool               `yaml:"mouse"`
	Columns          []string            `yaml:"columns"`
	Keys             map[string][]string `yaml:"keys"`
}

// settings is what the config file decides once checked.
type settings struct {
	revealTimeout    *time.Duration
	clipboardTimeout *time.Duration
	clipboard        string
	theme            string
	readOnly         *bool
	mouse            *bool
	columns          []string
	keys             keys.KeyMap
}

// configPath is --config, else $XDG_CONFIG_HOME/keyhole/config.yaml, else
// ~/.config/keyhole/config.yaml. explicit reports whether the user named it.
func configPath(flag string, getenv func(string) string) (path string, explicit bool) {
	if flag != "" {
		return flag, true
	}
	if dir := getenv("XDG_CONFIG_HOME"); dir != "" {
		return filepath.Join(dir, "keyhole", "config.yaml"), false
	}
	if home := getenv("HOME"); home != "" {
		return filepath.Join(home, ".config", "keyhole", "config.yaml"), false
	}
	return "", false
}

// loadConfig reads and checks the config file. A missing file is fine
// unless the user named it.
func loadConfig(path string, explicit bool) (settings, error) {
	s := settings{keys: keys.Default()}
	if path == "" {
		return s, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("config: %w", err)
	}
	return parseConfig(path, data)
}

// parseConfig checks every key and says on which line a bad one is.
func parseConfig(path string, data []byte) (settings, error) {
	s := settings{keys: keys.Default()}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return s, fmt.Errorf("config %s: %w", path, err)
	}
	var fc fileConfig
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&fc); err != nil && !errors.Is(err, io.EOF) {
		return s, fmt.Errorf("config %s: %w", path, err)
	}
	bad := func(key, format string, args ...any) error {
		return fmt.Errorf("config %s: line %d: %s: %s", path, keyLine(&root, key), key, fmt.Sprintf(format, args...))
	}
	var err error
	if s.revealTimeout, err = parseTimeout(fc.RevealTimeout); err != nil {
		return s, bad("reveal_timeout", "%v", err)
	}
	if s.clipboardTimeout, err = parseTimeout(fc.ClipboardTimeout); err != nil {
		return s, bad("clipboard_timeout", "%v", err)
	}
	switch fc.Clipboard {
	case "", clipboard.ModeAuto, clipboard.ModeOSC52, clipboard.ModeSystem, clipboard.ModeOff:
		s.clipboard = fc.Clipboard
	default:
		return s, bad("clipboard", "want auto, osc52, system or off, not %q", fc.Clipboard)
	}
	switch fc.Theme {
	case "", "auto", "dark", "light":
		s.theme = fc.Theme
	default:
		return s, bad("theme", "want auto, dark or light, not %q", fc.Theme)
	}
	s.readOnly, s.mouse = fc.ReadOnly, fc.Mouse
	if fc.Columns != nil {
		for _, c := range fc.Columns {
			if !slices.Contains(render.ListColumnNames(), c) {
				return s, bad("columns", "unknown column %q (known: %s)", c, strings.Join(render.ListColumnNames(), ", "))
			}
		}
		s.columns = slices.Clip(append([]string{}, fc.Columns...))
	}
	names := make([]string, 0, len(fc.Keys))
	for name := range fc.Keys {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := s.keys.Rebind(name, fc.Keys[name]); err != nil {
			return s, bad("keys", "%v", err)
		}
	}
	return s, nil
}

func parseTimeout(s string) (*time.Duration, error) {
	if s == "" {
		return nil, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return nil, fmt.Errorf("want a duration such as 30s, 2m or 0 (never), not %q", s)
	}
	return &d, nil
}

// keyLine finds the line of a top-level key, or 1.
func keyLine(root *yaml.Node, key string) int {
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == key {
			return doc.Content[i].Line
		}
	}
	return 1
}

// apply makes the config file's choices the defaults of the flags the user
// did not give.
func (t *tuiFlags) apply(s settings, changed func(name string) bool) {
	if s.revealTimeout != nil && !changed("reveal-timeout") {
		t.revealTimeout = *s.revealTimeout
	}
	if s.clipboardTimeout != nil && !changed("clipboard-timeout") {
		t.clipboardTimeout = *s.clipboardTimeout
	}
	if s.clipboard != "" && !changed("clipboard") {
		t.clipboard = s.clipboard
	}
	if s.readOnly != nil && !changed("rw") {
		t.readWrite = !*s.readOnly
	}
	if s.mouse != nil && !changed("mouse") {
		t.mouse = *s.mouse
	}
	t.theme, t.columns, t.keys = s.theme, s.columns, s.keys
}
