// Package forms holds what the create and edit screens share: masked value
// inputs and the password generator.
package forms

import (
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/keyhole-tui/keyhole/ui/common"
)

// MaxValueBytes is the largest value Secrets Manager stores.
const MaxValueBytes = 65536

// NewTextInput makes a plain one-line input that holds at most limit
// characters.
func NewTextInput(placeholder string, limit int) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.CharLimit = limit
	MarkPlaceholder(&in)
	return in
}

// MarkPlaceholder draws the input's placeholder faint and in italics, so it
// reads as a hint rather than typed text even without colours (NO_COLOR),
// where the default grey placeholder looks like what was typed.
func MarkPlaceholder(in *textinput.Model) {
	st := in.Styles()
	hint := lipgloss.NewStyle().Faint(true).Italic(true)
	st.Focused.Placeholder, st.Blurred.Placeholder = hint, hint
	in.SetStyles(st)
}

// NewMaskedInput makes an input for a secret value. Draw it with
// MaskedView: the input's own View echoes one mask character per typed
// character, which gives the length away.
func NewMaskedInput(c common.Common, placeholder string) textinput.Model {
	in := NewTextInput(placeholder, MaxValueBytes)
	in.EchoMode = textinput.EchoPassword
	in.EchoCharacter = '•'
	if c.ASCII {
		in.EchoCharacter = '*'
	}
	return in
}

// Editable reports whether text survives a one-line input unchanged: no
// newlines, tabs or control characters, which the input would rewrite.
func Editable(text string) bool {
	in := textinput.New()
	in.SetValue(text)
	return in.Value() == text
}

// MaskedView draws an input made by NewMaskedInput. Masked (any echo mode
// but EchoNormal) it is the fixed-width mask, with a cursor after it while
// focused, whatever the text's length and the cursor's place; an empty
// input shows its placeholder. Revealed (EchoNormal) it is the input as
// typed.
func MaskedView(c common.Common, in textinput.Model) string {
	if in.EchoMode == textinput.EchoNormal || in.Value() == "" {
		return in.View()
	}
	mask := c.Styles.Mask.Render(c.Mask())
	if !in.Focused() {
		return mask
	}
	cursor := "▏"
	if c.ASCII {
		cursor = "_"
	}
	return mask + c.Styles.Cursor.Render(cursor)
}
