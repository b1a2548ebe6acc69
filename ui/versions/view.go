package versions

import (
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// View draws the versions table, or the open diff. The heading stays
// put; the body scrolls to keep the cursor in view.
func (p *Page) View() string {
	if p.diff != nil {
		return p.diff.pane.view(p.width, p.height)
	}
	return p.pane.view(p.width, p.height)
}

// layout lays the table, or the open diff, out as it is now.
func (p *Page) layout() {
	if p.diff != nil {
		p.diff.pane.set(p.diffScreen(), p.width, p.height)
		p.diff.table.SetHeight(p.diff.pane.body.Height())
		return
	}
	p.pane.set(p.tableScreen(), p.width, p.height)
	p.table.SetHeight(p.pane.body.Height())
}

// screen is a heading that stays and a body that scrolls; the lines from
// focus to focusEnd are kept in view when they fit. rows holds, for each
// body line, the index of the table row it belongs to; it is empty when
// the body has no rows to select.
type screen struct {
	head, body      []string
	focus, focusEnd int
	rows            []int
}

// pane is a screen laid out: its heading, and its body in a scroll view
// that keeps its place from one layout to the next.
type pane struct {
	head []string
	body widget.ScrollView
	rows []int
	// focus to focusEnd are the body lines of the row selected.
	focus, focusEnd int
}

// set lays s out in width by height cells, scrolled as little as shows its
// focus.
func (p *pane) set(s screen, width, height int) {
	p.head, p.rows, p.focus, p.focusEnd = s.head, s.rows, s.focus, s.focusEnd
	p.body.SetSize(width, max(height-len(s.head), 0))
	p.body.SetContent(s.body)
	if !p.body.Within(s.focus, s.focusEnd) {
		// A focus taller than the view keeps the part scrolled to.
		p.body.Reveal(s.focus, s.focusEnd)
	}
}

// scrollFocus scrolls through a focus taller than the view by one line
// toward delta's side, and reports whether there was more of it there.
func (p *pane) scrollFocus(delta int) bool {
	above, below := p.body.Beyond(p.focus, p.focusEnd)
	if delta > 0 && below || delta < 0 && above {
		p.body.ScrollBy(delta)
		return true
	}
	return false
}

// view draws the heading, then the body, at most width by height cells.
func (p *pane) view(width, height int) string {
	lines := slices.Concat(p.head, p.body.Lines())
	lines = lines[:min(len(lines), max(height, 1))]
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, width, "")
	}
	return strings.Join(lines, "\n")
}

// rowAt is the row drawn on line y of the pane.
func (p *pane) rowAt(y int) (int, bool) {
	line, ok := p.body.LineAt(y - len(p.head))
	if !ok || line >= len(p.rows) {
		return 0, false
	}
	return p.rows[line], true
}

// tableScreen renders the title, the table and the values held.
func (p *Page) tableScreen() screen {
	st := p.c.Styles
	s := screen{head: []string{st.Title.Render("Versions · " + model.Sanitize(p.secret.Name)), st.Muted.Render(p.summary())}}
	switch {
	case p.listErr != nil:
		s.body = []string{st.Error.Render("  list versions failed: " + model.Sanitize(p.listErr.Error()))}
		return s
	case p.c.Tasks.Awaits(kindList) && p.versions == nil:
		s.body = []string{st.Muted.Render("  loading versions…")}
		return s
	case len(p.versions) == 0:
		s.body = []string{st.Muted.Render("  no versions")}
		return s
	}
	cols := render.VersionTableColumns(p.width)
	s.head = append(s.head, render.VersionHeader(cols, st))
	cursor := p.table.Cursor()
	for i, v := range p.versions {
		if i == cursor {
			s.focus = len(s.body)
		}
		s.body = append(s.body, render.VersionRow(v, cols, st, render.VersionRowOptions{
			RowOptions: render.RowOptions{Now: p.c.Now(), Selected: i == cursor, ASCII: p.c.ASCII}, Marked: v.ID == p.marked,
		}))
		s.body = append(s.body, p.valueLines(v.ID)...)
		for len(s.rows) < len(s.body) {
			s.rows = append(s.rows, i)
		}
		if i == cursor {
			s.focusEnd = len(s.body) - 1
		}
	}
	return s
}

// summary is the line under the title: how many versions, whether the
// deprecated ones show, and which one is marked for a diff.
func (p *Page) summary() string {
	n := strconv.Itoa(len(p.versions)) + " versions"
	if len(p.versions) == 1 {
		n = "1 version"
	}
	k := p.c.Keys
	parts := []string{n}
	if p.deprecated {
		parts = append(parts, "deprecated shown ("+k.Deprecated.Help().Key+" hides)")
	} else {
		parts = append(parts, "deprecated hidden ("+k.Deprecated.Help().Key+" shows)")
	}
	if p.marked != "" {
		parts = append(parts, "marked "+shortID(p.marked)+", "+k.Diff.Help().Key+" diffs")
	} else {
		parts = append(parts, k.Mark.Help().Key+" marks, "+k.Diff.Help().Key+" diffs")
	}
	return strings.Join(parts, " · ")
}

// valueLines renders what the page holds of version id's value: each field
// masked unless revealed, a revealed one line by line and wrapped under
// itself, or why it could not be read.
func (p *Page) valueLines(id string) []string {
	st := p.c.Styles
	const indent = "      "
	h := p.values[id]
	switch {
	case h == nil:
		return nil
	case p.loading(id):
		return []string{st.Muted.Render(indent + "reading this version…")}
	case h.err != nil:
		return []string{st.Error.Render(indent + model.Sanitize(h.err.Error()))}
	case !h.loaded:
		return nil
	}
	var out []string
	if h.parsed.JSONError != nil {
		out = append(out, st.Warning.Render(indent+"looks like JSON but is not: "+h.parsed.JSONError.Error()+"; shown as text"))
	}
	if len(h.parsed.Fields) == 0 {
		return append(out, st.Muted.Render(indent+"empty JSON object"))
	}
	width := 0
	for _, f := range h.parsed.Fields {
		width = max(width, ansi.StringWidth(render.FieldLabel(h.parsed.Shape, f)))
	}
	width = min(width, max(p.width/3, 8))
	pad := strings.Repeat(" ", len(indent)+width+2)
	valueWidth := max(p.width-len(pad), minValueWidth)
	for _, f := range h.parsed.Fields {
		label := st.Label.Render(render.Fit(render.FieldLabel(h.parsed.Shape, f), width, p.c.Ellipsis())) + "  "
		if !p.reveal.Shown(id) {
			out = append(out, indent+label+st.Mask.Render(p.c.Mask()))
			continue
		}
		for i, l := range render.ValueLines(f.Value, valueWidth) {
			if i == 0 {
				out = append(out, indent+label+st.Revealed.Render(l))
				continue
			}
			out = append(out, pad+st.Revealed.Render(l))
		}
	}
	return out
}

// minValueWidth is the narrowest a revealed value is laid out, however
// long the labels before it.
const minValueWidth = 16

// diffScreen renders the masked diff.
func (p *Page) diffScreen() screen {
	st, d := p.c.Styles, p.diff
	side := func(label string, v model.Version) string {
		return st.Label.Render(label) + st.Row.Render(model.Sanitize(v.ID)) + "  " + st.Muted.Render(render.StageLabels(v.Stages))
	}
	s := screen{head: []string{
		st.Title.Render("Diff · " + model.Sanitize(p.secret.Name)),
		side("from  ", d.from),
		side("to    ", d.to),
	}}
	switch {
	case p.diffing():
		s.body = []string{"", st.Muted.Render("  reading both versions…")}
		return s
	case d.fromErr != nil || d.toErr != nil:
		for _, e := range []struct {
			v   model.Version
			err error
		}{{d.from, d.fromErr}, {d.to, d.toErr}} {
			if e.err != nil {
				s.body = append(s.body, st.Error.Render("  cannot read version "+shortID(e.v.ID)+": "+model.Sanitize(e.err.Error())))
			}
		}
		return s
	}
	countStyle := st.Warning
	if d.counts.Same() {
		countStyle = st.OK
	}
	s.head = append(s.head,
		countStyle.Render(d.counts.String()),
		st.Muted.Render("compared by keyed fingerprints: paths and kinds of change only, never values"),
		"")
	if len(d.lines) == 0 {
		s.body = []string{st.Muted.Render("  both versions are empty JSON objects")}
		return s
	}
	cursor := d.table.Cursor()
	s.focus, s.focusEnd = cursor, cursor
	for i, l := range d.lines {
		s.body = append(s.body, render.DiffRow(l, st, i == cursor, p.c.ASCII))
		s.rows = append(s.rows, i)
	}
	return s
}
