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
