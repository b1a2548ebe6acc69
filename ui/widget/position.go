package widget

import (
	"strconv"
	"strings"
)

// Position says which screen lines are shown, "lines 3-21 of 40", and
// whether more lie above or below, in ASCII when ascii is set.
func (v ScrollView) Position(ascii bool) string {
	total := len(v.lines)
	if total == 0 {
		return "no lines"
	}
	above, below, sep := "↑ more above", "more below ↓", " · "
	if ascii {
		above, below, sep = "^ more above", "more below v", " - "
	}
	end := min(v.offset+v.Height(), total)
	var parts []string
	if v.offset > 0 {
		parts = append(parts, above)
	}
	parts = append(parts, "lines "+strconv.Itoa(v.offset+1)+"-"+strconv.Itoa(end)+" of "+strconv.Itoa(total))
	if end < total {
		parts = append(parts, below)
	}
	return strings.Join(parts, sep)
}
