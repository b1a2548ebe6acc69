package widget

import (
	tea "charm.land/bubbletea/v2"
	"github.com/keyhole-tui/keyhole/ui/common"
	"github.com/keyhole-tui/keyhole/ui/keys"
)

// Key moves the cursor on a movement key of km: a row, a screen of rows,
// or to either end. It reports whether msg was one.
func (t *Table) Key(km *keys.KeyMap, msg tea.KeyPressMsg) bool {
	delta, ok := km.Step(msg, t.Height(), t.rows)
	if ok {
		t.Move(delta)
	}
	return ok
}

// Wheel moves the cursor as a turn of the mouse wheel asks; it reports
// whether msg was one.
func (t *Table) Wheel(msg tea.MouseWheelMsg) bool {
	step, ok := common.WheelStep(msg)
	if ok {
		t.Move(step)
	}
	return ok
}

// Click selects the row under a left click, the first row on screen being
// drawn on line top; it reports whether the click fell on a row.
func (t *Table) Click(msg tea.MouseClickMsg, top int) bool {
	if msg.Button != tea.MouseLeft {
		return false
	}
	i, ok := t.RowAt(msg.Y - top)
	if ok {
		t.Select(i)
	}
	return ok
}
