package widget

// RowID names row i of a table by something that stays the same when the
// rows are loaded again or filtered, such as an ARN or an event id.
type RowID func(i int) string

// SelectedID is the id of the selected row, read through id; "" when the
// table is empty.
func (t Table) SelectedID(id RowID) string {
	if i, ok := t.Selected(); ok {
		return id(i)
	}
	return ""
}

// SetRowsKeeping sets how many rows the table has after they changed, and
// selects again the row named selected, as id names the new rows. When
// none is, or selected is "", the cursor stays where it was.
func (t *Table) SetRowsKeeping(n int, selected string, id RowID) {
	t.SetRows(n)
	if selected == "" {
		return
	}
	for i := range n {
		if id(i) == selected {
			t.Select(i)
			return
		}
	}
}
