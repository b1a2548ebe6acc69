package forms

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/textinput"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

func TestMaskedViewHasOneWidthWhateverTheLength(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		st := styles.New(true, ascii)
		c := common.Common{Styles: &st, ASCII: ascii}
		for _, focused := range []bool{false, true} {
			var first string
			for _, value := range []string{"a", "hunter2", "eighteen-chars-pw!", strings.Repeat("x", 300)} {
				in := NewMaskedInput(c, "placeholder")
				in.SetWidth(40)
				in.SetValue(value)
				if focused {
					in.Focus()
				}
				got := ansi.Strip(MaskedView(c, in))
				if first == "" {
					first = got
				}
				if got != first || strings.Contains(got, value) {
					t.Errorf("ascii %v focused %v: %d characters draw %q, 1 draws %q", ascii, focused, len(value), got, first)
				}
				if !strings.HasPrefix(got, c.Mask()) {
					t.Errorf("ascii %v focused %v: %q does not start with the mask", ascii, focused, got)
				}
			}
		}
	}
}

func TestMaskedViewShowsTheTextOnlyWhenRevealed(t *testing.T) {
	st := styles.New(true, false)
	c := common.Common{Styles: &st}
	in := NewMaskedInput(c, "")
	in.SetValue("hunter2")
	in.Focus()
	if got := ansi.Strip(MaskedView(c, in)); strings.Contains(got, "hunter2") {
		t.Fatalf("masked input drew its text: %q", got)
	}
	in.EchoMode = textinput.EchoNormal
	if got := ansi.Strip(MaskedView(c, in)); !strings.Contains(got, "hunter2") {
		t.Fatalf("revealed input did not draw its text: %q", got)
	}
}

func TestPlaceholderIsItalicWithoutColours(t *testing.T) {
	in := NewTextInput("optional", 10)
	in.SetWidth(20)
	var out strings.Builder
	w := colorprofile.Writer{Forward: &out, Profile: colorprofile.Ascii}
	if _, err := w.WriteString(in.View()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\x1b[3;2m") {
		t.Fatalf("placeholder without colours is not set apart from typed text: %q", out.String())
	}
}
