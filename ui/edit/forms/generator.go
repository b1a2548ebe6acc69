package forms

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// DefaultPasswordLength is the length the generator starts with.
const DefaultPasswordLength = 32

// GeneratedMsg carries a generated password for the field numbered Target.
// Value is never shown; it goes straight into the field.
type GeneratedMsg struct {
	Target int
	Value  model.Value
	Err    error
}

// GenerateCmd asks Secrets Manager for a password (GetRandomPassword).
func GenerateCmd(ctx context.Context, b common.Backend, spec model.PasswordSpec, target int) tea.Cmd {
	return func() tea.Msg {
		v, err := b.RandomPassword(ctx, spec)
		if err != nil {
			err = fmt.Errorf("generate a password: %w", err)
		}
		return GeneratedMsg{Target: target, Value: v, Err: err}
	}
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

// Generator is the small form that sets GetRandomPassword's options:
// length, characters to leave out and the kinds of characters.
type Generator struct {
	length  textinput.Model
	exclude textinput.Model
	spec    model.PasswordSpec
	focus   int
	err     error
}

// GeneratorAnswer is what a key press in the generator decided.
type GeneratorAnswer int

// The answers a generator gives after a key press.
const (
	// GeneratorOpen means the form is still being filled in.
	GeneratorOpen GeneratorAnswer = iota
	// GeneratorDone means the user asked for a password with Spec.
	GeneratorDone
	// GeneratorCanceled means the user closed the form.
	GeneratorCanceled
)

// NewGenerator opens the generator with the defaults: 32 characters of
// every kind, each kind at least once.
func NewGenerator() (Generator, tea.Cmd) {
	g := Generator{
		length:  NewTextInput("32", 4),
		exclude: NewTextInput("characters to leave out", 256),
		spec:    model.PasswordSpec{RequireEachIncludedType: true},
	}
	g.length.SetValue(strconv.Itoa(DefaultPasswordLength))
	// Without a width an input shows one character of its placeholder.
	g.length.SetWidth(4)
	g.exclude.SetWidth(30)
	return g, g.length.Focus()
}

// rows is how many lines can take the focus: two inputs and the toggles.
func (g Generator) rows() int { return 2 + len(toggles()) }

// Spec reads the form into a password request.
func (g Generator) Spec() (model.PasswordSpec, error) {
	n, err := strconv.Atoi(strings.TrimSpace(g.length.Value()))
	if err != nil || n < 1 || n > 4096 {
		return model.PasswordSpec{}, fmt.Errorf("length must be a number from 1 to 4096")
	}
	spec := g.spec
	spec.Length = int64(n)
	spec.ExcludeCharacters = g.exclude.Value()
	return spec, nil
}

// Update takes a key press: tab and the arrows move, space toggles, enter
// asks for the password, esc cancels.
func (g Generator) Update(msg tea.KeyPressMsg) (Generator, GeneratorAnswer, tea.Cmd) {
	switch msg.String() {
	case "esc":
		return g, GeneratorCanceled, nil
	case "enter":
		if _, err := g.Spec(); err != nil {
			g.err = err
			return g, GeneratorOpen, nil
		}
		return g, GeneratorDone, nil
	case "tab", "down":
		return g, GeneratorOpen, g.setFocus((g.focus + 1) % g.rows())
	case "shift+tab", "up":
		return g, GeneratorOpen, g.setFocus((g.focus + g.rows() - 1) % g.rows())
	case "space", "x":
		if g.focus >= 2 {
			on := toggles()[g.focus-2].on(&g.spec)
			*on = !*on
			return g, GeneratorOpen, nil
		}
	}
	var cmd tea.Cmd
	g.err = nil
	switch g.focus {
	case 0:
		g.length, cmd = g.length.Update(msg)
	case 1:
		g.exclude, cmd = g.exclude.Update(msg)
	}
	return g, GeneratorOpen, cmd
}

func (g *Generator) setFocus(i int) tea.Cmd {
	g.length.Blur()
	g.exclude.Blur()
	g.focus = i
	switch i {
	case 0:
		return g.length.Focus()
	case 1:
		return g.exclude.Focus()
	}
	return nil
}

// View draws the generator as a dialog.
func (g Generator) View(st *styles.Styles, ascii bool) string {
	pointer := func(i int) string {
		switch {
		case i != g.focus:
			return "  "
		case ascii:
			return "> "
		}
		return "▸ "
	}
	lines := []string{
		st.Title.Render("Generate a password"),
		st.Muted.Render("GetRandomPassword: the value goes into the field, never on screen"),
		pointer(0) + st.Label.Render("length          ") + g.length.View(),
		pointer(1) + st.Label.Render("leave out       ") + g.exclude.View(),
	}
	spec := g.spec
	for i, t := range toggles() {
		box := "[ ]"
		if *t.on(&spec) {
			box = "[x]"
		}
		lines = append(lines, pointer(i+2)+box+" "+t.label)
	}
	if g.err != nil {
		lines = append(lines, st.Error.Render(g.err.Error()))
	}
	lines = append(lines, st.Muted.Render("enter generates · tab next · space toggles · esc cancels"))
	return st.Dialog.Render(strings.Join(lines, "\n"))
}

// StepGenerator hands a key to an open generator. It returns the generator
// to keep open (nil once answered), the command to run, and whether that
// command fetches a password into target.
func StepGenerator(ctx context.Context, b common.Backend, g *Generator, msg tea.KeyPressMsg, target int) (*Generator, tea.Cmd, bool) {
	next, answer, cmd := g.Update(msg)
	switch answer {
	case GeneratorCanceled:
		return nil, nil, false
	case GeneratorDone:
		spec, _ := next.Spec()
		return nil, GenerateCmd(ctx, b, spec, target), true
	}
	return &next, cmd, false
}
