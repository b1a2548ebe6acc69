// Package keys defines keyhole's key bindings as data: the help screen and
// the documentation are built from the same definitions.
package keys

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap is every binding keyhole knows.
type KeyMap struct {
	Quit      key.Binding
	Interrupt key.Binding
	Suspend   key.Binding
	Help      key.Binding
	Back      key.Binding
	Switch    key.Binding

	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding

	Filter        key.Binding
	Open          key.Binding
	Reload        key.Binding
	Retry         key.Binding
	Sort          key.Binding
	ToggleDeleted key.Binding

	Reveal    key.Binding
	RevealAll key.Binding
	Copy      key.Binding
	CopyAs    key.Binding
	Stage     key.Binding
	// SharedValue lists the secrets read this session that share the
	// revealed field's value.
	SharedValue key.Binding

	Rotation     key.Binding
	Audit        key.Binding
	AccountAudit key.Binding
	Hygiene      key.Binding
	Targets      key.Binding

	RotateNow      key.Binding
	EditSchedule   key.Binding
	CancelRotation key.Binding

	TimeRange  key.Binding
	ReadsWrite key.Binding
	ErrorsOnly key.Binding
	WhoRead    key.Binding

	Confirm key.Binding

	New          key.Binding
	Edit         key.Binding
	EditExternal key.Binding
	Delete       key.Binding
	Restore      key.Binding
	Tags         key.Binding
	Versions     key.Binding
	Policy       key.Binding

	Mark       key.Binding
	Diff       key.Binding
	Promote    key.Binding
	Deprecated key.Binding
	Generate   key.Binding
	// RevealTyped shows the value being typed into a form, or masks it
	// again: a key that types no character.
	RevealTyped key.Binding
	Save        key.Binding
	NextField   key.Binding
	PrevField   key.Binding
	Toggle      key.Binding
	NextChoice  key.Binding
	PrevChoice  key.Binding

	AddKey    key.Binding
	DeleteKey key.Binding
	Rebase    key.Binding
}

// Section is a named group of bindings, as the help screen shows them.
type Section struct {
	Name     string
	Bindings []key.Binding
	// Names are the bindings' config names, in the same order.
	Names []string
}

func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// Default returns the default bindings.
func Default() KeyMap {
	return KeyMap{
		Quit:      bind("q", "quit", "q"),
		Interrupt: bind("ctrl+c", "quit, also while typing", "ctrl+c"),
		Suspend:   bind("ctrl+z", "suspend (masks values, clears the clipboard)", "ctrl+z"),
		Help:      bind("?", "help", "?"),
		Back:      bind("esc", "back", "esc"),

		Switch: bind("@", "switch profile/region", "@"),

		Up:       bind("↑/k", "up", "up", "k"),
		Down:     bind("↓/j", "down", "down", "j"),
		PageUp:   bind("pgup", "page up", "pgup", "ctrl+u"),
		PageDown: bind("pgdn", "page down", "pgdown", "ctrl+d"),
		Top:      bind("home/g", "top", "home", "g"),
		Bottom:   bind("end/G", "bottom", "end", "G"),

		Filter:        bind("/", "filter", "/"),
		Open:          bind("enter", "open", "enter"),
		Reload:        bind("ctrl+r", "reload", "ctrl+r"),
		Retry:         bind("R", "retry failed page", "R"),
		Sort:          bind("s", "sort", "s"),
		ToggleDeleted: bind("D", "show pending deletion", "D"),

		Reveal:      bind("v", "reveal/mask field", "v"),
		RevealAll:   bind("V", "reveal/mask all", "V"),
		Copy:        bind("c", "copy field", "c"),
		CopyAs:      bind("C", "copy as…", "C"),
		Stage:       bind("l", "next stage label", "l"),
		SharedValue: bind("S", "secrets sharing this value", "S"),

		Rotation:     bind("r", "rotation", "r"),
		Audit:        bind("a", "audit trail", "a"),
		AccountAudit: bind("A", "account audit trail", "A"),
		Hygiene:      bind("H", "hygiene findings", "H"),
		Targets:      bind("T", "fleet targets (--fleet)", "T"),

		RotateNow:      bind("R", "rotate now (--rw)", "R"),
		EditSchedule:   bind("e", "edit schedule (--rw)", "e"),
		CancelRotation: bind("X", "cancel rotation (--rw)", "X"),

		TimeRange:  bind("t", "time range", "t"),
		ReadsWrite: bind("w", "reads/writes/all", "w"),
		ErrorsOnly: bind("E", "errors only", "E"),
		WhoRead:    bind("tab", "events/who read it", "tab"),

		Confirm: bind("y", "confirm", "y"),

		New:          bind("n", "new secret (--rw)", "n"),
		Edit:         bind("e", "edit value (--rw)", "e"),
		EditExternal: bind("E", "edit value in $EDITOR (--rw)", "E"),
		Delete:       bind("d", "delete (--rw)", "d"),
		Restore:      bind("u", "restore (--rw)", "u"),
		Tags:         bind("t", "description and tags (--rw)", "t"),
		Versions:     bind("h", "versions and diff", "h"),
		Policy:       bind("P", "resource policy", "P"),

		Mark:        bind("space", "mark for diff", "space"),
		Diff:        bind("=", "masked diff of marked and selected", "="),
		Promote:     bind("p", "make AWSCURRENT (--rw)", "p"),
		Deprecated:  bind("x", "show deprecated", "x"),
		Generate:    bind("ctrl+g", "generate password", "ctrl+g"),
		RevealTyped: bind("ctrl+t", "reveal/mask value", "ctrl+t"),
		Save:        bind("ctrl+s", "save", "ctrl+s"),
		NextField:   bind("tab", "next field", "tab"),
		PrevField:   bind("⇧tab", "previous field", "shift+tab"),
		Toggle:      bind("space/x", "toggle", "space", "x"),
		NextChoice:  bind("→/l", "next choice", "right", "l", "space"),
		PrevChoice:  bind("←/h", "prev. choice", "left", "h"),

		AddKey:    bind("a", "add a key", "a"),
		DeleteKey: bind("d", "delete or keep a key", "d"),
		Rebase:    bind("r", "rebase on the new current", "r"),
	}
}

// Section groups bindings of this keymap under name, with their config
// names; a binding not of this keymap is left out.
func (k *KeyMap) Section(name string, bindings []key.Binding) Section {
	s := Section{Name: name}
	for _, b := range bindings {
		if n := k.NameOf(b); n != "" {
			s.Bindings, s.Names = append(s.Bindings, b), append(s.Names, n)
		}
	}
	return s
}

// NameOf is the config name of the binding b, found by its keys and help;
// empty when none of this keymap is b.
func (k *KeyMap) NameOf(b key.Binding) string {
	for name, f := range k.fields() {
		if slices.Equal(f.Keys(), b.Keys()) && f.Help() == b.Help() {
			return name
		}
	}
	return ""
}

// Markdown renders sections as the README's key table.
func Markdown(sections []Section) string {
	var b strings.Builder
	b.WriteString("| where | key | what it does | config name |\n|---|---|---|---|\n")
	for _, s := range sections {
		for i, kb := range s.Bindings {
			h := kb.Help()
			keys := make([]string, len(kb.Keys()))
			for i, key := range kb.Keys() {
				keys[i] = "`" + key + "`"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | `%s` |\n", s.Name, strings.Join(keys, " "), h.Desc, s.Names[i])
		}
	}
	return b.String()
}

// Step reads a movement key as a distance: one row for up and down, page
// rows for page up and down, all rows for top and bottom. ok is false for
// any other key. Callers clamp the result to what they show.
func (k KeyMap) Step(msg tea.KeyPressMsg, page, all int) (delta int, ok bool) {
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageUp):
		return -max(page, 1), true
	case key.Matches(msg, k.PageDown):
		return max(page, 1), true
	case key.Matches(msg, k.Top):
		return -max(all, 1), true
	case key.Matches(msg, k.Bottom):
		return max(all, 1), true
	}
	return 0, false
}
