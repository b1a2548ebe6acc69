package audit

import (
	"github.com/keyhole-tui/keyhole/model"
)

// readerRow is one line of the who-read-it table: a reader (addr -1) or
// one of its addresses.
type readerRow struct {
	reader, addr int
}

// readerList is the who-read-it summary as drawn: readers, each followed
// by its addresses, with a cursor.
type readerList struct {
	readers []model.Reader
	window  model.ReadWindow
	rows    []readerRow
	cursor  int
	offset  int
}

// set replaces the summary, keeping the cursor where it was.
func (l *readerList) set(readers []model.Reader, w model.ReadWindow) {
	l.readers, l.window = readers, w
	l.rows = l.rows[:0]
	for i, r := range readers {
		l.rows = append(l.rows, readerRow{reader: i, addr: -1})
		for j := range r.Addresses {
			l.rows = append(l.rows, readerRow{reader: i, addr: j})
		}
	}
}

func (l *readerList) len() int { return len(l.rows) }

// clamp keeps the cursor on a row and in a window of height rows.
func (l *readerList) clamp(height int) {
	n := len(l.rows)
	l.cursor = max(min(l.cursor, n-1), 0)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+height {
		l.offset = l.cursor - height + 1
	}
	l.offset = max(min(l.offset, n-height), 0)
}

// filterText is the events filter that shows the selected row's reads:
// the reader's, or the reader's from one address.
func (l *readerList) filterText() string {
	if l.cursor >= len(l.rows) {
		return ""
	}
	row := l.rows[l.cursor]
	r := l.readers[row.reader]
	text := "event:GetSecretValue principal:" + model.Sanitize(r.Who)
	if row.addr >= 0 {
		text += " ip:" + model.Sanitize(r.Addresses[row.addr].IP)
	}
	return text
}
