package audit

import (
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/filterinput"
)

// Actions lists what the audit trail does: filters, the event detail,
// reloads.
func (p *Page) Actions() []common.Action {
	k := p.c.Keys
	if p.event != nil {
		closeEvent := func() tea.Cmd { p.event = nil; return nil }
		return append(common.MoveActions(k), common.Action{Key: &k.Back, Short: true, Run: closeEvent}, common.Action{Key: &k.Open, Run: closeEvent})
	}
	actions := []common.Action{
		{Key: &k.Filter, Short: true, Run: p.input.Open},
		{Key: &k.TimeRange, Short: true, Run: p.nextRange},
		{Key: &k.ReadsWrite, Short: true, Run: p.nextKind},
		{Key: &k.ErrorsOnly, Short: true, Run: p.toggleErrors},
		{Key: &k.WhoRead, Short: true, Run: p.toggleTab},
		{Key: &k.Open, Short: true, Run: p.open},
		{Key: &k.Reload, Short: true, Run: p.reload},
		{Key: &k.Retry, Short: p.load.err != nil, Run: p.retry},
		{Key: &k.Back, Short: true, Run: p.back},
	}
	return append(actions, common.MoveActions(k)...)
}

// back clears the filter, or leaves the screen when there is none.
func (p *Page) back() tea.Cmd {
	if p.input.Value() != "" {
		p.setFilter("")
		return nil
	}
	return common.Back()
}

// nextRange picks the next time preset. The account-wide view loads what a
// wider range adds; a secret's view has all 90 days already.
func (p *Page) nextRange() tea.Cmd {
	p.rng = p.rng.Next()
	if start := p.windowStart(); start.Before(p.load.target) {
		p.load.target = start
	}
	p.refresh()
	return p.load.nextCmd()
}

// nextKind shows reads, then writes, then both.
func (p *Page) nextKind() tea.Cmd {
	p.kind = p.kind.Next()
	p.refresh()
	return nil
}

// toggleErrors shows only the calls that failed, or every call.
func (p *Page) toggleErrors() tea.Cmd {
	p.errorsOnly = !p.errorsOnly
	p.refresh()
	return nil
}

// toggleTab shows the events or who read the secret.
func (p *Page) toggleTab() tea.Cmd {
	p.tab = 1 - p.tab
	p.refresh()
	return nil
}

// retry asks again for the page that failed.
func (p *Page) retry() tea.Cmd {
	cmd := p.load.retryCmd()
	p.refresh()
	return cmd
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
	if i, ok := p.events.Selected(); ok {
		p.event = newEventView(p.hist.Events()[p.visible[i]], p.width, p.eventRows())
	}
	return nil
}

// setFilter sets the filter text and applies it.
func (p *Page) setFilter(text string) {
	p.input.SetValue(text)
	p.terms = model.ParseTrailTerms(text)
	p.events.Reset()
	p.refresh()
}

// filterKey handles a key while the filter input has focus: the table
// follows every change; enter keeps the filter, esc clears it, and the
// keys that leave it move the table.
func (p *Page) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	result, changed, cmd := p.input.Update(msg)
	if result == filterinput.Left {
		p.moveKey(msg)
	}
	if changed {
		p.setFilter(p.input.Value())
	}
	return cmd
}
