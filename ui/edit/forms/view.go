package forms

import (
	"strings"

	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// Page draws a form's lines in a page of width by height, scrolled so the
// line focus (-1: none) is in view, with tail under them, always shown. A
// line wider than the page wraps at a space, so nothing is cut at 80
// columns; lines that do not all fit end with where the page is and
// whether more lie above or below.
func Page(c common.Common, lines []string, focus int, tail []string, width, height int) string {
	body := widget.ScrollView{Fold: widget.WordWrap}
	body.SetSize(width, height-len(tail))
	body.SetContent(lines)
	if body.Overflows() {
		body.SetSize(width, height-len(tail)-1)
	}
	body.Reveal(focus, focus)
	out := body.Lines()
	if body.Overflows() {
		out = append(out, c.Styles.Muted.Render(body.Position(c.ASCII)))
	}
	return strings.Join(append(out, tail...), "\n")
}

// Pointer marks the focused line of a form, or pads one that is not.
func Pointer(c common.Common, on bool) string {
	switch {
	case !on:
		return "  "
	case c.ASCII:
		return c.Styles.Title.Render("> ")
	}
	return c.Styles.Title.Render("▸ ")
}
