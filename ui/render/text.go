package render

import (
	"strconv"
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

// FitEnd is Fit keeping the end of s: a cut is marked with head at the
// start. Names that share a beginning, such as an organisation's
// accounts, differ at the end.
func FitEnd(s string, width int, head string) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(s)
	if w <= width {
		return s + strings.Repeat(" ", width-w)
	}
	return Fit(head+ansi.TruncateLeft(s, w-width+ansi.StringWidth(head), ""), width, "")
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

// minPart is the fewest cells of an element a cut path shows: one letter
// says too little to be worth its cell.
const minPart = 2

// FitPath fits a path-like name to width cells as Fit does, but cuts it in
// the middle rather than at the end, so the last element stays: as many
// whole elements next to it as fit stay, then as many from the start, and
// the start of the next element fills what room is left
// ("dev…/svc-037/postgres-002790", "staging/…/svc-01/db"). When even tail and the
// last element do not fit, the name keeps its start and its end. It returns
// the folder part and the last element, padded, apart, so that they can be
// drawn differently; together they are width cells. name must already be
// sanitized.
func FitPath(name string, width int, tail string) (dir, leaf string) {
	if width <= 0 {
		return "", ""
	}
	dir, leaf = SplitPath(name)
	w := ansi.StringWidth(name)
	if w <= width {
		return dir, leaf + strings.Repeat(" ", width-w)
	}
	leafWidth := ansi.StringWidth(leaf)
	room := width - ansi.StringWidth(tail) - 1 - leafWidth
	if dir == "" || room < 0 {
		return "", Fit(CutMiddle(name, width, tail), width, "")
	}
	elements := strings.Split(strings.TrimSuffix(dir, "/"), "/")
	// Elements next to the leaf tell names apart most often
	// (svc-01/db, svc-02/db): they stay first, then those at the start.
	head, rear := "", ""
	first, last := 0, len(elements)-1
	for ; last >= first; last-- {
		e := elements[last] + "/"
		if ansi.StringWidth(e) > room {
			break
		}
		rear, room = e+rear, room-ansi.StringWidth(e)
	}
	for ; first <= last; first++ {
		e := elements[first] + "/"
		if ansi.StringWidth(e) > room {
			break
		}
		head, room = head+e, room-ansi.StringWidth(e)
	}
	if room >= minPart {
		// The room no whole element fits takes the start of the next one.
		part := ansi.Truncate(elements[first], room, "")
		head, room = head+part, room-ansi.StringWidth(part)
	}
	return head + tail + "/" + rear, leaf + strings.Repeat(" ", room)
}

// CutMiddle cuts s to width cells by dropping its middle, marked with
// tail, for text whose start and end both matter; a string that fits is
// kept as it is.
func CutMiddle(s string, width int, tail string) string {
	w, tw := ansi.StringWidth(s), ansi.StringWidth(tail)
	switch {
	case w <= width:
		return s
	case width <= tw+1:
		return ansi.Truncate(s, max(width, 0), tail)
	}
	keep := width - tw
	end := keep / 2
	return ansi.Truncate(s, keep-end, "") + tail + ansi.TruncateLeft(s, w-end, "")
}

// Plural says n things: "1 secret", "7 secrets".
func Plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}
