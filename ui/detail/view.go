package detail

import (
	"strings"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
)

const labelWidth = 15

// lines renders the whole screen as lines and says which lines, focus to
// focusEnd, hold the selected field (-1 when none).
func (p *Page) lines() (lines []string, focus, focusEnd int) {
	st := p.c.Styles
	title := st.Title.Render(model.Sanitize(p.secret.Name))
	if p.secret.PendingDeletion() {
		title += " " + st.Error.Render("pending deletion")
	}
	lines = []string{title}
	switch {
	case p.describeErr != nil:
		lines = append(lines, st.Error.Render("describe failed: "+model.Sanitize(p.describeErr.Error())))
	case p.detail == nil:
		lines = append(lines, st.Muted.Render("loading metadata…"))
	}
	var fields []render.Field
	if p.detail != nil {
		fields = render.DetailFields(*p.detail, p.c.Now())
	} else {
		fields = render.DetailFields(model.SecretDetail{Secret: p.secret}, p.c.Now())
	}
	for _, f := range fields {
		value := st.FieldValue.Render(f.Value)
		if f.Warn {
			value = st.Warning.Render(f.Value)
		}
		lines = append(lines, st.Label.Render(render.Fit(f.Label, labelWidth, "")+" ")+value)
	}
	lines = append(lines, "")
	valueLines, focus, focusEnd := p.valueLines()
	if focus >= 0 {
		focus, focusEnd = focus+len(lines), focusEnd+len(lines)
	}
	return append(lines, valueLines...), focus, focusEnd
}

// valueLines renders the value area, and says which of its lines hold the
// selected field (-1 when none).
func (p *Page) valueLines() (lines []string, focus, focusEnd int) {
	st := p.c.Styles
	head := "Value · " + model.Sanitize(p.stage)
	if p.version != nil {
		head += " · version " + model.Sanitize(p.version.VersionID)
	}
	lines = []string{st.Title.Render(head)}
	switch {
	case p.loading():
		return append(lines, st.Muted.Render("  loading value…")), -1, -1
	case p.valueErr != nil:
		return append(lines, st.Error.Render("  "+model.Sanitize(p.valueErr.Error()))), -1, -1
	case p.version == nil:
		k := p.c.Keys
		hint := "  not loaded · " + k.Reveal.Help().Key + " reveals, " + k.Copy.Help().Key + " copies · every read is recorded in CloudTrail"
		return append(lines, st.Muted.Render(hint)), -1, -1
	}
	if p.parsed.JSONError != nil {
		lines = append(lines, st.Warning.Render("  looks like JSON but is not: "+p.parsed.JSONError.Error()+"; shown as text"))
	}
	if len(p.parsed.Fields) == 0 {
		return append(lines, st.Muted.Render("  empty JSON object")), -1, -1
	}
	pathWidth := 0
	for _, f := range p.parsed.Fields {
		pathWidth = max(pathWidth, len(model.Sanitize(f.Path)))
	}
	pathWidth = min(pathWidth, max(p.width/3, 8))
	focus, focusEnd = -1, -1
	for i, f := range p.parsed.Fields {
		if i == p.field {
			focus = len(lines)
		}
		lines = append(lines, p.fieldLine(i, f, pathWidth)...)
		if i == p.field {
			focusEnd = len(lines) - 1
		}
	}
	return lines, focus, focusEnd
}

// fieldLine renders one field, masked unless revealed. A revealed binary
// value takes two lines: hex and base64 previews.
func (p *Page) fieldLine(i int, f model.Field, pathWidth int) []string {
	st := p.c.Styles
	cursor := "  "
	if i == p.field {
		cursor = st.Title.Render(p.pointer())
	}
	label := ""
	switch {
	case p.parsed.Shape == model.ShapeBinary:
		label = "binary, " + render.Size(f.Value.Len())
	case f.Path != "":
		label = model.Sanitize(f.Path)
	default:
		label = "text"
	}
	prefix := cursor + st.Label.Render(render.Fit(label, max(pathWidth, len(label)), p.c.Ellipsis())) + "  "
	if !p.reveal.Shown(i) {
		return []string{prefix + st.Mask.Render(p.c.Mask())}
	}
	drawn := p.drawn[i]
	if len(drawn) == 2 {
		pad := strings.Repeat(" ", max(len(label), pathWidth)+4)
		return []string{prefix + drawn[0], pad + drawn[1]}
	}
	return []string{prefix + drawn[0]}
}

// revealedLines draws a revealed field: its text, or for a binary value
// hex and base64 previews.
func (p *Page) revealedLines(f model.Field) []string {
	st := p.c.Styles
	if f.Value.IsBinary() {
		hexLine, b64 := render.BinaryPreview(f.Value.Reveal())
		return []string{st.Revealed.Render("hex " + hexLine), st.Revealed.Render("b64 " + b64)}
	}
	return []string{st.Revealed.Render(f.Value.Sanitized())}
}

func (p *Page) pointer() string {
	if p.c.ASCII {
		return "> "
	}
	return "▸ "
}
