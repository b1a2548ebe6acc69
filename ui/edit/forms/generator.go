package forms

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// DefaultPasswordLength is the length the generator starts with.
const DefaultPasswordLength = 32

// GenerateTask is the kind of task that fetches a generated password.
const GenerateTask = "generate"

// PasswordSource is the backend method the generator uses.
type PasswordSource interface {
	RandomPassword(ctx context.Context, spec model.PasswordSpec) (model.Value, error)
}

// GeneratedMsg carries a generated password for the field numbered Target.
// Value is never shown; it goes straight into the field.
type GeneratedMsg struct {
	Target int
	Value  model.Value
	Err    error
}

// toggle is one on/off option of the generator.
type toggle struct {
	label string
	on    func(*model.PasswordSpec) *bool
}

// toggles lists the generator's on/off options in the order they are drawn.
func toggles() []toggle {
	return []toggle{
		{"no punctuation", func(s *model.PasswordSpec) *bool { return &s.ExcludePunctuation }},
		{"no numbers", func(s *model.PasswordSpec) *bool { return &s.ExcludeNumbers }},
		{"no uppercase", func(s *model.PasswordSpec) *bool { return &s.ExcludeUppercase }},
		{"no lowercase", func(s *model.PasswordSpec) *bool { return &s.ExcludeLowercase }},
		{"include space", func(s *model.PasswordSpec) *bool { return &s.IncludeSpace }},
		{"every kind included", func(s *model.PasswordSpec) *bool { return &s.RequireEachIncludedType }},
	}
}

// Generator is the dialog that sets GetRandomPassword's options: length,
// characters to leave out and the kinds of characters. The root shows it
// in its modal slot; the password comes back to the screen that opened it
// as a GeneratedMsg.
type Generator struct {
	c       common.Common
	source  PasswordSource
	target  int
	length  textinput.Model
	exclude textinput.Model
	spec    model.PasswordSpec
	focus   int
	err     error
	closed  bool
}

// OpenGenerator opens the generator with the defaults, 32 characters of
// every kind, each kind at least once, for the field numbered target.
func OpenGenerator(c common.Common, source PasswordSource, target int) tea.Cmd {
	g := &Generator{
		c:       c,
		source:  source,
		target:  target,
		length:  NewTextInput("32", 4),
		exclude: NewTextInput("characters to leave out", 256),
		spec:    model.PasswordSpec{RequireEachIncludedType: true},
	}
	g.length.SetValue(strconv.Itoa(DefaultPasswordLength))
	// Without a width an input shows one character of its placeholder.
	g.length.SetWidth(4)
	g.exclude.SetWidth(30)
	c.Slot.Open(g)
	return g.length.Focus()
}

// rows is how many lines can take the focus: two inputs and the toggles.
func (g *Generator) rows() int { return 2 + len(toggles()) }

// Spec reads the form into a password request.
func (g *Generator) Spec() (model.PasswordSpec, error) {
	n, err := strconv.Atoi(strings.TrimSpace(g.length.Value()))
	if err != nil || n < 1 || n > 4096 {
		return model.PasswordSpec{}, fmt.Errorf("length must be a number from 1 to 4096")
	}
	spec := g.spec
	spec.Length = int64(n)
	spec.ExcludeCharacters = g.exclude.Value()
	return spec, nil
}

// actions are the generator's keys: open asks for the password, back
// closes, the field keys and arrows move, toggle flips an option.
func (g *Generator) actions() []common.Action {
	k := g.c.Keys
	down, up := NonTyping(k.Down), NonTyping(k.Up)
	actions := []common.Action{
		{Key: &k.Open, Run: g.generate},
		{Key: &k.Back, Run: g.close},
		{Key: &k.NextField, Run: func() tea.Cmd { return g.move(1) }},
		{Key: &k.PrevField, Run: func() tea.Cmd { return g.move(-1) }},
		{Key: &down, Run: func() tea.Cmd { return g.move(1) }},
		{Key: &up, Run: func() tea.Cmd { return g.move(-1) }},
	}
	if g.focus >= 2 {
		actions = append(actions, common.Action{Key: &k.Toggle, Run: g.flip})
	}
	return actions
}

// Update takes a key: an action's, or one typed into the focused input.
func (g *Generator) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return g, nil
	}
	cmd, acted := Dispatch(g.actions(), press)
	switch {
	case g.closed:
		return nil, cmd
	case !acted:
		g.err = nil
		cmd = g.typeInto(press)
	}
	return g, cmd
}

// typeInto hands a key to the focused input.
func (g *Generator) typeInto(msg tea.KeyPressMsg) tea.Cmd {
	var cmd tea.Cmd
	switch g.focus {
	case 0:
		g.length, cmd = g.length.Update(msg)
	case 1:
		g.exclude, cmd = g.exclude.Update(msg)
	}
	return cmd
}

// generate closes the dialog and asks for a password, when the options
// are valid.
func (g *Generator) generate() tea.Cmd {
	spec, err := g.Spec()
	if err != nil {
		g.err = err
		return nil
	}
	g.closed = true
	source, target := g.source, g.target
	return g.c.Tasks.Start(GenerateTask, func(ctx context.Context) tea.Msg {
		v, err := source.RandomPassword(ctx, spec)
		if err != nil {
			err = fmt.Errorf("generate a password: %w", err)
		}
		return GeneratedMsg{Target: target, Value: v, Err: err}
	})
}

func (g *Generator) close() tea.Cmd {
	g.closed = true
	return nil
}

// flip turns the focused option on or off.
func (g *Generator) flip() tea.Cmd {
	on := toggles()[g.focus-2].on(&g.spec)
	*on = !*on
	return nil
}

// move moves the focus by d lines, wrapping around.
func (g *Generator) move(d int) tea.Cmd {
	g.length.Blur()
	g.exclude.Blur()
	g.focus = (g.focus + d + g.rows()) % g.rows()
	switch g.focus {
	case 0:
		return g.length.Focus()
	case 1:
		return g.exclude.Focus()
	}
	return nil
}

// View draws the generator as a dialog.
func (g *Generator) View(width int) string {
	st, k := g.c.Styles, g.c.Keys
	inner := widget.Inner(st.Dialog, width)
	lines := []string{
		st.Title.Render("Generate a password"),
		widget.WrapIn(st.Muted, "GetRandomPassword: the value goes into the field, never on screen", inner),
		Pointer(g.c, g.focus == 0) + st.Label.Render("length          ") + g.length.View(),
		Pointer(g.c, g.focus == 1) + st.Label.Render("leave out       ") + g.exclude.View(),
	}
	for i, t := range toggles() {
		box := "[ ]"
		if *t.on(&g.spec) {
			box = "[x]"
		}
		lines = append(lines, Pointer(g.c, g.focus == i+2)+box+" "+t.label)
	}
	if g.err != nil {
		lines = append(lines, widget.WrapIn(st.Error, g.err.Error(), inner))
	}
	lines = append(lines, widget.WrapIn(st.Hint, Hints(
		Hint{k.Open, "generates"}, Hint{k.NextField, "next"}, Hint{k.Toggle, "toggles"}, Hint{k.Back, "cancels"}), inner))
	return widget.Box(st.Dialog, width, g.c.Ellipsis(), lines...)
}

// Hint is a key and what it does here, for a form's own hint line.
type Hint struct {
	Key  key.Binding
	Does string
}

// Hints draws hints as the keymap binds their keys: "enter adds · esc
// cancels".
func Hints(hints ...Hint) string {
	parts := make([]string, len(hints))
	for i, h := range hints {
		parts[i] = h.Key.Help().Key + " " + h.Does
	}
	return strings.Join(parts, " · ")
}
