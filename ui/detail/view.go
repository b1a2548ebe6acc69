package detail

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// labelWidth is the metadata's label column; values start a cell after it.
const labelWidth = 15

// cursorWidth is the cells the selection pointer takes before a field.
const cursorWidth = 2

// minValueWidth is the narrowest a value is wrapped to, however long the
// labels before it.
const minValueWidth = 16

// lines renders the whole screen as lines no wider than the screen, and
// says which lines, focus to focusEnd, hold the selected field (-1 when
// none).
func (p *Page) lines() (lines []string, focus, focusEnd int) {
	st := p.c.Styles
	title := model.Sanitize(p.secret.Name)
	if p.secret.PendingDeletion() {
		title += " " + st.Error.Render("pending deletion")
	}
	lines = p.wrap(st.Title.Render(title))
	switch {
	case p.describeErr != nil:
		lines = append(lines, p.wrap(st.Error.Render("describe failed: "+model.Sanitize(p.describeErr.Error())))...)
	case p.detail == nil:
		lines = append(lines, st.Muted.Render("loading metadata…"))
	}
	detail := model.SecretDetail{Secret: p.secret}
	if p.detail != nil {
		detail = *p.detail
	}
	for _, f := range render.DetailFields(detail, p.c.Now()) {
		lines = append(lines, p.metadataLines(f)...)
	}
	lines = append(lines, "")
	p.valueStart = len(lines)
	valueLines, focus, focusEnd := p.valueLines()
	if focus >= 0 {
		focus, focusEnd = focus+len(lines), focusEnd+len(lines)
	}
	return append(lines, valueLines...), focus, focusEnd
}

// metadataLines renders one metadata field: its label, then its value
// wrapped under itself.
func (p *Page) metadataLines(f render.Field) []string {
	st := p.c.Styles
	style := st.FieldValue
	if f.Warn {
		style = st.Warning
	}
	label := st.Label.Render(render.Fit(f.Label, labelWidth, "") + " ")
	pad := strings.Repeat(" ", labelWidth+1)
	var out []string
	for i, part := range p.wrapTo(f.Value, p.width-labelWidth-1) {
		if i == 0 {
			out = append(out, label+style.Render(part))
			continue
		}
		out = append(out, pad+style.Render(part))
	}
	return out
}

// wrap breaks a line at spaces to the screen's width.
func (p *Page) wrap(line string) []string { return p.wrapTo(line, p.width) }

// wrapTo breaks a line at spaces to width cells, inside a word wider than
// that, and a line without spaces (an ARN) right at the width; before the
// screen has a size it leaves the line whole.
func (p *Page) wrapTo(line string, width int) []string {
	width = max(width, 1)
	switch {
	case p.width <= 0 || ansi.StringWidth(line) <= width:
		return []string{line}
	case !strings.Contains(strings.TrimSpace(line), " "):
		return strings.Split(ansi.Hardwrap(line, width, true), "\n")
	}
	return widget.WordWrap(line, width)
}

// valueLines renders the value area, and says which of its lines hold the
// selected field (-1 when none).
func (p *Page) valueLines() (lines []string, focus, focusEnd int) {
	st := p.c.Styles
	head := "Value · " + model.Sanitize(p.stage)
	if p.version != nil {
		head += " · version " + model.Sanitize(p.version.VersionID)
	}
	lines = p.wrap(st.Title.Render(head))
	switch {
	case p.loading():
		return append(lines, st.Muted.Render("  loading value…")), -1, -1
	case p.valueErr != nil:
		return append(lines, p.wrap(st.Error.Render("  "+model.Sanitize(p.valueErr.Error())))...), -1, -1
	case p.version == nil:
		k := p.c.Keys
		hint := "  not loaded · " + k.Reveal.Help().Key + " reveals, " + k.Copy.Help().Key + " copies · every read is recorded in CloudTrail"
		return append(lines, p.wrap(st.Muted.Render(hint))...), -1, -1
	}
	if p.parsed.JSONError != nil {
		lines = append(lines, p.wrap(st.Warning.Render("  looks like JSON but is not: "+model.Sanitize(p.parsed.JSONError.Error())+"; shown as text"))...)
	}
	if len(p.parsed.Fields) == 0 {
		return append(lines, st.Muted.Render("  empty JSON object")), -1, -1
	}
	pathWidth := p.pathWidth()
	// The first field keeps the heading in view with it, where both fit.
	focus, focusEnd = 0, -1
	for i, f := range p.parsed.Fields {
		if i == p.field && i > 0 {
			focus = len(lines)
		}
		lines = append(lines, p.fieldLines(i, f, pathWidth)...)
		if i == p.field {
			focusEnd = len(lines) - 1
		}
	}
	return lines, focus, focusEnd
}

// pathWidth is the width of the fields' labels: the longest, up to a third
// of the screen.
func (p *Page) pathWidth() int {
	w := 0
	for _, f := range p.parsed.Fields {
		w = max(w, ansi.StringWidth(p.fieldLabel(f)))
	}
	return min(w, max(p.width/3, 8))
}

// valueWidth is how wide a revealed value is drawn, right of the labels.
func (p *Page) valueWidth() int {
	return max(p.width-cursorWidth-p.pathWidth()-2, minValueWidth)
}

// fieldLabel names a field of the value shown.
func (p *Page) fieldLabel(f model.Field) string { return render.FieldLabel(p.parsed.Shape, f) }

// fieldLines renders one field, masked unless revealed: a revealed value
// goes on below its first line, under itself. A key path wider than the
// label column keeps its end, where the field's own name is, and is shown
// whole above the field while it is selected.
func (p *Page) fieldLines(i int, f model.Field, pathWidth int) []string {
	st := p.c.Styles
	cursor := "  "
	if i == p.field {
		cursor = st.Title.Render(p.pointer())
	}
	label := p.fieldLabel(f)
	var out []string
	if w := ansi.StringWidth(label); w > pathWidth {
		if i == p.field {
			for _, l := range p.wrapTo(label, p.width-cursorWidth) {
				out = append(out, "  "+st.Muted.Render(l))
			}
		}
		label = ansi.TruncateLeft(label, w-pathWidth+1, p.c.Ellipsis())
	}
	prefix := cursor + st.Label.Render(render.Fit(label, pathWidth, "")) + "  "
	if !p.reveal.Shown(i) {
		return append(out, prefix+st.Mask.Render(p.c.Mask()))
	}
	drawn := p.drawn[i]
	return append(append(out, prefix+drawn[0]), drawn[1:]...)
}

// revealedLines draws a revealed field once, width cells wide, every line
// after the first indented under the first: laying the screen out again
// then copies none of them.
func (p *Page) revealedLines(f model.Field, width int) []string {
	pad := strings.Repeat(" ", cursorWidth+p.pathWidth()+2)
	lines := render.ValueLines(f.Value, width)
	for i, l := range lines {
		lines[i] = p.c.Styles.Revealed.Render(l)
		if i > 0 {
			lines[i] = pad + lines[i]
		}
	}
	return lines
}

func (p *Page) pointer() string {
	if p.c.ASCII {
		return "> "
	}
	return "▸ "
}
