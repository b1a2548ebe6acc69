package audit

import (
	tea "charm.land/bubbletea/v2"
)

// rowsTop is how many lines come above the first event: title, settings
// and column titles. The who-read-it table has its note above them too.
const rowsTop = 3

// moveKey moves the cursor of the table on screen, or scrolls the open
// event, on a movement key.
func (p *Page) moveKey(msg tea.KeyPressMsg) {
	switch {
	case p.event != nil:
		p.event.view.Key(p.c.Keys, msg)
	case p.tab == tabReaders:
		p.readers.table.Key(p.c.Keys, msg)
	default:
		p.events.Key(p.c.Keys, msg)
	}
}

// wheel moves the cursor of the table on screen, or scrolls the open event.
func (p *Page) wheel(msg tea.MouseWheelMsg) {
	switch {
	case p.event != nil:
		p.event.view.Wheel(msg)
	case p.tab == tabReaders:
		p.readers.table.Wheel(msg)
	default:
		p.events.Wheel(msg)
	}
}

// click selects the row of the table on screen under a left click.
func (p *Page) click(msg tea.MouseClickMsg) {
	switch {
	case p.event != nil:
	case p.tab == tabReaders:
		p.readers.table.Click(msg, rowsTop+noteLines)
	default:
		p.events.Click(msg, rowsTop)
	}
}
