package render

import (
	"strings"

	"github.com/keyhole-tui/keyhole/ui/styles"
)

// markedName is styleName with the bytes marks flags underlined, for the
// characters of a name a filter matched.
func markedName(dir, leaf string, marks []bool, st *styles.Styles, deleted bool) string {
	var b strings.Builder
	paint := func(text string, from int, ink styles.Ink) {
		for i := 0; i < len(text); {
			marked := from+i < len(marks) && marks[from+i]
			j := i + 1
			for j < len(text) && (from+j < len(marks) && marks[from+j]) == marked {
				j++
			}
			if marked {
				b.WriteString(ink.Paint(st.Ink.Match.Paint(text[i:j])))
			} else {
				b.WriteString(ink.Paint(text[i:j]))
			}
			i = j
		}
	}
	if deleted {
		paint(dir+leaf, 0, st.Ink.Deleted)
	} else {
		paint(dir, 0, st.Ink.PathPrefix)
		paint(leaf, len(dir), st.Ink.PathLeaf)
	}
	return b.String()
}

// Separator is a muted line across a table that sets rows apart, saying
// what follows: "── 12 fuzzy matches ──".
func Separator(text string, width int, ascii bool, st *styles.Styles) string {
	rule := "─"
	if ascii {
		rule = "-"
	}
	line := strings.Repeat(" ", markWidth) + rule + rule + " " + text + " "
	return st.Ink.Muted.Paint(Fit(line+strings.Repeat(rule, max(width-len([]rune(line)), 0)), width, ""))
}
