package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Fit cuts s to width cells, marking a cut with tail, and pads it with
// spaces to exactly width. s must already be sanitized.
func Fit(s string, width int, tail string) string {
	if width <= 0 {
		return ""
	}
	if printableASCII(s) {
		// One byte is one cell: no grapheme segmentation of s needed.
		if len(s) <= width {
			return s + strings.Repeat(" ", width-len(s))
		}
		if tw := ansi.StringWidth(tail); tw <= width {
			return s[:width-tw] + tail
		}
	}
	w := ansi.StringWidth(s)
	if w > width {
		s = ansi.Truncate(s, width, tail)
		w = ansi.StringWidth(s)
	}
	if w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// printableASCII reports whether s holds only printable ASCII bytes.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// SplitPath splits a path-like name into its folder part, with the trailing
// slash, and its last element: "prod/payments/db" → "prod/payments/", "db".
func SplitPath(name string) (dir, leaf string) {
	i := strings.LastIndexByte(name, '/')
	if i < 0 || i == len(name)-1 {
		return "", name
	}
	return name[:i+1], name[i+1:]
}

// Window cuts lines to height starting at scroll, moved as little as needed
// to keep line focus in view (-1: none), and each line to width, marking a
// cut with tail.
func Window(lines []string, focus, height, scroll, width int, tail string) []string {
	if focus >= 0 {
		scroll = min(max(scroll, focus-height+1), focus)
	}
	scroll = max(min(scroll, len(lines)-height), 0)
	out := lines[scroll:min(scroll+height, len(lines))]
	for i, l := range out {
		out[i] = ansi.Truncate(l, width, tail)
	}
	for len(out) < height {
		out = append(out, "")
	}
	return out
}

// KeepEnd cuts s from the start to width cells, marking the cut with lead,
// for text whose end matters most, such as an ARN naming its resource.
func KeepEnd(s string, width int, lead string) string {
	w := ansi.StringWidth(s)
	switch {
	case w <= width:
		return s
	case width <= ansi.StringWidth(lead):
		return ansi.Truncate(lead, max(width, 0), "")
	}
	return lead + ansi.TruncateLeft(s, w-width+ansi.StringWidth(lead), "")
}
