package audit

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/render"
)

// Lines around the tables: title, settings and progress, plus the
// who-read-it note.
const (
	chromeLines = 3
	noteLines   = 1
)

// rows is how many events fit on screen.
func (p *Page) rows() int { return max(p.height-chromeLines-1, 1) }

// readerRows is how many who-read-it rows fit on screen.
func (p *Page) readerRows() int { return max(p.height-chromeLines-noteLines-1, 1) }

// eventRows is how many lines of an event's JSON fit on screen.
func (p *Page) eventRows() int { return max(p.height-2, 1) }

// View draws the screen: title, settings, the table or summary, progress;
// or an event's JSON.
func (p *Page) View() string {
	var lines []string
	if p.event != nil {
		lines = p.eventLines()
	} else {
		lines = []string{p.titleLine(), p.settingsLine()}
		if p.tab == tabReaders {
			lines = append(lines, p.readerLines()...)
		} else {
			lines = append(lines, p.tableLines()...)
		}
		lines = append(lines, p.progressLine())
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, p.width, "")
	}
	return strings.Join(lines, "\n")
}

func (p *Page) titleLine() string {
	st := p.c.Styles
	what := "whole account · " + model.SecretsManagerSource
	if p.secret != nil {
		what = model.Sanitize(p.secret.Name)
	}
	events, readers := st.Muted.Render("events"), st.Muted.Render("who read it")
	if p.tab == tabReaders {
		readers = st.Title.Render("[who read it]")
	} else {
		events = st.Title.Render("[events]")
	}
	return st.Title.Render("Audit trail · "+what) + "   " + events + " " + readers
}

// settingsLine shows the range, kind, errors-only and filter, or the
// filter input while typing.
func (p *Page) settingsLine() string {
	st := p.c.Styles
	if p.input.Active() {
		return p.input.View()
	}
	line := st.Muted.Render(" " + p.rng.String() + " · " + p.kind.String())
	if p.errorsOnly {
		line += st.Muted.Render(" · ") + st.Warning.Render("errors only")
	}
	if v := p.input.Value(); v != "" {
		line += st.Muted.Render(" · ") + st.Filter.Render("/"+model.Sanitize(v))
	}
	return line
}

// tableLines are the column titles and the visible events, padded to the
// table's height.
func (p *Page) tableLines() []string {
	st := p.c.Styles
	cols := render.AuditTableColumns(p.width, p.secret == nil)
	lines := []string{render.AuditHeader(cols, st)}
	events := p.hist.Events()
	first, end := p.events.Visible()
	opts := render.RowOptions{Now: p.c.Now(), ASCII: p.c.ASCII}
	for i := first; i < end; i++ {
		opts.Selected = i == p.events.Cursor()
		lines = append(lines, render.AuditRow(&events[p.visible[i]], cols, st, opts))
	}
	if len(p.visible) == 0 {
		lines = append(lines, p.emptyLines("no events in the "+p.rng.String(), "no event matches")...)
	}
	return pad(lines, p.rows()+1)
}

// emptyLines say why nothing is shown: loading, the error that stopped
// it, or nothing to show.
func (p *Page) emptyLines(none, noMatch string) []string {
	st := p.c.Styles
	switch {
	case p.load.err != nil && p.hist.Len() == 0:
		return p.errorLines()
	case p.load.loading() && p.hist.Len() == 0:
		return []string{st.Muted.Render("  loading events" + p.dots())}
	case p.input.Value() != "" || p.errorsOnly || p.kind != model.TrailAll:
		return []string{st.Muted.Render("  " + noMatch + " the filter")}
	}
	return []string{st.Muted.Render("  " + none)}
}

// errorLines say in place why CloudTrail could not be read.
func (p *Page) errorLines() []string {
	st := p.c.Styles
	err := p.load.err
	text := model.Sanitize(err.Error())
	if model.IsKind(err, model.KindAccessDenied) {
		return []string{
			st.Error.Render("  CloudTrail refused: " + text),
			st.Muted.Render("  keyhole needs cloudtrail:LookupEvents to show who read or changed secrets;"),
			st.Muted.Render("  everything else works without it. ctrl+r tries again."),
		}
	}
	return []string{
		st.Error.Render("  could not load CloudTrail events: " + text),
		st.Muted.Render("  R retries · ctrl+r reloads"),
	}
}

// readerLines are the who-read-it note, column titles and rows, padded.
func (p *Page) readerLines() []string {
	st := p.c.Styles
	l := &p.readers
	cols := render.ReaderTableColumns(p.width)
	lines := []string{p.readerNote(), render.ReaderHeader(cols, st)}
	first, end := l.table.Visible()
	opts := render.RowOptions{Now: p.c.Now(), ASCII: p.c.ASCII}
	for i := first; i < end; i++ {
		opts.Selected = i == l.table.Cursor()
		row := l.rows[i]
		r := l.readers[row.reader]
		if row.addr < 0 {
			lines = append(lines, render.ReaderRow(r, cols, st, opts))
		} else {
			lines = append(lines, render.ReaderAddressRow(r.Addresses[row.addr], cols, st, opts))
		}
	}
	if len(l.rows) == 0 {
		lines = append(lines, p.emptyLines("nobody read a value in the "+p.rng.String(), "no read matches")...)
	}
	return pad(lines, p.readerRows()+2)
}

// readerNote says what NEW means now, or why there are no marks.
func (p *Page) readerNote() string {
	st := p.c.Styles
	w := p.readers.window
	loaded := span(p.load.anchor.Sub(p.load.from))
	switch {
	case w.Marks():
		return st.Warning.Render(" NEW") + st.Muted.Render(": first read in the "+p.rng.String()+", of "+span(p.load.anchor.Sub(w.Loaded))+" loaded")
	case p.load.loading():
		return st.Muted.Render(" NEW marks come once the history before the range is loaded")
	}
	return st.Muted.Render(" NEW marks need a range shorter than the " + loaded + " loaded (t)")
}

// progressLine counts what is shown and says how loading goes.
func (p *Page) progressLine() string {
	st := p.c.Styles
	l := &p.load
	shown := fmt.Sprintf(" %d of %d events", len(p.visible), p.hist.Len())
	if p.tab == tabReaders {
		shown = " " + render.Plural(len(p.readers.readers), "reader") + " of " + render.Plural(p.hist.Len(), "event")
	}
	requests := render.Plural(l.requests, "request") + " to CloudTrail"
	switch {
	case l.err != nil:
		return st.Error.Render(shown + " · stopped: " + model.Sanitize(l.err.Error()) + " · R retries")
	case l.loading():
		return st.Muted.Render(shown + " · loaded " + render.Plural(p.hist.Len(), "event") + ", loading" + p.dots() + " · " + requests)
	}
	return st.Muted.Render(shown + " · " + span(l.anchor.Sub(l.from)) + " loaded · " + requests)
}

// eventLines draw the open event's JSON, scrolled.
func (p *Page) eventLines() []string {
	st := p.c.Styles
	v := p.event
	lines := append([]string{st.Title.Render("Event · " + v.title)}, v.view.Lines()...)
	footer := " " + v.view.Position(p.c.ASCII) + " · esc back to the table"
	return append(lines, st.Muted.Render(footer))
}

func (p *Page) dots() string {
	if p.c.ASCII {
		return "..."
	}
	return "…"
}

// pad cuts lines to n or adds empty ones up to n.
func pad(lines []string, n int) []string {
	if len(lines) > n {
		return lines[:n]
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return lines
}

// span says a loaded range in words: "90 days", "24 hours", "1 hour".
func span(d time.Duration) string {
	const day = 24 * time.Hour
	if d >= 2*day {
		return render.Plural(int((d+day/2)/day), "day")
	}
	return render.Plural(int((d+time.Hour/2)/time.Hour), "hour")
}
