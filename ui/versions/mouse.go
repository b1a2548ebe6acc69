package versions

import (
	tea "charm.land/bubbletea/v2"

	"github.com/keyhole-tui/keyhole/ui/common"
)

// wheel moves the cursor of the table or of the open diff, as the up and
// down keys do.
func (p *Page) wheel(msg tea.MouseWheelMsg) {
	step, ok := common.WheelStep(msg)
	if !ok {
		return
	}
	if p.diff != nil {
		p.diff.move(step)
		return
	}
	p.move(step)
}

// click selects the version, or the diff line, drawn under a left click;
// a click on a version's value lines selects that version.
func (p *Page) click(msg tea.MouseClickMsg) {
	if msg.Button != tea.MouseLeft {
		return
	}
	if p.diff != nil {
		if row, ok := p.diffScreen().rowAt(msg.Y, p.height); ok {
			p.diff.cursor = row
		}
		return
	}
	if row, ok := p.tableScreen().rowAt(msg.Y, p.height); ok {
		p.cursor = row
	}
}

// rowAt is the row drawn on line y of a screen height lines tall, laid
// out as View lays it out: the heading, then the body scrolled.
func (s screen) rowAt(y, height int) (int, bool) {
	room := height - len(s.head)
	line := y - len(s.head)
	if line < 0 || line >= room {
		return 0, false
	}
	at := s.scroll(room) + line
	if at >= len(s.rows) {
		return 0, false
	}
	return s.rows[at], true
}
