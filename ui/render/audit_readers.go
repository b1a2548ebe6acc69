package render

import (
	"strconv"
	"strings"
	"time"

	"github.com/keyhole-tui/keyhole/model"
	"github.com/keyhole-tui/keyhole/ui/styles"
)

// ReaderColumns are the widths of the who-read-it table's columns.
type ReaderColumns struct {
	Who   int
	Count int
	Seen  int
}

// Who-read-it widths.
const (
	readerCount     = len("FAILED")
	readerShortSeen = len("FIRST SEEN")
	readerLongSeen  = len("2006-01-02 15:04 · 12mo ago")
	newMark         = " NEW"
)

// ReaderTableColumns fits the who-read-it table to width: first and last
// seen as "12d ago", with the date as well from 120 columns.
func ReaderTableColumns(width int) ReaderColumns {
	c := ReaderColumns{Count: readerCount, Seen: readerShortSeen}
	if width >= 120 {
		c.Seen = readerLongSeen
	}
	c.Who = max(width-markWidth-3*c.Count-2*c.Seen-5*gap, 12)
	return c
}

// ReaderHeader is the who-read-it table's column titles.
func ReaderHeader(c ReaderColumns, st *styles.Styles) string {
	line := strings.Repeat(" ", markWidth) + Fit("PRINCIPAL / SOURCE IP", c.Who, "") + " " +
		pad("GETS", c.Count) + " " + pad("BATCH", c.Count) + " " + pad("FAILED", c.Count) + " " +
		Fit("FIRST SEEN", c.Seen, "") + " " + Fit("LAST SEEN", c.Seen, "")
	return st.ColumnHeader.Render(line)
}

// ReaderRow renders one reader of the who-read-it summary.
func ReaderRow(r model.Reader, c ReaderColumns, st *styles.Styles, o RowOptions) string {
	return readerLine(model.Sanitize(r.Who), 0, r.ReadCounts, c, st, o)
}

// ReaderAddressRow renders one address a reader read from, indented under it.
func ReaderAddressRow(a model.ReaderAddress, c ReaderColumns, st *styles.Styles, o RowOptions) string {
	return readerLine(orDash(model.Sanitize(a.IP)), 2, a.ReadCounts, c, st, o)
}

func readerLine(name string, indent int, n model.ReadCounts, c ReaderColumns, st *styles.Styles, o RowOptions) string {
	tail := "…"
	if o.ASCII {
		tail = "~"
	}
	room := c.Who - indent
	if n.New {
		room -= len(newMark)
	}
	who := strings.Repeat(" ", indent) + fitPrincipal(name, room, tail)
	mark := ""
	if n.New {
		mark = newMark
	}
	counts := pad(strconv.Itoa(n.Gets), c.Count) + " " + pad(strconv.Itoa(n.Batches), c.Count)
	failed := pad(failedCount(n.Failed), c.Count)
	seen := Fit(seenAt(n.First, o.Now, c), c.Seen, tail) + " " + Fit(seenAt(n.Last, o.Now, c), c.Seen, tail)
	lead := Cursor(o.Selected, o.ASCII, st) + "  "
	nameStyle := st.Row
	if indent == 0 {
		nameStyle = st.PathLeaf
	}
	failedStyle := st.Row
	if n.Failed > 0 {
		failedStyle = st.Error
	}
	return lead + nameStyle.Render(who) + st.Warning.Render(mark) + " " +
		st.Row.Render(counts) + " " + failedStyle.Render(failed) + " " + st.Muted.Render(seen)
}

func failedCount(n int) string {
	if n == 0 {
		return "-"
	}
	return strconv.Itoa(n)
}

// seenAt is a first or last seen time: "12d ago", or with the date when
// the column has room.
func seenAt(t, now time.Time, c ReaderColumns) string {
	if t.IsZero() {
		return "-"
	}
	if c.Seen >= readerLongSeen {
		return t.UTC().Format("2006-01-02 15:04") + " · " + Ago(t, now)
	}
	return Ago(t, now)
}

// pad right-aligns s in width cells.
func pad(s string, width int) string {
	if len(s) >= width {
		return s
	}
	return strings.Repeat(" ", width-len(s)) + s
}
