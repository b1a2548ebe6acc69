package widget

import "strings"

// ScrollView is text taller than its box: its lines laid out in the width
// (cut or wrapped, as Fold says) and an offset that scrolls them. It can
// keep a focus in view and says which lines it shows. The zero value cuts
// lines at the width, without a mark.
type ScrollView struct {
	// Fold lays each line out in the width; nil cuts it at the width.
	// Set it before the content.
	Fold Fold

	width, height int
	content       []string
	// lines are the content laid out, one per screen line; starts[i] is
	// the first of content line i's, with one more entry at the end.
	lines  []string
	starts []int
	offset int
}

// SetSize sets the box: width cells, height lines.
func (v *ScrollView) SetSize(width, height int) {
	relayout := width != v.width
	v.width, v.height = width, height
	if relayout {
		v.layout()
	}
	v.clamp()
}

// SetContent replaces the lines shown, keeping the offset where it can.
// The view keeps lines and never writes to them.
func (v *ScrollView) SetContent(lines []string) {
	v.content = lines
	v.layout()
	v.clamp()
}

// Reveal scrolls as little as brings content lines first to last into
// view, or as many of them as fit, first first.
func (v *ScrollView) Reveal(first, last int) {
	if first < 0 || first >= len(v.content) {
		return
	}
	last = max(min(last, len(v.content)-1), first)
	top, bottom := v.starts[first], v.starts[last+1]-1
	v.offset = min(max(v.offset, bottom-v.Height()+1), top)
	v.clamp()
}

// Beyond reports whether content lines first to last run past the top and
// past the bottom of the view, as a range taller than the view does.
func (v ScrollView) Beyond(first, last int) (above, below bool) {
	if first < 0 || first >= len(v.content) {
		return false, false
	}
	last = max(min(last, len(v.content)-1), first)
	top, bottom := v.starts[first], v.starts[last+1]-1
	return top < v.offset, bottom >= v.offset+v.Height()
}

// Within reports whether the view shows nothing but content lines first to
// last, as while it scrolls through a range taller than itself.
func (v ScrollView) Within(first, last int) bool {
	if first < 0 || first >= len(v.content) {
		return false
	}
	last = max(min(last, len(v.content)-1), first)
	top, bottom := v.starts[first], v.starts[last+1]-1
	return top <= v.offset && v.offset+v.Height()-1 <= bottom
}

// ScrollBy moves the view by delta screen lines, down when positive.
func (v *ScrollView) ScrollBy(delta int) {
	v.offset += delta
	v.clamp()
}

// Offset is the first screen line shown.
func (v ScrollView) Offset() int { return v.offset }

// Len is how many screen lines the content takes laid out.
func (v ScrollView) Len() int { return len(v.lines) }

// Height is how many lines the box shows, at least one.
func (v ScrollView) Height() int { return max(v.height, 1) }

// Overflows reports whether the content is taller than the box.
func (v ScrollView) Overflows() bool { return len(v.lines) > v.Height() }

// Lines are the screen lines shown, padded with empty ones to the height.
func (v ScrollView) Lines() []string {
	end := min(v.offset+v.Height(), len(v.lines))
	out := make([]string, 0, v.Height())
	out = append(out, v.lines[v.offset:end]...)
	for len(out) < v.Height() {
		out = append(out, "")
	}
	return out
}

// LineAt is the content line drawn on line y of the box, when one is.
func (v ScrollView) LineAt(y int) (int, bool) {
	at := v.offset + y
	if y < 0 || y >= v.Height() || at >= len(v.lines) {
		return 0, false
	}
	i := 0
	for v.starts[i+1] <= at {
		i++
	}
	return i, true
}

// layout lays the content out in the width, into new slices: a copy of
// the view taken before keeps what it showed.
func (v *ScrollView) layout() {
	fold := v.Fold
	if fold == nil {
		fold = Cut("")
	}
	v.lines = make([]string, 0, len(v.content))
	v.starts = make([]int, 0, len(v.content)+1)
	for _, l := range v.content {
		v.starts = append(v.starts, len(v.lines))
		if v.width <= 0 {
			v.lines = append(v.lines, l)
			continue
		}
		v.lines = append(v.lines, fold(l, v.width)...)
	}
	v.starts = append(v.starts, len(v.lines))
}

// clamp keeps the offset within the content: no scrolling past its end.
func (v *ScrollView) clamp() {
	v.offset = max(min(v.offset, len(v.lines)-v.Height()), 0)
}

// View is Lines as one string.
func (v ScrollView) View() string { return strings.Join(v.Lines(), "\n") }
