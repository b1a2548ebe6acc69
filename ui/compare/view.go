package compare

import (
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// bodyLines are both sides, the counts, then one line per key path, as
// the versions screen's diff draws them.
func (p *Page) bodyLines() []string {
	st := p.c.Styles
	side := func(label string, s model.Secret) string {
		where := ""
		if acct, region := model.AccountFromARN(s.ARN), model.RegionFromARN(s.ARN); acct != "" {
			where = "  " + st.Muted.Render(acct+" "+region)
		}
		return st.Label.Render(label) + st.Row.Render(model.Sanitize(s.Name)) + where
	}
	lines := []string{side("from  ", p.from), side("to    ", p.to)}
	switch {
	case p.msg == nil || p.Waiting():
		return append(lines, "", st.Muted.Render("  reading both values…"))
	case p.msg.fromErr != nil || p.msg.toErr != nil:
		for _, e := range []struct {
			s   model.Secret
			err error
		}{{p.from, p.msg.fromErr}, {p.to, p.msg.toErr}} {
			if e.err != nil {
				lines = append(lines, st.Error.Render("  cannot read "+model.Sanitize(e.s.Name)+": "+model.Sanitize(e.err.Error())))
			}
		}
		return lines
	}
	countStyle := st.Warning
	if p.counts.Same() {
		countStyle = st.OK
	}
	lines = append(lines,
		countStyle.Render(p.counts.String()),
		st.Muted.Render("compared by keyed fingerprints: paths and kinds of change only, never values"),
		"")
	if len(p.lines) == 0 {
		return append(lines, st.Muted.Render("  both values are empty JSON objects"))
	}
	for _, l := range p.lines {
		lines = append(lines, render.DiffRow(l, st, false, p.c.ASCII))
	}
	return lines
}
