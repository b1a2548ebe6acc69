package widget

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Fold lays one line of text out in width cells as one or more screen
// lines. Every Fold keeps ANSI styles and counts cells, not bytes.
type Fold func(line string, width int) []string

// Cut keeps a line on one screen line, cut at the width with tail marking
// the cut.
func Cut(tail string) Fold {
	return func(line string, width int) []string {
		return []string{ansi.Truncate(line, width, tail)}
	}
}

// WordWrap breaks a line at spaces where it can, and inside a word where
// a word is wider than the line.
func WordWrap(line string, width int) []string {
	return strings.Split(ansi.Wrap(line, width, ""), "\n")
}

// HangingWrap breaks a line at the width and goes on below it indented two
// cells more than the line, as reads well for code and JSON; a line
// indented past half the width goes on unindented.
func HangingWrap(line string, width int) []string {
	if ansi.StringWidth(line) <= width {
		return []string{line}
	}
	indent := len(line) - len(strings.TrimLeft(line, " "))
	if indent > width/2 {
		indent = 0
	}
	first := ansi.Truncate(line, width, "")
	out := []string{first}
	rest := ansi.TruncateLeft(line, ansi.StringWidth(first), "")
	room, pad := width-indent-2, strings.Repeat(" ", indent+2)
	for ansi.StringWidth(rest) > 0 {
		part := ansi.Truncate(rest, room, "")
		w := ansi.StringWidth(part)
		if w == 0 {
			break
		}
		out = append(out, pad+part)
		rest = ansi.TruncateLeft(rest, w, "")
	}
	return out
}
