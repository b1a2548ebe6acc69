package render

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
)

// EventJSON lays out a CloudTrail record as indented JSON, sanitized, one
// string per line. A record that is not valid JSON comes back as its
// sanitized text.
func EventJSON(raw string) []string {
	var b bytes.Buffer
	text := raw
	if err := json.Indent(&b, []byte(raw), "", "  "); err == nil {
		text = b.String()
	}
	return strings.Split(model.SanitizeBlock(text), "\n")
}

// WrapLines breaks lines wider than width onto the lines after them,
// indented as the line they continue. The lines must be sanitized.
func WrapLines(lines []string, width int) []string {
	if width <= 0 {
		return lines
	}
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if ansi.StringWidth(l) <= width {
			out = append(out, l)
			continue
		}
		indent := len(l) - len(strings.TrimLeft(l, " "))
		if indent > width/2 {
			indent = 0
		}
		first := ansi.Truncate(l, width, "")
		out = append(out, first)
		rest := strings.TrimPrefix(l, first)
		room := width - indent - 2
		for rest != "" {
			part := ansi.Truncate(rest, room, "")
			if part == "" {
				break
			}
			out = append(out, strings.Repeat(" ", indent+2)+part)
			rest = strings.TrimPrefix(rest, part)
		}
	}
	return out
}
