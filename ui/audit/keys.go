package audit

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/filterinput"
)

// key handles a key on the events table or the who-read-it summary.
func (p *Page) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.Keys
	if d, ok := k.Step(msg, p.rows(), p.lines()); ok {
		p.move(d)
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		if p.input.Value() != "" {
			p.setFilter("")
			return nil
		}
		p.load.stop()
		return common.Send(common.BackMsg{})
	case key.Matches(msg, k.Filter):
		return p.input.Open()
	case key.Matches(msg, k.TimeRange):
		return p.nextRange()
	case key.Matches(msg, k.ReadsWrite):
		p.kind = p.kind.Next()
		p.refresh()
	case key.Matches(msg, k.ErrorsOnly):
		p.errorsOnly = !p.errorsOnly
		p.refresh()
	case key.Matches(msg, k.WhoRead):
		p.tab = 1 - p.tab
		p.refresh()
	case key.Matches(msg, k.Open):
		return p.open()
	case key.Matches(msg, k.Reload):
		return p.reload()
	case key.Matches(msg, k.Retry):
		cmd := p.load.retryCmd(p.c.Backend, p.secret)
		p.refresh()
		return cmd
	}
	return nil
}

// nextRange picks the next time preset. The account-wide view loads what a
// wider range adds; a secret's view has all 90 days already.
func (p *Page) nextRange() tea.Cmd {
	p.rng = p.rng.Next()
	if start := p.windowStart(); start.Before(p.load.target) {
		p.load.target = start
	}
	p.refresh()
	return p.load.nextCmd(p.c.Backend, p.secret)
}

// open shows the selected event's JSON, or, on the who-read-it tab, the
// events of the selected reader or address.
func (p *Page) open() tea.Cmd {
	if p.tab == tabReaders {
		if text := p.readers.filterText(); text != "" {
			p.tab = tabEvents
			p.setFilter(text)
		}
		return nil
	}
	if p.cursor < len(p.visible) {
		p.event = newEventView(p.hist.Events()[p.visible[p.cursor]], p.width)
	}
	return nil
}

// setFilter sets the filter text and applies it.
func (p *Page) setFilter(text string) {
	p.input.SetValue(text)
	p.terms = model.ParseTrailTerms(text)
	p.cursor, p.offset = 0, 0
	p.refresh()
}

// filterKey handles a key while the filter input has focus: the table
// follows every change; enter keeps the filter, esc clears it.
func (p *Page) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	result, changed, cmd := p.input.Update(msg)
	if result == filterinput.Left {
		return p.key(msg)
	}
	if changed {
		p.setFilter(p.input.Value())
	}
	return cmd
}

// eventKey handles a key while an event's JSON is open.
func (p *Page) eventKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.Keys
	rows := p.eventRows()
	if d, ok := k.Step(msg, rows, len(p.event.wrapped)); ok {
		p.event.scroll(d, rows)
		return nil
	}
	if key.Matches(msg, k.Back) || key.Matches(msg, k.Open) {
		p.event = nil
	}
	return nil
}

// lines is how many rows the table on screen has.
func (p *Page) lines() int {
	if p.tab == tabReaders {
		return p.readers.len()
	}
	return len(p.visible)
}

// move moves the cursor of the table on screen.
func (p *Page) move(delta int) {
	if p.event != nil {
		p.event.scroll(delta, p.eventRows())
		return
	}
	if p.tab == tabReaders {
		p.readers.cursor += delta
		p.readers.clamp(p.readerRows())
		return
	}
	p.cursor += delta
	p.clampCursor()
}

func (p *Page) clampCursor() {
	n := len(p.visible)
	p.cursor = max(min(p.cursor, n-1), 0)
	rows := p.rows()
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+rows {
		p.offset = p.cursor - rows + 1
	}
	p.offset = max(min(p.offset, n-rows), 0)
}
