package keys

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
)

// Names lists the bindings as the config file names them: the field names
// in snake case, such as "copy_as" or "account_audit".
func (k KeyMap) Names() []string {
	var names []string
	for name := range k.fields() {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// Rebind gives the binding called name new keys, as a config file asks.
func (k *KeyMap) Rebind(name string, keys []string) error {
	b, ok := k.fields()[name]
	if !ok {
		return fmt.Errorf("unknown key binding %q (known: %s)", name, strings.Join(k.Names(), ", "))
	}
	if len(keys) == 0 {
		return fmt.Errorf("key binding %q: give at least one key", name)
	}
	desc := b.Help().Desc
	*b = key.NewBinding(key.WithKeys(keys...), key.WithHelp(strings.Join(keys, "/"), desc))
	return nil
}

// fields maps each binding's config name to the binding.
func (k *KeyMap) fields() map[string]*key.Binding {
	v := reflect.ValueOf(k).Elem()
	out := make(map[string]*key.Binding, v.NumField())
	for i := range v.NumField() {
		if b, ok := v.Field(i).Addr().Interface().(*key.Binding); ok {
			out[snake(v.Type().Field(i).Name)] = b
		}
	}
	return out
}

// snake turns "CopyAs" into "copy_as".
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ClashError says one key would trigger two actions of one screen.
type ClashError struct {
	Screen string
	Key    string
	// Names are the two bindings' config names.
	Names [2]string
}

// Error names the key, both actions and the screen.
func (e *ClashError) Error() string {
	return fmt.Sprintf("key %q is bound to both %s and %s, which the %s screen both uses", e.Key, e.Names[0], e.Names[1], e.Screen)
}

// Clash finds a key shared by two of the bindings of one screen.
func (k *KeyMap) Clash(screen string, bindings []key.Binding) error {
	owner := map[string]string{}
	for _, b := range bindings {
		name := k.NameOf(b)
		for _, key := range b.Keys() {
			if other, ok := owner[key]; ok && other != name {
				return &ClashError{Screen: screen, Key: key, Names: [2]string{other, name}}
			}
			owner[key] = name
		}
	}
	return nil
}
