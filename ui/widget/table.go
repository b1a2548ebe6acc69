// Package widget holds the pieces screens share instead of keeping their
// own copies: a table's selection and scroll state, and a view of lines
// that scroll.
package widget

// Table is where a table stands: how many rows it has, which one is
// selected, and which rows are on screen. It draws nothing; a screen
// draws the rows from Visible with its own row renderer. The zero value
// is an empty table one row high.
type Table struct {
	cursor int
	offset int
	height int
	rows   int
}

// SetHeight sets how many rows fit on screen at once.
func (t *Table) SetHeight(height int) {
	t.height = height
	t.clamp()
}

// SetRows sets how many rows the table has, keeping the cursor where it
// is when that row is still there.
func (t *Table) SetRows(n int) {
	t.rows = max(n, 0)
	t.clamp()
}

// Select puts the cursor on row i, scrolling as little as shows it.
func (t *Table) Select(i int) {
	t.cursor = i
	t.clamp()
}

// Move moves the cursor by delta rows, down when positive.
func (t *Table) Move(delta int) { t.Select(t.cursor + delta) }

// Reset goes back to the first row, scrolled to the top.
func (t *Table) Reset() {
	t.cursor, t.offset = 0, 0
	t.clamp()
}

// Cursor is the selected row; 0 when the table is empty.
func (t Table) Cursor() int { return t.cursor }

// Selected is the selected row, and false when the table is empty.
func (t Table) Selected() (int, bool) { return t.cursor, t.cursor < t.rows }

// Offset is the first row on screen.
func (t Table) Offset() int { return t.offset }

// Len is how many rows the table has.
func (t Table) Len() int { return t.rows }

// Height is how many rows fit on screen, at least one.
func (t Table) Height() int { return max(t.height, 1) }

// Visible are the rows on screen, from first up to but not including end.
func (t Table) Visible() (first, end int) {
	return t.offset, min(t.offset+t.Height(), t.rows)
}

// RowAt is the row drawn on the line-th line of the table's rows (0 is the
// first row on screen), when one is drawn there.
func (t Table) RowAt(line int) (int, bool) {
	i := t.offset + line
	return i, line >= 0 && line < t.Height() && i < t.rows
}

// clamp keeps the cursor on a row and the offset where the cursor shows
// and no screen is left half empty by scrolling past the end.
func (t *Table) clamp() {
	height := t.Height()
	t.cursor = max(min(t.cursor, t.rows-1), 0)
	t.offset = min(t.offset, t.cursor)
	t.offset = max(t.offset, t.cursor-height+1)
	t.offset = max(min(t.offset, t.rows-height), 0)
}
