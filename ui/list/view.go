package list

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
	"github.com/keyhole-tui/keyhole/ui/widget"
)

// View draws the list: filter line, column titles, visible rows, summary.
func (p *Page) View() string {
	var b strings.Builder
	st := p.c.Styles
	if p.listTop() > 0 {
		b.WriteString(p.input.View())
		b.WriteByte('\n')
	}
	cols := render.ListColumns(p.width, p.c.Columns)
	if p.fleet != nil {
		cols = cols.WithPlace(p.width)
	}
	cols = cols.Sorted(p.idx.sort.column())
	b.WriteString(render.ListHeader(cols, p.c.ASCII, st))
	b.WriteByte('\n')
	first, end := p.table.Visible()
	opts := render.RowOptions{Now: p.c.Now(), ASCII: p.c.ASCII}
	sep := p.idx.separator()
	for i := first; i < end; i++ {
		if i == sep {
			b.WriteString(render.Separator(p.separatorText(), p.width, p.c.ASCII, st))
			b.WriteByte('\n')
			continue
		}
		opts.Selected = i == p.table.Cursor()
		opts.Marks = p.idx.q.marker(sep >= 0 && i > sep)
		s, _ := p.idx.at(i)
		opts.Marked = p.markedAt(s.ARN) >= 0
		if p.fleet != nil {
			opts.Account, opts.Region = p.accountLabel(model.AccountFromARN(s.ARN)), model.RegionFromARN(s.ARN)
		}
		opts.Found = p.found[s.ARN]
		b.WriteString(render.SecretRow(s, cols, st, opts))
		b.WriteByte('\n')
	}
	if p.idx.len() == 0 {
		// Wrapped, so that an error's cause shows at the end of a long line.
		for _, l := range widget.WordWrap(p.emptyText(), max(p.width, 1)) {
			if end-first < p.table.Height() {
				b.WriteString(st.Muted.Render(l))
				b.WriteByte('\n')
				end++
			}
		}
	}
	for i := end - first; i < p.table.Height(); i++ {
		b.WriteByte('\n')
	}
	if p.fleet != nil {
		b.WriteString(p.progress())
		b.WriteByte('\n')
	}
	b.WriteString(p.summary())
	return b.String()
}

// separatorText says what the rows below the separator are.
func (p *Page) separatorText() string {
	n := len(p.idx.tiers[tierFuzzy])
	what := "fuzzy matches"
	if n == 1 {
		what = "fuzzy match"
	}
	return fmt.Sprintf("%d %s: the letters in the name, in order", n, what)
}

// emptyText says why no secret shows.
func (p *Page) emptyText() string {
	switch {
	case p.loading():
		return "  loading secrets…"
	case p.loadErr != nil:
		return "  could not list secrets: " + model.Sanitize(p.loadErr.Error()) + retryNote(p.loadErr)
	case p.input.Value() != "":
		return "  no secret matches the filter"
	}
	if p.fleet != nil {
		return "  no secrets in the fleet's accounts and regions"
	}
	return "  no secrets in this account and region"
}

// summary counts what shows, says the sort and how loading goes.
func (p *Page) summary() string {
	st := p.c.Styles
	total := len(p.idx.secrets)
	text := fmt.Sprintf(" %d of %d secrets · sorted by %s", p.idx.matches(), total, p.idx.sort)
	if p.idx.showDeleted {
		text += " · pending deletion shown"
	}
	if n := len(p.found); n > 0 {
		text += fmt.Sprintf(" · %d found by search (~), to be confirmed", n)
	}
	switch {
	case p.loading():
		text += " · loading"
	case p.loadErr != nil:
		return st.Error.Render(text + " · listing failed" + retryNote(p.loadErr))
	}
	// Said here, with the filter that holds it, so it goes as soon as the
	// term is fixed.
	if bad := p.idx.q.bad; bad != "" {
		warn := "unknown filter term " + model.Sanitize(bad) + " (rot: takes off, on, never, overdue, rotating, stuck)"
		if ansi.StringWidth(text+" · "+warn) > p.width {
			// The valid values matter more than the counts.
			return st.Warning.Render(" unknown term " + model.Sanitize(bad) + " (rot: off, on, never, overdue, rotating, stuck)")
		}
		return st.Muted.Render(text) + st.Warning.Render(" · "+warn)
	}
	return st.Muted.Render(text)
}

// retryNote offers R after a failed listing, unless only starting keyhole
// again can mend the failure, as when a profile needs an MFA code.
func retryNote(err error) string {
	if model.NeedsRestart(err) {
		return ""
	}
	return " (R retries)"
}
