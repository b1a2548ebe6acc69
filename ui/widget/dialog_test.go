package widget

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestFitInputKeepsALongValueInItsWidth sets a value longer than the field
// before the field knows its width, as a dialog does: the view still
// takes its prompt, the width and the cursor cell, and shows the cursor's
// end of the value.
func TestFitInputKeepsALongValueInItsWidth(t *testing.T) {
	in := textinput.New()
	in.Prompt = "function  "
	in.SetValue("arn:aws:lambda:us-east-1:123456789012:function:keyhole-rotate-password")
	in.Focus()
	for _, width := range []int{80, 40, 25} {
		fitted := FitInput(in, FieldWidth(in.Prompt, width))
		view := ansi.Strip(fitted.View())
		if got := ansi.StringWidth(view); got > width {
			t.Errorf("width %d: view %q is %d wide", width, view, got)
		}
		if !strings.Contains(view, "-password") {
			t.Errorf("width %d: view %q hides the cursor's end", width, view)
		}
	}
}

// TestBoxWrapsAndCutsToTheWidth draws a long prompt in a bordered box: it
// wraps inside, no line is wider than the terminal and no style crosses
// a line end.
func TestBoxWrapsAndCutsToTheWidth(t *testing.T) {
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1)
	red := lipgloss.NewStyle().Foreground(lipgloss.Color("1"))
	for _, width := range []int{80, 50, 20} {
		inner := Inner(box, width)
		out := Box(box, width, "…", WrapIn(red, "Rotate dev/payments/svc-037/postgres-002790 now? A new version is created under AWSPENDING.", inner), strings.Repeat("x", 100))
		for _, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: line %q is %d wide", width, ansi.Strip(l), w)
			}
		}
		if !strings.Contains(ansi.Strip(out), "AWSPENDING.") {
			t.Errorf("width %d: the prompt's end is lost:\n%s", width, ansi.Strip(out))
		}
	}
}
