package meta

import (
	"strings"

	"github.com/keyhole-tui/keyhole/model"
)

// View draws the two fields, then saving or the error.
func (p *Page) View() string {
	st := p.c.Styles
	lines := []string{
		st.Title.Render("Description and tags · " + model.Sanitize(p.secret.Name)),
		"",
		st.Label.Render("Description"),
		p.description.View(),
		"",
		st.Label.Render("Tags (one KEY=VALUE per line)"),
		p.tags.View(),
	}
	switch {
	case p.c.Tasks.Awaits(saveTask):
		lines = append(lines, st.Muted.Render("saving…"))
	case p.err != nil:
		lines = append(lines, st.Error.Render(model.Sanitize(p.err.Error())))
	}
	return strings.Join(lines, "\n")
}
