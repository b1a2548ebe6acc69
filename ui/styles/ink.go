package styles

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Ink is a style reduced to the escape sequences around its text, for hot
// paths such as list rows where lipgloss's full renderer costs too much. It
// suits single-line, already sanitized text and styles without padding,
// borders or widths.
type Ink struct{ pre, post string }

// inkOf captures what a style writes before and after its text.
func inkOf(s lipgloss.Style) Ink {
	const mark = "X"
	out := s.Render(mark)
	i := strings.Index(out, mark)
	return Ink{pre: out[:i], post: out[i+len(mark):]}
}

// Paint wraps text in the ink's sequences.
func (i Ink) Paint(text string) string {
	if text == "" {
		return ""
	}
	return i.pre + text + i.post
}

// Inks are the row styles as Inks.
type Inks struct {
	ColumnHeader Ink
	Row          Ink
	Cursor       Ink
	PathPrefix   Ink
	PathLeaf     Ink
	Muted        Ink
	Deleted      Ink
	OK           Ink
	Warning      Ink
	Error        Ink
	// Match underlines the characters a filter matched, which shows
	// without colour too.
	Match Ink
}

func inksOf(s Styles) Inks {
	return Inks{
		ColumnHeader: inkOf(s.ColumnHeader),
		Row:          inkOf(s.Row),
		Cursor:       inkOf(s.Cursor),
		PathPrefix:   inkOf(s.PathPrefix),
		PathLeaf:     inkOf(s.PathLeaf),
		Muted:        inkOf(s.Muted),
		Deleted:      inkOf(s.Deleted),
		OK:           inkOf(s.OK),
		Warning:      inkOf(s.Warning),
		Error:        inkOf(s.Error),
		Match:        inkOf(lipgloss.NewStyle().Underline(true)),
	}
}
