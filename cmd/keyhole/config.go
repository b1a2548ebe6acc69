package main

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui"
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
	Hygiene          hygieneConfig       `yaml:"hygiene"`
	Fleet            fleetConfig         `yaml:"fleet"`
}

// fleetConfig is the fleet: section, what --fleet lists when its flags
// don't say.
type fleetConfig struct {
	Profiles    []string `yaml:"profiles"`
	Regions     []string `yaml:"regions"`
	OrgRole     string   `yaml:"org_role"`
	Concurrency int      `yaml:"concurrency"`
}

// fleetSettings is the checked fleet: section.
type fleetSettings struct {
	profiles, regions []string
	orgRole           string
	concurrency       int
}

// hygieneConfig is the hygiene: section, the thresholds of the hygiene
// screen's controls; what it leaves out keeps its default.
type hygieneConfig struct {
	UnusedDays      *int     `yaml:"unused_days"`
	RotationDays    *int     `yaml:"rotation_days"`
	RequiredTags    []string `yaml:"required_tags"`
	DeletedReadDays *int     `yaml:"deleted_read_days"`
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
	hygiene          model.HygieneRules
	fleet            fleetSettings
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
		return s, fmt.Errorf("config %s: %s", path, syntaxError(data, err))
	}
	var fc fileConfig
	if err := decodeConfig(&root, &fc); err != nil {
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
	for _, name := range slices.Sorted(maps.Keys(fc.Keys)) {
		if err := s.keys.Rebind(name, fc.Keys[name]); err != nil {
			return s, fmt.Errorf("config %s: line %d: keys: %w", path, keyLine(&root, "keys", name), err)
		}
	}
	if s.hygiene, err = hygieneRules(fc.Hygiene); err != nil {
		var field *hygieneError
		errors.As(err, &field)
		return s, fmt.Errorf("config %s: line %d: hygiene: %w", path, keyLine(&root, "hygiene", field.key), err)
	}
	if c := fc.Fleet.Concurrency; c < 0 || c > 64 {
		return s, fmt.Errorf("config %s: line %d: fleet: concurrency: want 1 to 64, not %d", path, keyLine(&root, "fleet", "concurrency"), c)
	}
	s.fleet = fleetSettings{profiles: fc.Fleet.Profiles, regions: fc.Fleet.Regions, orgRole: fc.Fleet.OrgRole, concurrency: fc.Fleet.Concurrency}
	var clash *keys.ClashError
	if err := ui.CheckKeys(s.keys); errors.As(err, &clash) {
		// The line is that of a binding the file gives: the other may
		// have kept its default keys.
		name := clash.Names[1]
		if _, given := fc.Keys[name]; !given {
			name = clash.Names[0]
		}
		return s, usageError(fmt.Errorf("config %s: line %d: keys: %w", path, keyLine(&root, "keys", name), err))
	}
	return s, nil
}

// configKeys lists the keys config.yaml may hold at the top, in
// fileConfig's order, as its yaml tags name them.
func configKeys() []string { return yamlNames(reflect.TypeFor[fileConfig]()) }

// yamlNames lists the keys of the struct type typ, in field order, as its
// yaml tags name them.
func yamlNames(typ reflect.Type) []string {
	names := make([]string, typ.NumField())
	for i := range typ.NumField() {
		names[i], _, _ = strings.Cut(typ.Field(i).Tag.Get("yaml"), ",")
	}
	return names
}

// decodeConfig fills fc one top-level key at a time, so that a bad key or
// value is reported by its name and line rather than by Go types.
func decodeConfig(root *yaml.Node, fc *fileConfig) error {
	doc := documentBody(root)
	if doc == nil || doc.ShortTag() == "!!null" {
		return nil
	}
	if doc.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: want keys such as theme: dark, not %s", doc.Line, describeNode(doc))
	}
	return decodeStruct("", doc, reflect.ValueOf(fc).Elem())
}

// decodeStruct fills the struct out from the mapping n one key at a time,
// by its fields' yaml names; prefix, such as "hygiene: ", names the
// section in errors.
func decodeStruct(prefix string, n *yaml.Node, out reflect.Value) error {
	known := yamlNames(out.Type())
	seen := make(map[string]int, len(known))
	for i := 0; i+1 < len(n.Content); i += 2 {
		name, value := n.Content[i], n.Content[i+1]
		field := slices.Index(known, name.Value)
		if field < 0 {
			return fmt.Errorf("line %d: %sunknown key %q (known: %s)", name.Line, prefix, name.Value, strings.Join(known, ", "))
		}
		if first, ok := seen[name.Value]; ok {
			return fmt.Errorf("line %d: %s%s: already given on line %d", name.Line, prefix, name.Value, first)
		}
		seen[name.Value] = name.Line
		if err := decodeValue(prefix+name.Value, value, out.Field(field)); err != nil {
			return err
		}
	}
	return nil
}

// decodeValue decodes n into out. A mapping is decoded entry by entry so
// that an error carries the line and name of the entry at fault.
func decodeValue(name string, n *yaml.Node, out reflect.Value) error {
	if out.Kind() == reflect.Map && n.Kind == yaml.MappingNode {
		return decodeMapping(name, n, out)
	}
	if out.Kind() == reflect.Struct && n.Kind == yaml.MappingNode {
		return decodeStruct(name+": ", n, out)
	}
	if err := n.Decode(out.Addr().Interface()); err != nil {
		return fmt.Errorf("line %d: %s: want %s, not %s", n.Line, name, describeType(out.Type()), describeNode(n))
	}
	return nil
}

// decodeMapping decodes a mapping node into the map out, one entry at a time.
func decodeMapping(name string, n *yaml.Node, out reflect.Value) error {
	m := reflect.MakeMapWithSize(out.Type(), len(n.Content)/2)
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if first, ok := seen[key.Value]; ok {
			return fmt.Errorf("line %d: %s: %s: already given on line %d", key.Line, name, key.Value, first)
		}
		seen[key.Value] = key.Line
		elem := reflect.New(out.Type().Elem()).Elem()
		if err := decodeValue(name+": "+key.Value, value, elem); err != nil {
			return err
		}
		m.SetMapIndex(reflect.ValueOf(key.Value), elem)
	}
	out.Set(m)
	return nil
}

// describeType says in words what a value of type t looks like in YAML.
func describeType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return describeType(t.Elem())
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list such as [a, b]"
	case reflect.Map, reflect.Struct:
		return "entries of the form name: value"
	case reflect.Int:
		return "a whole number"
	default:
		return "a single value"
	}
}

// describeNode says in words what the file holds at n.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return strconv.Quote(n.Value)
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return describeNode(n.Alias)
	default:
		return "nothing"
	}
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

// syntaxError says what the YAML parser found wrong, always with a line:
// the parser gives none for an undefined alias, found where it is used,
// or for input that ends early (a quote or bracket left open), said at the
// last line.
func syntaxError(data []byte, err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.Contains(msg, "end of stream") {
		msg += " (a quote or bracket left open?)"
	}
	if strings.HasPrefix(msg, "line ") {
		return msg
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	line := len(lines)
	if _, anchor, ok := strings.Cut(msg, "unknown anchor '"); ok {
		anchor, _, _ = strings.Cut(anchor, "'")
		if i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "*"+anchor) }); i >= 0 {
			line = i + 1
		}
	}
	return fmt.Sprintf("line %d: %s", line, msg)
}

// documentBody is the node a parsed file holds, or nil for an empty file.
func documentBody(root *yaml.Node) *yaml.Node {
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		return root.Content[0]
	}
	if root.Kind == 0 {
		return nil
	}
	return root
}

// keyLine finds the line of the key at path, such as "keys", "quit". When
// part of the path is missing it gives the line of the deepest part found,
// or 1.
func keyLine(root *yaml.Node, path ...string) int {
	line, node := 1, documentBody(root)
	for _, name := range path {
		key, value := mappingEntry(node, name)
		if key == nil {
			break
		}
		line, node = key.Line, value
	}
	return line
}

// mappingEntry finds name in the mapping n and gives its key and value
// nodes, or nils.
func mappingEntry(n *yaml.Node, name string) (key, value *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == name {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
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
	t.theme, t.columns, t.keys, t.hygiene = s.theme, s.columns, s.keys, s.hygiene
}
