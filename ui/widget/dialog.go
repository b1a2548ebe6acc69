package widget

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// minInner is the narrowest a dialog's text is laid out, however narrow the
// terminal.
const minInner = 10

// Inner is the width a dialog drawn in box leaves for its text in a
// terminal width cells wide.
func Inner(box lipgloss.Style, width int) int {
	return max(width-box.GetHorizontalFrameSize(), minInner)
}

// WrapIn wraps text, which may hold line breaks, at spaces in width cells
// as WordWrap does, then draws each line in style, so that no style runs
// into a dialog's border.
func WrapIn(style lipgloss.Style, text string, width int) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for _, l := range WordWrap(line, width) {
			out = append(out, style.Render(l))
		}
	}
	return strings.Join(out, "\n")
}

// Box draws lines in box for a terminal width cells wide. Text that should
// wrap comes wrapped (WrapIn); a line still wider than the box is cut with
// tail, so that no dialog runs past the right edge.
func Box(box lipgloss.Style, width int, tail string, lines ...string) string {
	inner := Inner(box, width)
	var out []string
	for _, l := range strings.Split(strings.Join(lines, "\n"), "\n") {
		out = append(out, ansi.Truncate(l, inner, tail))
	}
	return box.Render(strings.Join(out, "\n"))
}

// FitInput gives a text field width cells for its text and scrolls that
// text to keep the cursor in view, for a field whose width is known only
// when it is drawn. A field's view is its prompt, width cells and one more
// for the cursor.
func FitInput(in textinput.Model, width int) textinput.Model {
	in.SetWidth(max(width, 1))
	pos := in.Position()
	in.CursorEnd()
	in.SetCursor(pos)
	return in
}

// FieldWidth is the width to give a text field with prompt so that its
// view takes no more than width cells.
func FieldWidth(prompt string, width int) int {
	return max(width-ansi.StringWidth(prompt)-1, 1)
}
