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

// SplitPath splits a path-like name into its folder part, with the trailing
// slash, and its last element: "prod/payments/db" → "prod/payments/", "db".
func SplitPath(name string) (dir, leaf string) {
	i := strings.LastIndexByte(name, '/')
	if i < 0 || i == len(name)-1 {
		return "", name
	}
	return name[:i+1], name[i+1:]
}
