package styles

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestInkPaintsAsLipglossRenders(t *testing.T) {
	for _, dark := range []bool{true, false} {
		s := New(dark, false)
		for name, pair := range map[string]struct {
			style lipgloss.Style
			ink   Ink
		}{
			"leaf": {s.PathLeaf, s.Ink.PathLeaf}, "muted": {s.Muted, s.Ink.Muted},
			"cursor": {s.Cursor, s.Ink.Cursor}, "deleted": {s.Deleted, s.Ink.Deleted},
		} {
			// lipgloss strikes through rune by rune; the cells look the same.
			text := "prod/payments/db ✗"
			got, want := pair.ink.Paint(text), pair.style.Render(text)
			sgr := want[:strings.IndexByte(want, 'm')+1]
			if ansi.Strip(got) != text || !strings.HasPrefix(got, sgr) || !strings.HasSuffix(got, "\x1b[m") {
				t.Errorf("dark=%v %s: Paint %q, Render %q", dark, name, got, want)
			}
		}
	}
}
