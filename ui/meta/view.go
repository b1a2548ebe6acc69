package meta

import (
	"strconv"
	"strings"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/edit/forms"
)

// View draws the two fields, the focused one marked, then saving or the
// error.
func (p *Page) View() string {
	st := p.c.Styles
	lines := []string{
		st.Title.Render("Description and tags · " + model.Sanitize(p.secret.Name)),
		"",
		forms.Pointer(p.c, !p.onTags) + st.Label.Render("Description"),
		p.description.View(),
		"",
		forms.Pointer(p.c, p.onTags) + st.Label.Render("Tags (one KEY=VALUE per line)"),
		p.tags.View(),
	}
	if more := p.moreTags(); more != "" {
		lines = append(lines, st.Muted.Render(more))
	}
	switch {
	case p.c.Tasks.Awaits(saveTask):
		lines = append(lines, st.Muted.Render("saving…"))
	case p.err != nil:
		lines = append(lines, st.Error.Render(model.Sanitize(p.err.Error())))
	}
	return strings.Join(lines, "\n")
}

// moreTags says which tag lines show when there are more than fit, "↑ more
// above · tags 3-14 of 20 · more below ↓", and is empty when all fit.
func (p *Page) moreTags() string {
	total, rows, top := p.tags.LineCount(), p.tags.Height(), p.tags.ScrollYOffset()
	if total <= rows {
		return ""
	}
	end := min(top+rows, total)
	parts := []string{"tags " + strconv.Itoa(top+1) + "-" + strconv.Itoa(end) + " of " + strconv.Itoa(total)}
	if top > 0 {
		parts = append([]string{"↑ more above"}, parts...)
	}
	if end < total {
		parts = append(parts, "more below ↓")
	}
	return strings.Join(parts, " · ")
}
