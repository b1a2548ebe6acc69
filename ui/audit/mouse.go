package audit

import tea "charm.land/bubbletea/v2"

// rowsTop is how many lines come above the first event: title, settings
// and column titles. The who-read-it table has its note above them too.
const rowsTop = 3

// click selects the row of the table on screen under a left click.
func (p *Page) click(msg tea.MouseClickMsg) {
	if msg.Button != tea.MouseLeft || p.event != nil {
		return
	}
	line := msg.Y - rowsTop
	if p.tab == tabReaders {
		l := &p.readers
		if i, ok := rowAt(line-noteLines, l.offset, p.readerRows(), len(l.rows)); ok {
			l.cursor = i
		}
		return
	}
	if i, ok := rowAt(line, p.offset, p.rows(), len(p.visible)); ok {
		p.cursor = i
	}
}

// rowAt is the row drawn on the line-th line of a table showing height
// rows from offset, when such a row is there.
func rowAt(line, offset, height, n int) (int, bool) {
	i := offset + line
	return i, line >= 0 && line < height && i < n
}
