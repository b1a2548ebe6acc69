package create

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
)

// kind is how the new secret's value is given.
type kind int

const (
	kindPairs kind = iota
	kindText
	kindBinary
	kindCount
)

func (k kind) String() string {
	switch k {
	case kindText:
		return "plaintext"
	case kindBinary:
		return "binary file"
	}
	return "key/value pairs"
}

// slot names one place the focus can be.
type slot int

const (
	slotName slot = iota
	slotDescription
	slotKMS
	slotTags
	slotKind
	slotPairKey
	slotPairValue
	slotText
	slotFile
)

// target is one focusable field: a slot, and the row for key/value pairs.
type target struct {
	slot slot
	row  int
}

// pair is one key/value row; the value is masked.
type pair struct {
	key   textinput.Model
	value textinput.Model
}

// form holds what the user typed. The key/value rows always end with an
// empty one, so typing a key there adds a row.
type form struct {
	c           common.Common
	name        textinput.Model
	description textinput.Model
	kms         textinput.Model
	tags        textinput.Model
	kind        kind
	pairs       []pair
	text        textinput.Model
	file        textinput.Model
	focus       int
	width       int
	// revealed shows the focused value as typed; moving the focus or a
	// remask masks it again.
	revealed bool
}

func newForm(c common.Common) *form {
	f := &form{
		c:           c,
		name:        forms.NewTextInput("prod/app/database", 2*model.MaxNameLength),
		description: forms.NewTextInput("optional", 2048),
		kms:         forms.NewTextInput("empty = aws/secretsmanager", 2048),
		tags:        forms.NewTextInput("team=payments, env=prod (optional)", 4096),
		text:        forms.NewMaskedInput(c, "type or paste; "+c.Keys.Generate.Help().Key+" generates"),
		file:        forms.NewTextInput("path to a file of at most 64 KiB", 4096),
	}
	f.pairs = []pair{f.newPair()}
	return f
}

func (f *form) newPair() pair {
	p := pair{key: forms.NewTextInput("key", 1024), value: forms.NewMaskedInput(f.c, f.c.Keys.Generate.Help().Key+" generates")}
	p.key.SetWidth(keyWidth)
	p.value.SetWidth(max(f.width-keyWidth-8, 10))
	return p
}

// targets lists the focusable fields in order: the metadata, the kind, then
// the value fields of the chosen kind.
func (f *form) targets() []target {
	ts := []target{{slot: slotName}, {slot: slotDescription}, {slot: slotKMS}, {slot: slotTags}, {slot: slotKind}}
	switch f.kind {
	case kindPairs:
		for i := range f.pairs {
			ts = append(ts, target{slot: slotPairKey, row: i}, target{slot: slotPairValue, row: i})
		}
	case kindText:
		ts = append(ts, target{slot: slotText})
	case kindBinary:
		ts = append(ts, target{slot: slotFile})
	}
	return ts
}

func (f *form) focused() target { return f.targets()[f.focus] }

// input returns the input behind a target, or nil for the kind selector.
func (f *form) input(t target) *textinput.Model {
	switch t.slot {
	case slotName:
		return &f.name
	case slotDescription:
		return &f.description
	case slotKMS:
		return &f.kms
	case slotTags:
		return &f.tags
	case slotPairKey:
		return &f.pairs[t.row].key
	case slotPairValue:
		return &f.pairs[t.row].value
	case slotText:
		return &f.text
	case slotFile:
		return &f.file
	}
	return nil
}

// setFocus moves the focus to the i-th target.
func (f *form) setFocus(i int) tea.Cmd {
	if in := f.input(f.focused()); in != nil {
		in.Blur()
	}
	f.focus, f.revealed = i, false
	if in := f.input(f.focused()); in != nil {
		return in.Focus()
	}
	return nil
}

// focusSlot moves the focus to the first target of a slot.
func (f *form) focusSlot(s slot) tea.Cmd {
	for i, t := range f.targets() {
		if t.slot == s {
			return f.setFocus(i)
		}
	}
	return nil
}

// move moves the focus by d targets, wrapping around.
func (f *form) move(d int) tea.Cmd {
	n := len(f.targets())
	return f.setFocus(((f.focus+d)%n + n) % n)
}

// onValue reports whether the focus is on a value field, the one kind of
// field that is masked.
func (f *form) onValue() bool {
	s := f.focused().slot
	return s == slotPairValue || s == slotText
}

// toggleReveal shows the focused value as typed, or masks it again.
func (f *form) toggleReveal() tea.Cmd {
	f.revealed = !f.revealed && f.onValue()
	return nil
}

// cycleKind picks the next or previous kind; the focus stays on the selector.
func (f *form) cycleKind(d int) tea.Cmd {
	f.kind = kind((int(f.kind) + d + int(kindCount)) % int(kindCount))
	return nil
}

// update hands a message to the focused input and keeps one empty row at
// the end of the key/value pairs.
func (f *form) update(msg tea.Msg) tea.Cmd {
	in := f.input(f.focused())
	if in == nil {
		return nil
	}
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	last := f.pairs[len(f.pairs)-1]
	if f.kind == kindPairs && (last.key.Value() != "" || last.value.Value() != "") {
		f.pairs = append(f.pairs, f.newPair())
	}
	return cmd
}

// setWidth fits the inputs to the screen.
func (f *form) setWidth(w int) {
	f.width = w
	room := max(w-labelWidth-4, 10)
	for _, in := range []*textinput.Model{&f.name, &f.description, &f.kms, &f.tags, &f.text, &f.file} {
		in.SetWidth(room)
	}
	for i := range f.pairs {
		f.pairs[i].key.SetWidth(keyWidth)
		f.pairs[i].value.SetWidth(max(w-keyWidth-8, 10))
	}
}

// empty reports whether nothing was typed, so leaving loses nothing.
func (f *form) empty() bool {
	for _, in := range []*textinput.Model{&f.name, &f.description, &f.kms, &f.tags, &f.text, &f.file} {
		if in.Value() != "" {
			return false
		}
	}
	for _, p := range f.pairs {
		if p.key.Value() != "" || p.value.Value() != "" {
			return false
		}
	}
	return true
}
