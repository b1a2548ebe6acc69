package audit

import (
	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/widget"
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
	table   widget.Table
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
	l.table.SetRows(len(l.rows))
}

// filterText is the events filter that shows the selected row's reads:
// the reader's, or the reader's from one address.
func (l *readerList) filterText() string {
	i, ok := l.table.Selected()
	if !ok {
		return ""
	}
	row := l.rows[i]
	r := l.readers[row.reader]
	text := "event:GetSecretValue principal:" + model.Sanitize(r.Who)
	if row.addr >= 0 {
		text += " ip:" + model.Sanitize(r.Addresses[row.addr].IP)
	}
	return text
}
