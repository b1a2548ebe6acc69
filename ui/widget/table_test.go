package widget

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/internal/uitest"
	"github.com/keyhole-tui/keyhole/ui/keys"
)

// table is a table of rows rows showing height at once.
func table(rows, height int) Table {
	var t Table
	t.SetHeight(height)
	t.SetRows(rows)
	return t
}

func TestTableScrollsAsLittleAsShowsTheCursor(t *testing.T) {
	tb := table(10, 3)
	tb.Move(4)
	if tb.Cursor() != 4 || tb.Offset() != 2 {
		t.Fatalf("cursor %d offset %d, want 4 and 2", tb.Cursor(), tb.Offset())
	}
	tb.Move(-1)
	if tb.Offset() != 2 {
		t.Errorf("moving up within the screen scrolled to %d", tb.Offset())
	}
	tb.Move(-3)
	if tb.Cursor() != 0 || tb.Offset() != 0 {
		t.Errorf("cursor %d offset %d, want both 0", tb.Cursor(), tb.Offset())
	}
	if first, end := tb.Visible(); first != 0 || end != 3 {
		t.Errorf("visible %d-%d, want 0-3", first, end)
	}
}

func TestTableKeepsTheCursorOnARowWhenRowsGo(t *testing.T) {
	tb := table(10, 3)
	tb.Select(9)
	tb.SetRows(4)
	if tb.Cursor() != 3 || tb.Offset() != 1 {
		t.Fatalf("cursor %d offset %d, want 3 and 1", tb.Cursor(), tb.Offset())
	}
	tb.SetRows(0)
	if _, ok := tb.Selected(); ok || tb.Cursor() != 0 || tb.Offset() != 0 {
		t.Errorf("an empty table selects row %d at offset %d", tb.Cursor(), tb.Offset())
	}
}

func TestTableFillsTheScreenAfterAResize(t *testing.T) {
	tb := table(10, 3)
	tb.Select(9)
	tb.SetHeight(8)
	if tb.Offset() != 2 {
		t.Errorf("offset %d after growing, want 2: no empty rows below the last", tb.Offset())
	}
}

func TestTableMovesOnTheKeymapsMovementKeys(t *testing.T) {
	km := keys.Default()
	tb := table(20, 5)
	for _, step := range []struct {
		key  string
		want int
	}{{"j", 1}, {"down", 2}, {"pgdown", 7}, {"k", 6}, {"end", 19}, {"pgup", 14}, {"g", 0}, {"up", 0}} {
		if !tb.Key(&km, uitest.KeyPress(step.key)) {
			t.Fatalf("%s is not a movement key", step.key)
		}
		if tb.Cursor() != step.want {
			t.Errorf("after %s the cursor is on %d, want %d", step.key, tb.Cursor(), step.want)
		}
	}
	if tb.Key(&km, uitest.KeyPress("enter")) {
		t.Error("enter moved the table")
	}
}

func TestTableFollowsTheWheelAndLeftClicks(t *testing.T) {
	tb := table(20, 5)
	tb.Wheel(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if tb.Cursor() != 3 {
		t.Fatalf("a wheel notch down moved to %d, want 3", tb.Cursor())
	}
	// Rows start on line 2 of the screen, below two lines of titles.
	if !tb.Click(tea.MouseClickMsg{Button: tea.MouseLeft, Y: 4}, 2) || tb.Cursor() != 2 {
		t.Errorf("a click on the third row on screen selected %d", tb.Cursor())
	}
	if tb.Click(tea.MouseClickMsg{Button: tea.MouseLeft, Y: 1}, 2) || tb.Click(tea.MouseClickMsg{Button: tea.MouseRight, Y: 3}, 2) {
		t.Error("a click on the titles or with the right button selected a row")
	}
	short := table(2, 5)
	if short.Click(tea.MouseClickMsg{Button: tea.MouseLeft, Y: 4}, 0) {
		t.Error("a click below the last row selected one")
	}
}

func TestTableKeepsTheSelectedRowAcrossAReload(t *testing.T) {
	rows := []string{"a", "b", "c", "d"}
	id := func(i int) string { return rows[i] }
	tb := table(len(rows), 2)
	tb.Select(2)
	selected := tb.SelectedID(id)
	rows = []string{"x", "y", "a", "b", "c", "d"}
	tb.SetRowsKeeping(len(rows), selected, id)
	if tb.Cursor() != 4 || tb.Offset() != 3 {
		t.Errorf("c is on row %d at offset %d, want 4 and 3", tb.Cursor(), tb.Offset())
	}
	rows = []string{"a"}
	tb.SetRowsKeeping(len(rows), selected, id)
	if tb.Cursor() != 0 {
		t.Errorf("with c gone the cursor is on %d, want the last row", tb.Cursor())
	}
	var empty Table
	if empty.SelectedID(id) != "" {
		t.Error("an empty table names a selected row")
	}
}
